import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview, ImportSummary, SessionUser } from '../api/types';
import { fakeApi, type RecordedCall, renderWithProviders } from '../ui/test-utils';
import { ImportPage } from './ImportPage';

const user = (role: SessionUser['role']): SessionUser => ({
  id: 1,
  email: `${role}@example.com`,
  name: role,
  role,
  language: 'en',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const as = (role: SessionUser['role']) => ({ session: { user: user(role), csrfToken: 'csrf' } });

/** Whether the fake server recognises the customer id column by itself. */
let complete = false;
const cell = (text: string | null, value: string | null = text) => ({ text, value, problem: null });
function preview(query: URLSearchParams): ImportPreview {
  const mapped = complete || query.getAll('map').includes('customer_id=Kd.-Nr.');
  const chosenDates = query.get('dateFormat');
  return {
    fileName: 'sales.csv',
    format: 'delimited',
    encoding: { value: 'windows1252', chosen: false },
    delimiter: ';',
    sheets: null,
    headers: ['Kd.-Nr.', 'Datum', 'Umsatz'],
    examples: ['K1', '03/04/2024', '12,50'],
    mapping: [
      ...(mapped
        ? [{ field: 'customer_id' as const, column: 0, header: 'Kd.-Nr.', via: 'chosen' as const }]
        : []),
      { field: 'date', column: 1, header: 'Datum', via: 'synonym' },
      { field: 'amount', column: 2, header: 'Umsatz', via: 'synonym' },
    ],
    recognized: complete ? { customer_id: 0, date: 1, amount: 2 } : { date: 1, amount: 2 },
    unmapped: [],
    missing: mapped ? [] : ['customer_id'],
    decimal: { value: ',', chosen: false },
    date: chosenDates
      ? { status: 'chosen', format: 'dmy/', candidates: [], message: null }
      : { status: 'ambiguous', format: null, candidates: ['dmy/', 'mdy/'], message: 'ask' },
    sampleRows: 2,
    rowsWithProblems: 1,
    rows: [
      {
        line: 2,
        problem: null,
        cells: {
          ...(mapped ? { customer_id: cell('K1') } : {}),
          date: chosenDates
            ? cell('03/04/2024', '2024-04-03')
            : {
                text: '03/04/2024',
                value: null,
                problem: { code: 'ambiguous_date', reason: 'could be read as …' },
                readings: ['2024-04-03', '2024-03-04'],
              },
          amount: cell('12,50', '12.5'),
        },
      },
      {
        line: 3,
        problem: null,
        cells: {
          date: cell('05/06/2024', '2024-06-05'),
          amount: { text: '12x', value: null, problem: { code: 'not_a_number', reason: 'not a number' } },
        },
      },
    ],
    flagged: [],
    warnings: [],
  };
}

const rejected = {
  file: 'sales.csv',
  committed: false,
  rowsRead: 2,
  rowsImported: 0,
  rowsRejected: 1,
  duplicatesSkipped: 0,
  customers: 1,
  accountsCreated: 0,
  accountsUpdated: 0,
  dateRange: { from: '2024-04-03', to: '2024-04-03' },
  totalAmount: '12.5',
  currency: 'EUR',
  mapping: [{ field: 'customer_id', header: 'Kd.-Nr.' }],
  rejects: [{ line: 3, column: 'Umsatz', value: '12x', reason: 'not a number' }],
  rejectsFile: '/api/v1/imports/job-1/rejects',
} as unknown as ImportSummary;

/** EventSource as the browser has it, driven by the test. */
class FakeEventSource {
  static all: FakeEventSource[] = [];
  static readonly CLOSED = 2;
  readyState = 0;
  closed = false;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? [])
      listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

let calls: RecordedCall[];
const posts = (path: string) => calls.filter((c) => c.method === 'POST' && c.path.startsWith(path));
const query = (call: RecordedCall) => new URLSearchParams(call.path.split('?')[1]);

beforeEach(() => {
  complete = false;
  FakeEventSource.all = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  calls = fakeApi((call) => {
    if (call.path.startsWith('/imports/preview')) return [200, preview(query(call))];
    if (call.method === 'POST' && call.path.startsWith('/imports?')) return [202, { jobId: 'job-1' }];
    if (call.path.startsWith('/imports')) return [200, { items: [] }];
    return [200, { currency: 'EUR' }];
  });
});
afterEach(() => vi.unstubAllGlobals());

const file = () =>
  new File(['Kd.-Nr.;Datum;Umsatz\nK1;03/04/2024;12,50\n'], 'sales.csv', { type: 'text/csv' });

// Mantine in jsdom renders slowly on a busy machine: the two longest flows get more time.
const LONG = { timeout: 60_000 };

describe('ImportPage', () => {
  it(
    'previews the file with every problem in place, and previews again with a changed mapping',
    LONG,
    async () => {
      renderWithProviders(<ImportPage />, as('admin'));
      await userEvent.upload(await screen.findByTestId('file-input'), file());

      expect(await screen.findByText('Text, separated by semicolons')).toBeTruthy();
      expect(screen.getByText('Detected: Windows-1252 (Western Europe)')).toBeTruthy();
      expect(screen.getByText(/No column is mapped to: Customer ID/)).toBeTruthy();
      const rows = within(screen.getByRole('table', { name: 'The first rows as Kontor will import them' }));
      expect(rows.getByText('Problem: not a number')).toBeTruthy();
      expect(rows.getByText('Apr 3, 2024 or Mar 4, 2024?')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Import sales.csv' })).toHaveProperty('disabled', true);
      expect(query(posts('/imports/preview')[0]!).get('fileName')).toBe('sales.csv');

      await userEvent.click(screen.getByRole('combobox', { name: 'Field for column “Kd.-Nr.”' }));
      await userEvent.click(await screen.findByRole('option', { name: 'Customer ID (required)' }));
      await waitFor(() => expect(posts('/imports/preview')).toHaveLength(2));
      expect(query(posts('/imports/preview')[1]!).getAll('map')).toEqual(['customer_id=Kd.-Nr.']);
      await waitFor(() => expect(screen.queryByText(/No column is mapped to/)).toBeNull());
      expect(screen.getByText('your choice')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Import sales.csv' })).toHaveProperty('disabled', false);
    },
  );

  it(
    'runs the import, follows its events, lists the rejects and offers to import the good rows',
    LONG,
    async () => {
      complete = true;
      renderWithProviders(<ImportPage />, as('admin'));
      await userEvent.upload(await screen.findByTestId('file-input'), file());
      const start = await screen.findByRole('button', { name: 'Import sales.csv' });
      await waitFor(() => expect(start).toHaveProperty('disabled', false));
      await userEvent.click(start);
      await waitFor(() => expect(posts('/imports?')).toHaveLength(1));
      expect(Object.fromEntries(query(posts('/imports?')[0]!))).toEqual({
        fileName: 'sales.csv',
        onError: 'abort',
      });
      await waitFor(() => expect(FakeEventSource.all).toHaveLength(1));
      const events = FakeEventSource.all[0]!;
      expect(events.url).toBe('/api/v1/imports/job-1/events');
      events.emit('progress', { phase: 'reading', fraction: 0.5 });
      expect(await screen.findByText('Reading and checking the values… 39%')).toBeTruthy();
      expect(screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe(
        '39',
      );

      events.emit('done', rejected);
      expect(await screen.findByText('Nothing was imported')).toBeTruthy();
      expect(events.closed).toBe(true);
      expect(screen.getByRole('link', { name: 'Download the rejects file (CSV)' }).getAttribute('href')).toBe(
        '/api/v1/imports/job-1/rejects',
      );
      const reject = screen.getByRole('cell', { name: '12x' }).closest('tr')!;
      expect(
        within(reject)
          .getAllByRole('cell')
          .map((td) => td.textContent),
      ).toEqual(['3', 'Umsatz', '12x', 'not a number']);

      await userEvent.click(screen.getByRole('button', { name: 'Import the good rows instead' }));
      await waitFor(() => expect(posts('/imports?')).toHaveLength(2));
      expect(query(posts('/imports?')[1]!).get('onError')).toBe('skip');
    },
  );

  it('asks how to read ambiguous dates, in German, and previews again with the choice', async () => {
    renderWithProviders(<ImportPage />, { language: 'de', ...as('manager') });
    await userEvent.upload(await screen.findByTestId('file-input'), file());
    expect(await screen.findByText('Die Datumsangaben sind zweideutig')).toBeTruthy();
    expect(
      screen.getByText(/ein Datum wie 03\/04\/2024 kann also 03\.04\.2024 oder 04\.03\.2024 sein/),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'TT/MM/JJJJ, Tag zuerst (31/01/2024)' }));
    await waitFor(() => expect(posts('/imports/preview')).toHaveLength(2));
    expect(query(posts('/imports/preview')[1]!).get('dateFormat')).toBe('dmy/');
    await waitFor(() => expect(screen.queryByText('Die Datumsangaben sind zweideutig')).toBeNull());
    expect(screen.getByText('Problem: keine Zahl')).toBeTruthy();
  });

  it('sends only the head of a text file for the preview', async () => {
    renderWithProviders(<ImportPage />, as('admin'));
    const big = new File(['x'.repeat(300 * 1024)], 'big.csv');
    await userEvent.upload(await screen.findByTestId('file-input'), big);
    await waitFor(() => expect(posts('/imports/preview')).toHaveLength(1));
    const fetch = vi.mocked(globalThis.fetch);
    const init = fetch.mock.calls.find(([url]) => String(url).includes('/imports/preview'))![1]!;
    expect((init.body as Blob).size).toBe(256 * 1024);
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/octet-stream');
  });

  it('tells a viewer that importing is for admins and managers', async () => {
    renderWithProviders(<ImportPage />, as('viewer'));
    expect(await screen.findByText(/Importing sales data is for admins and managers/)).toBeTruthy();
    expect(screen.queryByTestId('drop-zone')).toBeNull();
  });
});
