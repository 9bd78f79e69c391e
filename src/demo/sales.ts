/** The demo company's sales history as plain line records, the shape an ERP export would have. */
import type { Region } from './geography.js';
import { generateRawSalesLines, type RawSalesLine, type SalesOptions } from './sales-history.js';
import type { Segment } from './segments.js';

export {
  generateRawSalesLines,
  type RawSalesLine,
  type SalesOptions,
  validateSalesOptions,
} from './sales-history.js';

export interface SalesLine {
  /** Invoice "RE-2024-000123" or credit note "GS-2024-000045". */
  document: string;
  /** Line number within the document, from 1. */
  line: number;
  /** YYYY-MM-DD. */
  date: string;
  customerId: string;
  customerName: string;
  /** SKU and description, e.g. "BRG-1013 Deep groove ball bearing 6204-2RS". */
  product: string;
  /** Negative on credit notes. */
  quantity: number;
  unitPrice: number;
  /** quantity × unitPrice in euros, two decimals. */
  amount: number;
  /** Cost of goods in euros, two decimals; negative on credit notes (the goods come back). */
  cost: number;
  currency: 'EUR';
  segment: Segment;
  region: Region;
  owner: string;
}

/** About 400 customers and three years of history, 60,000 lines: big enough to look real, quick to import. */
export const DEMO_DEFAULTS = { customers: 400, lines: 60_000, years: 3, seed: 20_240_601 } as const;

/** Demo defaults, ending with the last day of the previous month (the last closed sales month). */
export function demoSalesOptions(overrides: Partial<SalesOptions> = {}, today = new Date()): SalesOptions {
  const endOfLastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return { ...DEMO_DEFAULTS, endDate: endOfLastMonth.toISOString().slice(0, 10), ...overrides };
}

/** Yields exactly `options.lines` lines in date order, each a fresh object. Same options, same lines. */
export function generateSalesLines(options: SalesOptions): Generator<SalesLine> {
  return toSalesLines(generateRawSalesLines(options));
}

function* toSalesLines(rawLines: Iterable<RawSalesLine>): Generator<SalesLine> {
  for (const raw of rawLines) {
    yield {
      document: raw.document,
      line: raw.line,
      date: raw.date,
      customerId: raw.customer.id,
      customerName: raw.customer.name,
      product: raw.product.label,
      quantity: raw.quantity,
      unitPrice: raw.unitPriceCents / 100,
      amount: raw.amountCents / 100,
      cost: raw.costCents / 100,
      currency: 'EUR',
      segment: raw.customer.segment,
      region: raw.customer.region,
      owner: raw.customer.owner,
    };
  }
}
