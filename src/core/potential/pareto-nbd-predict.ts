import { paretoNbdLogA0 } from './pareto-nbd.js';
import { lbeta, lgamma, log1pExp, logHyp2f1 } from './special.js';
import type { ParetoNbdParams, TransactionModel } from './types.js';

/**
 * Pareto/NBD predictions (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005 note, eqs. 18–22;
 * Fader & Hardie, "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model").
 */

/** (1 − u^(s−1)) / (s−1) for u = e^logU, continuous through s = 1 where it becomes −ln u. */
function dropoutIntegral(s: number, logU: number): number {
  const sm1 = s - 1;
  return sm1 === 0 ? -logU : -Math.expm1(sm1 * logU) / sm1;
}

/** E[X(t)] = rβ/α · (1 − (β/(β+t))^(s−1)) / (s−1) for a new customer. */
export function paretoNbdExpectedTransactions(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  return ((p.r * p.beta) / p.alpha) * dropoutIntegral(p.s, -Math.log1p(t / p.beta));
}

/** P(alive | x, tx, T) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A0). */
export function paretoNbdProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const logOdds =
    Math.log(p.s) -
    Math.log(p.r + p.s + x) +
    (p.r + x) * Math.log(p.alpha + T) +
    p.s * Math.log(p.beta + T) +
    paretoNbdLogA0(p, x, tx, T);
  return Math.exp(-log1pExp(logOdds));
}

/** E[Y(t) | x, tx, T] = (r+x)(β+T)/(α+T) · (1 − ((β+T)/(β+T+t))^(s−1))/(s−1) · P(alive). */
export function paretoNbdConditionalExpectedTransactions(
  p: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  if (t <= 0) return 0;
  const whileAlive =
    (((p.r + x) * (p.beta + T)) / (p.alpha + T)) * dropoutIntegral(p.s, -Math.log1p(t / (p.beta + T)));
  return whileAlive * paretoNbdProbabilityAlive(p, x, tx, T);
}

/**
 * P(X(t) = k) for a new customer. Alive all of (0, t]: NBD(k) · (β/(β+t))^s. Died at τ < t after k
 * purchases: E[μλ^k/(λ+μ)^(k+1) · (1 − e^−(λ+μ)t Σ_{i<=k} ((λ+μ)t)^i / i!)] over the gamma mixtures,
 *   = α^r β^s B(r+k, s+1)/B(r, s) · [B1 − Σ_{i=0..k} Γ(r+s+i)/(Γ(r+s) i!) t^i B2(i)],
 *   B1 = 2F1(r+s, b'; r+s+k+1; |α−β|/m) / m^(r+s),
 *   B2(i) = 2F1(r+s+i, b'; r+s+k+1; |α−β|/(m+t)) / (m+t)^(r+s+i),
 * with m = max(α, β) and b' = s+1 if α >= β, else r+k.
 */
export function paretoNbdProbabilityOfTransactions(p: ParetoNbdParams, t: number, k: number): number {
  if (!(Number.isInteger(k) && k >= 0)) return 0;
  if (t <= 0) return k === 0 ? 1 : 0;
  const { r, alpha, s, beta } = p;
  const aliveAll =
    lgamma(r + k) -
    lgamma(r) -
    lgamma(k + 1) +
    r * Math.log(alpha / (alpha + t)) +
    k * Math.log(t / (alpha + t)) +
    s * Math.log(beta / (beta + t));
  const big = Math.max(alpha, beta);
  const gap = Math.abs(alpha - beta);
  const b2 = alpha >= beta ? s + 1 : r + k;
  const c = r + s + k + 1;
  const logB1 = logHyp2f1(r + s, b2, c, gap / big) - (r + s) * Math.log(big);
  const lgRS = lgamma(r + s);
  const logT = Math.log(t);
  const logBigT = Math.log(big + t);
  let share = 0;
  for (let i = 0; i <= k; i++) {
    const logB2 = logHyp2f1(r + s + i, b2, c, gap / (big + t)) - (r + s + i) * logBigT;
    share += Math.exp(lgamma(r + s + i) - lgRS - lgamma(i + 1) + i * logT + logB2 - logB1);
  }
  const logPrefix = r * Math.log(alpha) + s * Math.log(beta) + lbeta(r + k, s + 1) - lbeta(r, s);
  // 1 − share is a difference of near-equal numbers for small t; it cannot be negative in exact arithmetic.
  const died = Math.exp(logPrefix + logB1) * Math.max(0, 1 - share);
  return Math.exp(aliveAll) + died;
}

/** The Pareto/NBD predictions behind the common TransactionModel interface. */
export function paretoNbdModel(params: ParetoNbdParams): TransactionModel {
  return {
    kind: 'paretonbd',
    expectedTransactions: (t) => paretoNbdExpectedTransactions(params, t),
    probabilityOfTransactions: (t, k) => paretoNbdProbabilityOfTransactions(params, t, k),
    conditionalExpectedTransactions: (x, tx, T, t) =>
      paretoNbdConditionalExpectedTransactions(params, x, tx, T, t),
    probabilityAlive: (x, tx, T) => paretoNbdProbabilityAlive(params, x, tx, T),
  };
}
