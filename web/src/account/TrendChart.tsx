import { Group, Paper, ScrollArea, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { AccountMonthlyMetrics } from '../api/types';
import { type Format, useFormat } from '../i18n/format';
import { EChart } from '../ui/EChart';
import { ErrorAlert } from '../ui/QueryState';
import { useMonthlyMetrics } from './account.queries';
import { PanelLoading } from './PanelLoading';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent]);

const HEIGHT = 320;
const REVENUE_COLOR = '#1c834c';
const MARGIN_COLOR = '#1c5fb8';

/** Revenue (bars) and margin (line) per month from the sales lines, with the same figures as a table. */
export function TrendChart({ accountId }: { accountId: string }) {
  const { t } = useTranslation('account');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const query = useMonthlyMetrics(accountId);
  const noSales = query.error instanceof ApiError && query.error.status === 422;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="trend-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="trend-title">
          {t('chart.title')}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('chart.view')}
          value={view}
          onChange={(value) => setView(value as 'chart' | 'table')}
          data={[
            { value: 'chart', label: t('chart.asChart') },
            { value: 'table', label: t('chart.asTable') },
          ]}
        />
      </Group>
      {query.isPending ? (
        <PanelLoading height={HEIGHT} />
      ) : noSales ? (
        <Text c="dimmed" mih={HEIGHT} pt="xl" ta="center">
          {t('chart.noSales')}
        </Text>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : view === 'chart' ? (
        <Chart data={query.data} />
      ) : (
        <Figures data={query.data} />
      )}
    </Paper>
  );
}

function monthLabel(format: Format) {
  const month = new Intl.DateTimeFormat(format.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  return (value: string) => month.format(new Date(`${value}-01T00:00:00Z`));
}

function Chart({ data }: { data: AccountMonthlyMetrics }) {
  const { t } = useTranslation('account');
  const format = useFormat();
  const option = useMemo<EChartsCoreOption>(() => {
    const label = monthLabel(format);
    const money = (value: unknown) => (typeof value === 'number' ? format.money(value) : format.money(null));
    return {
      animation: false,
      grid: { left: 8, right: 12, top: 36, bottom: 24 },
      legend: { top: 0, left: 0, itemGap: 16 },
      tooltip: { trigger: 'axis', valueFormatter: money },
      xAxis: {
        type: 'category',
        data: data.months.map((m) => label(m.month)),
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.moneyCompact(value) } },
      series: [
        {
          type: 'bar',
          name: t('chart.revenue'),
          data: data.months.map((m) => Number(m.revenue)),
          itemStyle: { color: REVENUE_COLOR },
          barMaxWidth: 28,
        },
        {
          type: 'line',
          name: t('chart.margin'),
          data: data.months.map((m) => (m.margin === null ? null : Number(m.margin))),
          itemStyle: { color: MARGIN_COLOR },
          lineStyle: { width: 2 },
          symbolSize: 6,
        },
      ],
    };
  }, [data, format, t]);
  const summary = t('chart.summary', {
    from: format.date(data.from),
    to: format.date(data.to),
    revenue: format.money(data.totals.revenue),
    margin: format.money(data.totals.margin),
  });
  return (
    <>
      <EChart option={option} height={HEIGHT} label={summary} />
      <Text size="xs" c="dimmed" mt="xs">
        {summary}
      </Text>
    </>
  );
}

function Figures({ data }: { data: AccountMonthlyMetrics }) {
  const { t } = useTranslation('account');
  const format = useFormat();
  const label = monthLabel(format);
  const pct = (revenue: string, margin: string | null) =>
    margin === null || Number(revenue) <= 0 ? null : Number(margin) / Number(revenue);
  return (
    <ScrollArea h={HEIGHT + 22} type="auto">
      <Table striped stickyHeader highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('chart.month')}</Table.Th>
            <Table.Th className="num">{t('chart.revenue')}</Table.Th>
            <Table.Th className="num">{t('chart.margin')}</Table.Th>
            <Table.Th className="num">{t('header.marginPct')}</Table.Th>
            <Table.Th className="num">{t('chart.orders')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...data.months].reverse().map((m) => (
            <Table.Tr key={m.month}>
              <Table.Td>{label(m.month)}</Table.Td>
              <Table.Td className="num">{format.money(m.revenue)}</Table.Td>
              <Table.Td className="num">{format.money(m.margin)}</Table.Td>
              <Table.Td className="num">{format.percent(pct(m.revenue, m.margin))}</Table.Td>
              <Table.Td className="num">{format.number(m.orders)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
