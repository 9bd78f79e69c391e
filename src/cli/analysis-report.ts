import type { PortfolioReport } from '../portfolio/portfolio.report-model.js';
import { formatCount, formatMoney, formatPercent, table } from './format.js';

/** METHOD P1 in words, as a sales manager would say it. */
export function headline(report: PortfolioReport): string {
  const c = report.concentration;
  const value = report.by === 'revenue' ? 'revenue' : 'gross margin';
  if (c.positiveCustomers === 0) return `No customer has a positive ${value} in this window.`;
  const top = percentOf(c.topShare);
  const reach = percentOf(c.reachShare);
  return (
    `The top ${top} of customers (${formatCount(c.top25Count)}) bring ${formatPercent(c.top25Share)} of ${value}; ` +
    `${formatCount(c.customersTo80)} customers (${formatPercent(c.customersTo80Share)}) make up ${reach}.`
  );
}

export function renderAnalysis(report: PortfolioReport, options: { accounts: number }): string {
  const c = report.concentration;
  const out: string[] = [];
  const filters = Object.entries(report.filters).map(([k, v]) => `${k} = ${v}`);
  out.push(
    `Portfolio ${report.window.from} – ${report.window.to}, by ${report.by}${filters.length ? ` (${filters.join(', ')})` : ''}`,
  );
  out.push('', headline(report), '');
  out.push(
    table(
      ['Concentration (METHOD P1)', ''],
      [
        ['Customers in the window', formatCount(c.customers)],
        ['  with a positive total', formatCount(c.positiveCustomers)],
        ['  with zero or less (apart)', formatCount(c.nonPositiveCustomers)],
        [`Total ${report.by} (${report.currency})`, formatMoney(c.total)],
        [`Top ${percentOf(c.topShare)} share`, formatPercent(c.top25Share)],
        [`Other ${percentOf(1 - c.topShare)} share`, formatPercent(c.bottom75Share)],
        [
          `Customers to reach ${percentOf(c.reachShare)}`,
          `${formatCount(c.customersTo80)} (${formatPercent(c.customersTo80Share)})`,
        ],
        ['Largest customer', formatPercent(c.largestShare, 2)],
        ['Top 5', formatPercent(c.top5Share, 2)],
        ['Gini', c.gini === null ? '–' : c.gini.toFixed(4)],
        ['HHI (0–10,000)', c.hhi === null ? '–' : c.hhi.toFixed(c.hhi < 10 ? 3 : 1)],
      ],
      [false, true],
    ),
  );
  out.push(
    '',
    table(
      ['ABC (METHOD P3)', 'Accounts', `Share of ${report.by}`],
      (['A', 'B', 'C'] as const).map((k) => [
        k,
        formatCount(report.abc[k]),
        formatPercent(report.abc.classes[k].share),
      ]),
      [false, true, true],
    ),
  );
  const g = report.greenCircle.counts;
  out.push(
    '',
    `Green Circle (METHOD G1): ${formatCount(g.green)} accounts; transactional: ${formatCount(g.transactional)}.`,
  );
  const byPotential = report.greenCircle.byPotential;
  if (byPotential.length > 0) {
    out.push('', `Green Circle by potential (METHOD G1, ${byPotential.length}, largest 10):`);
    out.push(
      table(
        ['Account', 'Revenue', 'Potential', 'Class'],
        byPotential
          .slice(0, 10)
          .map((r) => [label(r.id, r.name), formatMoney(r.revenue), formatMoney(r.potential), r.class]),
        [false, true, true, false],
      ),
    );
  }
  if (report.warnings.length > 0) {
    out.push('', 'Warnings (METHOD P4):');
    for (const warning of report.warnings) out.push(`  ! ${warning.message}`);
  }
  if (report.revenueAtRisk.length > 0) {
    out.push('', 'Revenue at risk if an A account were lost (largest 10):');
    out.push(
      table(
        ['Account', 'Revenue', 'Share'],
        report.revenueAtRisk
          .slice(0, 10)
          .map((r) => [label(r.id, r.name), formatMoney(r.revenue), formatPercent(r.share, 2)]),
        [false, true, true],
      ),
    );
  }
  const growing = report.greenCircle.byGrowth.slice(0, 10);
  if (growing.length > 0) {
    out.push('', 'Green Circle accounts by growth (METHOD G3, top 10):');
    out.push(
      table(
        ['Account', 'Revenue', 'Growth', 'Last quarter'],
        growing.map((r) => [
          label(r.id, r.name),
          formatMoney(r.revenue),
          formatPercent(r.windowGrowth),
          formatPercent(r.quarterGrowth),
        ]),
        [false, true, true, true],
      ),
    );
  }
  if (report.changes) {
    out.push(
      '',
      `Since ${report.changes.since.slice(0, 10)}: ${report.changes.classChanges.length} class changes, ${report.changes.tierChanges.length} tier changes.`,
    );
  }
  if (options.accounts > 0) {
    out.push(
      '',
      table(
        ['Rank', 'Account', report.by === 'revenue' ? 'Revenue' : 'Margin', 'Share', 'Cum.', 'Class', 'Tier'],
        report.accounts
          .slice(0, options.accounts)
          .map((a) => [
            a.rank === null ? '–' : String(a.rank),
            label(a.id, a.name),
            a.value === null ? '–' : formatMoney(a.value),
            formatPercent(a.share, 2),
            formatPercent(a.cumulativeShare),
            a.class,
            a.tier,
          ]),
        [true, false, true, true, true, false, false],
      ),
    );
  }
  return out.join('\n');
}

function label(id: string, name: string | null): string {
  const text = name && name !== id ? `${name} (${id})` : id;
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/** A setting's share as people write it: 0.25 → "25%", 0.125 → "12.5%". */
function percentOf(share: number): string {
  return `${+(share * 100).toFixed(1)}%`;
}
