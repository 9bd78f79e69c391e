import { describe, expect, it } from 'vitest';
import {
  applyOverrides,
  hasHeaderRow,
  recognizeHeaders,
  UnknownFieldError,
  UnknownHeaderError,
} from '../../src/import/detect/index.js';

const SUPERSTORE = ['Row ID', 'Order ID', 'Order Date', 'Ship Date', 'Customer ID', 'Sales', 'Profit'];

describe('applyOverrides', () => {
  const headers = ['Row ID', 'Kunde', 'Datum', 'Umsatz', 'Kd.-Nr.'];
  const recognized = recognizeHeaders(headers).mapping;

  it('maps by header name, case-insensitively, and frees the column from other fields', () => {
    expect(recognized).toEqual({ customer_id: 1, date: 2, amount: 3 });
    expect(
      applyOverrides(recognized, headers, { customer_id: 'kd.-nr.', customer_name: 'KUNDE', line: 'row id' }),
    ).toEqual({
      customer_id: 4,
      customer_name: 1,
      date: 2,
      amount: 3,
      line: 0,
    });
  });

  it('unmaps a field given an empty name and accepts names without punctuation', () => {
    expect(applyOverrides(recognized, headers, { amount: '', customer_id: 'kd nr' })).toEqual({
      customer_id: 4,
      date: 2,
    });
  });

  it('names the unknown header in a typed error', () => {
    const attempt = () => applyOverrides(recognized, headers, { amount: 'Revenue' });
    expect(attempt).toThrow(UnknownHeaderError);
    expect(attempt).toThrow(/"Revenue"/);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ field: 'amount', header: 'Revenue', available: headers });
    }
  });

  it('rejects unknown fields', () => {
    expect(() => applyOverrides(recognized, headers, { price: 'Umsatz' } as never)).toThrow(
      UnknownFieldError,
    );
  });
});

describe('hasHeaderRow', () => {
  it('sees known field names', () => {
    expect(hasHeaderRow([SUPERSTORE, ['1', 'CA-2016-152156', '11/8/2016', '11/11/2016', 'CG-12520']])).toBe(
      true,
    );
    expect(hasHeaderRow([['customer_id', 'date', 'number_of_cds', 'dollar_value']])).toBe(true);
  });

  it('sees unknown names above numbers', () => {
    expect(
      hasHeaderRow([
        ['Foo', 'Bar'],
        ['x', '12,50'],
        ['y', '7'],
      ]),
    ).toBe(true);
  });

  it('takes rows with numbers or dates for data', () => {
    expect(
      hasHeaderRow([
        ['00001', '19970101', '1', '11.77'],
        ['00002', '19970112', '1', '12.00'],
      ]),
    ).toBe(false);
    expect(
      hasHeaderRow([
        ['Acme', '01.02.2024', 'Kunde'],
        ['Beta', '02.02.2024', 'x'],
      ]),
    ).toBe(false);
  });

  it('takes all-text rows without known names for data', () => {
    expect(
      hasHeaderRow([
        ['Acme', 'Berlin'],
        ['Beta', 'Hamburg'],
      ]),
    ).toBe(false);
    expect(hasHeaderRow([])).toBe(false);
  });
});
