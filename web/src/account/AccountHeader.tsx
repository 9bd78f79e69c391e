import { Code, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, TeamMember } from '../api/types';
import { useFormat } from '../i18n/format';
import { Classification } from './Classification';

/** Name, classification, the figures of the last analysis and the people responsible. */
export function AccountHeader({
  account,
  team,
  editable,
}: {
  account: AccountDetail;
  team: UseQueryResult<TeamMember[]>;
  editable: boolean;
}) {
  const { t } = useTranslation('account');
  const format = useFormat();
  const metrics = account.metrics;
  const growth = metrics?.growth ?? null;
  const place = [account.segment, account.region].filter(Boolean).join(' · ');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="account-name">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} miw={0} style={{ flex: '1 1 320px' }}>
          <Title order={1} size="h2" id="account-name" lineClamp={2}>
            {account.name}
          </Title>
          <Group gap="xs">
            <Code aria-label={t('header.id')}>{account.id}</Code>
            {place && (
              <Text size="sm" c="dimmed">
                {place}
              </Text>
            )}
          </Group>
        </Stack>
        <Classification account={account} editable={editable} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" verticalSpacing="sm" mt="md">
        <Figure label={t('header.revenue')}>{format.money(metrics?.revenue)}</Figure>
        <Figure label={t('header.margin')}>{format.money(metrics?.margin)}</Figure>
        <Figure label={t('header.marginPct')}>{format.percent(metrics?.marginPct)}</Figure>
        <Figure label={t('header.growth')} hint={t('header.growthHint')}>
          <Text span inherit c={growth === null ? undefined : growth >= 0 ? 'kontor.9' : 'red.8'}>
            {growth !== null && growth > 0 ? '+' : ''}
            {format.percent(growth)}
          </Text>
        </Figure>
        <Figure label={t('header.owner')} wrap>
          {account.owner ?? t('header.noOwner')}
        </Figure>
        <Figure label={t('header.team')}>
          <TeamList team={team} />
        </Figure>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {metrics
          ? t('header.window', {
              from: format.date(metrics.windowFrom),
              to: format.date(metrics.windowTo),
              at: format.date(metrics.computedAt),
            })
          : t('header.notAnalysed')}
      </Text>
    </Paper>
  );
}

function Figure({
  label,
  hint,
  wrap,
  children,
}: {
  label: string;
  hint?: string;
  wrap?: boolean;
  children: ReactNode;
}) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} title={hint}>
        {label}
      </Text>
      <Text
        size={wrap ? 'md' : 'lg'}
        fw={600}
        component="div"
        lineClamp={wrap ? 2 : 1}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {children}
      </Text>
    </Stack>
  );
}

function TeamList({ team }: { team: UseQueryResult<TeamMember[]> }) {
  const { t } = useTranslation('account');
  if (team.isPending) return <Skeleton height={20} width="80%" mt={4} />;
  if (team.isError) return <Text size="sm">{t('header.teamError')}</Text>;
  if (team.data.length === 0) return <Text size="sm">{t('header.noTeam')}</Text>;
  return (
    <Stack gap={0}>
      {team.data.map((member) => (
        <Text key={member.userId} size="sm" fw={400} lineClamp={2} title={member.email}>
          {member.name}{' '}
          <Text span size="xs" c="dimmed">
            ({t(`teamRoles.${member.teamRole}`)})
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

/** The same footprint as the header, so nothing jumps when it arrives. */
export function AccountHeaderSkeleton() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" role="status" aria-label={t('loading')}>
      <Skeleton height={30} width="40%" />
      <Skeleton height={18} width="20%" mt="xs" />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" mt="md">
        {Array.from({ length: 6 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders without identity
          <Stack key={index} gap={6}>
            <Skeleton height={10} width="50%" />
            <Skeleton height={22} width="80%" />
          </Stack>
        ))}
      </SimpleGrid>
      <Skeleton height={12} width="30%" mt="sm" />
    </Paper>
  );
}
