import { Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { notifyError, notifySaved } from '../ui/notify';
import { newPasswordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';
import { useChangePassword } from './profile.queries';

/** The own password: the current one, and the new one twice, with the server's rules shown as you type. */
export function PasswordForm() {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [currentError, setCurrentError] = useState<string | null>(null);
  const [serverNextError, setServerNextError] = useState<string | null>(null);
  const [leftNext, setLeftNext] = useState(false);
  const problem = newPasswordProblem(next, again);
  // Length problems show once the user left the field; a mismatch once the repetition is as long.
  const show =
    problem &&
    (submitted ||
      (problem.key === 'password.mismatch' ? again.length >= next.length : leftNext && next.length > 0));
  const message = show && problem ? t(problem.key, 'params' in problem ? problem.params : {}) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!current || problem) return;
    try {
      await change.mutateAsync({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setAgain('');
      setSubmitted(false);
      setLeftNext(false);
      notifySaved(t('password.changed'));
    } catch (error) {
      if (error instanceof ApiError && error.fieldMessage('currentPassword'))
        setCurrentError(t('password.wrongCurrent'));
      else if (error instanceof ApiError && error.status === 429) setCurrentError(t('password.tooMany'));
      else if (error instanceof ApiError && error.fieldMessage('newPassword'))
        setServerNextError(error.fieldMessage('newPassword') ?? null);
      else notifyError(tc, error);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="profile-password">
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={420}>
          <Title order={2} size="h3" id="profile-password">
            {t('password.title')}
          </Title>
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => {
              setCurrent(event.currentTarget.value);
              setCurrentError(null);
            }}
            error={currentError ?? (submitted && !current ? t('password.currentRequired') : null)}
          />
          <PasswordInput
            label={t('password.next')}
            description={t('password.rules', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            autoComplete="new-password"
            required
            value={next}
            onChange={(event) => {
              setNext(event.currentTarget.value);
              setServerNextError(null);
            }}
            onBlur={() => setLeftNext(true)}
            error={
              (message && problem?.key !== 'password.mismatch' ? message : null) ??
              serverNextError ??
              undefined
            }
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            value={again}
            onChange={(event) => setAgain(event.currentTarget.value)}
            error={message && problem?.key === 'password.mismatch' ? message : undefined}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
