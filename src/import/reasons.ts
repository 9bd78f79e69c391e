import { type DateFormat, describeDateFormat } from './detect/index.js';

/**
 * Why a row is unusable, in the words the import reports (rejects list and CSV). One place, so the
 * preview (src/import/preview.ts) says exactly what the import will say about the same row.
 */
export const REASONS = {
  empty: (label: string) => `the ${label} is empty`,
  notANumber: 'not a number',
  badDate: (format: DateFormat) => `not a valid date in the format ${describeDateFormat(format)}`,
  fieldCount: (found: number | string, expected: number) =>
    `the line has ${found} fields where the header has ${expected}`,
  duplicateLine: (document: string, line: string) =>
    `document ${document} line ${line} appears more than once in the file`,
  noRate: 'no exchange rate was given for this currency',
} as const;

/** How a field is named inside a reason ("the unit price is empty"). */
export const FIELD_LABELS = {
  customer_id: 'customer id',
  date: 'date',
  amount: 'amount',
  quantity: 'quantity',
  unit_price: 'unit price',
} as const;
