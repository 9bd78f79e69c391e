import { describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  collapseRfm,
  fitBgNbd,
  ModelFitError,
} from '../../../src/core/potential/index.js';
import { BTYD_BGNBD, loadCdnowSummary, relativeError } from './cdnow-fixture.js';

const one = (x: number, tx: number, T: number) => ({
  x: Float64Array.of(x),
  tx: Float64Array.of(tx),
  T: Float64Array.of(T),
});

describe('BG/NBD likelihood of a single customer, against hand computation', () => {
  it('x = 0 leaves only the NBD term: ln L = r ln(α/(α+T))', () => {
    // r = 0.5, α = 2, T = 8: the beta and gamma ratios are 1, so ln L = 0.5 · ln(2/10).
    const ll = bgNbdLogLikelihood({ r: 0.5, alpha: 2, a: 1, b: 2 }, one(0, 0, 8));
    expect(ll).toBeCloseTo(0.5 * Math.log(0.2), 13);
  });

  it('x = 1, tx = 4, T = 8 with r = 1, α = 2, a = 1, b = 2', () => {
    // L = Γ(2)/Γ(1) · 2^1 · B(1,3)/B(1,2) · [10^−2 + (1/2) · 6^−2]
    //   = 1 · 2 · (1/3)/(1/2) · (1/100 + 1/72) = (4/3) · (43/1800) = 43/1350.
    const ll = bgNbdLogLikelihood({ r: 1, alpha: 2, a: 1, b: 2 }, one(1, 4, 8));
    expect(ll).toBeCloseTo(Math.log(43 / 1350), 13);
  });

  it('tx = T: x = 2, tx = T = 5 with r = 1, α = 1, a = 2, b = 3', () => {
    // L = Γ(3)/Γ(1) · 1 · B(2,5)/B(2,3) · [6^−3 + (2/4) · 6^−3] = 2 · (1/30)/(1/12) · (3/432) = 1/180.
    const ll = bgNbdLogLikelihood({ r: 1, alpha: 1, a: 2, b: 3 }, one(2, 5, 5));
    expect(ll).toBeCloseTo(Math.log(1 / 180), 13);
  });

  it('very large x (500) stays finite and exact', () => {
    // ln L = lnΓ(r+500) − lnΓ(r) + r ln α + ln B(a, b+500) − ln B(a, b)
    //        + ln[(α+38.86)^−(r+500) + a/(b+499) · (α+38.5)^−(r+500)],
    // with BTYD's estimates; each term evaluated with mpmath at 30 digits: 716.81433612915698.
    const ll = bgNbdLogLikelihood(BTYD_BGNBD, one(500, 38.5, 38.86));
    expect(relativeError(ll, 716.814336129157)).toBeLessThan(1e-12);
  });

  it('weights count a row that many times', () => {
    const p = { r: 0.5, alpha: 2, a: 1, b: 2 };
    const weighted = { ...one(1, 4, 8), weight: Float64Array.of(3) };
    expect(bgNbdLogLikelihood(p, weighted)).toBeCloseTo(3 * bgNbdLogLikelihood(p, one(1, 4, 8)), 12);
  });
});

describe('fitBgNbd on the CDNOW sample (2,357 customers)', () => {
  const data = loadCdnowSummary();

  it('reproduces BTYD: r, α, a, b within 0.5% and log-likelihood −9582.429 within 0.05', () => {
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      expect(relativeError(fit.params[name], BTYD_BGNBD[name])).toBeLessThan(0.005);
    }
    expect(Math.abs(fit.logLikelihood - -9582.429)).toBeLessThan(0.05);
    expect(Object.keys(fit.params)).toEqual(['r', 'alpha', 'a', 'b']);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });

  it('gives the same fit on identical histories collapsed into weighted rows', () => {
    const collapsed = collapseRfm(data);
    expect(collapsed.x.length).toBeLessThan(1100);
    const a = fitBgNbd(data);
    const b = fitBgNbd(collapsed);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 6);
    expect(relativeError(b.params.r, a.params.r)).toBeLessThan(1e-6);
  });
});

describe('fitBgNbd errors', () => {
  const expectCode = (run: () => unknown, code: string) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ModelFitError);
      expect((error as ModelFitError).code).toBe(code);
      return;
    }
    throw new Error(`expected ModelFitError ${code}`);
  };
  const onlyOnce = { x: new Float64Array(50), tx: new Float64Array(50), T: new Float64Array(50).fill(30) };

  it('all one-time buyers: no_repeat_customers', () =>
    expectCode(() => fitBgNbd(onlyOnce), 'no_repeat_customers'));

  it('a handful of repeaters: too_few_repeat_customers', () => {
    const x = new Float64Array(50);
    x[0] = 2;
    x[1] = 1;
    expectCode(
      () => fitBgNbd({ ...onlyOnce, x, tx: Float64Array.from(x, (v) => v * 5) }),
      'too_few_repeat_customers',
    );
  });

  it('malformed input: invalid_input', () => {
    expectCode(() => fitBgNbd({ ...onlyOnce, x: new Float64Array(49) }), 'invalid_input');
    expectCode(() => fitBgNbd({ ...onlyOnce, tx: new Float64Array(50).fill(40) }), 'invalid_input');
    expectCode(() => fitBgNbd({ ...onlyOnce, x: new Float64Array(50).fill(1.5) }), 'invalid_input');
  });

  it('a base with no sign of dropout (everyone bought at the very end): did_not_converge, naming the culprit', () => {
    const n = 60;
    const x = Float64Array.from({ length: n }, (_, i) => 1 + (i % 6));
    const full = new Float64Array(n).fill(30);
    expectCode(() => fitBgNbd({ x, tx: full, T: full }), 'did_not_converge');
    expect(() => fitBgNbd({ x, tx: full, T: full })).toThrow(/\ba\b.*ran off/);
  });

  it('an iteration cap that is too small: did_not_converge, or converged: false when allowed', () => {
    const data = loadCdnowSummary();
    expectCode(() => fitBgNbd(data, { maxIterations: 2 }), 'did_not_converge');
    expect(fitBgNbd(data, { maxIterations: 2, allowNonConvergence: true }).converged).toBe(false);
  });
});
