import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/import/import.schema.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';
import { runCli } from '../helpers/cli.js';

// A bad row is reported on the line where the user finds it in an editor, whatever comes before it:
// blank lines, a quoted value over two lines, a malformed line the reader leaves out.
describeEachBackend('line numbers of bad rows', (backend) => {
  let store: TestStore;
  const importFile = async (name: string, text: string, ...args: string[]) => {
    const file = path.join(store.dataDir, name);
    fs.writeFileSync(file, text);
    const result = await runCli(['import', 'sales', file, '--json', ...args], {
      dataDir: store.dataDir,
      databaseUrl: store.databaseUrl,
    });
    return { code: result.code, summary: JSON.parse(result.stdout || '{}') as ImportSummary };
  };
  const lines = (summary: ImportSummary) => summary.rejects.map((r) => [r.line, r.column, r.value]);

  beforeAll(async () => {
    store = await backend.create();
  });
  afterAll(() => store.drop());

  it('counts blank lines, quoted values over two lines and malformed lines (delimited, LF and CRLF)', async () => {
    const rows = [
      'Customer,Name,Date,Amount', // 1
      'K1,Alpha,2024-01-01,10.00', // 2
      '', // 3
      'K2,"Beta', // 4
      'Nord",2024-01-02,20.00', // 5
      'K3,Gamma,2024-01-03,30.00,extra', // 6
      '', // 7
      '', // 8
      'K4,Delta,2024-13-45,40.00', // 9
      'K5,Epsilon,2024-01-05,abc', // 10
    ];
    for (const eol of ['\n', '\r\n']) {
      const { code, summary } = await importFile(`lines${eol.length}.csv`, rows.join(eol) + eol);
      expect(code).toBe(2);
      expect(lines(summary)).toEqual([
        [6, '(whole line)', 'K3,Gamma,2024-01-03,30.00,extra'],
        [9, 'Date', '2024-13-45'],
        [10, 'Amount', 'abc'],
      ]);
      const file = fs.readFileSync(summary.rejectsFile!, 'utf8');
      expect(file).toMatch(/^"?9"?,/m);
      expect(file).toMatch(/^"?10"?,/m);
    }
    const skipped = await importFile('lines-skip.csv', `${rows.join('\n')}\n`, '--on-error', 'skip');
    expect(skipped.summary).toMatchObject({ rowsImported: 2, rowsRejected: 3, committed: true });
  });

  it('takes blank and space-only lines of a space-aligned report for no row at all', async () => {
    const report = [
      '  Kunde   Datum        Betrag', // 1
      '  K1001   2024-01-01    10.00', // 2
      '', // 3
      '  K1002   2024-01-02    20.00', // 4
      '     ', // 5
      '  K1003   2024-01-03    xx', // 6
      '  K1004   2024-01-04    40.00', // 7
    ].join('\n');
    const { code, summary } = await importFile('report.txt', `${report}\n`);
    expect(code).toBe(2);
    expect(lines(summary)).toEqual([[6, 'Betrag', 'xx']]);
    const skipped = await importFile('report.txt', `${report}\n`, '--on-error', 'skip');
    expect(skipped.summary).toMatchObject({ rowsImported: 3, rowsRejected: 1, committed: true });
  });
});
