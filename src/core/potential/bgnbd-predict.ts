import { lbeta, lgamma, log1pExp } from './special.js';
import type { BgNbdParams, TransactionModel } from './types.js';

/**
 * BG/NBD predictions (Fader, Hardie & Lee 2005, eqs. 7–10). Both expectations have the form
 *   c/(a−1) · [1 − q^r' 2F1(r', b'; c; z)],  c = a + b' − 1, z = t/(α'+t), q = 1 − z,
 * (population: r' = r, b' = b, α' = α; customer: r' = r+x, b' = b+x, α' = α+T).
 * Euler's transformation turns it into c · [(1 − q^(a−1))/(a−1) − q^(a−1) S] with
 * S = (2F1(c−r', a−1; c; z) − 1)/(a−1), which stays finite and accurate as a → 1 and keeps the
 * large factor q^−(r'+b'−c) out of the series.
 */

const MAX_TERMS = 200_000;

function expectedBracket(rr: number, alphaT: number, a: number, bb: number, t: number): number {
  if (t <= 0) return 0;
  const c = a + bb - 1;
  const z = t / (alphaT + t);
  const logQ = -Math.log1p(t / alphaT);
  const am1 = a - 1;
  const head = am1 === 0 ? -logQ : -Math.expm1(am1 * logQ) / am1;
  let term = ((c - rr) / c) * z;
  let sum = term;
  for (let n = 1; n < MAX_TERMS && term !== 0; n++) {
    const ratio = (((c - rr + n) * (am1 + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (Math.abs(term) <= 1e-17 * (Math.abs(sum) + Math.abs(head)) && Math.abs(ratio) < 1) break;
    // Near z = 1 the cap can be reached; the remaining terms then fall about geometrically.
    if (n === MAX_TERMS - 1 && Math.abs(ratio) < 1) sum += (term * ratio) / (1 - ratio);
  }
  return c * (head - Math.exp(am1 * logQ) * sum);
}

/** ln of the odds "dropped out after the last purchase" : "still alive" for a customer with x > 0. */
function logDropOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/** E[X(t)]: expected repeat purchases of a new customer in (0, t] (FHL eq. 9). */
export function bgNbdExpectedTransactions(p: BgNbdParams, t: number): number {
  return expectedBracket(p.r, p.alpha, p.a, p.b, t);
}

/** P(alive | x, tx, T) = 1 / (1 + [x>0] a/(b+x−1) · ((α+T)/(α+tx))^(r+x)). */
export function bgNbdProbabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  return Math.exp(-log1pExp(logDropOdds(p, x, tx, T)));
}

/** E[Y(t) | x, tx, T]: expected purchases in the next t after the calibration period (FHL eq. 10). */
export function bgNbdConditionalExpectedTransactions(
  p: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  const bracket = expectedBracket(p.r + x, p.alpha + T, p.a, p.b + x, t);
  return bracket * Math.exp(-log1pExp(logDropOdds(p, x, tx, T)));
}

/**
 * P(X(t) = k) for a new customer (FHL eq. 8):
 *   B(a, b+k)/B(a, b) · NB(k) + [k>0] B(a+1, b+k−1)/B(a, b) · P(NB >= k),
 * NB the negative binomial of purchases while alive. The tail is summed directly when it is small,
 * where 1 − CDF would lose every digit.
 */
export function bgNbdProbabilityOfTransactions(p: BgNbdParams, t: number, k: number): number {
  if (!(Number.isInteger(k) && k >= 0)) return 0;
  if (t <= 0) return k === 0 ? 1 : 0;
  const logP = -Math.log1p(t / p.alpha);
  const logQ = Math.log(t / (p.alpha + t));
  const logNb = (j: number) => lgamma(p.r + j) - lgamma(p.r) - lgamma(j + 1) + p.r * logP + j * logQ;
  const base = lbeta(p.a, p.b);
  const alive = Math.exp(lbeta(p.a, p.b + k) - base + logNb(k));
  if (k === 0) return alive;
  return alive + Math.exp(lbeta(p.a + 1, p.b + k - 1) - base) * negativeBinomialTail(p.r, logQ, logNb, k);
}

/** P(N >= k) for N ~ NB(r, p = 1 − e^logQ) with log pmf logNb. */
function negativeBinomialTail(r: number, logQ: number, logNb: (j: number) => number, k: number): number {
  const q = Math.exp(logQ);
  let term = Math.exp(logNb(0));
  let cdf = 0;
  for (let j = 0; j < k && cdf < 0.5; j++) {
    cdf += term;
    term *= ((r + j) / (j + 1)) * q;
  }
  if (cdf < 0.5) return 1 - cdf;
  // Sum the tail relative to its first term, so tiny tails neither underflow nor crawl through subnormals.
  let relative = 1;
  let sum = 0;
  for (let j = k; j < k + MAX_TERMS && relative > 1e-17 * sum; j++) {
    sum += relative;
    relative *= ((r + j) / (j + 1)) * q;
  }
  return Math.exp(logNb(k)) * sum;
}

/** The BG/NBD predictions behind the common TransactionModel interface. */
export function bgNbdModel(params: BgNbdParams): TransactionModel {
  return {
    kind: 'bgnbd',
    expectedTransactions: (t) => bgNbdExpectedTransactions(params, t),
    probabilityOfTransactions: (t, k) => bgNbdProbabilityOfTransactions(params, t, k),
    conditionalExpectedTransactions: (x, tx, T, t) =>
      bgNbdConditionalExpectedTransactions(params, x, tx, T, t),
    probabilityAlive: (x, tx, T) => bgNbdProbabilityAlive(params, x, tx, T),
  };
}
