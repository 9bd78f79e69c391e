import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ValueEntry } from '../../../src/core/portfolio/index.js';

/** The shared data sets live beside the repository, never inside it (data README). */
const DATA_DIR = resolve(process.cwd(), '../shared/data');

export interface SuperstoreCustomer {
  id: string;
  sales: number;
  profit: number;
}

/** Superstore order lines summed per customer: Customer ID is field 6, Sales 18, Profit 21. */
export function superstoreCustomers(): SuperstoreCustomer[] {
  const text = readFileSync(resolve(DATA_DIR, 'superstore/superstore_sample_us.csv'), 'utf8');
  const totals = new Map<string, SuperstoreCustomer>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line === '') continue;
    const fields = splitQuoted(line);
    const id = fields[5];
    const customer = totals.get(id) ?? { id, sales: 0, profit: 0 };
    customer.sales += Number(fields[17]);
    customer.profit += Number(fields[20]);
    totals.set(id, customer);
  }
  return [...totals.values()];
}

/** CDNOW master: `id yyyymmdd cds dollars`, whitespace separated, one header line; dollars per customer. */
export function cdnowCustomers(): ValueEntry[] {
  const text = readFileSync(resolve(DATA_DIR, 'cdnow/CDNOW_master.txt'), 'utf8');
  const totals = new Map<string, number>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    totals.set(fields[0], (totals.get(fields[0]) ?? 0) + Number(fields[3]));
  }
  return [...totals].map(([id, value]) => ({ id, value }));
}

/** Splits one CSV line whose fields are all quoted; a doubled quote inside a field is a literal quote. */
function splitQuoted(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

/**
 * Asserts a figure to the precision the data README prints it with: '73.35' allows ±0.005 (half the last
 * printed digit). `percent` marks a README percentage compared with a fraction (73.35% → 0.7335).
 */
export function expectPrinted(actual: number | null, printed: string, percent = false): void {
  const decimals = printed.split('.')[1]?.length ?? 0;
  const scale = percent ? 100 : 1;
  const expected = Number(printed.replace(/,/g, '')) / scale;
  const tolerance = (0.5 * 10 ** -decimals) / scale;
  if (actual === null || !(Math.abs(actual - expected) <= tolerance * (1 + 1e-9))) {
    throw new Error(`expected ${printed}${percent ? '%' : ''} (±${tolerance}), got ${actual}`);
  }
}
