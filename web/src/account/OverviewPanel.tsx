import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../api/types';
import { useFormat } from '../i18n/format';
import { TrendChart } from './TrendChart';

/** The trend over two years next to the facts of the last analysis. */
export function OverviewPanel({
  accountId,
  account,
}: {
  accountId: string;
  account: AccountDetail | undefined;
}) {
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <TrendChart accountId={accountId} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>{account && <Facts account={account} />}</Grid.Col>
    </Grid>
  );
}

function Facts({ account }: { account: AccountDetail }) {
  const { t } = useTranslation('account');
  const format = useFormat();
  const m = account.metrics;
  const signed = (value: number | null | undefined) =>
    value === null || value === undefined
      ? format.percent(null)
      : `${value > 0 ? '+' : ''}${format.percent(value)}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="facts-title" h="100%">
      <Title order={2} size="h4" id="facts-title" mb="sm">
        {t('facts.title')}
      </Title>
      <Stack gap={6} component="dl" m={0}>
        <Fact label={t('facts.rank')}>{m?.rank ? `#${format.number(m.rank)}` : format.number(null)}</Fact>
        <Fact label={t('facts.share')}>{format.percent(m?.share, 2)}</Fact>
        <Fact label={t('facts.previousRevenue')}>{format.money(m?.previousRevenue)}</Fact>
        <Fact label={t('facts.quarterGrowth')}>{signed(m?.quarterGrowth)}</Fact>
        <Fact label={t('facts.orders')}>{format.number(m?.orders)}</Fact>
        <Fact label={t('facts.firstPurchase')}>{format.date(m?.firstPurchase)}</Fact>
        <Fact label={t('facts.lastPurchase')}>{format.date(m?.lastPurchase)}</Fact>
        <Fact label={t('facts.wallet')}>{format.money(account.wallet)}</Fact>
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" fw={500} className="num" m={0}>
        {children}
      </Text>
    </div>
  );
}
