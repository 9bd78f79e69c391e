import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../api/types';
import { SESSION_KEY } from '../auth/session';
import { setupI18n } from '../i18n/i18n';
import { DashboardPage } from './DashboardPage';
import fixture from './dashboard.fixture.json';

// The first render of router, Mantine and i18n takes a while on a shared machine.
configure({ asyncUtilTimeout: 8000 });

// jsdom cannot draw on a canvas; the chart's own options are tested in rank-bands.test.ts.
vi.mock('../ui/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

// The demo's six accounts of one owner: three dependence warnings, a matrix with margin data.
const cellAccounts = {
  ...fixture,
  accounts: {
    items: [
      {
        id: 'K10717',
        name: 'Sauerländer Molkerei GmbH',
        revenue: 519463.28,
        margin: 113138.11,
        marginPct: 0.2178,
        class: 'A',
        tier: 'green',
      },
    ],
    page: 1,
    size: 25,
    total: 1,
  },
};

const reply = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

function answer(url: string, analysis: () => Promise<Response>) {
  const path = new URL(url, 'http://localhost').pathname;
  if (path === '/api/v1/portfolio/analysis')
    return url.includes('cell=') ? reply(200, cellAccounts) : analysis();
  if (path === '/api/v1/portfolio/snapshot')
    return reply(404, { error: { code: 'not_found', message: 'none' } });
  if (path === '/api/v1/accounts/facets') return reply(200, { segments: [], regions: [], owners: [] });
  if (path === '/api/v1/settings')
    return reply(200, {
      currency: 'EUR',
      analysisWindowMonths: 12,
      warnings: { largestCustomerMaxShare: 0.1, top5MaxShare: 0.5 },
    });
  return reply(404, { error: { code: 'not_found', message: url } });
}

function renderPage(options: { url?: string; language?: 'en' | 'de'; role?: Role } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(SESSION_KEY, {
    user: { id: 1, name: 'Ada', email: 'a@x', role: options.role ?? 'admin' },
    csrfToken: null,
  });
  const root = createRootRoute({ component: Outlet });
  const routes = [
    createRoute({ getParentRoute: () => root, path: '/', component: DashboardPage }),
    createRoute({ getParentRoute: () => root, path: '/accounts/$accountId', component: () => null }),
    createRoute({ getParentRoute: () => root, path: '/imports', component: () => null }),
  ];
  const router = createRouter({
    routeTree: root.addChildren(routes),
    history: createMemoryHistory({ initialEntries: [options.url ?? '/'] }),
  });
  render(
    <I18nextProvider i18n={setupI18n(options.language ?? 'en')}>
      <MantineProvider>
        <QueryClientProvider client={client}>
          <RouterProvider router={router as never} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return router;
}

describe('DashboardPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const calls = () =>
    fetchMock.mock.calls.map(([url]) => decodeURIComponent(String(url).replace(/\+/g, ' ')));
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the view in the URL and says the headline, the warnings and the figures', async () => {
    fetchMock.mockImplementation((url) => answer(String(url), () => reply(200, fixture)));
    renderPage({ url: '/?owner=Ingrid%20Halvorsen&all=true' });
    expect(
      await screen.findByText(
        'The top 25% of customers (2) bring 54.1% of revenue; 4 customers (66.7%) make up 80%.',
      ),
    ).toBeTruthy();
    expect(
      calls().some((url) => url.includes('/portfolio/analysis?by=revenue&all=true&owner=Ingrid Halvorsen')),
    ).toBe(true);
    const warnings = screen.getByText('Dependence warnings').closest('[role="alert"]') as HTMLElement;
    expect(
      within(warnings).getByText(/Your largest customer brings 32.4% of revenue, above the 10% limit/),
    ).toBeTruthy();
    expect(
      within(warnings).getByText(/Only 4 customers make up 80% of revenue \(fewer than 10\)/),
    ).toBeTruthy();
    expect(screen.getByText('2,120')).toBeTruthy(); // HHI
    expect(screen.getByLabelText(/Gini coefficient 0.28/)).toBeTruthy();
    expect(screen.getByText(/no analysis has been published yet/i)).toBeTruthy();
  });

  it('lists the accounts of a matrix cell with links to them', async () => {
    fetchMock.mockImplementation((url) => answer(String(url), () => reply(200, fixture)));
    renderPage();
    await screen.findByText(/The top 25%/);
    // Role queries over the whole page are slow in jsdom; the matrix is one section.
    const matrix = within(screen.getByRole('region', { name: 'Revenue × margin' }));
    const cell = matrix.getByRole('button', {
      name: /^Revenue A, margin A: 3 accounts, €1.2M · 73% of revenue$/,
    });
    await userEvent.setup({ delay: null }).click(cell);
    const drawer = within(await screen.findByRole('dialog'));
    const link = await drawer.findByRole('link', { name: 'Sauerländer Molkerei GmbH' });
    expect(link.getAttribute('href')).toBe('/accounts/K10717');
    expect(calls().some((url) => url.includes('accounts=true&cell=AA&page=1&size=25'))).toBe(true);
    expect(
      matrix.getByRole('button', { name: /Revenue C, margin C: 0 accounts/ }).hasAttribute('disabled'),
    ).toBe(true);
  });

  it('writes a changed value into the URL and says it in German', async () => {
    fetchMock.mockImplementation((url) => answer(String(url), () => reply(200, fixture)));
    const router = renderPage({ language: 'de' });
    expect(
      await screen.findByText(/Die oberen 25 % der Kunden \(2\) bringen 54,1 % des Umsatzes/),
    ).toBeTruthy();
    await userEvent.setup({ delay: null }).click(screen.getByRole('radio', { name: 'Rohertrag' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ by: 'margin' }));
    await waitFor(() => expect(calls().some((url) => url.includes('analysis?by=margin'))).toBe(true));
  });

  it('tells a workspace without sales how to import, by role', async () => {
    const none = () =>
      reply(422, { error: { code: 'no_sales_data', message: 'There are no sales lines yet.' } });
    fetchMock.mockImplementation((url) => answer(String(url), none));
    renderPage({ role: 'manager' });
    expect(await screen.findByRole('heading', { name: 'No sales yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import sales' }).getAttribute('href')).toBe('/imports');
  });

  it('does not offer a viewer the import', async () => {
    const none = () =>
      reply(422, { error: { code: 'no_sales_data', message: 'There are no sales lines yet.' } });
    fetchMock.mockImplementation((url) => answer(String(url), none));
    renderPage({ role: 'viewer' });
    expect(await screen.findByText('Ask an admin or a manager to import the sales history.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Import sales' })).toBeNull();
  });
});
