import { ABC_CLASSES, type AbcResult } from './abc.js';
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
export function abcMatrix(revenueClasses: AbcResult, marginClasses: AbcResult): AbcMatrix {
  const marginById = new Map(marginClasses.accounts.map((a) => [a.id, a]));
  const matrix = {} as AbcMatrix;
  for (const r of ABC_CLASSES) {
    for (const m of ABC_CLASSES) matrix[`${r}${m}`] = { count: 0, revenue: 0, margin: 0, ids: [] };
  }
  for (const account of revenueClasses.accounts) {
    const margin = marginById.get(account.id);
    const cell = matrix[`${account.computedClass}${margin?.computedClass ?? 'C'}`];
    cell.count += 1;
    cell.revenue += account.value;
    cell.margin += margin?.value ?? 0;
    cell.ids.push(account.id);
  }
  return matrix;
}
