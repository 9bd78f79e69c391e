import { describe, expect, it } from 'vitest';
import { generateCustomers } from '../../src/demo/company.js';
import { KEY_ACCOUNT_MANAGERS, REGIONS } from '../../src/demo/geography.js';
import { SEGMENTS } from '../../src/demo/segments.js';

const options = { customers: 400, years: 3, endDate: '2025-05-31', seed: 7 };

describe('generateCustomers', () => {
  const customers = generateCustomers(options);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCustomers(options)).toEqual(customers);
    expect(generateCustomers({ ...options, seed: 8 }).map((c) => c.name)).not.toEqual(
      customers.map((c) => c.name),
    );
  });

  it('gives every customer a unique number like K10023 and a unique name', () => {
    expect(customers).toHaveLength(400);
    for (const customer of customers) expect(customer.id).toMatch(/^K\d{5,}$/);
    expect(new Set(customers.map((c) => c.id)).size).toBe(400);
    expect(new Set(customers.map((c) => c.name)).size).toBe(400);
  });

  it('numbers customers in the order they were won', () => {
    const numbers = customers.map((c) => Number(c.id.slice(1)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const since = customers.map((c) => c.customerSince);
    expect(since).toEqual([...since].sort());
  });

  it('names companies in their own languages, diacritics included', () => {
    const names = customers.map((c) => c.name).join('\n');
    for (const letter of ['ü', 'ö', 'å', 'ł', 'ś', 'ø']) expect(names).toContain(letter);
    expect(names).toMatch(/ (GmbH|AG)$/m);
    expect(names).toMatch(/ AB$/m);
    expect(names).toMatch(/ Sp\. z o\.o\.$/m);
    expect(names).toMatch(/ Ltd$/m);
  });

  it('covers all regions and segments with plausible attributes', () => {
    expect(new Set(customers.map((c) => c.region))).toEqual(new Set(REGIONS));
    expect(new Set(customers.map((c) => c.segment))).toEqual(new Set(SEGMENTS));
    for (const customer of customers) {
      expect(customer.owner.length).toBeGreaterThan(0);
      expect(customer.city.length).toBeGreaterThan(0);
      expect(customer.discount).toBeGreaterThanOrEqual(0);
      expect(customer.discount).toBeLessThan(0.5);
    }
  });

  it('hands the largest accounts to key account managers and gives them the best prices', () => {
    const bySize = [...customers].sort((a, b) => b.size - a.size);
    expect(KEY_ACCOUNT_MANAGERS).toContain(bySize[0].owner);
    const regular = customers.filter((c) => !c.demanding);
    const averageDiscount = (list: typeof customers) =>
      list.reduce((sum, c) => sum + c.discount, 0) / list.length;
    const bigOnes = regular.filter((c) => c.size > 5);
    const smallOnes = regular.filter((c) => c.size < 0.5);
    expect(averageDiscount(bigOnes)).toBeGreaterThan(averageDiscount(smallOnes) + 0.05);
  });

  it('mixes growing, declining, churned and new customers', () => {
    const kinds = new Set(customers.map((c) => c.lifecycle));
    expect(kinds).toEqual(new Set(['steady', 'growing', 'declining', 'churned', 'new']));
    for (const customer of customers) {
      if (customer.lifecycle === 'new') {
        expect(customer.customerSince > '2024-05-31').toBe(true);
        expect(customer.customerSince <= '2025-05-31').toBe(true);
      }
      if (customer.lifecycle === 'churned') {
        expect(customer.lastOrderBy! > '2022-05-31').toBe(true);
        expect(customer.lastOrderBy! < '2025-05-31').toBe(true);
      } else {
        expect(customer.lastOrderBy).toBeNull();
      }
    }
    expect(customers.some((c) => c.demanding)).toBe(true);
  });

  it('rejects nonsense options', () => {
    expect(() => generateCustomers({ ...options, customers: 0 })).toThrow(/customers/);
    expect(() => generateCustomers({ ...options, endDate: '2025-02-30' })).toThrow(/date/i);
    expect(() => generateCustomers({ ...options, years: 0 })).toThrow(/years/);
  });

  it('keeps names unique even for very large populations', () => {
    const many = generateCustomers({ ...options, customers: 20_000 });
    expect(new Set(many.map((c) => c.name)).size).toBe(20_000);
  });
});
