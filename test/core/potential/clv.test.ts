import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectedTransactions,
  bgNbdModel,
  clv,
  customerClv,
  type TransactionModel,
} from '../../../src/core/potential/index.js';
import { BTYD_BGNBD } from './cdnow-fixture.js';

/** A customer buying at a steady 0.5 per unit of time, forever. */
const steady: TransactionModel = {
  kind: 'bgnbd',
  expectedTransactions: (t) => 0.5 * t,
  probabilityOfTransactions: () => 0,
  conditionalExpectedTransactions: (_x, _tx, _T, t) => 0.5 * t,
  probabilityAlive: () => 1,
};

describe('CLV', () => {
  it('discounts each step at its end: a steady buyer is an annuity', () => {
    // 12 steps of 1, 0.5 purchases each, spend 10, margin 0.3, 1% a step:
    // 0.3 · 10 · 0.5 · Σ_{k=1..12} 1.01^−k = 1.5 · (1 − 1.01^−12)/0.01 = 1.5 · 11.255077473484…
    const value = customerClv(steady, 0, 0, 0, 10, { horizon: 12, discountRatePerStep: 0.01, margin: 0.3 });
    expect(value).toBeCloseTo((1.5 * (1 - 1.01 ** -12)) / 0.01, 12);
  });

  it('without discounting is spend × expected purchases over the horizon', () => {
    const model = bgNbdModel(BTYD_BGNBD);
    const value = customerClv(model, 2, 30.43, 38.86, 25, { horizon: 52, discountRatePerStep: 0 });
    expect(value).toBeCloseTo(25 * bgNbdConditionalExpectedTransactions(BTYD_BGNBD, 2, 30.43, 38.86, 52), 12);
  });

  it('discounting lowers the value, and more so for a higher rate', () => {
    const model = bgNbdModel(BTYD_BGNBD);
    const data = {
      x: Float64Array.of(2, 0),
      tx: Float64Array.of(30.43, 0),
      T: Float64Array.of(38.86, 38.86),
    };
    const [low, none] = clv(model, data, [25, 25], { horizon: 52, discountRatePerStep: 0.01 });
    const [high] = clv(model, data, [25, 25], { horizon: 52, discountRatePerStep: 0.05 });
    expect(high).toBeLessThan(low);
    expect(none).toBeGreaterThan(0);
    expect(low).toBeLessThan(
      customerClv(model, 2, 30.43, 38.86, 25, { horizon: 52, discountRatePerStep: 0 }),
    );
  });

  it('rejects a horizon or step count that makes no sense', () => {
    const data = { x: Float64Array.of(1), tx: Float64Array.of(1), T: Float64Array.of(2) };
    expect(() => clv(steady, data, [1], { horizon: 0, discountRatePerStep: 0 })).toThrow(/horizon/);
    expect(() => clv(steady, data, [1], { horizon: 52, steps: 2.5, discountRatePerStep: 0 })).toThrow(
      /steps/,
    );
    expect(() => clv(steady, data, [], { horizon: 52, discountRatePerStep: 0 })).toThrow(/spend/);
  });
});
