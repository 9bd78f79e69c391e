/**
 * Special functions for the customer-base models. npm has no maintained Gauss hypergeometric 2F1
 * and the @stdlib gamma functions would be the only dependency for a dozen lines, so they live here,
 * tested against reference values in test/core/potential/special.test.ts.
 */

// Lanczos approximation, g = 7, n = 9: about 15 significant digits for x >= 0.5.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (NaN otherwise). */
export function lgamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  // Reflection keeps the small-argument end accurate: Γ(x)Γ(1−x) = π / sin(πx).
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += LANCZOS[i] / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x >= 10, then the asymptotic series. */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // Bernoulli terms B2k / (2k x^2k), k = 1..7; the next one is below 1e-17 at x = 10.
  const tail =
    inv2 *
    (1 / 12 -
      inv2 *
        (1 / 120 -
          inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return shift + Math.log(x) - 0.5 / x - tail;
}

/** ln B(a, b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** ln(1 + e^d) without overflow for large d or loss for very negative d. */
export function log1pExp(d: number): number {
  return d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
}

/** ln(e^u + e^v). */
export function logAddExp(u: number, v: number): number {
  if (u === Number.NEGATIVE_INFINITY) return v;
  if (v === Number.NEGATIVE_INFINITY) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** ln(e^u − e^v) for u >= v; −∞ when they are equal (or rounding put v above u). */
export function logSubExp(u: number, v: number): number {
  if (!(u > v)) return Number.NEGATIVE_INFINITY;
  return u + Math.log(-Math.expm1(v - u));
}

const SERIES_MAX_TERMS = 200_000;
const SERIES_EPS = 1e-17;

/**
 * Σ_{n>=0} (a)_n (b)_n / ((c)_n n!) z^n for 0 <= z < 1. Stops once a term is negligible and the terms
 * are shrinking; if z is so close to 1 that the cap is hit, the rest is estimated as a geometric tail.
 */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < SERIES_MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    if (Math.abs(term) <= SERIES_EPS * Math.abs(sum) && Math.abs(ratio) < 1) return sum;
  }
  const n = SERIES_MAX_TERMS;
  const ratio = Math.abs((((a + n) * (b + n)) / ((c + n) * (n + 1))) * z);
  return ratio < 1 ? sum + (term * ratio) / (1 - ratio) : Number.NaN;
}

/**
 * 2F1(1, b; c; z) for z < 1 (negative z included) by Gauss's continued fraction, modified Lentz.
 * Near z = 1 it needs hundreds of steps where the power series needs hundreds of thousands: the
 * Pareto/NBD likelihood meets such z whenever one of α, β is far larger than the other.
 */
export function hyp2f1OneCf(b: number, c: number, z: number): number {
  // 2F1(1, a; c'+1; z) = 1 / (1 − k1 z / (1 − k2 z / …)) with a = b, c' = c − 1,
  // k(2m+1) = (a+m)(c'+m) / ((c'+2m)(c'+2m+1)),  k(2m) = m(c'−a+m) / ((c'+2m−1)(c'+2m)).
  const a = b;
  const cc = c - 1;
  const tiny = 1e-300;
  let f = 1;
  let C = 1;
  let D = 0;
  for (let j = 1; j < SERIES_MAX_TERMS; j++) {
    let k: number;
    if (j % 2 === 1) {
      const m = (j - 1) / 2;
      k = ((a + m) * (cc + m)) / ((cc + 2 * m) * (cc + 2 * m + 1));
    } else {
      const m = j / 2;
      k = (m * (cc - a + m)) / ((cc + 2 * m - 1) * (cc + 2 * m));
    }
    const aj = -k * z;
    D = 1 + aj * D;
    D = 1 / (D === 0 ? tiny : D);
    C = 1 + aj / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/**
 * ln 2F1(a, b; a+1; z), the shape in the Pareto/NBD likelihood and P(alive), for a, b > 0. Two exact
 * rewrites give a 2F1(1, ·; a+1; ·) for the continued fraction:
 *   Euler: (1 − z)^(1−b) 2F1(1, a+1−b; a+1; z),   Pfaff: (1 − z)^−b 2F1(1, b; a+1; z/(z−1)).
 * The fraction settles within a few steps when its numerator parameter is small next to a+1, so the
 * form with the smaller one is used: for customers with many purchases that is the difference between
 * ten steps and a thousand.
 */
export function logHyp2f1APlus1(a: number, b: number, z: number): number {
  if (!(z >= 0 && z < 1)) return Number.NaN;
  if (z === 0) return 0;
  const logRest = Math.log1p(-z);
  const euler = a + 1 - b;
  const value =
    euler <= b
      ? (1 - b) * logRest + Math.log(hyp2f1OneCf(euler, a + 1, z))
      : -b * logRest + Math.log(hyp2f1OneCf(b, a + 1, z / (z - 1)));
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * ln 2F1(a, b; c; z) for 0 <= z < 1 where the function is positive (all parameters > 0 is enough).
 * When c − a − b < 0 the direct series converges slowly near z = 1; Euler's transformation
 * 2F1(a, b; c; z) = (1 − z)^(c−a−b) 2F1(c − a, c − b; c; z) then gives quickly falling terms and keeps
 * the large factor in log space. Accurate while the series it sums has no large negative parameter
 * (c − a, c − b above about −10 under Euler), which holds for every 2F1 in these models; for, say,
 * 2F1(1001, 1; 2; z) the alternating polynomial 2F1(−999, 1; 2; z) would cancel catastrophically.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) return Number.NaN;
  if (z === 0) return 0;
  const excess = c - a - b;
  if (excess < 0) {
    const sum = hyp2f1Series(c - a, c - b, c, z);
    return sum > 0 ? excess * Math.log1p(-z) + Math.log(sum) : Number.NaN;
  }
  const sum = hyp2f1Series(a, b, c, z);
  return sum > 0 ? Math.log(sum) : Number.NaN;
}

/** 2F1(a, b; c; z) for 0 <= z < 1 (see logHyp2f1). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return Math.exp(logHyp2f1(a, b, c, z));
}
