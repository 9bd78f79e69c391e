import { Badge, Center, Text } from '@mantine/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { EChart } from '../ui/EChart';
import { Section } from './parts';
import { lorenzOption, paretoOption } from './portfolio.charts';
import { type Summary, settingPercent } from './portfolio.text';
import { rankBands } from './rank-bands';

use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent]);

export const CHART_HEIGHT = 300;

function NoCurve() {
  const { t } = useTranslation('portfolio');
  return (
    <Center h={CHART_HEIGHT}>
      <Text c="dimmed">{t('empty.noCustomers')}</Text>
    </Center>
  );
}

/** METHOD P1: bars per tenth of the customers and the cumulative line. */
export function ParetoCard({ report }: { report: Summary }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const option = useMemo(() => paretoOption(report, t, format), [report, t, format]);
  const c = report.concentration;
  const few = c.positiveCustomers <= 10;
  const first = rankBands(report.pareto, c.positiveCustomers)[0];
  const label = t('pareto.aria', {
    first: format.percent(first?.valueShare ?? null),
    ofValue: t(`headline.ofValue.${report.by}`),
    customers: format.number(c.customersTo80),
    reach: settingPercent(format, c.reachShare),
  });
  const value = t(`headline.valueWord.${report.by}`);
  return (
    <Section
      id="pareto"
      title={t('pareto.title')}
      description={t(few ? 'pareto.subtitleFew' : 'pareto.subtitle', { value })}
    >
      {c.positiveCustomers === 0 ? (
        <NoCurve />
      ) : (
        <EChart option={option} height={CHART_HEIGHT} label={label} />
      )}
    </Section>
  );
}

/** METHOD P1: the Lorenz curve with the Gini coefficient. */
export function LorenzCard({ report }: { report: Summary }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const option = useMemo(() => lorenzOption(report, t, format), [report, t, format]);
  const gini = format.number(report.concentration.gini, 2);
  return (
    <Section
      id="lorenz"
      title={t('lorenz.title')}
      description={t('kpi.giniHint')}
      aside={
        report.concentration.gini !== null && (
          <Badge variant="light" size="lg" className="num">
            {t('lorenz.gini', { gini })}
          </Badge>
        )
      }
    >
      {report.lorenz.length === 0 ? (
        <NoCurve />
      ) : (
        <EChart
          option={option}
          height={CHART_HEIGHT}
          label={t('lorenz.aria', { value: t(`value.${report.by}`), gini })}
        />
      )}
    </Section>
  );
}
