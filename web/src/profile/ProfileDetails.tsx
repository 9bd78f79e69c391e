import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/types';
import { fetchSession, SESSION_KEY, useSession } from '../auth/session';
import { rememberLanguage } from '../i18n/i18n';
import { LANGUAGES, type Language, toLanguage } from '../i18n/messages';
import { notifyError, notifySaved } from '../ui/notify';
import { useUpdateProfile } from './profile.queries';

const formOf = (user: SessionUser) => ({ name: user.name, language: toLanguage(user.language) });

/**
 * Name and language, saved on the user with its version (so a change made in another tab is not
 * overwritten). While untouched, the form follows the session, e.g. the language switch in the header.
 */
export function ProfileDetails() {
  const { t, i18n } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const client = useQueryClient();
  const update = useUpdateProfile();
  const [baseline, setBaseline] = useState(user);
  const [form, setForm] = useState(() => formOf(user));
  const [touched, setTouched] = useState(false);
  const original = formOf(baseline);
  const dirty = form.name !== original.name || form.language !== original.language;
  if (user !== baseline && !dirty) {
    setBaseline(user);
    setForm(formOf(user));
  }
  const nameError = touched && !form.name.trim() ? t('details.nameRequired') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!dirty || !form.name.trim()) return;
    try {
      const { user: after } = await update.mutateAsync({
        version: baseline.version,
        ...(form.name !== original.name ? { name: form.name.trim() } : {}),
        ...(form.language !== original.language ? { language: form.language } : {}),
      });
      if (form.language !== toLanguage(i18n.language)) {
        rememberLanguage(form.language);
        await i18n.changeLanguage(form.language);
      }
      setBaseline(after);
      setForm(formOf(after));
      setTouched(false);
      // In the language just chosen: the `t` of this render still speaks the old one.
      notifySaved(i18n.getFixedT(after.language, 'profile')('details.saved'));
    } catch (error) {
      notifyError(tc, error, async () => {
        const session = await fetchSession();
        client.setQueryData(SESSION_KEY, session);
        if (session) {
          setBaseline(session.user);
          setForm(formOf(session.user));
        }
      });
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="profile-details">
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={420}>
          <Title order={2} size="h3" id="profile-details">
            {t('details.title')}
          </Title>
          <TextInput
            label={t('details.name')}
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
            onBlur={() => setTouched(true)}
            error={nameError}
            required
            maxLength={200}
            autoComplete="name"
          />
          <Group gap="xl" align="flex-start">
            <div>
              <Text size="sm" fw={500}>
                {t('details.email')}
              </Text>
              <Text size="sm">{user.email}</Text>
            </div>
            <div>
              <Text size="sm" fw={500}>
                {t('details.role')}
              </Text>
              <Text size="sm">{tc(`roles.${user.role}`)}</Text>
            </div>
          </Group>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('details.roleHint')}
          </Text>
          <Select
            label={t('details.language')}
            description={t('details.languageHint')}
            data={LANGUAGES.map((language) => ({ value: language, label: tc(`languages.${language}`) }))}
            value={form.language}
            onChange={(value) => value && setForm({ ...form, language: value as Language })}
            allowDeselect={false}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              {tc('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
