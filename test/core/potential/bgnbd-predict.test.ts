import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectedTransactions,
  bgNbdExpectedTransactions,
  bgNbdModel,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfTransactions,
} from '../../../src/core/potential/index.js';
import { BTYD_BGNBD, relativeError } from './cdnow-fixture.js';

const p = BTYD_BGNBD;

describe('BG/NBD predictions, against the published CDNOW figures (within 0.1%)', () => {
  it('E[X(52)] of a new customer = 1.444', () => {
    expect(relativeError(bgNbdExpectedTransactions(p, 52), 1.444)).toBeLessThan(0.001);
  });

  it('customer x = 26, tx = 30.857, T = 31: 25.757 purchases in 52 weeks, P(alive) 0.9689', () => {
    expect(relativeError(bgNbdConditionalExpectedTransactions(p, 26, 30.857, 31, 52), 25.757)).toBeLessThan(
      0.001,
    );
    expect(relativeError(bgNbdProbabilityAlive(p, 26, 30.857, 31), 0.9689)).toBeLessThan(0.001);
  });

  it('customer x = 2, tx = 30.43, T = 38.86: 1.226 purchases in 39 weeks', () => {
    expect(relativeError(bgNbdConditionalExpectedTransactions(p, 2, 30.43, 38.86, 39), 1.226)).toBeLessThan(
      0.001,
    );
  });
});

describe('BG/NBD prediction properties', () => {
  it('a customer with no repeat purchase is certainly alive (the model lets dropout follow purchases only)', () => {
    expect(bgNbdProbabilityAlive(p, 0, 0, 30)).toBe(1);
  });

  it('a customer observed for no time is a new customer: E[Y(t) | 0, 0, 0] = E[X(t)]', () => {
    expect(bgNbdConditionalExpectedTransactions(p, 0, 0, 0, 52)).toBeCloseTo(
      bgNbdExpectedTransactions(p, 52),
      12,
    );
  });

  it('nothing is expected in no time', () => {
    expect(bgNbdExpectedTransactions(p, 0)).toBe(0);
    expect(bgNbdConditionalExpectedTransactions(p, 3, 10, 20, 0)).toBe(0);
  });

  it('is continuous through a = 1, where the closed form has 0/0', () => {
    const at = (a: number) => bgNbdExpectedTransactions({ ...p, a }, 52);
    expect(Number.isFinite(at(1))).toBe(true);
    expect(at(1)).toBeCloseTo((at(1 - 1e-6) + at(1 + 1e-6)) / 2, 8);
  });

  it('expectation grows with the horizon and stays finite far out (z close to 1)', () => {
    const year = bgNbdExpectedTransactions(p, 52);
    const decade = bgNbdExpectedTransactions(p, 520);
    expect(decade).toBeGreaterThan(year);
    // mpmath, (a+b−1)/(a−1)·[1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))] at t = 5200 with the rounded
    // published parameters (0.243, 4.414, 0.793, 2.426): 12.148119026370982.
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(relativeError(bgNbdExpectedTransactions(published, 5200), 12.148119026370981)).toBeLessThan(1e-11);
  });

  it('P(alive) falls the longer a frequent buyer has been silent', () => {
    expect(bgNbdProbabilityAlive(p, 10, 30, 31)).toBeGreaterThan(bgNbdProbabilityAlive(p, 10, 10, 31));
  });
});

describe('BG/NBD population distribution P(X(t) = k)', () => {
  for (const t of [5, 52, 260]) {
    it(`sums to 1 over k and has mean E[X(${t})]`, () => {
      let total = 0;
      let mean = 0;
      for (let k = 0; k <= 3000; k++) {
        const probability = bgNbdProbabilityOfTransactions(p, t, k);
        expect(probability).toBeGreaterThanOrEqual(0);
        total += probability;
        mean += k * probability;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(relativeError(mean, bgNbdExpectedTransactions(p, t))).toBeLessThan(1e-9);
    });
  }

  it('P(X(t) = 0) by hand: B(a, b)/B(a, b) · (α/(α+t))^r = (4.4136842/56.4136842)^0.2425982', () => {
    expect(bgNbdProbabilityOfTransactions(p, 52, 0)).toBeCloseTo((4.4136842 / 56.4136842) ** 0.2425982, 13);
  });

  it('is served through the common TransactionModel interface', () => {
    const model = bgNbdModel(p);
    expect(model.kind).toBe('bgnbd');
    expect(model.expectedTransactions(52)).toBe(bgNbdExpectedTransactions(p, 52));
    expect(model.probabilityOfTransactions(52, 3)).toBe(bgNbdProbabilityOfTransactions(p, 52, 3));
  });
});
