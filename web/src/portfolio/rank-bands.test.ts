import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { makeFormat } from '../i18n/format';
import { lorenzOption, paretoOption } from './portfolio.charts';
import * as messages from './portfolio.messages';
import type { PortfolioT, Summary } from './portfolio.text';
import { cumulativeAt, rankBands } from './rank-bands';

/** The report's Pareto curve for values in ranking order (largest first), as src/core builds it. */
function paretoOf(values: number[]) {
  const total = values.reduce((sum, v) => sum + v, 0);
  let running = 0;
  return [
    { customerShare: 0, valueShare: 0 },
    ...values.map((v, i) => {
      running += v;
      return { customerShare: (i + 1) / values.length, valueShare: running / total };
    }),
  ];
}

const rounded = (numbers: number[]) => numbers.map((n) => Math.round(n * 1e6) / 1e6);

describe('rank bands of the Pareto chart', () => {
  it('gives one band per customer when there are fewer customers than bands', () => {
    const bands = rankBands(paretoOf([60, 30, 10]), 3);
    expect(bands.map((b) => [b.fromRank, b.toRank])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(rounded(bands.map((b) => b.valueShare))).toEqual([0.6, 0.3, 0.1]);
    expect(rounded(bands.map((b) => b.cumulativeShare))).toEqual([0.6, 0.9, 1]);
  });

  it('cuts the customers into tenths and sums what each tenth brings', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i); // 20, 19, …, 1; total 210
    const bands = rankBands(paretoOf(values), 20);
    expect(bands).toHaveLength(10);
    expect(bands[0]).toMatchObject({ fromRank: 1, toRank: 2, fromShare: 0, toShare: 0.1 });
    expect(bands[9]).toMatchObject({ fromRank: 19, toRank: 20, toShare: 1, cumulativeShare: 1 });
    expect(rounded(bands.map((b) => b.valueShare))).toEqual(
      rounded([39, 35, 31, 27, 23, 19, 15, 11, 7, 3].map((v) => v / 210)),
    );
  });

  it('reads a downsampled curve linearly between its points and always ends at 100%', () => {
    // 1,000 equal customers, curve kept at every 10th customer: each tenth brings a tenth.
    const curve = paretoOf(Array.from({ length: 1000 }, () => 1)).filter((_, i) => i % 10 === 0);
    const bands = rankBands(curve, 1000);
    expect(rounded(bands.map((b) => b.valueShare))).toEqual(Array.from({ length: 10 }, () => 0.1));
    expect(bands.map((b) => b.toRank)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    const steep = [
      { customerShare: 0, valueShare: 0 },
      { customerShare: 0.5, valueShare: 0.9 },
      { customerShare: 1, valueShare: 1 },
    ];
    expect(cumulativeAt(steep, 0.25)).toBeCloseTo(0.45);
    expect(cumulativeAt(steep, 0.75)).toBeCloseTo(0.95);
    expect(cumulativeAt(steep, 0)).toBe(0);
    expect(cumulativeAt(steep, 1.2)).toBe(1);
  });

  it('has no bands without a positive base', () => {
    expect(rankBands([], 0)).toEqual([]);
  });
});

describe('chart options', () => {
  const instance = i18next.createInstance();
  void instance.init({
    lng: 'de',
    resources: { de: { portfolio: messages.de } },
    defaultNS: 'portfolio',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const t = instance.getFixedT('de', 'portfolio') as PortfolioT;
  const format = makeFormat('de-DE', 'EUR');
  const values = Array.from({ length: 20 }, (_, i) => 20 - i);
  const report = {
    by: 'revenue',
    concentration: { positiveCustomers: 20, reachShare: 0.8 },
    pareto: paretoOf(values),
    lorenz: paretoOf([...values].reverse()),
  } as unknown as Summary;
  const plain = (text: string) => text.replace(/\u00a0/g, ' ');

  it('labels the Pareto bars by tenth of the customers and explains a bar in its tooltip', () => {
    const option = paretoOption(report, t, format) as {
      xAxis: { data: string[] };
      series: { data: number[]; markLine: { data: { yAxis: number }[] } }[];
      tooltip: { formatter: (params: { dataIndex: number }[]) => string };
    };
    expect(option.xAxis.data.map(plain).slice(0, 3)).toEqual(['10 %', '20 %', '30 %']);
    expect(option.series[0]!.data[0]).toBeCloseTo(39 / 210);
    expect(option.series[1]!.data[9]).toBe(1);
    expect(option.series[1]!.markLine.data).toEqual([{ yAxis: 0.8 }]);
    expect(plain(option.tooltip.formatter([{ dataIndex: 1 }]))).toBe(
      '<strong>Kunden auf Rang 3–4</strong><br/>Anteil: 16,7 %<br/>Kumuliert: 35,2 %',
    );
  });

  it('draws the Lorenz curve point by point beside the line of equality', () => {
    const option = lorenzOption(report, t, format) as {
      series: { data: number[][] }[];
      tooltip: { formatter: (params: { seriesIndex: number; value: number[] }[]) => string };
    };
    expect(option.series[0]!.data).toHaveLength(21);
    expect(option.series[1]!.data).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(plain(option.tooltip.formatter([{ seriesIndex: 0, value: [0.5, 0.262] }]))).toBe(
      'Die kleinsten 50 % der Kunden bringen 26,2 % des Umsatzes.',
    );
  });
});
