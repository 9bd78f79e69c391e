import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AnalyticStore, openAnalyticStore } from '../../src/analytics/analytic-store.js';
import type { ImportSummary } from '../../src/import/import.schema.js';
import type { ImportPreview } from '../../src/import/preview.schema.js';
import { TEXT_HEAD_BYTES } from '../../src/import/source/text-source.js';
import { createApp } from '../../src/server/app.js';
import { writeXlsx } from '../cli/format-fixtures.js';
import { type Caller, loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore, tempDir } from '../helpers/backends.js';

const GERMAN = [
  'Kundennummer;Kundenname;Rechnungsdatum;Umsatz',
  'K1;Müller Maschinenbau GmbH;15.01.2024;1.234,56',
  'K2;Société d’Usinage;23.01.2024;-12,50',
  'K1;Müller Maschinenbau GmbH;14.02.2024;99,00',
].join('\r\n');

const csv = (header: string, rows: string[]) => `${[header, ...rows].join('\n')}\n`;

describeEachBackend('import preview: what the import will make of a file', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let analytic: Promise<AnalyticStore> | undefined;
  let manager: Caller;

  const preview = async (body: string | Buffer, query: Record<string, string | string[]> = {}) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ fileName: 'sales.csv', ...query }))
      for (const item of [value].flat()) params.append(key, item);
    const response = await app.request(`/api/v1/imports/preview?${params}`, {
      method: 'POST',
      headers: { ...manager.headers, 'content-type': 'application/octet-stream' },
      body,
    });
    return { status: response.status, body: (await response.json()) as ImportPreview };
  };
  const ok = async (body: string | Buffer, query: Record<string, string | string[]> = {}) => {
    const result = await preview(body, query);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return result.body;
  };

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({
      db: store.db,
      analytic: () => (analytic ??= openAnalyticStore(store.dataDir)),
      dataDir: store.dataDir,
      log: () => {},
    });
    manager = await loginAs(app, store.db, 'manager');
  });
  afterAll(async () => {
    if (analytic) (await analytic).close();
    await store.drop();
  });

  it('detects encoding, delimiter, decimal comma and day-first dates of a German Windows-1252 file', async () => {
    const result = await ok(iconv.encode(GERMAN, 'windows1252'));
    expect(result).toMatchObject({
      format: 'delimited',
      encoding: { value: 'windows1252', chosen: false },
      delimiter: ';',
      headers: ['Kundennummer', 'Kundenname', 'Rechnungsdatum', 'Umsatz'],
      decimal: { value: ',', chosen: false },
      date: { status: 'detected', format: 'dmy.', candidates: [] },
      missing: [],
      sampleRows: 3,
      rowsWithProblems: 0,
      flagged: [],
    });
    expect(result.mapping.map(({ field, header }) => `${header}→${field}`)).toEqual([
      'Kundennummer→customer_id',
      'Kundenname→customer_name',
      'Rechnungsdatum→date',
      'Umsatz→amount',
    ]);
    expect(result.unmapped).toContain('quantity');
    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(result.rows[1]!.cells).toEqual({
      customer_id: { text: 'K2', value: 'K2', problem: null },
      customer_name: { text: 'Société d’Usinage', value: 'Société d’Usinage', problem: null },
      date: { text: '23.01.2024', value: '2024-01-23', problem: null },
      amount: { text: '-12,50', value: '-12.5', problem: null },
    });
    expect(result.rows[0]!.cells.amount!.value).toBe('1234.56');
  });

  it('follows the chosen mapping, encoding and decimal, and names what is still missing', async () => {
    const file = csv('Kd.-Nr.,Firma,Datum,Netto', ['K7,Anker AG,2024-03-15,12.5']);
    const before = await ok(file);
    expect(before.missing).toEqual(['customer_id']);
    expect(before.rows[0]!.cells.customer_id).toBeUndefined();
    const after = await ok(file, { map: ['customer_id=Kd.-Nr.', 'customer_name='] });
    expect(after.missing).toEqual([]);
    expect(after.mapping).toEqual([
      { field: 'customer_id', column: 0, header: 'Kd.-Nr.', via: 'chosen' },
      { field: 'date', column: 2, header: 'Datum', via: 'synonym' },
      { field: 'amount', column: 3, header: 'Netto', via: 'synonym' },
    ]);
    expect(after.recognized).toEqual({ customer_name: 1, date: 2, amount: 3 });
    expect(after.rows[0]!.cells.customer_id).toMatchObject({ value: 'K7', problem: null });
    // The user says the point is a thousands separator: 12.5 is then no number (groups of three).
    const comma = await ok(file, { map: 'customer_id=Kd.-Nr.', decimal: ',', encoding: 'latin1' });
    expect(comma.decimal).toEqual({ value: ',', chosen: true });
    expect(comma.encoding).toEqual({ value: 'latin1', chosen: true });
    expect(comma.rows[0]!.cells.amount).toMatchObject({ value: null, problem: { code: 'not_a_number' } });
    const wrong = await preview(file, { map: 'customer_id=Kundennummer' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ error: { code: 'unknown_header' } });
  });

  it('asks for the date format when every day is 12 or less, and reads the dates once it is chosen', async () => {
    const file = csv('Customer,Date,Amount', ['K1,03/04/2024,10.00', 'K2,05/06/2024,20.00']);
    const open = await ok(file);
    expect(open.date).toMatchObject({ status: 'ambiguous', format: null, candidates: ['dmy/', 'mdy/'] });
    expect(open.date.message).toContain('--date-format dmy/');
    expect(open.rows[0]!.cells.date).toEqual({
      text: '03/04/2024',
      value: null,
      problem: { code: 'ambiguous_date', reason: 'could be read as 2024-04-03 or 2024-03-04' },
      readings: ['2024-04-03', '2024-03-04'],
    });
    const chosen = await ok(file, { dateFormat: 'mdy/' });
    expect(chosen.date).toMatchObject({ status: 'chosen', format: 'mdy/' });
    expect(chosen.rows.map((row) => row.cells.date!.value)).toEqual(['2024-03-04', '2024-05-06']);
    // A day above 12 further down settles it, as it does for the import.
    const settled = await ok(csv('Customer,Date,Amount', ['K1,03/04/2024,10.00', 'K2,25/06/2024,1.00']));
    expect(settled.date).toMatchObject({ status: 'detected', format: 'dmy/' });
    expect((await preview(file, { dateFormat: 'someday' })).status).toBe(400);
  });

  it('shows a bad row exactly as the import then rejects it', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `R${i},1,2024-01-${String((i % 28) + 1).padStart(2, '0')},K${i % 4},10.00`,
    );
    rows[1] = 'R1,1,2024-01-02,K1,12x';
    rows[2] = 'R2,1,2024-01-03,,5.00';
    rows[25] = 'R25,1,2024-01-26,K1,5.00,extra';
    rows[27] = 'R0,1,2024-01-28,K3,1.00';
    const file = csv('Invoice No,Line,Invoice Date,Customer No,Amount', rows);
    const result = await ok(file);
    expect(result.rowsWithProblems).toBe(4);
    expect(result.rows[1]).toMatchObject({
      line: 3,
      problem: null,
      cells: {
        amount: { text: '12x', value: null, problem: { code: 'not_a_number', reason: 'not a number' } },
      },
    });
    expect(result.rows[2]!.cells.customer_id).toEqual({
      text: null,
      value: null,
      problem: { code: 'empty', reason: 'the customer id is empty' },
    });
    expect(result.flagged.map((row) => row.line)).toEqual([27, 29]);
    expect(result.flagged[0]!.problem).toEqual({
      code: 'field_count',
      reason: 'the line has 6 fields where the header has 5',
    });
    expect(result.flagged[1]!.cells.line!.problem).toMatchObject({ code: 'duplicate_line' });

    const upload = await app.request('/api/v1/imports?fileName=bad.csv', {
      method: 'POST',
      headers: { ...manager.headers, 'content-type': 'text/csv' },
      body: file,
    });
    const { jobId } = (await upload.json()) as { jobId: string };
    let summary: ImportSummary | null = null;
    for (let i = 0; i < 400 && !summary; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const job = (await (
        await app.request(`/api/v1/imports/${jobId}`, { headers: manager.headers })
      ).json()) as {
        summary: ImportSummary | null;
      };
      summary = job.summary;
    }
    const shown = [...result.rows, ...result.flagged].flatMap((row) => {
      const problems = Object.entries(row.cells).flatMap(([field, cell]) =>
        cell.problem ? [{ field, value: cell.text, reason: cell.problem.reason }] : [],
      );
      if (row.problem) problems.push({ field: 'row', value: null, reason: row.problem.reason });
      return problems.map(({ value, reason }) => ({ line: row.line, reason, value }));
    });
    expect(summary!.rejects.map(({ line, reason }) => ({ line, reason }))).toEqual(
      shown.map(({ line, reason }) => ({ line, reason })),
    );
    expect(summary!.rejects.find((r) => r.line === 3)).toMatchObject({ column: 'Amount', value: '12x' });
    // After a restart the job is forgotten, but the recorded import still leads to its rejects file.
    const restarted = createApp({ db: store.db, dataDir: store.dataDir, log: () => {} });
    const download = await restarted.request(`/api/v1/imports/${jobId}/rejects`, {
      headers: manager.headers,
    });
    expect(download.status).toBe(200);
    expect((await download.text()).split('\n')[0]).toBe('line,column,value,reason');
    const unknown = await restarted.request('/api/v1/imports/00000000-0000-4000-8000-000000000000/rejects', {
      headers: manager.headers,
    });
    expect(unknown.status).toBe(404);
  });

  it('reads the head of a large text file as the import does, and previews XLSX whole', async () => {
    const line = (i: number) => `K${i},2024-02-${String((i % 28) + 1).padStart(2, '0')},${i}.25`;
    const big = csv(
      'Customer,Date,Amount',
      Array.from({ length: 20_000 }, (_, i) => line(i)),
    );
    expect(big.length).toBeGreaterThan(TEXT_HEAD_BYTES);
    const head = await ok(Buffer.from(big).subarray(0, TEXT_HEAD_BYTES));
    expect(head).toMatchObject({ sampleRows: 500, rowsWithProblems: 0, date: { format: 'iso' } });
    // Sent whole, only the head is read: the same preview.
    expect(await ok(big)).toEqual(head);

    const dir = tempDir();
    const workbook = path.join(dir, 'Umsatz.xlsx');
    await writeXlsx(workbook, { language: 'de', dates: 'cells', amounts: 'numbers', sheet: 'Daten' });
    const xlsx = await ok(fs.readFileSync(workbook), { fileName: 'Umsatz.xlsx', sheet: 'Daten' });
    expect(xlsx).toMatchObject({
      format: 'xlsx',
      encoding: null,
      sheets: ['Hinweise', 'Daten'],
      missing: [],
    });
    expect(xlsx.rows[0]).toMatchObject({
      line: 2,
      cells: { date: { value: '2024-01-15' }, amount: { value: '1234.5' } },
    });
    const noSheet = await preview(fs.readFileSync(workbook), { fileName: 'Umsatz.xlsx', sheet: 'Nope' });
    expect(noSheet).toMatchObject({ status: 400, body: { error: { code: 'usage' } } });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(fs.readdirSync(path.join(store.dataDir, 'tmp'))).toEqual([]);
  });

  it('lists what each column holds and warns of mixed currencies, which the upload would refuse', async () => {
    const file = csv('Customer,Date,Amount,Currency,Notes', [
      'K1,2024-01-15,10.00,EUR,',
      'K2,2024-01-16,5.00,USD,call back',
    ]);
    const result = await ok(file);
    expect(result.examples).toEqual(['K1', '2024-01-15', '10.00', 'EUR', 'call back']);
    expect(result.warnings).toEqual([
      { code: 'mixed_currencies', message: expect.stringContaining('EUR, USD'), values: ['EUR', 'USD'] },
    ]);
  });

  it('is for admins and managers only, like the upload', async () => {
    const viewer = await loginAs(app, store.db, 'viewer');
    const as = (headers: Record<string, string>) =>
      app.request('/api/v1/imports/preview', { method: 'POST', headers, body: 'Customer,Date,Amount\n' });
    expect((await as(viewer.headers)).status).toBe(403);
    expect((await as({})).status).toBe(401);
    const empty = await app.request('/api/v1/imports/preview', {
      method: 'POST',
      headers: manager.headers,
      body: '',
    });
    expect(empty.status).toBe(400);
  });
});
