import { ModelFitError } from './errors.js';
import type { RfmData } from './types.js';

/**
 * RFM data checked once and indexed for repeated likelihood evaluation: every term that depends only
 * on x (the gamma-function ratios) is computed once per distinct x instead of once per customer.
 */
export interface PreparedRfm {
  rows: number;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Index into uniqueX for every row. */
  xSlot: Int32Array;
  uniqueX: Float64Array;
  /** Sum of weights of the rows with that x. */
  weightByX: Float64Array;
  totalWeight: number;
  /** Sum of weights of the rows with x > 0. */
  repeatWeight: number;
}

export function prepareRfm(data: RfmData): PreparedRfm {
  const { x, tx, T } = data;
  const rows = x.length;
  if (tx.length !== rows || T.length !== rows || (data.weight && data.weight.length !== rows)) {
    throw new ModelFitError('invalid_input', 'x, tx, T (and weight) must have the same length');
  }
  if (rows === 0) throw new ModelFitError('invalid_input', 'no customers');
  const weight = data.weight ?? new Float64Array(rows).fill(1);
  const slotOf = new Map<number, number>();
  const xSlot = new Int32Array(rows);
  const uniqueX: number[] = [];
  const weightByX: number[] = [];
  let totalWeight = 0;
  let repeatWeight = 0;
  for (let i = 0; i < rows; i++) {
    const xi = x[i];
    if (!(Number.isInteger(xi) && xi >= 0)) throw invalidRow(i, `x must be a whole number >= 0, got ${xi}`);
    if (!(T[i] >= 0 && Number.isFinite(T[i]))) throw invalidRow(i, `T must be finite and >= 0, got ${T[i]}`);
    if (!(tx[i] >= 0 && tx[i] <= T[i])) throw invalidRow(i, `tx must lie in [0, T], got ${tx[i]}`);
    if (!(weight[i] >= 0 && Number.isFinite(weight[i])))
      throw invalidRow(i, 'weight must be finite and >= 0');
    let slot = slotOf.get(xi);
    if (slot === undefined) {
      slot = uniqueX.length;
      slotOf.set(xi, slot);
      uniqueX.push(xi);
      weightByX.push(0);
    }
    xSlot[i] = slot;
    weightByX[slot] += weight[i];
    totalWeight += weight[i];
    if (xi > 0) repeatWeight += weight[i];
  }
  return {
    rows,
    x,
    tx,
    T,
    weight,
    xSlot,
    uniqueX: Float64Array.from(uniqueX),
    weightByX: Float64Array.from(weightByX),
    totalWeight,
    repeatWeight,
  };
}

function invalidRow(row: number, message: string): ModelFitError {
  return new ModelFitError('invalid_input', `row ${row}: ${message}`);
}

/** Throws the typed error when too few customers repeated to identify the purchase and dropout processes. */
export function requireRepeatCustomers(prepared: PreparedRfm, minimum: number): void {
  if (prepared.repeatWeight === 0) {
    throw new ModelFitError('no_repeat_customers', 'every customer bought only once: nothing to fit');
  }
  if (prepared.repeatWeight < minimum) {
    throw new ModelFitError(
      'too_few_repeat_customers',
      `${prepared.repeatWeight} customers with repeat purchases, at least ${minimum} needed`,
    );
  }
}

/**
 * Merges customers with identical (x, tx, T) into one weighted row. Worth it when times are rounded
 * (days, weeks): the likelihood then costs per distinct history instead of per customer.
 */
export function collapseRfm(data: RfmData): RfmData {
  const n = data.x.length;
  // Number each column's distinct values, then key a row by its three value numbers: numeric Map keys
  // are several times faster than string keys for a million rows.
  const ix = denseCodes(data.x);
  const itx = denseCodes(data.tx);
  const iT = denseCodes(data.T);
  const fitsExactly = ix.count * itx.count * iT.count < Number.MAX_SAFE_INTEGER;
  const rowOf = new Map<number | string, number>();
  const first: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = fitsExactly
      ? (ix.codes[i] * itx.count + itx.codes[i]) * iT.count + iT.codes[i]
      : `${ix.codes[i]}|${itx.codes[i]}|${iT.codes[i]}`;
    const w = data.weight ? data.weight[i] : 1;
    const row = rowOf.get(key);
    if (row === undefined) {
      rowOf.set(key, first.length);
      first.push(i);
      weight.push(w);
    } else {
      weight[row] += w;
    }
  }
  return {
    x: Float64Array.from(first, (i) => data.x[i]),
    tx: Float64Array.from(first, (i) => data.tx[i]),
    T: Float64Array.from(first, (i) => data.T[i]),
    weight: Float64Array.from(weight),
  };
}

function denseCodes(values: Float64Array): { codes: Int32Array; count: number } {
  const codeOf = new Map<number, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let code = codeOf.get(values[i]);
    if (code === undefined) {
      code = codeOf.size;
      codeOf.set(values[i], code);
    }
    codes[i] = code;
  }
  return { codes, count: codeOf.size };
}
