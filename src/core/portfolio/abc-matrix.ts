import { ABC_CLASSES, type AbcAssignment, type AbcResult } from './abc.js';
import type { AbcClass } from './types.js';

export type AbcMatrixKey = `${AbcClass}${AbcClass}`;

export interface AbcMatrixCell {
  count: number;
  /** Sum of the revenue of the cell's accounts. */
  revenue: number;
  /** Sum of the known margins of the cell's accounts. */
  margin: number;
  ids: string[];
}

/** Cells 'AA'..'CC': first letter the revenue class, second the margin class. */
export type AbcMatrix = Record<AbcMatrixKey, AbcMatrixCell>;

/**
 * Revenue × margin ABC matrix (METHOD P3: revenue by default, gross margin as an option — the matrix shows
 * both). It uses the computed classes: the matrix shows what the figures say, and a strategic A keeps
 * showing in its economic cell. An account missing from the margin classification (no margin known) sits
 * in margin class C, like any account without a positive margin. Ids follow the revenue ranking.
 */
export function abcMatrix(
  revenueClasses: AbcResult,
  marginClasses: AbcResult,
  /** The margin classification of revenueClasses.accounts[index]; a caller may know it without the id. */
  marginOf: (account: AbcAssignment, index: number) => AbcAssignment | undefined = byId(marginClasses),
): AbcMatrix {
  const matrix = {} as AbcMatrix;
  // Cells by revenue class, then margin class: a key built per account would be a new string each time.
  const cells = {} as Record<AbcClass, Record<AbcClass, AbcMatrixCell>>;
  for (const r of ABC_CLASSES) {
    cells[r] = {} as Record<AbcClass, AbcMatrixCell>;
    for (const m of ABC_CLASSES) {
      cells[r][m] = { count: 0, revenue: 0, margin: 0, ids: [] };
      matrix[`${r}${m}`] = cells[r][m];
    }
  }
  revenueClasses.accounts.forEach((account, index) => {
    const margin = marginOf(account, index);
    const cell = cells[account.computedClass][margin?.computedClass ?? 'C'];
    cell.count += 1;
    cell.revenue += account.value;
    cell.margin += margin?.value ?? 0;
    cell.ids.push(account.id);
  });
  return matrix;
}

function byId(classes: AbcResult): (account: AbcAssignment) => AbcAssignment | undefined {
  const accounts = new Map(classes.accounts.map((a) => [a.id, a]));
  return (account) => accounts.get(account.id);
}
