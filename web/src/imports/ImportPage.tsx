import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ImportPage() {
  const { t } = useTranslation('imports');
  return <Title order={1}>{t('title')}</Title>;
}
