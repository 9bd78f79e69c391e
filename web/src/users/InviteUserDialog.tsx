import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { Role, User } from '../api/types';
import { notifyError } from '../ui/notify';
import { OneTimeSecret } from '../ui/OneTimeSecret';
import { renderRoleOption, useRoleOptions } from './RoleSelect';
import { useInviteUser } from './users.queries';

/**
 * Creates a user with a generated password, shown once (there is no mail server: the admin hands it
 * over). The server checks the e-mail; its refusals appear on the field.
 */
export function InviteUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const invite = useInviteUser();
  const roles = useRoleOptions();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('account_manager');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ user: User; password: string } | null>(null);

  const close = () => {
    setEmail('');
    setName('');
    setRole('account_manager');
    setEmailError(null);
    setCreated(null);
    invite.reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setEmailError(t('invite.emailInvalid'));
      return;
    }
    try {
      const input = { email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) };
      setCreated(await invite.mutateAsync(input));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setEmailError(t('invite.emailTaken'));
      else if (error instanceof ApiError && (error.fieldMessage('e-mail') || error.fieldMessage('email')))
        setEmailError(t('invite.emailInvalid'));
      else notifyError(tc, error);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('close') }}
      opened={opened}
      onClose={close}
      title={t('invite.title')}
      size="lg"
    >
      {created ? (
        <Stack>
          <OneTimeSecret
            label={t('invite.passwordLabel', { email: created.user.email })}
            secret={created.password}
            hint={`${t('invite.created', { name: created.user.name })} ${t('invite.passwordHint', { name: created.user.name })}`}
          />
          <Group justify="flex-end">
            <Button onClick={close}>{t('invite.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('invite.email')}
              type="email"
              required
              autoComplete="off"
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                setEmailError(null);
              }}
              error={emailError}
              data-autofocus
            />
            <TextInput
              label={t('invite.name')}
              description={t('invite.nameHint')}
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={200}
            />
            <Select
              label={t('invite.role')}
              data={roles}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              renderOption={renderRoleOption}
              allowDeselect={false}
              description={roles.find((option) => option.value === role)?.description}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {tc('cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending} disabled={!email.trim()}>
                {t('invite.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
