import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DashboardPage() {
  const { t } = useTranslation('portfolio');
  return <Title order={1}>{t('title')}</Title>;
}
