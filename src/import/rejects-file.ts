import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Field } from './detect/index.js';
import { headerOf, type ImportPlan } from './plan.js';
import type { PreparedSource } from './source/source.js';

/**
 * Every problem, one per line of the CSV (line, column, value, reason), streamed so that even a file
 * whose every row is bad does not have to fit in memory.
 */
export async function writeRejectsFile(
  connection: DuckDBConnection,
  source: PreparedSource,
  plan: ImportPlan,
  target: string,
): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const out = fs.createWriteStream(target, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await write('line,column,value,reason\n');
  const structural = source.structuralRejects
    ? `SELECT line, 'row' AS field, trim(csv_line, chr(10) || chr(13)) AS value, 'the line has a different number of fields than the header' AS reason FROM import_rejects UNION ALL `
    : '';
  const hasProblems =
    Number((await connection.runAndReadAll('SELECT count(*) FROM import_problems')).getRowsJS()[0]?.[0]) > 0;
  const problems = hasProblems
    ? `SELECT l.line, p.field, p.value, p.reason FROM import_problems p JOIN import_lines l USING (r)`
    : `SELECT NULL::BIGINT, NULL, NULL, NULL WHERE false`;
  const result = await connection.stream(`SELECT * FROM (${structural}${problems}) ORDER BY 1, 2`);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const lines = chunk.getRows().map(([line, field, value, reason]) => {
      const column = field === 'row' ? '(whole line)' : headerOf(plan, field as Field);
      return [String(line), column, value === null ? '' : String(value), String(reason)]
        .map(csvField)
        .join(',');
    });
    await write(`${lines.join('\n')}\n`);
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return target;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
