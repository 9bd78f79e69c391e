import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportProgress } from './import.schema.js';
import type { PreparedSource } from './source/source.js';

/**
 * Reads the file once into a connection-local temporary table of text columns; `rowid` then numbers the
 * rows in file order, which is how a bad row finds its line number again.
 */
export async function stageSource(
  connection: DuckDBConnection,
  source: PreparedSource,
  usedColumns: number[],
  onProgress?: ImportProgress,
): Promise<{ rows: number; structuralRejects: number }> {
  const columns = usedColumns.map((i) => `c${i}`);
  if (source.hasLineColumn) columns.push('__line');
  if (source.format === 'whitespace') columns.push('__fields');
  const timer = onProgress
    ? setInterval(() => {
        const percentage = connection.progress.percentage;
        if (percentage >= 0) onProgress('reading', Math.min(percentage / 100, 1));
      }, 100)
    : null;
  try {
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE staging AS SELECT ${columns.join(', ')} FROM ${source.relation}`,
      source.params,
    );
  } finally {
    if (timer) clearInterval(timer);
  }
  onProgress?.('reading', 1);
  const rows = await scalar(connection, 'SELECT count(*) FROM staging');
  let structuralRejects = 0;
  if (source.structuralRejects) {
    // DuckDB creates the rejects table only when its reader refused something.
    const exists = await scalar(
      connection,
      "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'import_rejects'",
    );
    if (exists === 0)
      await connection.run(
        'CREATE TEMP TABLE import_rejects (line BIGINT, csv_line VARCHAR, error_message VARCHAR)',
      );
    structuralRejects = await scalar(connection, 'SELECT count(*) FROM import_rejects');
  }
  return { rows, structuralRejects };
}

/**
 * Line numbers of staged rows. DuckDB's reader skips malformed records, so each skipped record shifts
 * the rows after it by one: an ASOF join on the shift table maps a row position back to its line.
 */
export async function createLineMap(connection: DuckDBConnection, source: PreparedSource): Promise<string> {
  if (source.hasLineColumn) {
    await connection.run(
      'CREATE OR REPLACE TEMP TABLE import_lines AS SELECT rowid AS r, __line AS line FROM staging',
    );
    return 'import_lines';
  }
  const first = source.firstDataLine;
  const shifts = source.structuralRejects
    ? `SELECT 0::BIGINT AS start_row, 0::BIGINT AS shift UNION ALL
       SELECT line - ${first} - j + 1 AS start_row, max(j) FROM (
         SELECT line, row_number() OVER (ORDER BY line) AS j FROM import_rejects) GROUP BY start_row`
    : 'SELECT 0::BIGINT AS start_row, 0::BIGINT AS shift';
  await connection.run(`CREATE OR REPLACE TEMP TABLE import_shifts AS ${shifts}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE import_lines AS
    SELECT p.r, p.r + ${first} + s.shift AS line
    FROM (SELECT DISTINCT r FROM import_problems) p ASOF JOIN import_shifts s ON p.r >= s.start_row`);
  return 'import_lines';
}

export async function scalar(
  connection: DuckDBConnection,
  sql: string,
  params?: Record<string, string>,
): Promise<number> {
  const reader = await connection.runAndReadAll(sql, params);
  const value = reader.getRowsJS()[0]?.[0];
  return value === null || value === undefined ? 0 : Number(value);
}

export async function dropStaging(connection: DuckDBConnection): Promise<void> {
  const tables = [
    'staging',
    'import_problems',
    'import_lines',
    'import_shifts',
    'import_rates',
    'import_rejects',
    'import_scans',
  ];
  for (const table of tables) {
    await connection.run(`DROP TABLE IF EXISTS temp.${table}`);
  }
}
