import { describe, expect, it } from 'vitest';
import {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  ModelFitError,
  pearson,
} from '../../../src/core/potential/index.js';
import { loadCdnowSummary, relativeError } from './cdnow-fixture.js';

describe('Gamma-Gamma on the CDNOW sample (946 customers with x > 0)', () => {
  const data = loadCdnowSummary();
  const fit = fitGammaGamma(data);

  it('reproduces p = 6.25, q = 3.74, γ = 15.44 within 0.5% and LL −4055.92 within 0.05', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    expect(fit.excludedNonPositiveSpend).toBe(0);
    expect(relativeError(fit.params.p, 6.25)).toBeLessThan(0.005);
    expect(relativeError(fit.params.q, 3.74)).toBeLessThan(0.005);
    expect(relativeError(fit.params.gamma, 15.44)).toBeLessThan(0.005);
    expect(Math.abs(fit.logLikelihood - -4055.92)).toBeLessThan(0.05);
    expect(Object.keys(fit.params)).toEqual(['p', 'q', 'gamma']);
  });

  it('predicts the published conditional mean spend of the first 10 customers within 0.1', () => {
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    expected.forEach((value, i) => {
      expect(Math.abs(gammaGammaExpectedSpend(fit.params, data.x[i], data.zbar[i]) - value)).toBeLessThan(
        0.1,
      );
    });
  });

  it('reports the frequency–spend correlation, weak on CDNOW (the independence assumption holds)', () => {
    // numpy.corrcoef over the 946 (x, zbar) pairs: 0.11388391048600445.
    expect(fit.frequencySpendCorrelation).toBeCloseTo(0.11388391048600445, 10);
  });
});

describe('Gamma-Gamma by hand', () => {
  it('likelihood of one customer, x = 1, zbar = 2 with p = 1, q = 2, γ = 3', () => {
    // f = Γ(3)/(Γ(1)Γ(2)) · 3^2 · 2^0 · 1^1 / (3 + 2)^3 = 2 · 9 / 125 = 18/125.
    const ll = gammaGammaLogLikelihood(
      { p: 1, q: 2, gamma: 3 },
      { x: Float64Array.of(1), zbar: Float64Array.of(2) },
    );
    expect(ll).toBeCloseTo(Math.log(18 / 125), 13);
  });

  it('expected spend shrinks the own mean towards pγ/(q−1)', () => {
    const params = { p: 2, q: 3, gamma: 10 };
    // x = 0: 2 · 10 / 2 = 10; x = 4, zbar = 20: 2 · (10 + 80) / (8 + 2) = 18.
    expect(gammaGammaExpectedSpend(params, 0, 0)).toBe(10);
    expect(gammaGammaExpectedSpend(params, 4, 20)).toBe(18);
    expect(() => gammaGammaExpectedSpend({ ...params, q: 0.9 }, 0, 0)).toThrow(ModelFitError);
  });

  it('leaves out customers with zero or negative mean spend, and counts them', () => {
    const data = loadCdnowSummary();
    const zbar = Float64Array.from(data.zbar);
    const first = data.x.findIndex((x) => x > 0);
    zbar[first] = 0;
    const fit = fitGammaGamma({ x: data.x, zbar });
    expect(fit.customers).toBe(945);
    expect(fit.excludedNonPositiveSpend).toBe(1);
  });

  it('has no customers to fit when nobody repeated', () => {
    const run = () => fitGammaGamma({ x: new Float64Array(5), zbar: new Float64Array(5) });
    expect(run).toThrow(expect.objectContaining({ code: 'no_repeat_customers' }));
  });

  it('pearson: perfectly linear data correlates 1, reversed −1', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 14);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 14);
  });
});
