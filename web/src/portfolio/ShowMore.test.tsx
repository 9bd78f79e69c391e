import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { setupI18n } from '../i18n/i18n';
import { ShowMore } from './ShowMore';

configure({ asyncUtilTimeout: 8000 });

// 250 ranked accounts: the summary brings the first 100 (the server's LIST_PREVIEW_ROWS), pages bring the rest.
const ALL = Array.from({ length: 250 }, (_, i) => `Account ${i + 1}`);

function renderList(fetchPage: (page: number) => Promise<string[]>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={setupI18n('en')}>
      <MantineProvider>
        <QueryClientProvider client={client}>
          <ShowMore
            items={ALL.slice(0, 100)}
            total={ALL.length}
            source={{ key: ['test'], fetchPage }}
            render={(rows) => (
              <ul>
                {rows.map((row) => (
                  <li key={row}>{row}</li>
                ))}
              </ul>
            )}
          />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

beforeEach(() => {
  // useFormat asks for the workspace settings (the currency).
  vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ currency: 'EUR' })));
});
afterEach(() => vi.unstubAllGlobals());

it('shows ten rows, then the preview, then fetches the rest page by page up to the total', async () => {
  const fetchPage = vi.fn((page: number) => Promise.resolve(ALL.slice((page - 1) * 100, page * 100)));
  renderList(fetchPage);
  expect(screen.getAllByRole('listitem')).toHaveLength(10);
  await userEvent.click(screen.getByRole('button', { name: 'Show all 250' }));
  expect(screen.getAllByRole('listitem')).toHaveLength(100);
  expect(screen.getByText('100 of 250 shown')).toBeTruthy();
  expect(fetchPage).not.toHaveBeenCalled();

  await userEvent.click(screen.getByRole('button', { name: 'Load 100 more' }));
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(200));
  expect(fetchPage).toHaveBeenLastCalledWith(2, expect.anything());

  await userEvent.click(screen.getByRole('button', { name: 'Load 50 more' }));
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(250));
  expect(fetchPage).toHaveBeenLastCalledWith(3, expect.anything());
  expect(screen.getAllByRole('listitem').at(-1)?.textContent).toBe('Account 250');
  expect(screen.queryByRole('button', { name: /more/ })).toBeNull();
  expect(fetchPage).toHaveBeenCalledTimes(2);
});

it('says when a page cannot be fetched and offers to try again', async () => {
  const fetchPage = vi.fn(() => Promise.reject(new Error('The server is not reachable')));
  renderList(fetchPage);
  await userEvent.click(screen.getByRole('button', { name: 'Show all 250' }));
  await userEvent.click(screen.getByRole('button', { name: 'Load 100 more' }));
  expect(await screen.findByText(/not reachable/)).toBeTruthy();
  expect(screen.getAllByRole('listitem')).toHaveLength(100);
});
