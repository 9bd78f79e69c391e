import type { DuckDBConnection } from '@duckdb/node-api';
import type { DateFormat } from './detect/index.js';
import { parseSelect } from './expressions.js';
import type { ImportProgress } from './import.schema.js';
import type { ImportPlan } from './plan.js';
import { type RecordLines, recordStartLines } from './record-lines.js';
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
 * Line numbers of the staged rows that have problems. Rows are numbered in file order, but that order
 * skips blank lines, quoted values may span lines, and DuckDB's reader leaves out malformed records
 * (each listed with its line in import_rejects). So the file is read once more for the line each record
 * starts on, the rejected ones are taken out, and the n-th line left is the n-th row's.
 */
export async function createLineMap(connection: DuckDBConnection, source: PreparedSource): Promise<void> {
  if (source.hasLineColumn) {
    await connection.run(
      'CREATE OR REPLACE TEMP TABLE import_lines AS SELECT rowid AS r, __line AS line FROM parsed WHERE rowid IN (SELECT r FROM import_problems)',
    );
    return;
  }
  if (source.format !== 'delimited' && source.format !== 'whitespace') {
    // Parquet: one row per record, nothing skipped.
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE import_lines AS SELECT DISTINCT r, r + ${source.firstDataLine} AS line FROM import_problems`,
    );
    return;
  }
  const records = await recordStartLines(String(source.params.path), {
    quoted: source.format === 'delimited',
    spacesAreBlank: source.format === 'whitespace',
  });
  const rejected = new Set<number>();
  if (source.structuralRejects) {
    const reader = await connection.runAndReadAll('SELECT DISTINCT line FROM import_rejects');
    for (const [line] of reader.getRowsJS()) rejected.add(Number(line));
  }
  const rowLines: number[] = [];
  for (let i = source.firstDataLine > 1 ? 1 : 0; i < records.physical.length; i++) {
    if (!rejected.has(records.logical[i]!)) rowLines.push(records.physical[i]!);
  }
  const problems = await connection.runAndReadAll('SELECT DISTINCT r FROM import_problems ORDER BY r');
  await connection.run('CREATE OR REPLACE TEMP TABLE import_lines (r BIGINT, line BIGINT)');
  await append(
    connection,
    'import_lines',
    problems.getRowsJS().map(([r]) => [Number(r), rowLines[Number(r)] ?? 0]),
  );
  if (rejected.size === 0) return;
  // The malformed records, reported on their lines as the user counts them too.
  await connection.run('CREATE OR REPLACE TEMP TABLE import_reject_lines (logical BIGINT, line BIGINT)');
  await append(
    connection,
    'import_reject_lines',
    [...rejected].map((line) => [line, physicalLine(records, line)]),
  );
  await connection.run(
    'UPDATE import_rejects SET line = m.line FROM import_reject_lines m WHERE import_rejects.line = m.logical',
  );
}

/** The file line of the record DuckDB numbers `logical` (the numbers only grow, so: binary search). */
function physicalLine(records: RecordLines, logical: number): number {
  let low = 0;
  let high = records.logical.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = records.logical[middle]!;
    if (found === logical) return records.physical[middle]!;
    if (found < logical) low = middle + 1;
    else high = middle - 1;
  }
  return logical;
}

async function append(connection: DuckDBConnection, table: string, rows: [number, number][]) {
  const appender = await connection.createAppender(table, 'main', 'temp');
  for (const [a, b] of rows) {
    appender.appendBigInt(BigInt(a));
    appender.appendBigInt(BigInt(b));
    appender.endRow();
  }
  appender.closeSync();
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
    'import_groups',
    'import_repeats',
  ];
  for (const table of tables) {
    await connection.run(`DROP TABLE IF EXISTS temp.${table}`);
  }
}
