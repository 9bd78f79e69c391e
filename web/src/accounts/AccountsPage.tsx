import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function AccountsPage() {
  const { t } = useTranslation('accounts');
  return <Title order={1}>{t('title')}</Title>;
}
