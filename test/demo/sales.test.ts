import { describe, expect, it } from 'vitest';
import { generateCustomers } from '../../src/demo/company.js';
import { DEMO_DEFAULTS, demoSalesOptions, generateSalesLines, type SalesLine } from '../../src/demo/sales.js';

const small = { customers: 60, lines: 5_000, years: 2, endDate: '2024-12-31', seed: 11 };
const demo = { ...DEMO_DEFAULTS, endDate: '2025-05-31' };

const toCents = (euros: number) => Math.round(euros * 100);

interface CustomerTotals {
  revenueCents: number;
  costCents: number;
}

function totalsByCustomer(lines: Iterable<SalesLine>): Map<string, CustomerTotals> {
  const totals = new Map<string, CustomerTotals>();
  for (const line of lines) {
    const entry = totals.get(line.customerId) ?? { revenueCents: 0, costCents: 0 };
    entry.revenueCents += toCents(line.amount);
    entry.costCents += toCents(line.cost);
    totals.set(line.customerId, entry);
  }
  return totals;
}

describe('generateSalesLines', () => {
  const lines = [...generateSalesLines(small)];

  it('is deterministic: the same seed gives the same lines, another seed other lines', () => {
    expect([...generateSalesLines(small)]).toEqual(lines);
    const other = [...generateSalesLines({ ...small, seed: 12 })];
    expect(other).toHaveLength(small.lines);
    expect(other).not.toEqual(lines);
  });

  it.each([0, 1, 7, 999, 12_345])('produces exactly %i lines', (count) => {
    let produced = 0;
    for (const _ of generateSalesLines({ ...small, lines: count })) produced++;
    expect(produced).toBe(count);
  });

  it('produces the exact count even with many lines for few customers over a short period', () => {
    let produced = 0;
    for (const _ of generateSalesLines({
      customers: 3,
      lines: 20_000,
      years: 0.25,
      endDate: '2024-01-07',
      seed: 1,
    })) {
      produced++;
    }
    expect(produced).toBe(20_000);
  });

  it('keeps the money consistent: amount = quantity × unit price, two decimals, credit notes negative', () => {
    for (const line of lines) {
      const amountCents = toCents(line.amount);
      expect(amountCents).toBe(line.quantity * toCents(line.unitPrice));
      expect(Math.abs(line.amount * 100 - amountCents)).toBeLessThan(1e-6);
      expect(Math.abs(line.cost * 100 - toCents(line.cost))).toBeLessThan(1e-6);
      expect(Number.isInteger(line.quantity)).toBe(true);
      expect(line.unitPrice).toBeGreaterThan(0);
      expect(line.currency).toBe('EUR');
      if (line.document.startsWith('GS-')) {
        expect(line.quantity).toBeLessThan(0);
        expect(line.amount).toBeLessThan(0);
        expect(line.cost).toBeLessThan(0);
      } else {
        expect(line.document).toMatch(/^RE-\d{4}-\d{6,}$/);
        expect(line.quantity).toBeGreaterThan(0);
        expect(line.amount).toBeGreaterThan(0);
        expect(line.cost).toBeGreaterThan(0);
      }
    }
  });

  it('has about 2 % credit note lines with their own numbering', () => {
    const credit = lines.filter((line) => line.document.startsWith('GS-'));
    expect(credit.length / lines.length).toBeGreaterThan(0.01);
    expect(credit.length / lines.length).toBeLessThan(0.035);
    for (const line of credit) expect(line.document).toMatch(/^GS-\d{4}-\d{6,}$/);
  });

  it('numbers lines 1..n within each document, one date and customer per document, documents in date order', () => {
    let previous: SalesLine | undefined;
    const seen = new Set<string>();
    for (const line of lines) {
      if (previous && line.document === previous.document) {
        expect(line.line).toBe(previous.line + 1);
        expect(line.date).toBe(previous.date);
        expect(line.customerId).toBe(previous.customerId);
      } else {
        expect(line.line).toBe(1);
        expect(seen.has(line.document)).toBe(false);
        seen.add(line.document);
        if (previous) expect(line.date >= previous.date).toBe(true);
        expect(line.document.slice(3, 7)).toBe(line.date.slice(0, 4));
      }
      previous = line;
    }
  });

  it('stays within the `years` before the end date and skips weekends', () => {
    for (const line of lines) {
      expect(line.date > '2022-12-31').toBe(true);
      expect(line.date <= '2024-12-31').toBe(true);
      const weekday = new Date(`${line.date}T00:00:00Z`).getUTCDay();
      expect(weekday).not.toBe(0);
      expect(weekday).not.toBe(6);
    }
    expect(lines[0].date < '2023-01-15').toBe(true);
    expect(lines[lines.length - 1].date > '2024-12-15').toBe(true);
  });

  it('copies customer attributes onto every line', () => {
    const customers = new Map(generateCustomers(small).map((customer) => [customer.id, customer]));
    for (const line of lines) {
      const customer = customers.get(line.customerId)!;
      expect(line.customerName).toBe(customer.name);
      expect(line.segment).toBe(customer.segment);
      expect(line.region).toBe(customer.region);
      expect(line.owner).toBe(customer.owner);
      if (customer.lastOrderBy) expect(line.date <= customer.lastOrderBy).toBe(true);
      expect(line.date >= customer.customerSince).toBe(true);
    }
  });

  it('rejects impossible options when called, not on the first line', () => {
    expect(() => generateSalesLines({ ...small, lines: -1 })).toThrow(/lines/);
    expect(() => generateSalesLines({ ...small, lines: 1.5 })).toThrow(/lines/);
    expect(() => generateSalesLines({ ...small, customers: 0 })).toThrow(/customers/);
    expect(() => generateSalesLines({ ...small, endDate: '31.12.2024' })).toThrow(/YYYY-MM-DD/);
    expect(() => generateSalesLines({ ...small, years: -2 })).toThrow(/years/);
    expect(() => generateSalesLines({ ...small, seed: Number.NaN })).toThrow(/seed/);
  });

  it('dips in summer and December', () => {
    const byMonth = new Map<string, number>();
    for (const line of generateSalesLines(demo)) {
      byMonth.set(line.date.slice(5, 7), (byMonth.get(line.date.slice(5, 7)) ?? 0) + line.amount);
    }
    const spring = ((byMonth.get('03') ?? 0) + (byMonth.get('04') ?? 0)) / 2;
    expect(byMonth.get('08')!).toBeLessThan(spring * 0.85);
    expect(byMonth.get('12')!).toBeLessThan(spring * 0.85);
  });
});

