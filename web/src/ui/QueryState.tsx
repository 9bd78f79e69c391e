import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Loading, error and empty states in one place, so every page shows them the same way. */
export function QueryState<T>({
  query,
  children,
  isEmpty,
  empty,
  minHeight = 120,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  minHeight?: number;
}) {
  const { t } = useTranslation();
  if (query.isPending)
    return (
      <Center mih={minHeight} role="status" aria-live="polite">
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('loading')}</Text>
        </Group>
      </Center>
    );
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data))
    return (
      <Center mih={minHeight}>
        <Text c="dimmed">{empty ?? t('empty')}</Text>
      </Center>
    );
  return <>{children(query.data)}</>;
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={t('error')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {error instanceof ApiError && error.details.length > 0 && (
          <ul>
            {error.details.map((detail) => (
              <li key={`${detail.field}-${detail.line}-${detail.message}`}>
                {detail.field ? `${detail.field}: ` : ''}
                {detail.message}
              </li>
            ))}
          </ul>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
