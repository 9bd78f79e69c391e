/**
 * Dense BFGS with a strong-Wolfe line search (Nocedal & Wright, Numerical Optimization, alg. 6.1,
 * 3.5, 3.6). The models have 3 or 4 parameters, so a full inverse Hessian is cheaper than L-BFGS
 * bookkeeping. npm's optimisers (fmin, optimization-js) are unmaintained or lack gradients.
 */

/** Returns f(x) and writes ∇f(x) into grad; may return NaN/Infinity where f is undefined. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface MinimizeOptions {
  maxIterations?: number;
  /** Converged when every |∂f/∂x_i| is at most this. */
  gradientTolerance?: number;
  /** Longest move of any coordinate in one step; keeps log-parameters from overflowing. */
  maxStep?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  gradientNorm: number;
}

const C1 = 1e-4;
const C2 = 0.9;
const LINE_SEARCH_STEPS = 30;
// Near the optimum f changes by less than its rounding error; within this band decisions rest on the
// slope alone (the "approximate Wolfe" idea of Hager & Zhang), so the search keeps working there.
const F_NOISE = 1e-13;

export function minimizeBfgs(
  fn: Objective,
  start: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-9;
  const maxStep = options.maxStep ?? 3;
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = fn(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f) || !g.every(Number.isFinite)) {
    return { x, f, iterations: 0, evaluations, converged: false, gradientNorm: Number.NaN };
  }
  const h = identity(n);
  let fresh = true;
  let stalls = 0;
  const p = new Float64Array(n);
  const trialX = new Float64Array(n);
  let trialG = new Float64Array(n);

  // φ(α) = f(x + αp); fills trialX/trialG and returns f there.
  let lastAlpha = Number.NaN;
  let lastF = Number.NaN;
  const phi = (alpha: number): number => {
    for (let i = 0; i < n; i++) trialX[i] = x[i] + alpha * p[i];
    evaluations++;
    lastAlpha = alpha;
    lastF = fn(trialX, trialG);
    return lastF;
  };
  const slope = (): number => dot(trialG, p);

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const gnorm = maxAbs(g);
    if (gnorm <= gtol)
      return { x, f, iterations: iteration - 1, evaluations, converged: true, gradientNorm: gnorm };
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= h[i * n + j] * g[j];
      p[i] = s;
    }
    let d0 = dot(g, p);
    if (!(d0 < 0)) {
      // Not a descent direction (curvature information gone stale): restart from steepest descent.
      resetIdentity(h, n);
      fresh = true;
      for (let i = 0; i < n; i++) p[i] = -g[i];
      d0 = dot(g, p);
    }
    const longest = maxAbs(p);
    const alphaMax = longest > 0 ? maxStep / longest : 1;
    const alpha = lineSearch(phi, slope, f, d0, Math.min(1, alphaMax), alphaMax);
    if (alpha === null) {
      if (!fresh) {
        resetIdentity(h, n);
        fresh = true;
        continue;
      }
      // No decrease possible along steepest descent: we are at the floor of rounding noise.
      return {
        x,
        f,
        iterations: iteration,
        evaluations,
        converged: gnorm <= gtol * 1e3,
        gradientNorm: gnorm,
      };
    }
    // The search may accept an earlier point than its last probe: make trialX/trialG hold that one.
    const fNew = alpha === lastAlpha ? lastF : phi(alpha);
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = trialX[i] - x[i];
      y[i] = trialG[i] - g[i];
    }
    updateInverseHessian(h, s, y, fresh);
    fresh = false;
    x = Float64Array.from(trialX);
    const previousG = g;
    g = trialG;
    trialG = previousG;
    // Steps that change neither f nor x measurably mean the gradient left is rounding noise.
    stalls = Math.abs(f - fNew) <= 1e-15 * (1 + Math.abs(f)) && maxAbs(s) <= 1e-10 ? stalls + 1 : 0;
    f = fNew;
    if (stalls >= 3) {
      const gnorm = maxAbs(g);
      return {
        x,
        f,
        iterations: iteration,
        evaluations,
        converged: gnorm <= gtol * 1e3,
        gradientNorm: gnorm,
      };
    }
  }
  return { x, f, iterations: maxIterations, evaluations, converged: false, gradientNorm: maxAbs(g) };
}

