import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';

/** An in-memory DuckDB for the file's tests: open before them, closed after. */
export function memoryDuckDB(options: Record<string, string> = {}): {
  readonly connection: DuckDBConnection;
} {
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:', options);
    connection = await instance.connect();
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });
  return {
    get connection() {
      if (!connection) throw new Error('memoryDuckDB: used outside a test');
      return connection;
    },
  };
}
