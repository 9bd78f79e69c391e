import { describe, expect, it } from 'vitest';
import { detectNumberStyle, type NumberStyle, parseNumber } from '../../src/import/detect/index.js';

const POINT: NumberStyle = { decimal: '.' };
const COMMA: NumberStyle = { decimal: ',' };
const NBSP = '\u00A0';
const NARROW_NBSP = '\u202F';

describe('parseNumber, decimal comma', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1 234,56', '1234.56'],
    [`1${NBSP}234,56`, '1234.56'],
    [`1${NARROW_NBSP}234${NARROW_NBSP}567,8`, '1234567.8'],
    ["1'234,56", '1234.56'],
    ['-12,50', '-12.5'],
    ['12,50-', '-12.5'],
    ['(12,50)', '-12.5'],
    ['+7,25', '7.25'],
    ['1234', '1234'],
    ['0,5', '0.5'],
    [',5', '0.5'],
    ['€ 1.234,56', '1234.56'],
    ['1.234,56 EUR', '1234.56'],
    ['1.234,56 €', '1234.56'],
    ['-1 234,56 zł', '-1234.56'],
    ['99,90 kr', '99.9'],
    ['  42  ', '42'],
    ['1.000.000', '1000000'],
    ['12,3456789', '12.3457'],
    ['-0,00001', '0'],
  ])('%j → %s', (text, expected) => {
    expect(parseNumber(text, COMMA)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'abc',
    '1.5', // a point number, not 15: thousands must group by three
    '1.23.456',
    '12,-', // German "12 euros even", not minus 12
    '--5',
    '(5',
    '-(5)',
    '5 5',
    '1,2,3',
    '100000000000000', // beyond DECIMAL(18,4)
  ])('%j is not a number', (text) => {
    expect(parseNumber(text, COMMA)).toBeNull();
  });
});

describe('parseNumber, decimal point', () => {
  it.each([
    ['1,234.56', '1234.56'],
    ['1 234.56', '1234.56'],
    ["1'234.56", '1234.56'],
    ['1’234.56', '1234.56'],
    ['$1,234.56', '1234.56'],
    ['-$1,234.56', '-1234.56'],
    ['$-5', '-5'],
    ['(12.50)', '-12.5'],
    ['($12.50)', '-12.5'],
    ['12.50-', '-12.5'],
    ['1234.5', '1234.5'],
    ['1234', '1234'],
    ['+1234', '1234'],
    ['11.77', '11.77'],
    ['0.00005', '0.0001'],
    ['99999999999999.9999', '99999999999999.9999'],
    ['007', '7'],
    ['5.', '5'],
  ])('%j → %s', (text, expected) => {
    expect(parseNumber(text, POINT)).toBe(expected);
  });

  it.each(['1,5', '1.234,56', '0,123', '1e5', '1_000', 'NaN', '99999999999999.99995', '.', '-'])(
    '%j is not a number',
    (text) => {
      expect(parseNumber(text, POINT)).toBeNull();
    },
  );
});

describe('detectNumberStyle', () => {
  it('reads decimal commas', () => {
    expect(detectNumberStyle(['1.234,56', '12,5', '7'])).toEqual(COMMA);
    expect(detectNumberStyle(['12,50-', '3'])).toEqual(COMMA);
  });

  it('reads decimal points', () => {
    expect(detectNumberStyle(['1,234.56', '12.5'])).toEqual(POINT);
    expect(detectNumberStyle(['1,234,567'])).toEqual(POINT);
  });

  it('lets unambiguous samples of other columns decide "1,234"', () => {
    expect(detectNumberStyle(['1,234', '2,500', '0,75'])).toEqual(COMMA);
    expect(detectNumberStyle(['1,234', '2,500', '11.77'])).toEqual(POINT);
  });

  it('defaults to a point when nothing decides', () => {
    expect(detectNumberStyle(['1,234', '1234', ''])).toEqual(POINT);
    expect(detectNumberStyle([])).toEqual(POINT);
  });

  it('ignores values that are no numbers in either style', () => {
    expect(detectNumberStyle(['01.02.2024', 'n/a', '3,5'])).toEqual(COMMA);
  });
});
