import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useFormat } from '../i18n/format';
import { AbcMatrix } from './AbcMatrix';
import { AbcPanel } from './AbcPanel';
import { ChangesPanel } from './ChangesPanel';
import { ConcentrationPanel } from './ConcentrationPanel';
import { LorenzCard, ParetoCard } from './CurveCharts';
import { AnalysisError, DashboardSkeleton, NoCustomers, NoSales } from './DashboardStates';
import { GreenCirclePanel } from './GreenCirclePanel';
import { useAnalysis } from './portfolio.queries';
import { headline, type Summary } from './portfolio.text';
import { RevenueAtRisk } from './RevenueAtRisk';
import { usePortfolioView } from './usePortfolioView';
import { ViewControls } from './ViewControls';
import { FILTERS, type PortfolioView } from './view';

/** The portfolio at a glance (METHOD P1, P3, P4, G1, G3) for any period, value and filter. */
export function DashboardPage() {
  const { t } = useTranslation('portfolio');
  const [view, setView] = usePortfolioView();
  const analysis = useAnalysis(view);
  const report = analysis.data;
  const noSales = analysis.error instanceof ApiError && analysis.error.code === 'no_sales_data';
  return (
    <Stack gap="md" maw={1480}>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('subtitle')}</Text>
      </div>
      {noSales ? (
        <NoSales />
      ) : (
        <>
          <Card withBorder padding="md" radius="md" component="section" aria-label={t('controls.label')}>
            <ViewControls
              view={view}
              onChange={setView}
              current={report ? report.window : null}
              updating={analysis.isFetching && !analysis.isPending}
            />
          </Card>
          {analysis.isPending ? (
            <DashboardSkeleton />
          ) : analysis.isError || !report ? (
            <AnalysisError
              error={analysis.error}
              view={view}
              onChange={setView}
              onRetry={() => void analysis.refetch()}
            />
          ) : (
            <Dashboard report={report} view={view} onChange={setView} />
          )}
          <ChangesPanel />
        </>
      )}
    </Stack>
  );
}

function Dashboard({
  report,
  view,
  onChange,
}: {
  report: Summary;
  view: PortfolioView;
  onChange: (view: PortfolioView) => void;
}) {
  return (
    <Stack gap="md">
      <HeadlineCard report={report} />
      {report.concentration.customers === 0 ? (
        <NoCustomers view={view} onChange={onChange} />
      ) : (
        <>
          <ConcentrationPanel report={report} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <ParetoCard report={report} />
            <LorenzCard report={report} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <AbcPanel report={report} />
            <AbcMatrix report={report} view={view} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <GreenCirclePanel report={report} view={view} />
            <RevenueAtRisk report={report} view={view} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

/** METHOD P1 in words, with the period it covers and the filters applied. */
function HeadlineCard({ report }: { report: Summary }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const { window } = report;
  const period = t('period', { from: format.date(window.from), to: format.date(window.to) });
  const compared =
    window.previousFrom && window.previousTo
      ? t('compared', { from: format.date(window.previousFrom), to: format.date(window.previousTo) })
      : t('noPrevious');
  const filters = FILTERS.filter((key) => report.filters[key]).map(
    (key) => `${t(`controls.${key}`)}: ${report.filters[key]}`,
  );
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      style={{ borderLeft: '4px solid var(--mantine-color-kontor-8)' }}
    >
      <Text size="xl" fw={600} component="p" aria-live="polite" data-testid="portfolio-headline">
        {headline(report, t, format)}
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {[period, compared, filters.length ? t('filteredBy', { filters: filters.join(', ') }) : null]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Card>
  );
}
