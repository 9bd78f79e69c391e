import {
  Alert,
  Button,
  type ButtonProps,
  Card,
  Code,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { can, useSession } from '../auth/session';
import { ErrorAlert } from '../ui/QueryState';
import { CHART_HEIGHT } from './CurveCharts';
import { hasFilters, type PortfolioView, withoutFilters } from './view';

/** Mantine's button drawn as a real <a href> router link. */
const ButtonLink = createLink(
  forwardRef<HTMLAnchorElement, ButtonProps & { children?: ReactNode }>((props, ref) => (
    <Button component="a" ref={ref} {...props} />
  )),
);

/** The dashboard's shape while the first analysis loads, so nothing moves when it arrives. */
export function DashboardSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" role="status" aria-live="polite" aria-label={t('loading')}>
      <Skeleton h={76} radius="md" />
      <Skeleton h={236} radius="md" />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Skeleton h={CHART_HEIGHT + 84} radius="md" />
        <Skeleton h={CHART_HEIGHT + 84} radius="md" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Skeleton h={340} radius="md" />
        <Skeleton h={340} radius="md" />
      </SimpleGrid>
    </Stack>
  );
}

/** A workspace without sales lines: what to do next, by role. */
export function NoSales() {
  const { t } = useTranslation('portfolio');
  const { user } = useSession();
  return (
    <Card withBorder padding="xl" radius="md" maw={720}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('empty.title')}
        </Title>
        <Text>{t('empty.body')}</Text>
        {can(user.role).import ? (
          <>
            <Group>
              <ButtonLink to="/imports">{t('empty.import')}</ButtonLink>
            </Group>
            <Text size="sm" c="dimmed">
              {t('empty.cli')}
              <Code>kontor import sales FILE</Code>
            </Text>
          </>
        ) : (
          <Text fw={500}>{t('empty.askImport')}</Text>
        )}
      </Stack>
    </Card>
  );
}

/** Errors of the analysis: the ones a user can fix get a way out, others the server's message and a retry. */
export function AnalysisError({
  error,
  view,
  onChange,
  onRetry,
}: {
  error: unknown;
  view: PortfolioView;
  onChange: (view: PortfolioView) => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation('portfolio');
  if (error instanceof ApiError && error.code === 'no_margin_data') {
    return (
      <Alert color="orange" variant="light" title={t('value.margin')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('empty.noMargin')}</Text>
          <Button size="xs" variant="light" onClick={() => onChange({ ...view, by: 'revenue' })}>
            {t('empty.useRevenue')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}

/** The view has no customer (a short period, narrow filters). */
export function NoCustomers({
  view,
  onChange,
}: {
  view: PortfolioView;
  onChange: (view: PortfolioView) => void;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <Alert color="gray" variant="light" title={t('empty.noCustomers')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('empty.noCustomersHint')}</Text>
        {hasFilters(view) && (
          <Button size="xs" variant="light" onClick={() => onChange(withoutFilters(view))}>
            {t('controls.clearFilters')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
