import { LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  DATE_FORMATS,
  type DateFormat,
  dateSql,
  type NumberStyle,
  numberSql,
  parseDate,
  parseNumber,
} from '../../src/import/detect/index.js';
import { memoryDuckDB } from '../helpers/duckdb.js';
import { dateSamples, numberSamples } from './samples.js';

// The import parses whole files in DuckDB with numberSql/dateSql, while sniffing
// and previews use parseNumber/parseDate: both must give the same answer for
// every input, including the ones they reject.

const duck = memoryDuckDB();

/** Runs `expression` (over the column "v") for every value, passed as a bound list parameter. */
async function evaluate(values: string[], expression: string): Promise<Map<string, string | null>> {
  const reader = await duck.connection.runAndReadAll(
    `SELECT v, CAST(${expression} AS VARCHAR) AS result FROM (SELECT unnest($values) AS v)`,
    { values: listValue(values) },
    { values: LIST(VARCHAR) },
  );
  return new Map(reader.getRowObjectsJS().map((row) => [row.v as string, row.result as string | null]));
}

// DECIMAL(18,4) prints four decimals; parseNumber drops trailing zeros.
const withoutTrailingZeros = (decimal: string | null) =>
  decimal === null ? null : decimal.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

const STYLES: NumberStyle[] = [{ decimal: '.' }, { decimal: ',' }];

describe('numberSql agrees with parseNumber', () => {
  for (const style of STYLES) {
    it(`decimal "${style.decimal}"`, async () => {
      const samples = numberSamples(style, 600);
      const fromSql = await evaluate(samples, numberSql('"v"', style));
      const mismatches = samples
        .map((text) => ({
          text,
          js: parseNumber(text, style),
          sql: withoutTrailingZeros(fromSql.get(text) ?? null),
        }))
        .filter(({ js, sql }) => js !== sql);
      expect(mismatches).toEqual([]);
      // The samples must exercise both outcomes, or the comparison proves little.
      const parsed = samples.filter((text) => parseNumber(text, style) !== null).length;
      expect(parsed).toBeGreaterThan(samples.length * 0.3);
      expect(parsed).toBeLessThan(samples.length * 0.9);
    });
  }
});

describe('dateSql agrees with parseDate', () => {
  for (const format of DATE_FORMATS) {
    it(`format ${format}`, async () => {
      const samples = dateSamples(format as DateFormat, 500);
      const fromSql = await evaluate(samples, dateSql('"v"', format));
      const mismatches = samples
        .map((text) => ({ text, js: parseDate(text, format), sql: fromSql.get(text) ?? null }))
        .filter(({ js, sql }) => js !== sql);
      expect(mismatches).toEqual([]);
      const parsed = samples.filter((text) => parseDate(text, format) !== null).length;
      expect(parsed).toBeGreaterThan(samples.length * 0.3);
      expect(parsed).toBeLessThan(samples.length * 0.9);
    });
  }
});

describe('generated SQL', () => {
  it('handles NULL and empty cells', async () => {
    const reader = await duck.connection.runAndReadAll(
      `SELECT ${numberSql('"v"', { decimal: ',' })} AS n, ${dateSql('"v"', 'dmy.')} AS d FROM (VALUES (NULL), ('')) t(v)`,
    );
    expect(reader.getRowObjectsJS()).toEqual([
      { n: null, d: null },
      { n: null, d: null },
    ]);
  });

  it('yields DECIMAL(18,4) and DATE', async () => {
    const reader = await duck.connection.runAndReadAll(
      `SELECT typeof(${numberSql('"v"', { decimal: '.' })}) AS n, typeof(${dateSql('"v"', 'excel')}) AS e,
              typeof(${dateSql('"v"', 'dmy.')}) AS d FROM (VALUES ('1')) t(v)`,
    );
    expect(reader.getRowObjectsJS()).toEqual([{ n: 'DECIMAL(18,4)', e: 'DATE', d: 'DATE' }]);
  });
});
