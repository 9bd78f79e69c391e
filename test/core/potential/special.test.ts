import { describe, expect, it } from 'vitest';
import {
  digamma,
  hyp2f1,
  hyp2f1OneCf,
  lbeta,
  lgamma,
  log1pExp,
  logAddExp,
  logHyp2f1,
  logHyp2f1APlus1,
  logSubExp,
} from '../../../src/core/potential/special.js';

const close = (actual: number, expected: number, relative = 1e-13) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));

describe('lgamma', () => {
  it('matches exact values: Γ(1) = Γ(2) = 1, Γ(1/2) = √π, Γ(10) = 9!', () => {
    close(lgamma(1), 0);
    close(lgamma(2), 0);
    close(lgamma(0.5), 0.5 * Math.log(Math.PI));
    close(lgamma(10), Math.log(362880));
  });

  it('matches reference values (mpmath loggamma, 30 digits) from tiny to huge arguments', () => {
    close(lgamma(0.001), 6.907178885383853);
    close(lgamma(3.7), 1.428072326665388);
    close(lgamma(171.5), 709.1431630309282);
    close(lgamma(1e6), 12815504.569147613);
  });

  it('is NaN outside its domain', () => {
    expect(lgamma(0)).toBeNaN();
    expect(lgamma(-1.5)).toBeNaN();
  });

  it('lbeta: B(2, 3) = Γ2Γ3/Γ5 = 2/24', () => close(lbeta(2, 3), Math.log(2 / 24)));
});

describe('digamma', () => {
  it('matches reference values (mpmath digamma)', () => {
    close(digamma(0.01), -100.56088545786866);
    close(digamma(0.5), -1.9635100260214235); // −γ − 2 ln 2
    close(digamma(1), -0.5772156649015329); // −γ
    close(digamma(3.3), 1.0348224890596216);
    close(digamma(10), 2.251752589066721);
    close(digamma(1e5), 11.512920464961894);
  });

  it('is the derivative of lgamma', () => {
    const h = 1e-5;
    for (const x of [0.3, 2.5, 40]) close((lgamma(x + h) - lgamma(x - h)) / (2 * h), digamma(x), 1e-8);
  });
});

describe('log-space helpers', () => {
  it('log1pExp neither overflows nor underflows', () => {
    close(log1pExp(0), Math.LN2);
    close(log1pExp(800), 800);
    close(log1pExp(-800), Math.exp(-800));
  });

  it('logAddExp and logSubExp', () => {
    close(logAddExp(Math.log(2), Math.log(3)), Math.log(5));
    close(logAddExp(-1000, -1000), -1000 + Math.LN2);
    expect(logAddExp(Number.NEGATIVE_INFINITY, 1)).toBe(1);
    close(logSubExp(Math.log(5), Math.log(3)), Math.log(2));
    expect(logSubExp(1, 1)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('Gauss hypergeometric 2F1 on 0 <= z < 1', () => {
  it('2F1(1, 1; 2; z) = −ln(1−z)/z', () => close(hyp2f1(1, 1, 2, 0.5), 2 * Math.LN2));

  it('2F1(a, b; b; z) = (1−z)^−a, through the Euler transformation since c − a − b < 0', () => {
    close(hyp2f1(2.5, 1.7, 1.7, 0.9), 0.1 ** -2.5, 1e-12);
  });

  it('2F1(1/2, 1/2; 3/2; z²) = arcsin(z)/z', () => close(hyp2f1(0.5, 0.5, 1.5, 0.81), Math.asin(0.9) / 0.9));

  it('is 1 at z = 0', () => expect(hyp2f1(3, 4, 5, 0)).toBe(1));

  it('matches mpmath hyp2f1 for large parameters and z near 1', () => {
    close(hyp2f1(500.8, 3.4, 501.8, 0.95), 23575.998442435022, 1e-12);
    close(hyp2f1(0.3, 2.2, 1.1, 0.99), 165.3548673749923, 1e-12);
    close(hyp2f1(1.55, 2.6, 4.2, 0.5), 1.859197386021718, 1e-13);
    close(hyp2f1(30.5, 31.25, 62.0, 0.7), 7175863.200095017, 1e-12);
  });

  it('keeps huge values finite in log space (Pareto/NBD shapes with x = 600, z near 1)', () => {
    // mpmath: ln 2F1(601.159, 600.553; 602.159; 0.999) = 4141.5680731774954; the value itself overflows.
    close(logHyp2f1(601.159, 600.553, 602.159, 0.999), 4141.5680731774955, 1e-13);
    close(logHyp2f1(601.159, 1.606, 602.159, 0.999), 10.075299472946826, 1e-12);
  });

  it('ln 2F1(a, b; a+1; z), the Pareto/NBD shape, matches mpmath from z = 0.5 up to 0.99984', () => {
    close(logHyp2f1APlus1(1.2, 0.3, 0.5), 0.10279779292313122, 1e-13);
    close(logHyp2f1APlus1(2.159, 1.606, 0.95), 2.75727605153828, 1e-13);
    close(logHyp2f1APlus1(601.159, 600.553, 0.999), 4141.5680731774955, 1e-13);
    // One of α, β far above the other: the power series would need ~250,000 terms here.
    close(logHyp2f1APlus1(1369.5, 0.4, 0.99984), 2.969397893672617, 1e-12);
  });

  it("Gauss's continued fraction for 2F1(1, b; c; z) agrees with the series and with mpmath", () => {
    close(hyp2f1OneCf(1, 2, 0.5), 2 * Math.LN2, 1e-14);
    close(hyp2f1OneCf(3.4, 501.8, 0.3), hyp2f1(1, 3.4, 501.8, 0.3), 1e-14);
    close(hyp2f1OneCf(1555, 1556.4, 0.99986), 1596.4101768189669, 1e-12);
  });
});
