import { Alert, List, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat, useSettings } from '../i18n/format';
import { Section } from './parts';
import { type Summary, settingPercent, warningText } from './portfolio.text';

interface Kpi {
  key: string;
  label: string;
  value: string;
  hint?: string;
  /** Past a METHOD P4 limit: shown in red. */
  alarm?: boolean;
}

/** METHOD P1 figures and the METHOD P4 dependence warnings. */
export function ConcentrationPanel({ report }: { report: Summary }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const limits = useSettings().data?.warnings;
  const c = report.concentration;
  const warned = new Set(report.warnings.map((w) => w.code));
  const hhiLevel =
    c.hhi === null ? undefined : c.hhi < 1500 ? 'hhiLow' : c.hhi <= 2500 ? 'hhiModerate' : 'hhiHigh';
  const kpis: Kpi[] = [
    {
      key: 'customers',
      label: t('kpi.customers'),
      value: format.number(c.customers),
      hint:
        c.nonPositiveCustomers > 0 ? t('kpi.customersApart', { count: c.nonPositiveCustomers }) : undefined,
    },
    { key: 'total', label: t(`kpi.total.${report.by}`), value: format.money(c.total) },
    {
      key: 'top',
      label: t('kpi.topShare', { top: settingPercent(format, c.topShare) }),
      value: format.percent(c.top25Share),
      hint:
        c.bottom75Share === null
          ? undefined
          : t('kpi.topShareHint', {
              rest: settingPercent(format, 1 - c.topShare),
              share: format.percent(c.bottom75Share),
            }),
    },
    {
      key: 'to80',
      label: t('kpi.to80', { reach: settingPercent(format, c.reachShare) }),
      value: format.number(c.customersTo80),
      hint:
        c.customersTo80Share === null
          ? undefined
          : t('kpi.to80Hint', { share: format.percent(c.customersTo80Share) }),
      alarm: warned.has('few_customers_make_80'),
    },
    {
      key: 'largest',
      label: t('kpi.largest'),
      value: format.percent(c.largestShare, 2),
      hint: limits
        ? t('kpi.limit', { limit: settingPercent(format, limits.largestCustomerMaxShare) })
        : undefined,
      alarm: warned.has('largest_customer_dependence'),
    },
    {
      key: 'top5',
      label: t('kpi.topN', { count: c.top5Count }),
      value: format.percent(c.top5Share, 2),
      hint: limits ? t('kpi.limit', { limit: settingPercent(format, limits.top5MaxShare) }) : undefined,
      alarm: warned.has('top5_dependence'),
    },
    { key: 'gini', label: t('kpi.gini'), value: format.number(c.gini, 2), hint: t('kpi.giniHint') },
    {
      key: 'hhi',
      label: t('kpi.hhi'),
      value: format.number(c.hhi, 0),
      hint: hhiLevel ? t(`kpi.${hhiLevel}`) : undefined,
    },
  ];
  return (
    <Section id="concentration" title={t('kpi.title')}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {kpis.map((kpi) => (
          <Paper key={kpi.key} withBorder p="sm" radius="sm" bg={kpi.alarm ? 'red.0' : undefined}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} lineClamp={1}>
              {kpi.label}
            </Text>
            <Text size="xl" fw={700} className="num" ta="left" c={kpi.alarm ? 'red.9' : undefined}>
              {kpi.value}
            </Text>
            <Text size="xs" c={kpi.alarm ? 'red.9' : 'dimmed'} mih={18} lineClamp={2}>
              {kpi.hint ?? ''}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {report.warnings.length === 0 ? (
        <Alert color="kontor" variant="light" title={t('warnings.title')}>
          {t('warnings.none')}
        </Alert>
      ) : (
        <Alert
          color={report.warnings.some((w) => w.severity === 'high') ? 'red' : 'orange'}
          variant="light"
          title={t('warnings.title')}
        >
          <List size="sm" spacing={4}>
            {report.warnings.map((warning) => (
              <List.Item key={warning.code}>{warningText(warning, report.by, t, format)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Section>
  );
}
