import type { EChartsCoreOption } from 'echarts/core';
import type { Format } from '../i18n/format';
import type { PortfolioT, Summary } from './portfolio.text';
import { settingPercent } from './portfolio.text';
import { type RankBand, rankBands } from './rank-bands';

export const CHART_COLORS = { bar: '#279358', line: '#2f4b6e', guide: '#868e96', area: '#279358' };
const axisText = { color: '#495057' };
const grid = { left: 56, right: 20, top: 28, bottom: 64 };

/** A band's x-axis label: where it ends ("10%" of the customers), or "#3" when a band is one customer. */
export function bandLabel(band: RankBand, t: PortfolioT, format: Format): string {
  if (band.fromRank === band.toRank) return t('pareto.rank', { rank: format.number(band.toRank) });
  return format.percent(band.toShare, 0);
}

/** METHOD P1 Pareto chart: bars per rank band, the cumulative share as a line, the reach share marked. */
export function paretoOption(report: Summary, t: PortfolioT, format: Format): EChartsCoreOption {
  const bands = rankBands(report.pareto, report.concentration.positiveCustomers);
  const value = t(`value.${report.by}`);
  const percentAxis = { formatter: (v: number) => format.percent(v, 0), ...axisText };
  return {
    animationDuration: 300,
    grid,
    legend: { bottom: 0, textStyle: axisText },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const band = bands[params[0]?.dataIndex ?? 0];
        if (!band) return '';
        const title =
          band.fromRank === band.toRank
            ? t('pareto.single', { rank: format.number(band.toRank) })
            : t('pareto.ranks', { from: format.number(band.fromRank), to: format.number(band.toRank) });
        return [
          `<strong>${escapeHtml(title)}</strong>`,
          `${escapeHtml(t('pareto.share'))}: ${format.percent(band.valueShare)}`,
          `${escapeHtml(t('pareto.cumulative'))}: ${format.percent(band.cumulativeShare)}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: bands.map((band) => bandLabel(band, t, format)),
      name: t('pareto.axis'),
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: axisText,
      axisLabel: { ...axisText, interval: 0 },
    },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: percentAxis, name: value, nameTextStyle: axisText },
    series: [
      {
        type: 'bar',
        name: t('pareto.share'),
        data: bands.map((band) => band.valueShare),
        itemStyle: { color: CHART_COLORS.bar },
        barMaxWidth: 48,
      },
      {
        type: 'line',
        name: t('pareto.cumulative'),
        data: bands.map((band) => band.cumulativeShare),
        itemStyle: { color: CHART_COLORS.line },
        lineStyle: { width: 2 },
        symbolSize: 6,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: CHART_COLORS.guide },
          label: {
            formatter: settingPercent(format, report.concentration.reachShare),
            position: 'insideStartTop',
            ...axisText,
          },
          data: [{ yAxis: report.concentration.reachShare }],
        },
      },
    ],
  };
}

/** METHOD P1 Lorenz curve against the line of equal distribution. */
export function lorenzOption(report: Summary, t: PortfolioT, format: Format): EChartsCoreOption {
  const ofValue = t(`headline.ofValue.${report.by}`);
  const percentAxis = { formatter: (v: number) => format.percent(v, 0), ...axisText };
  return {
    animationDuration: 300,
    grid,
    legend: { bottom: 0, textStyle: axisText, data: [t('lorenz.curve'), t('lorenz.equality')] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { seriesIndex: number; value: [number, number] }[]) => {
        const point = params.find((p) => p.seriesIndex === 0)?.value;
        if (!point) return '';
        return escapeHtml(
          t('lorenz.tooltip', {
            customers: format.percent(point[0], 0),
            share: format.percent(point[1]),
            ofValue,
          }),
        );
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: percentAxis,
      name: t('lorenz.axisCustomers'),
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: axisText,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: percentAxis,
      name: t(`value.${report.by}`),
      nameTextStyle: axisText,
    },
    series: [
      {
        type: 'line',
        name: t('lorenz.curve'),
        data: report.lorenz.map((p) => [p.customerShare, p.valueShare]),
        showSymbol: false,
        itemStyle: { color: CHART_COLORS.bar },
        lineStyle: { width: 2 },
        areaStyle: { color: CHART_COLORS.area, opacity: 0.12 },
      },
      {
        type: 'line',
        name: t('lorenz.equality'),
        data: [
          [0, 0],
          [1, 1],
        ],
        showSymbol: false,
        silent: true,
        itemStyle: { color: CHART_COLORS.guide },
        lineStyle: { type: 'dashed', width: 1 },
      },
    ],
  };
}

/** Tooltips are HTML; account and band texts come from translations, still never trusted as markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
