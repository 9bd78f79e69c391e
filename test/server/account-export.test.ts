import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scanAccounts } from '../../src/accounts/account.list.js';
import { csvField } from '../../src/accounts/account-export.js';
import { filterOf } from '../../src/accounts/account-list.filter.js';
import { createApp } from '../../src/server/app.js';
import { createToken } from '../../src/tokens/token.service.js';
import { type Caller, loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';
import { type Fixture, fixtureAccounts, insertFixture, reference } from './account-list.fixture.js';

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i++;
    } else field += ch;
  }
  return records;
}

describeEachBackend('account export: CSV and XLSX of a list view', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let manager: Caller;
  let member: Caller;
  let viewer: Caller;
  let fixture: Fixture[];
  const all = (query: string) =>
    reference(fixture, { sort: 'rank', order: 'asc', query: new URLSearchParams(query) });

  const download = (caller: Record<string, string>, query: string) =>
    app.request(`/api/v1/accounts/export?${query}`, { headers: caller });

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({ db: store.db, log: () => {} });
    manager = await loginAs(app, store.db, 'manager');
    member = await loginAs(app, store.db, 'account_manager');
    viewer = await loginAs(app, store.db, 'viewer');
    fixture = fixtureAccounts();
    fixture[4]!.name = '=HYPERLINK("http://evil.example","klick")';
    await insertFixture(store.db, fixture, member.userId, ['A01', 'A05', 'A33']);
  });
  afterAll(() => store.drop());

  it('streams the whole view as CSV: BOM, quoting, the list order, every column', async () => {
    const response = await download(manager.headers, 'format=csv&sort=revenue&order=desc&segment=Industry');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="accounts-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(header).toEqual([
      'Account ID',
      'Name',
      'ABC class',
      'Tier',
      'Segment',
      'Region',
      'Owner',
      'Revenue',
      'Gross margin',
      'Margin %',
      'Growth %',
      'Share of revenue %',
      'Rank',
      'Last purchase',
    ]);
    const expected = reference(fixture, {
      sort: 'revenue',
      order: 'desc',
      query: new URLSearchParams('segment=Industry'),
    });
    expect(rows.map((row) => row[0])).toEqual(expected);
    const a03 = rows.find((row) => row[0] === 'A03')!;
    expect(a03[1]).toBe('Kunde 03 anker & co');
    expect(Number(a03[7])).toBe(Number(fixture[3]!.revenue));
    expect(a03.slice(8, 14)).toEqual(['25.0625', '25', '0', '1', '4', '2025-11-30']);
    expect(rows.find((row) => row[0] === 'A33')!.slice(2, 4)).toEqual(['', '']);
  });

  it('keeps umlauts and quotes intact and defuses formulas in text', async () => {
    const text = await (await download(viewer.headers, 'search=A0')).text();
    const rows = parseCsv(text.slice(1));
    expect(rows.find((row) => row[0] === 'A00')![1]).toBe('Kunde 00 Müller GmbH');
    expect(rows.find((row) => row[0] === 'A05')![1]).toBe('Nord "Quote" AS 5');
    expect(rows.find((row) => row[0] === 'A04')![1]).toBe(`'${fixture[4]!.name}`);
    expect(csvField('-12.5', 'money')).toBe('-12.5');
    expect(csvField('@SUM(A1)', 'text')).toBe("'@SUM(A1)");
    expect(csvField('a\nb', 'text')).toBe('"a\nb"');
  });

  it('writes an Excel workbook with typed cells, in the caller’s language', async () => {
    await store.db.updateTable('users').set({ language: 'de' }).where('id', '=', member.userId).execute();
    const response = await download(member.headers, 'format=xlsx&member=me&sort=name');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toMatch(/filename="kunden-[\d-]+\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Kunden')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Kundennummer');
    expect(sheet.getRow(1).getCell(8).value).toBe('Umsatz');
    const ids = [2, 3, 4].map((n) => sheet.getRow(n).getCell(1).value);
    expect(ids).toEqual(
      reference(fixture, { sort: 'name', order: 'asc', query: new URLSearchParams() }).filter((id) =>
        ['A01', 'A05', 'A33'].includes(id),
      ),
    );
    expect(sheet.rowCount).toBe(4);
    const a01 = sheet.getRow(ids.indexOf('A01') + 2);
    expect(a01.getCell(8).value).toBe(Number(fixture[1]!.revenue));
    expect(a01.getCell(8).numFmt).toBe('#,##0.00');
    expect(a01.getCell(4).value).toBe('Transaktional');
    expect(a01.getCell(11).value).toBeCloseTo(fixture[1]!.growth!);
    expect(a01.getCell(11).numFmt).toBe('0.0%');
    expect(a01.getCell(14).value).toEqual(new Date('2025-11-30T00:00:00Z'));
  });

  it('is a read: every role and read tokens may export, nobody anonymous', async () => {
    expect((await download({}, 'format=csv')).status).toBe(401);
    const { secret } = await createToken(
      store.db,
      { email: 'manager@example.com' },
      { name: 'bi', scope: 'read' },
    );
    const byToken = await download({ authorization: `Bearer ${secret}` }, 'format=csv');
    expect(byToken.status).toBe(200);
    expect(
      parseCsv((await byToken.text()).slice(1))
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(all(''));
    expect((await download(viewer.headers, 'format=pdf')).status).toBe(400);
    expect((await download(viewer.headers, 'page=2')).status).toBe(400);
  });

  it('reads in batches by keyset: ties, missing values and unanalysed accounts across batch edges', async () => {
    for (const [sort, order, query] of [
      ['revenue', 'desc', ''],
      ['growth', 'asc', ''],
      ['margin', 'desc', 'segment=Industry'],
      ['name', 'desc', ''],
      ['id', 'asc', 'region=DACH'],
    ] as const) {
      const params = new URLSearchParams(query);
      const view = { filter: filterOf(Object.fromEntries(params) as never, null), sort, order };
      const ids: string[] = [];
      for await (const batch of scanAccounts(store.db, view, 2)) ids.push(...batch.map((row) => row.id));
      expect(ids, `${sort} ${order} ${query}`).toEqual(reference(fixture, { sort, order, query: params }));
    }
  });
});