describe('the default demo', () => {
  it.each([1, 2, 3, DEMO_DEFAULTS.seed])('concentrates revenue realistically (seed %i)', (seed) => {
    const totals = totalsByCustomer(generateSalesLines({ ...demo, seed }));
    const revenues = [...totals.values()].map((t) => t.revenueCents).sort((a, b) => b - a);
    const positiveTotal = revenues.filter((r) => r > 0).reduce((sum, r) => sum + r, 0);
    const topQuarter = revenues.slice(0, Math.round(demo.customers * 0.25)).reduce((sum, r) => sum + r, 0);
    expect(topQuarter / positiveTotal).toBeGreaterThan(0.65);
    expect(topQuarter / positiveTotal).toBeLessThan(0.9);
  });

  it.each([
    ['a fixed end date', demo],
    ['the current defaults', demoSalesOptions()],
  ])('has unprofitable customers (%s)', (_, options) => {
    const totals = [...totalsByCustomer(generateSalesLines(options)).values()];
    const unprofitable = totals.filter((t) => t.revenueCents <= 0 || t.revenueCents < t.costCents);
    expect(unprofitable.length).toBeGreaterThan(0);
    const profit = totals.reduce((sum, t) => sum + t.revenueCents - t.costCents, 0);
    expect(profit).toBeGreaterThan(0);
  });

  it('ends the default history with the last closed month', () => {
    expect(demoSalesOptions({}, new Date('2025-03-14T12:00:00Z')).endDate).toBe('2025-02-28');
    expect(demoSalesOptions({ lines: 10 }, new Date('2025-01-02T00:00:00Z'))).toMatchObject({
      endDate: '2024-12-31',
      lines: 10,
      customers: 400,
      years: 3,
    });
  });
});
