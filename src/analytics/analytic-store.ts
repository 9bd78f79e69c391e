import fs from 'node:fs';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { KontorError } from '../errors.js';

export interface AnalyticStore {
  connection: DuckDBConnection;
  file: string;
  /** A connection of its own, for work that runs beside other work (one per HTTP request or job). */
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

/**
 * Sales lines live in DuckDB. Amounts are DECIMAL: sums stay exact. `row_hash` is md5-based (not
 * DuckDB's hash()) because it must stay stable across DuckDB versions, or a re-import after an upgrade
 * would duplicate every line.
 */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS import_batches (
     id INTEGER PRIMARY KEY, file_name VARCHAR NOT NULL, file_sha256 VARCHAR NOT NULL,
     imported_at TIMESTAMP NOT NULL, lines_added BIGINT NOT NULL, lines_replaced BIGINT NOT NULL)`,
  // customer_id, date and amount are never NULL once an import commits; the import checks that itself
  // because a clean file is written in one pass and verified before COMMIT (import/direct.ts).
  `CREATE TABLE IF NOT EXISTS sales_lines (
     customer_id VARCHAR, date DATE, amount DECIMAL(18,4),
     cost DECIMAL(18,4), margin DECIMAL(18,4), quantity DECIMAL(18,4),
     product VARCHAR, document VARCHAR, line VARCHAR, currency VARCHAR,
     customer_name VARCHAR, segment VARCHAR, region VARCHAR, owner VARCHAR,
     row_hash UHUGEINT, import_id INTEGER NOT NULL)`,
];

export async function openAnalyticStore(dataDir: string): Promise<AnalyticStore> {
  fs.mkdirSync(path.join(dataDir, 'tmp'), { recursive: true });
  const file = path.join(dataDir, 'kontor.duckdb');
  let instance: DuckDBInstance;
  try {
    // DuckDB would take up to 80% of RAM; a bound makes big imports spill to disk instead (peak RSS target
    // 1 GiB). Most of what the bound holds after an import is a cache of sales-line blocks, which grows
    // with it. Measured at 10M lines: the direct import, the analysis and the potential summary are as
    // fast at 180MB as at 512MB; the peak RSS is 60–80 MiB lower than at 240MB (800–860 MiB against
    // 890–990), 1086 at 384MB, 1145 at 512MB. The general path's staging table spills sooner, though: a
    // 3M-line file with a bad row stages in 9 s instead of 4.8 s at 512MB (23 s in all against 16 s).
    instance = await DuckDBInstance.create(file, {
      memory_limit: process.env.KONTOR_DUCKDB_MEMORY ?? '180MB',
      temp_directory: path.join(dataDir, 'tmp', 'duckdb'),
    });
  } catch (error) {
    throw translateOpenError(error, file);
  }
  const connection = await instance.connect();
  // FSST string compression costs a tenth of a big import's CPU to write and makes every later scan of
  // customer ids and document numbers decode them again; dictionary compression, which stays on,
  // covers the repetitive columns, so the file grows by a sixth only. (As an option of create() the
  // setting is silently ignored.)
  await connection.run("SET disabled_compression_methods = 'fsst'");
  for (const statement of SCHEMA) await connection.run(statement);
  return {
    connection,
    file,
    connect: () => instance.connect(),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function translateOpenError(error: unknown, file: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const pid = /PID (\d+)/.exec(message)?.[1];
  if (/Could not set lock/.test(message)) {
    return new KontorError(
      'store_locked',
      `The sales data in ${file} is in use by another Kontor process${pid ? ` (PID ${pid})` : ''}. ` +
        'Wait for it to finish, stop it, or send this work through the running server.',
    );
  }
  return error instanceof Error ? error : new Error(message);
}
