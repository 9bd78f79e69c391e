import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared real data lives beside the repository, never inside it (see shared/data/README.md). */
export const CDNOW_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/cdnow',
);

export interface CdnowSummary {
  id: Float64Array;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
}

/** cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar for the 2,357-customer sample. */
export function loadCdnowSummary(): CdnowSummary {
  const lines = readFileSync(path.join(CDNOW_DIR, 'cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const columns = [0, 1, 2, 3, 4].map(() => new Float64Array(lines.length));
  lines.forEach((line, i) => {
    line.split(',').forEach((field, k) => {
      columns[k][i] = Number(field);
    });
  });
  const [id, x, tx, T, zbar] = columns;
  return { id, x, tx, T, zbar };
}

/** Published BG/NBD estimates on this sample, as reported by the R package BTYD. */
export const BTYD_BGNBD = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };

export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
