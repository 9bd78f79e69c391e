import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ProfilePage() {
  const { t } = useTranslation('profile');
  return <Title order={1}>{t('title')}</Title>;
}
