import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/analytics/read-rows.js';
import { memoryDuckDB } from '../helpers/duckdb.js';

describe('readRows', () => {
  const duck = memoryDuckDB();

  it('keeps text, NULL, exact money text, integers and dates as they are', async () => {
    const rows = await readRows(
      duck.connection,
      `SELECT * FROM (VALUES
         ('K2', 'Łódź "Nord" \\ Ærø', NULL, 12.5::DECIMAL(18,4)::VARCHAR, 9007199254740991::BIGINT, DATE '2024-02-29'::VARCHAR),
         ('K1', E'tab\\there', 'x', '-0.0100', 0::BIGINT, NULL)) t(id, name, segment, money, count, day)`,
      'id',
    );
    expect(rows).toEqual([
      ['K1', 'tab\there', 'x', '-0.0100', 0, null],
      ['K2', 'Łódź "Nord" \\ Ærø', null, '12.5000', 9007199254740991, '2024-02-29'],
    ]);
  });

  it('returns every row in order across its JSON texts, and none for an empty result', async () => {
    // 45,001 rows make three texts of at most 20,000 rows.
    const rows = await readRows(
      duck.connection,
      'SELECT x AS n, $prefix || x AS label FROM range(45001) t(x)',
      'n DESC',
      { prefix: 'C' },
    );
    expect(rows).toHaveLength(45001);
    expect(rows[0]).toEqual([45000, 'C45000']);
    expect(rows[20000]).toEqual([25000, 'C25000']);
    expect(rows.at(-1)).toEqual([0, 'C0']);
    expect(rows.every((row, i) => row[0] === 45000 - i)).toBe(true);
    expect(await readRows(duck.connection, 'SELECT x FROM range(0) t(x)', 'x')).toEqual([]);
  });

  describe('within a tight memory bound', () => {
    const tight = memoryDuckDB({ memory_limit: '40MB' });
    it('reads the names and attributes of 100,000 accounts (a list() per text ran out of memory here)', async () => {
      await tight.connection.run(
        `CREATE TABLE accounts AS SELECT 'K' || lpad(x::VARCHAR, 6, '0') AS id, 'Customer name number ' || x AS name,
           'Segment ' || (x % 7) AS segment, 'Region ' || (x % 5) AS region, 'Owner ' || (x % 50) AS owner
         FROM range(100000) t(x)`,
      );
      const rows = await readRows(tight.connection, 'SELECT * FROM accounts', 'id');
      expect(rows).toHaveLength(100000);
      expect(rows[99999]).toEqual([
        'K099999',
        'Customer name number 99999',
        'Segment 4',
        'Region 4',
        'Owner 49',
      ]);
    });
  });
});
