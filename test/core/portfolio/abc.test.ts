import { describe, expect, it } from 'vitest';
import { abcClasses, abcMatrix } from '../../../src/core/portfolio/index.js';
import { equalValues, FIVE_PLUS_TWO } from './fixtures.js';

const classOf = (result: ReturnType<typeof abcClasses>) =>
  Object.fromEntries(result.accounts.map((a) => [a.id, a.class]));

describe('abcClasses (METHOD P3)', () => {
  it('classifies a hand-worked portfolio', () => {
    // Cumulative a .50, b .70, c .85 (crosses 80% → A), d .95 (reaches 95% → B), e 1.00 → C.
    // f (0) and g (−3) are outside the base → C.
    const result = abcClasses(FIVE_PLUS_TWO);
    expect(classOf(result)).toEqual({ a: 'A', b: 'A', c: 'A', d: 'B', e: 'C', g: 'C', f: 'C' });
    expect(result.accounts.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'g', 'f']);
    expect(result.counts).toEqual({ A: 3, B: 1, C: 3 });
    expect(result.computedCounts).toEqual({ A: 3, B: 1, C: 3 });
    // A holds 85 of 100, B 10, C 5 (the 0 and −3 add nothing to the share of R).
    expect(result.classes.A).toMatchObject({ count: 3, value: 85, share: 0.85 });
    expect(result.classes.B).toMatchObject({ count: 1, value: 10, share: 0.1 });
    expect(result.classes.C).toMatchObject({ count: 3, value: 2, share: 0.05 }); // 5 + 0 − 3 = 2
    expect(result.accounts[3]).toMatchObject({ id: 'd', rank: 4, share: 0.1, cumulativeShare: 0.95 });
    expect(result.accounts[5]).toMatchObject({ id: 'g', rank: null, share: -0.03, cumulativeShare: null });
  });

  it('shows potential by class, null where no member has one', () => {
    // METHOD P3 "show potential by class": a 5 → A; e 40 + f 10 → C; nobody in B has a potential.
    const potentials: Record<string, number> = { a: 5, e: 40, f: 10 };
    const result = abcClasses(FIVE_PLUS_TWO.map((v) => ({ ...v, potential: potentials[v.id] ?? null })));
    expect(result.classes.A).toMatchObject({ potential: 5, accountsWithPotential: 1 });
    expect(result.classes.B).toMatchObject({ potential: null, accountsWithPotential: 0 });
    expect(result.classes.C).toMatchObject({ potential: 50, accountsWithPotential: 2 });
  });

  it('lets a strategic manual class win and keeps the computed one with the reason', () => {
    const reason = 'Reference customer for the new product line';
    const result = abcClasses(
      FIVE_PLUS_TWO.map((v) => (v.id === 'g' ? { ...v, manualClass: { class: 'A' as const, reason } } : v)),
    );
    expect(result.accounts.find((a) => a.id === 'g')).toMatchObject({
      class: 'A',
      computedClass: 'C',
      manualReason: reason,
    });
    expect(result.counts).toEqual({ A: 4, B: 1, C: 2 });
    expect(result.computedCounts).toEqual({ A: 3, B: 1, C: 3 });
    // A now holds 50 + 20 + 15 − 3 = 82 net; its share of R stays 85/100.
    expect(result.classes.A).toMatchObject({ count: 4, value: 82, share: 0.85 });
  });

  it('keeps ties in id order and puts the 95% crossing customer in B', () => {
    // Five customers of 10 (input in reverse id order): cumulative .2, .4, .6, .8 → the first four by id
    // are A (the fourth lands exactly on 80%); the fifth brings 1.00 ≥ 95% → B; Gini would be 0.
    const result = abcClasses(equalValues(5));
    expect(classOf(result)).toEqual({ c001: 'A', c002: 'A', c003: 'A', c004: 'A', c005: 'B' });
  });

  it('puts an exact 80% crossing in A and leaves B empty when A already passes 95%', () => {
    // 40 + 40 = 80% exactly → a, b are A; c: 90%, d: 100% ≥ 95% → both B.
    const exact = abcClasses([
      { id: 'a', value: 40 },
      { id: 'b', value: 40 },
      { id: 'c', value: 10 },
      { id: 'd', value: 10 },
    ]);
    expect(exact.counts).toEqual({ A: 2, B: 2, C: 0 });
    // One customer with 97%: it crosses both 80% and 95% → A; B is empty; the rest is C.
    const dominant = abcClasses([
      { id: 'big', value: 97 },
      { id: 'x', value: 2 },
      { id: 'y', value: 1 },
    ]);
    expect(classOf(dominant)).toEqual({ big: 'A', x: 'C', y: 'C' });
  });

  it('handles one customer, empty input and totals of zero or less', () => {
    expect(abcClasses([{ id: 'only', value: 3 }]).counts).toEqual({ A: 1, B: 0, C: 0 });
    const empty = abcClasses([]);
    expect(empty.counts).toEqual({ A: 0, B: 0, C: 0 });
    expect(empty.classes.A.share).toBeNull();
    const nothingPositive = abcClasses([
      { id: 'z', value: 0 },
      { id: 'n', value: -1 },
    ]);
    expect(nothingPositive.counts).toEqual({ A: 0, B: 0, C: 2 });
    expect(nothingPositive.total).toBe(0);
  });
});

describe('abcMatrix (revenue class × margin class)', () => {
  it('counts accounts, revenue and margin per cell', () => {
    // Revenue classes (above): A a, b, c; B d; C e, f, g.
    const revenue = abcClasses(FIVE_PLUS_TWO);
    // Margin: d 40, b 30, e 15, c 10, a 5 (R = 100): cumulative .40, .70, .85 → A d, b, e; .95 → B c;
    // a → C; f (0) and g (−2) are outside the base → C.
    const margin = abcClasses([
      { id: 'a', value: 5 },
      { id: 'b', value: 30 },
      { id: 'c', value: 10 },
      { id: 'd', value: 40 },
      { id: 'e', value: 15 },
      { id: 'f', value: 0 },
      { id: 'g', value: -2 },
    ]);
    const matrix = abcMatrix(revenue, margin);
    expect(matrix.AA).toEqual({ count: 1, revenue: 20, margin: 30, ids: ['b'] });
    expect(matrix.AB).toEqual({ count: 1, revenue: 15, margin: 10, ids: ['c'] });
    expect(matrix.AC).toEqual({ count: 1, revenue: 50, margin: 5, ids: ['a'] });
    expect(matrix.BA).toEqual({ count: 1, revenue: 10, margin: 40, ids: ['d'] });
    expect(matrix.CA).toEqual({ count: 1, revenue: 5, margin: 15, ids: ['e'] });
    expect(matrix.CC).toEqual({ count: 2, revenue: -3, margin: -2, ids: ['g', 'f'] });
    for (const key of ['BB', 'BC', 'CB'] as const) expect(matrix[key].count).toBe(0);
  });

  it('uses computed classes and puts accounts without a margin in margin class C', () => {
    const revenue = abcClasses([
      { id: 'a', value: 90 },
      { id: 'b', value: 10, manualClass: { class: 'A', reason: 'market access' } },
    ]);
    const margin = abcClasses([{ id: 'a', value: 30 }]); // b has no margin figure
    const matrix = abcMatrix(revenue, margin);
    // a: revenue 90% → A, margin A. b: computed revenue class B (90% → 100%), no margin → C.
    expect(matrix.AA.ids).toEqual(['a']);
    expect(matrix.BC.ids).toEqual(['b']);
    expect(matrix.BC.margin).toBe(0);
  });
});
