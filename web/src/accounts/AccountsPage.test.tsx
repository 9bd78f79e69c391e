import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountListItem, SessionUser } from '../api/types';
import { theme } from '../app/theme';
import { SESSION_KEY } from '../auth/session';
import { setupI18n } from '../i18n/i18n';
import { fakeApi, type RecordedCall } from '../ui/test-utils';
import { AccountsPage } from './AccountsPage';
import { STORAGE_KEY } from './accounts.columns';
import { parseAccountsSearch } from './accounts.search';

// Mantine and the router render slowly in jsdom on a busy machine: wait up to 10 s, not 1 s.
configure({ asyncUtilTimeout: 10_000 });

const user: SessionUser = {
  id: 7,
  email: 'am@example.com',
  name: 'Anna Manager',
  role: 'account_manager',
  language: 'en',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const item = (n: number): AccountListItem => ({
  id: `K${10000 + n}`,
  name: `Kunde ${n} GmbH`,
  segment: 'Retail',
  region: 'DACH',
  owner: 'Eva',
  class: 'B',
  tier: 'green',
  revenue: '123456.7800',
  margin: '23456.0000',
  marginPct: 0.19,
  growth: 0.125,
  share: 0.01,
  lastPurchase: '2025-11-30',
  rank: n + 1,
});

/** The page under a router with its real search validation, at `url`, against a fake API. */
function renderAt(url: string) {
  const calls = fakeApi(({ path }) => {
    if (path.startsWith('/accounts/facets'))
      return [
        200,
        { segments: [{ value: 'Retail', count: 3 }], regions: [], owners: [{ value: 'Eva', count: 3 }] },
      ];
    if (path.startsWith('/settings')) return [200, { currency: 'EUR' }];
    const page = Number(new URLSearchParams(path.split('?')[1]).get('page'));
    return [200, { items: page === 1 ? [item(0), item(1), item(2)] : [], page, size: 100, total: 3 }];
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(SESSION_KEY, { user, csrfToken: 'csrf' });
  const root = createRootRoute();
  const list = createRoute({
    getParentRoute: () => root,
    path: '/accounts',
    validateSearch: parseAccountsSearch,
    component: AccountsPage,
  });
  const account = createRoute({
    getParentRoute: () => root,
    path: '/accounts/$accountId',
    component: () => null,
  });
  const router = createRouter({
    routeTree: root.addChildren([list, account]),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  render(
    <I18nextProvider i18n={setupI18n('en')}>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={client}>
          <RouterProvider router={router as never} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  const listCalls = () =>
    calls
      .filter((call: RecordedCall) => /^\/accounts\?/.test(call.path))
      .map((call) => Object.fromEntries(new URLSearchParams(call.path.split('?')[1])));
  return { router, listCalls };
}

// jsdom has no layout: the scrolling table gets a screenful of height, as in a browser.
const layout = (axis: 'clientHeight' | 'clientWidth', size: number) =>
  Object.defineProperty(HTMLElement.prototype, axis, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('accounts-scroller') ? size : 0;
    },
  });

beforeEach(() => {
  localStorage.clear();
  layout('clientHeight', 600);
  layout('clientWidth', 1000);
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

describe('AccountsPage', { timeout: 60_000 }, () => {
  it('opens a shared link with its filters, sort and search, and asks the server for exactly that', async () => {
    const { listCalls } = renderAt('/accounts?q=gmbh&class=B&sort=revenue&mine=true&segment=Retail');
    expect(await screen.findByText('Kunde 0 GmbH')).toBeTruthy();
    expect(listCalls()[0]).toEqual({
      sort: 'revenue',
      order: 'desc',
      search: 'gmbh',
      class: 'B',
      segment: 'Retail',
      member: 'me',
      page: '1',
      size: '100',
    });
    expect(screen.getByLabelText('Search accounts')).toHaveProperty('value', 'gmbh');
    expect(screen.getByRole('combobox', { name: 'ABC class' })).toHaveProperty('value', 'B');
    expect(screen.getByRole('combobox', { name: 'Segment' })).toHaveProperty('value', 'Retail');
    expect(screen.getByLabelText('My accounts')).toHaveProperty('checked', true);
    expect(screen.getByRole('columnheader', { name: /Revenue/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('none');
    expect(screen.getByTestId('account-count').textContent).toBe('3 accounts');
    const row = screen.getAllByTestId('account-row')[0]!;
    expect(within(row).getByRole('link', { name: 'Kunde 0 GmbH' }).getAttribute('href')).toBe(
      '/accounts/K10000',
    );
    expect(row.textContent).toContain('€123,457');
    expect(row.textContent).toContain('+12.5%');
  });

  it('sorts from the header (keyboard too) and writes the view into the URL', async () => {
    const { router, listCalls } = renderAt('/accounts?sort=revenue');
    await screen.findByText('Kunde 0 GmbH');
    await userEvent.click(screen.getByRole('button', { name: /Revenue/ }));
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'revenue', order: 'asc' }));
    expect(screen.getByRole('columnheader', { name: /Revenue/ }).getAttribute('aria-sort')).toBe('ascending');
    screen.getByRole('button', { name: /^Name/ }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'name' }));
    await waitFor(() => expect(listCalls().at(-1)).toMatchObject({ sort: 'name', order: 'asc' }));
    await userEvent.click(screen.getByRole('switch', { name: 'My accounts' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'name', mine: true }));
    await waitFor(() => expect(listCalls().at(-1)).toMatchObject({ member: 'me' }));
  });

  it('searches 250 ms after the last key, once, and a cleared filter leaves the URL', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { router, listCalls } = renderAt('/accounts?tier=green');
      await screen.findByText('Kunde 0 GmbH');
      const typist = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      await typist.type(screen.getByLabelText('Search accounts'), 'kunde');
      await act(() => vi.advanceTimersByTimeAsync(100));
      expect(router.state.location.search).toEqual({ tier: 'green' });
      await act(() => vi.advanceTimersByTimeAsync(300));
      await waitFor(() => expect(router.state.location.search).toEqual({ tier: 'green', q: 'kunde' }));
      await waitFor(() => expect(listCalls().at(-1)).toMatchObject({ search: 'kunde', tier: 'green' }));
      expect(
        listCalls()
          .filter((query) => query.search !== undefined)
          .map((q) => q.search),
      ).toEqual(['kunde']);
      await typist.click(screen.getByRole('button', { name: 'Clear filters' }));
      await waitFor(() => expect(router.state.location.search).toEqual({}));
      expect(screen.getByLabelText('Search accounts')).toHaveProperty('value', '');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the columns the user chose, and remembers them', async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(['name', 'revenue']));
    renderAt('/accounts');
    await screen.findByText('Kunde 0 GmbH');
    const headers = () =>
      screen.getAllByRole('columnheader').map((th) => th.textContent?.replace(/[▲▼↕]/g, ''));
    expect(headers()).toEqual(['Name', 'Revenue']);
    await userEvent.click(screen.getByRole('button', { name: 'Columns (2)' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Margin %' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Revenue' }));
    await waitFor(() => expect(headers()).toEqual(['Name', 'Margin %']));
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toEqual(['name', 'marginPct']);
    expect(screen.getByRole('checkbox', { name: /Name/ })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Default columns' }));
    await waitFor(() => expect(headers()).toContain('Account ID'));
  });

  it('opens an account from its row without leaving the app', async () => {
    const { router } = renderAt('/accounts?q=kunde');
    await userEvent.click(await screen.findByRole('link', { name: 'Kunde 1 GmbH' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/accounts/K10001'));
  });

  it('offers the export of exactly this view', async () => {
    renderAt('/accounts?sort=margin&order=asc&owner=Eva&mine=true');
    await screen.findByText('Kunde 0 GmbH');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    const xlsx = await screen.findByRole('menuitem', { name: /Excel/ });
    const url = new URL(xlsx.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/api/v1/accounts/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'xlsx',
      sort: 'margin',
      order: 'asc',
      owner: 'Eva',
      member: 'me',
    });
  });
});
