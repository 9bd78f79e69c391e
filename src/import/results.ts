import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportedAccount } from '../accounts/account.schema.js';
import type { Field } from './detect/index.js';
import type { LineExpressions } from './expressions.js';
import type { ImportSummary, RejectedRow } from './import.schema.js';
import { headerOf, type ImportPlan } from './plan.js';
import type { PreparedSource } from './source/source.js';
import { createLineMap } from './staging.js';

/** The first `limit` problems in line order, and how many rows have any problem. */
export async function readRejects(
  connection: DuckDBConnection,
  source: PreparedSource,
  plan: ImportPlan,
  limit: number,
): Promise<{ rows: number; shown: RejectedRow[] }> {
  const rows = Number(
    (await connection.runAndReadAll('SELECT count(DISTINCT r) FROM import_problems')).getRowsJS()[0]?.[0] ??
      0,
  );
  const structural = source.structuralRejects ? await structuralRejects(connection, plan, limit) : [];
  if (rows === 0) return { rows, shown: structural };
  const lines = await createLineMap(connection, source);
  const reader = await connection.runAndReadAll(
    `SELECT l.line, p.field, p.value, p.reason FROM import_problems p JOIN ${lines} l USING (r)
     ORDER BY l.line, p.field LIMIT ${Math.trunc(limit)}`,
  );
  const problems = reader.getRowsJS().map(([line, field, value, reason]) => ({
    line: Number(line),
    column: field === 'row' ? '(whole line)' : headerOf(plan, field as Field),
    value: value === null ? null : String(value),
    reason: String(reason),
  }));
  const shown = [...structural, ...problems].sort((a, b) => a.line - b.line).slice(0, limit);
  return { rows, shown };
}

async function structuralRejects(
  connection: DuckDBConnection,
  plan: ImportPlan,
  limit: number,
): Promise<RejectedRow[]> {
  const reader = await connection.runAndReadAll(
    `SELECT line, csv_line, error_message FROM import_rejects ORDER BY line LIMIT ${Math.trunc(limit)}`,
  );
  return reader.getRowsJS().map(([line, csvLine, message]) => {
    const found = /Found: (\d+)/.exec(String(message))?.[1];
    return {
      line: Number(line),
      column: '(whole line)',
      value: csvLine === null ? null : String(csvLine),
      reason: found
        ? `the line has ${found} fields where the header has ${plan.headers.length}`
        : `the line cannot be read: ${String(message)}`,
    };
  });
}

export async function summarizeGoodRows(
  connection: DuckDBConnection,
  e: LineExpressions,
  goodRows: string,
  /** The amount as stored, i.e. converted to the workspace currency when rates are given. */
  amount: string = e.amount,
): Promise<{ customers: number; dateRange: ImportSummary['dateRange']; totalAmount: string }> {
  const reader = await connection.runAndReadAll(
    `SELECT count(DISTINCT ${e.customerId}), min(${e.date})::VARCHAR, max(${e.date})::VARCHAR,
            coalesce(sum(${amount}), 0)::VARCHAR FROM staging WHERE ${goodRows}`,
  );
  const [customers, from, to, total] = reader.getRowsJS()[0] ?? [];
  return {
    customers: Number(customers ?? 0),
    dateRange: from && to ? { from: String(from), to: String(to) } : null,
    totalAmount: String(total ?? '0'),
  };
}

/** The latest non-empty name and attributes of each customer in the file. */
export async function collectAccounts(
  connection: DuckDBConnection,
  e: LineExpressions,
  goodRows: string,
): Promise<ImportedAccount[]> {
  const latest = (expr: string) => `arg_max(${expr}, ${e.date}) FILTER (WHERE ${expr} IS NOT NULL)`;
  const reader = await connection.runAndReadAll(
    `SELECT ${e.customerId} AS id, ${latest(e.customerName)}, ${latest(e.text('segment'))},
            ${latest(e.text('region'))}, ${latest(e.text('owner'))}
     FROM staging WHERE ${goodRows} GROUP BY 1 ORDER BY 1`,
  );
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return reader.getRowsJS().map(([id, name, segment, region, owner]) => ({
    id: String(id),
    name: text(name),
    segment: text(segment),
    region: text(region),
    owner: text(owner),
  }));
}

export async function recordBatch(
  connection: DuckDBConnection,
  id: number,
  file: string,
  fingerprint: string,
  summary: ImportSummary,
): Promise<void> {
  await connection.run(
    `INSERT INTO import_batches VALUES ($id, $file, $fingerprint, now()::TIMESTAMP, $added, $replaced)`,
    { id, file, fingerprint, added: summary.rowsImported, replaced: summary.linesReplaced },
  );
}
