import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/import/import.schema.js';
import type { PortfolioReport } from '../../src/portfolio/portfolio.report-model.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';
import { runCli } from '../helpers/cli.js';

const HEADER = 'Invoice No,Line,Invoice Date,Customer No,Customer Name,Amount,Segment';

/** Lines of a small ERP export: invoice, line, date, customer, name, amount, segment. */
function csv(rows: string[]): string {
  return `${[HEADER, ...rows].join('\n')}\n`;
}

describeEachBackend('sales import behaviour', (backend) => {
  let store: TestStore;
  const env = () => ({ dataDir: store.dataDir, databaseUrl: store.databaseUrl });
  const write = (name: string, text: string) => {
    const file = path.join(store.dataDir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const importFile = async (file: string, ...args: string[]) => {
    const result = await runCli(['import', 'sales', file, '--json', ...args], env());
    return { ...result, summary: JSON.parse(result.stdout || '{}') as ImportSummary };
  };
  const total = async () => {
    const result = await runCli(['analyze', '--all', '--json', '--no-publish'], env());
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as PortfolioReport;
    return { total: report.concentration.total, customers: report.concentration.customers };
  };

  beforeEach(async () => {
    store = await backend.create();
  });
  afterEach(() => store.drop());

  it('is idempotent on document + line, and an overlapping file adds only its new lines', async () => {
    const first = write(
      'jan.csv',
      csv([
        'R1,1,2024-01-10,K1,Alpha GmbH,100.00,Retail',
        'R1,2,2024-01-10,K1,Alpha GmbH,50.00,Retail',
        'R2,1,2024-01-20,K2,Beta AB,200.00,Energy',
      ]),
    );
    expect((await importFile(first)).summary).toMatchObject({
      rowsImported: 3,
      duplicatesSkipped: 0,
      committed: true,
    });
    expect((await importFile(first)).summary).toMatchObject({ rowsImported: 0, duplicatesSkipped: 3 });
    const overlap = write(
      'jan-feb.csv',
      csv(['R2,1,2024-01-20,K2,Beta AB,200.00,Energy', 'R3,1,2024-02-05,K3,Gamma Sp. z o.o.,300.00,Retail']),
    );
    expect((await importFile(overlap)).summary).toMatchObject({ rowsImported: 1, duplicatesSkipped: 1 });
    expect(await total()).toEqual({ total: 650, customers: 3 });
  });

  it('without document numbers, two identical lines stay two and a re-import adds none', async () => {
    const file = write(
      'plain.csv',
      'Customer,Date,Amount\nK1,2024-03-01,10.00\nK1,2024-03-01,10.00\nK2,2024-03-02,5.00\n',
    );
    expect((await importFile(file)).summary).toMatchObject({ rowsImported: 3 });
    expect((await importFile(file)).summary).toMatchObject({ rowsImported: 0, duplicatesSkipped: 3 });
    // A later export that has the same lines plus a third identical one adds exactly that one.
    const more = write(
      'plain2.csv',
      'Customer,Date,Amount\nK1,2024-03-01,10.00\nK1,2024-03-01,10.00\nK1,2024-03-01,10.00\n',
    );
    expect((await importFile(more)).summary).toMatchObject({ rowsImported: 1, duplicatesSkipped: 2 });
    expect(await total()).toEqual({ total: 35, customers: 2 });
  });

  it('--replace-period replaces the stored lines of the period and leaves the rest', async () => {
    const file = write(
      'q1.csv',
      csv([
        'R1,1,2024-01-10,K1,Alpha GmbH,100.00,Retail',
        'R2,1,2024-02-10,K1,Alpha GmbH,100.00,Retail',
        'R3,1,2024-03-10,K2,Beta AB,100.00,Retail',
      ]),
    );
    await importFile(file);
    const corrected = write(
      'feb.csv',
      csv(['R2,1,2024-02-10,K1,Alpha GmbH,80.00,Retail', 'R2,2,2024-02-11,K2,Beta AB,5.00,Retail']),
    );
    const { summary } = await importFile(corrected, '--replace-period', '2024-02-01..2024-02-29');
    expect(summary).toMatchObject({ linesReplaced: 1, rowsImported: 2, committed: true });
    expect(await total()).toEqual({ total: 285, customers: 2 });
    const bad = await runCli(['import', 'sales', corrected, '--replace-period', '2024-02-30'], env());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--replace-period');
  });

  it('keeps what people edited by hand when a later import brings other values', async () => {
    await importFile(write('a.csv', csv(['R1,1,2024-01-10,K1,Alpha GmbH,100.00,Retail'])));
    const edit = await runCli(['account', 'set', 'K1', '--name', 'Alpha Group', '--json'], env());
    expect(edit.code, edit.stderr).toBe(0);
    const { summary } = await importFile(
      write('b.csv', csv(['R9,1,2024-05-10,K1,ALPHA GMBH (new),10.00,Energy'])),
    );
    expect(summary).toMatchObject({ accountsCreated: 0, accountsUpdated: 1 });
    const shown = await runCli(['account', 'show', 'K1'], env());
    expect(JSON.parse(shown.stdout)).toMatchObject({
      name: 'Alpha Group',
      segment: 'Energy',
      editedFields: ['name'],
    });
  });

  it('a rejected import (abort) changes nothing and reports each problem with its line', async () => {
    await importFile(write('good.csv', csv(['R1,1,2024-01-10,K1,Alpha GmbH,100.00,Retail'])));
    const before = await total();
    const { code, summary } = await importFile(
      write(
        'bad.csv',
        csv([
          'R5,1,2024-02-10,K2,Beta AB,12x,Retail',
          'R5,2,2024-02-10,K2,Beta AB,7.00,Retail',
          'R6,1,2024-13-10,K3,Gamma,1.00,Retail',
        ]),
      ),
    );
    expect(code).toBe(2);
    expect(summary.committed).toBe(false);
    expect(summary.rejects).toEqual([
      { line: 2, column: 'Amount', value: '12x', reason: 'not a number' },
      {
        line: 4,
        column: 'Invoice Date',
        value: '2024-13-10',
        reason: expect.stringContaining('not a valid date'),
      },
    ]);
    expect(fs.readFileSync(summary.rejectsFile!, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(await total()).toEqual(before);
    const skipped = await importFile(path.join(store.dataDir, 'bad.csv'), '--on-error', 'skip');
    expect(skipped.code).toBe(0);
    expect(skipped.summary).toMatchObject({ rowsImported: 1, rowsRejected: 2, committed: true });
  });

  it('the same document and line twice in one file is a bad row', async () => {
    const { code, summary } = await importFile(
      write(
        'dup.csv',
        csv(['R1,1,2024-01-10,K1,Alpha GmbH,100.00,Retail', 'R1,1,2024-01-11,K1,Alpha GmbH,90.00,Retail']),
      ),
    );
    expect(code).toBe(2);
    expect(summary.rejects).toEqual([
      expect.objectContaining({ line: 3, column: 'Line', reason: expect.stringContaining('more than once') }),
    ]);
  });

  it('gives the same result when a problem hides after the sampled head of the file (fast path falls back)', async () => {
    // 600 clean lines: the sample (first 500) looks like something DuckDB's reader can parse itself.
    const clean = Array.from(
      { length: 600 },
      (_, i) =>
        `R${i},1,2024-01-${String((i % 28) + 1).padStart(2, '0')},K${i % 7},Kunde ${i % 7},10.00,Retail`,
    );
    const padded = write('padded.csv', csv([...clean, 'R900,1,2024-02-01, K1 ,Kunde 1,5.00,Retail']));
    expect((await importFile(padded)).summary).toMatchObject({
      rowsImported: 601,
      customers: 7,
      committed: true,
    });
    expect(await total()).toEqual({ total: 6005, customers: 7 });
    // The clean lines under another document prefix, then one last line (line 602 of the file).
    const importWithLast = (prefix: string, last: string) =>
      importFile(write(`${prefix}.csv`, csv([...clean.map((l) => l.replace('R', prefix)), last])));
    const minus = await importWithLast('S', 'S900,1,2024-02-02,K2,Kunde 2,5.00-,Retail');
    expect(minus.summary).toMatchObject({ rowsImported: 601, rowsRejected: 0, totalAmount: '5995.0000' });
    const rejectsOf = async (prefix: string, last: string) => {
      const { code, summary } = await importWithLast(prefix, last);
      expect(code).toBe(2);
      return summary.rejects;
    };
    expect(await rejectsOf('T', 'T900,1,2024-02-03,,Nobody,5.00,Retail')).toEqual([
      { line: 602, column: 'Customer No', value: null, reason: 'the customer id is empty' },
    ]);
    // The fast path's reader stops at a line with a field missing; the general path reports it.
    expect(await rejectsOf('U', 'U900,1,2024-02-04,K1,Kunde 1,5.00')).toEqual([
      expect.objectContaining({ line: 602, reason: 'the line has 6 fields where the header has 7' }),
    ]);
    // A document line repeated 600 lines later, found by the fast path's check of the written batch.
    expect(await rejectsOf('V', 'V0,1,2024-02-05,K1,Kunde 1,5.00,Retail')).toEqual([
      expect.objectContaining({
        line: 602,
        column: 'Line',
        reason: expect.stringContaining('more than once'),
      }),
    ]);
    expect(await total()).toEqual({ total: 6005 + 5995, customers: 7 });
  });

  it('reports totals past 10^14 exactly, on the direct path and on the general one', async () => {
    const big = [
      'R1,1,2024-03-01,K1,Alpha,90000000000000.00,Retail',
      'R1,2,2024-03-01,K2,Beta,90000000000000.00,Retail',
    ];
    const direct = await importFile(write('big.csv', csv(big)));
    expect(direct.summary).toMatchObject({ committed: true, totalAmount: '180000000000000.0000' });
    // A trailing minus is not a shape DuckDB's own reader parses, so this file takes the general path.
    const general = await importFile(
      write(
        'big-minus.csv',
        csv([...big.map((l) => l.replace('R1', 'S1')), 'S1,3,2024-03-02,K1,Alpha,5.00-,Retail']),
      ),
    );
    expect(general.summary).toMatchObject({ committed: true, totalAmount: '179999999999995.0000' });
  });
});
