import { Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordForm } from './PasswordForm';
import { ProfileDetails } from './ProfileDetails';
import { TokensPanel } from './TokensPanel';

/** The caller's own profile: name and language, password, API tokens. Every role has one. */
export function ProfilePage() {
  const { t } = useTranslation('profile');
  useEffect(() => {
    document.title = `${t('title')} · Kontor`;
  }, [t]);
  return (
    <Stack gap="lg" maw={880}>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('intro')}
        </Text>
      </div>
      <ProfileDetails />
      <PasswordForm />
      <TokensPanel />
    </Stack>
  );
}
