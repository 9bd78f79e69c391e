import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, setCsrfToken } from '../api/client';
import type { SessionUser } from '../api/types';
import { rememberLanguage } from '../i18n/i18n';
import { toLanguage } from '../i18n/messages';
import { SESSION_KEY } from './session';

export function LoginPage() {
  const { t, i18n } = useTranslation('auth');
  const client = useQueryClient();
  const navigate = useNavigate();
  const search = useSearch({ from: '/login' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<{ user: SessionUser; csrfToken: string }>('/auth/login', {
        email,
        password,
      });
      setCsrfToken(result.csrfToken);
      client.setQueryData(SESSION_KEY, { user: result.user, csrfToken: result.csrfToken });
      const language = toLanguage(result.user.language);
      rememberLanguage(language);
      await i18n.changeLanguage(language);
      await navigate({ to: search.next ?? '/' });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 429) setError(t('tooMany'));
      else if (caught instanceof ApiError && (caught.status === 401 || caught.status === 400))
        setError(t('failed'));
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t('title')}
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t('subtitle')}
              </Text>
            </div>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label={t('password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={busy} disabled={!email || !password}>
              {t('submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
