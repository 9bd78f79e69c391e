import { expect, it } from 'vitest';
import { product, readSampleRows } from '../../src/import/preview-rows.js';

it('multiplies quantity and unit price to 4 decimals, half away from zero, as DECIMAL(18,4) does', () => {
  expect(product('3', '12.5')).toBe('37.5');
  expect(product('-2', '250.25')).toBe('-500.5');
  expect(product('0.3333', '0.5')).toBe('0.1667'); // 0.16665 → up
  expect(product('-0.3333', '0.5')).toBe('-0.1667');
  expect(product('0.0001', '0.0001')).toBe('0'); // no "-0"
  expect(product('-0.0001', '0.0001')).toBe('0');
  expect(product(null, '1')).toBeNull();
});

it('computes the amount from quantity and unit price when the file has no amount column', () => {
  const [row] = readSampleRows(
    {
      format: 'delimited',
      encoding: 'utf8',
      delimiter: ',',
      headers: ['Customer', 'Date', 'Qty', 'Price'],
      sample: [['K1', '2024-01-15', '3', 'x']],
      sampleLines: [2],
    },
    {
      columns: { customer_id: 0, date: 1, quantity: 2, unit_price: 3 },
      numberStyle: { decimal: '.' },
      dateFormats: ['iso'],
    },
  );
  expect(row!.cells.unit_price).toMatchObject({ value: null, problem: { reason: 'not a number' } });
  expect(row!.cells.amount).toEqual({ text: null, value: null, problem: null });
});
