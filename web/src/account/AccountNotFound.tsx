import { Button, EmptyState } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** A link to an account that does not exist (any more): say so and offer the way back. */
export function AccountNotFound({ id }: { id: string }) {
  const { t } = useTranslation('account');
  return (
    <EmptyState mt="xl">
      <EmptyState.Title order={1}>{t('notFound.title')}</EmptyState.Title>
      <EmptyState.Description>{t('notFound.description', { id })}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/accounts">
          {t('backToAccounts')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