/** Strong-Wolfe step length along p, or null if no step lowers f. */
function lineSearch(
  phi: (alpha: number) => number,
  slope: () => number,
  f0: number,
  d0: number,
  initial: number,
  alphaMax: number,
): number | null {
  const noise = F_NOISE * (1 + Math.abs(f0));
  let previous = 0;
  let fPrevious = f0;
  let dPrevious = d0;
  let alpha = initial;
  for (let k = 0; k < LINE_SEARCH_STEPS; k++) {
    const fa = phi(alpha);
    if (!Number.isFinite(fa)) {
      // Stepped outside where the model is defined: come back towards the last good point.
      alpha = previous + (alpha - previous) / 4;
      continue;
    }
    if (fa > f0 + C1 * alpha * d0 + noise || (k > 0 && fa > fPrevious + noise)) {
      return zoom(phi, slope, f0, d0, previous, fPrevious, dPrevious, alpha, fa);
    }
    const da = slope();
    if (Math.abs(da) <= -C2 * d0) return alpha;
    if (da >= 0) return zoom(phi, slope, f0, d0, alpha, fa, da, previous, fPrevious);
    if (alpha >= alphaMax) return alpha;
    previous = alpha;
    fPrevious = fa;
    dPrevious = da;
    alpha = Math.min(2 * alpha, alphaMax);
  }
  return previous > 0 ? previous : null;
}

function zoom(
  phi: (alpha: number) => number,
  slope: () => number,
  f0: number,
  d0: number,
  lo: number,
  fLo: number,
  dLo: number,
  hi: number,
  fHi: number,
): number | null {
  const noise = F_NOISE * (1 + Math.abs(f0));
  for (let k = 0; k < LINE_SEARCH_STEPS; k++) {
    const width = hi - lo;
    // Minimiser of the quadratic through (lo, fLo, dLo) and (hi, fHi), kept inside the bracket.
    const denominator = 2 * (fHi - fLo - dLo * width);
    let alpha =
      denominator > 0 && Number.isFinite(fHi) ? lo - (dLo * width * width) / denominator : lo + width / 2;
    const margin = 0.1 * Math.abs(width);
    const left = Math.min(lo, hi) + margin;
    const right = Math.max(lo, hi) - margin;
    if (!(alpha >= left && alpha <= right)) alpha = lo + width / 2;
    const fa = phi(alpha);
    if (!Number.isFinite(fa) || fa > f0 + C1 * alpha * d0 + noise || fa > fLo + noise) {
      hi = alpha;
      fHi = Number.isFinite(fa) ? fa : Number.POSITIVE_INFINITY;
      continue;
    }
    const da = slope();
    if (Math.abs(da) <= -C2 * d0) return alpha;
    if (da * (hi - lo) >= 0) {
      hi = lo;
      fHi = fLo;
    }
    lo = alpha;
    fLo = fa;
    dLo = da;
  }
  // Sufficient decrease without the curvature condition still makes progress.
  return lo > 0 && fLo <= f0 + noise ? lo : null;
}

function updateInverseHessian(h: Float64Array, s: Float64Array, y: Float64Array, fresh: boolean): void {
  const n = s.length;
  const sy = dot(s, y);
  // Skip updates without positive curvature: they would break positive definiteness.
  if (!(sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y)))) return;
  if (fresh) {
    // Scale the first matrix to the observed curvature (Shanno–Phua) so step 1 is well sized.
    const scale = sy / dot(y, y);
    resetIdentity(h, n);
    for (let i = 0; i < n; i++) h[i * n + i] = scale;
  }
  const rho = 1 / sy;
  const hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += h[i * n + j] * y[j];
    hy[i] = v;
  }
  const yhy = dot(y, hy);
  // H ← H − ρ(s·hyᵀ + hy·sᵀ) + (ρ²·yᵀHy + ρ)·s·sᵀ, the expanded (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j] += -rho * (s[i] * hy[j] + hy[i] * s[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
    }
  }
}

function identity(n: number): Float64Array {
  const h = new Float64Array(n * n);
  resetIdentity(h, n);
  return h;
}

function resetIdentity(h: Float64Array, n: number): void {
  h.fill(0);
  for (let i = 0; i < n; i++) h[i * n + i] = 1;
}

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i] * v[i];
  return sum;
}

function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/** Central-difference gradient, for likelihoods whose derivatives have no convenient closed form. */
export function withNumericGradient(f: (x: Float64Array) => number, step = 1e-5): Objective {
  return (x, grad) => {
    const value = f(x);
    if (!Number.isFinite(value)) return value;
    const probe = Float64Array.from(x);
    for (let i = 0; i < x.length; i++) {
      probe[i] = x[i] + step;
      const up = f(probe);
      probe[i] = x[i] - step;
      const down = f(probe);
      probe[i] = x[i];
      grad[i] = (up - down) / (2 * step);
    }
    return value;
  };
}
