import type { DuckDBConnection } from '@duckdb/node-api';
import type { DateFormat } from './detect/index.js';
import { parseSelect } from './expressions.js';
import type { ImportProgress } from './import.schema.js';
import type { ImportPlan } from './plan.js';
import type { PreparedSource } from './source/source.js';

/**
 * Reads the file once into a connection-local temporary table of typed values; `rowid` numbers the rows
 * in file order, which is how a bad row finds its line number again.
 */
export async function stageSource(
  connection: DuckDBConnection,
  source: PreparedSource,
  plan: ImportPlan,
  dateFormat: DateFormat,
  onProgress?: ImportProgress,
): Promise<{ rows: number; structuralRejects: number }> {
  const extras: string[] = [];
  if (source.hasLineColumn) extras.push('__line');
  if (source.format === 'whitespace') extras.push('__fields');
  await withProgress(connection, onProgress, () =>
    connection.run(
      `CREATE OR REPLACE TEMP TABLE parsed AS ${parseSelect(plan, dateFormat, source.relation, extras)}`,
      source.params,
    ),
  );
  const rows = await scalar(connection, 'SELECT count(*) FROM parsed');
  let structuralRejects = 0;
  if (source.structuralRejects) {
    // DuckDB creates the rejects table only when its reader refused something.
    const exists = await scalar(
      connection,
      "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'import_rejects'",
    );
    if (exists === 0) {
      await connection.run(
        'CREATE TEMP TABLE import_rejects (line BIGINT, error_type VARCHAR, csv_line VARCHAR, error_message VARCHAR)',
      );
    }
    structuralRejects = await scalar(connection, 'SELECT count(*) FROM import_rejects');
  }
  return { rows, structuralRejects };
}

/**
 * Line numbers of staged rows. DuckDB's reader skips malformed records, so each skipped record shifts
 * the rows after it by one: an ASOF join on the shift table maps a row position back to its line.
 */
export async function createLineMap(connection: DuckDBConnection, source: PreparedSource): Promise<void> {
  if (source.hasLineColumn) {
    await connection.run(
      'CREATE OR REPLACE TEMP TABLE import_lines AS SELECT rowid AS r, __line AS line FROM parsed WHERE rowid IN (SELECT r FROM import_problems)',
    );
    return;
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
}

/** Runs the statement that reads the file while reporting DuckDB's own progress of it. */
export async function withProgress<T>(
  connection: DuckDBConnection,
  onProgress: ImportProgress | undefined,
  run: () => Promise<T>,
): Promise<T> {
  // DuckDB tracks a query's progress only with its progress bar on; it must not print one, though.
  if (onProgress) {
    await connection.run('SET enable_progress_bar_print = false');
    await connection.run('SET enable_progress_bar = true');
  }
  const timer = onProgress
    ? setInterval(() => {
        const percentage = connection.progress.percentage;
        if (percentage >= 0) onProgress('reading', Math.min(percentage / 100, 1));
      }, 100)
    : null;
  try {
    return await run();
  } finally {
    if (timer) clearInterval(timer);
    onProgress?.('reading', 1);
  }
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
    'parsed',
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
