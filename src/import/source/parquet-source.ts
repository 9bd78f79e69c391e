import { DuckDBInstance } from '@duckdb/node-api';
import type { PreparedSource } from './source.js';

const SAMPLE_ROWS = 500;

/** Parquet carries types; every column is cast to text so the same parsing and checks apply to it. */
export async function prepareParquetSource(file: string): Promise<PreparedSource> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const described = await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', {
      path: file,
    });
    const columns = described
      .getRowObjectsJS()
      .map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
    const parts = columns
      .map((column, i) => `CAST(${quoteIdentifier(column.name)} AS VARCHAR) AS c${i}`)
      .join(', ');
    const relation = `(SELECT ${parts} FROM read_parquet($path))`;
    const sampled = await connection.runAndReadAll(`SELECT * FROM ${relation} LIMIT ${SAMPLE_ROWS}`, {
      path: file,
    });
    const sample = sampled
      .getRowsJS()
      .map((row) => row.map((value) => (value === null ? '' : String(value))));
    return {
      format: 'parquet',
      encoding: null,
      delimiter: null,
      headers: columns.map((column) => column.name),
      sample,
      sampleLines: sample.map((_, i) => i + 1),
      relation,
      params: { path: file },
      firstDataLine: 1,
      hasLineColumn: false,
      structuralRejects: false,
      cleanup: () => {},
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Column names come from the file; they are quoted as identifiers, never spliced in raw. */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
