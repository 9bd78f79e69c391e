import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from '../analytics/read-rows.js';
import { type ImportFigures, toImportFigures } from './batch-summary.js';
import type { Field } from './detect/index.js';
import type { ImportSummary, RejectedRow } from './import.schema.js';
import { headerOf, type ImportPlan } from './plan.js';
import { REASONS } from './reasons.js';
import type { PreparedSource } from './source/source.js';
import { createLineMap } from './staging.js';

/** The first `limit` problems in line order. */
export async function readRejects(
  connection: DuckDBConnection,
  source: PreparedSource,
  plan: ImportPlan,
  badRows: number,
  limit: number,
): Promise<RejectedRow[]> {
  const malformed = source.structuralRejects
    ? Number((await connection.runAndReadAll('SELECT count(*) FROM import_rejects')).getRowsJS()[0]![0])
    : 0;
  if (badRows === 0 && malformed === 0) return [];
  // Before anything reads a line number: it also renumbers the malformed records as the file counts.
  await createLineMap(connection, source);
  const structural = malformed > 0 ? await structuralRejects(connection, plan, limit) : [];
  if (badRows === 0) return structural;
  const reader = await connection.runAndReadAll(
    `SELECT l.line, p.field, p.value, p.reason FROM import_problems p JOIN import_lines l USING (r)
     ORDER BY l.line, p.field LIMIT ${Math.trunc(limit)}`,
  );
  const problems = reader.getRowsJS().map(([line, field, value, reason]) => ({
    line: Number(line),
    column: field === 'row' ? '(whole line)' : headerOf(plan, field as Field),
    value: value === null ? null : String(value),
    reason: String(reason),
  }));
  return [...structural, ...problems].sort((a, b) => a.line - b.line).slice(0, limit);
}

async function structuralRejects(
  connection: DuckDBConnection,
  plan: ImportPlan,
  limit: number,
): Promise<RejectedRow[]> {
  const reader = await connection.runAndReadAll(
    `SELECT line, trim(csv_line, chr(10) || chr(13)), error_message FROM import_rejects ORDER BY line LIMIT ${Math.trunc(limit)}`,
  );
  return reader.getRowsJS().map(([line, csvLine, message]) => {
    const found = /Found: (\d+)/.exec(String(message))?.[1];
    return {
      line: Number(line),
      column: '(whole line)',
      value: csvLine === null ? null : String(csvLine),
      reason: found
        ? REASONS.fieldCount(found, plan.headers.length)
        : `the line cannot be read: ${String(message)}`,
    };
  });
}

/**
 * One pass over the good rows: the summary figures and each customer's latest name and attributes
 * (taken from its most recent line that has a name).
 */
export async function summarizeGoodRows(
  connection: DuckDBConnection,
  goodRows: string,
  withRates: boolean,
): Promise<ImportFigures> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE import_accounts AS
    SELECT customer_id AS id,
           arg_max(struct_pack(customer_name, segment, region, owner), date) FILTER (WHERE customer_name IS NOT NULL) AS named,
           arg_max(struct_pack(customer_name, segment, region, owner), date) AS latest,
           min(date) AS first, max(date) AS last, sum(amount * rate) AS total
    FROM (SELECT p.*, ${withRates ? 'coalesce(x.rate, 1)' : '1'} AS rate FROM parsed p
          ${withRates ? 'LEFT JOIN temp.import_rates x ON x.currency = p.currency' : ''} WHERE ${goodRows.replaceAll('rowid', 'p.rowid')})
    GROUP BY customer_id`);
  const totals = await connection.runAndReadAll(
    'SELECT count(*), min(first)::VARCHAR, max(last)::VARCHAR, CAST(coalesce(sum(total), 0) AS DECIMAL(38,4))::VARCHAR FROM import_accounts',
  );
  const accounts = await readRows(
    connection,
    `SELECT id, coalesce(named, latest).customer_name, coalesce(named, latest).segment, coalesce(named, latest).region,
            coalesce(named, latest).owner FROM import_accounts`,
    'id',
  );
  return toImportFigures(totals.getRowsJS()[0], accounts);
}

export async function recordBatch(
  connection: DuckDBConnection,
  id: number,
  file: string,
  fingerprint: string,
  summary: ImportSummary,
): Promise<void> {
  await connection.run(
    'INSERT INTO import_batches VALUES ($id, $file, $fingerprint, now()::TIMESTAMP, $added, $replaced)',
    {
      id,
      file,
      fingerprint,
      added: summary.rowsImported,
      replaced: summary.linesReplaced,
    },
  );
}
