import { describe, expect, it } from 'vitest';
import { makeFormat } from './format';

describe('formatting by locale and workspace currency', () => {
  it('writes money, shares and dates the German way', () => {
    const de = makeFormat('de-DE', 'EUR');
    expect(de.money('1234567.89')).toBe('1.234.568\u00a0€');
    expect(de.percent(0.815)).toBe('81,5\u00a0%');
    expect(de.number(1312)).toBe('1.312');
    expect(de.date('2024-03-05')).toBe('05.03.2024');
  });

  it('writes them the American way, in another currency', () => {
    const us = makeFormat('en-US', 'USD');
    expect(us.money(1234567.89)).toBe('$1,234,568');
    expect(us.percent(0.328, 1)).toBe('32.8%');
    expect(us.date('2024-03-05')).toBe('Mar 5, 2024');
    expect(us.moneyCompact('2500000')).toBe('$2.5M');
  });

  it('shows a dash for missing values instead of 0 or NaN', () => {
    const f = makeFormat('en-US', 'EUR');
    expect(f.money(null)).toBe('—');
    expect(f.money('')).toBe('—');
    expect(f.percent(undefined)).toBe('—');
    expect(f.date(null)).toBe('—');
  });
});
