import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountDetail } from '../api/types';
import { setupI18n } from '../i18n/i18n';
import { OverrideDialog } from './OverrideDialog';

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens to it.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } });

const account: AccountDetail = {
  id: 'K1',
  name: 'Anker GmbH',
  segment: null,
  region: null,
  owner: null,
  attributes: {},
  editedFields: [],
  manualClass: null,
  manualTier: null,
  wallet: null,
  version: 3,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  metrics: null,
};

const reply = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

const user = userEvent.setup({ delay: null });

function renderDialog(onClose = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={setupI18n('en')}>
      <MantineProvider>
        <Notifications />
        <QueryClientProvider client={client}>
          <OverrideDialog kind="class" account={account} onClose={onClose} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return onClose;
}

describe('OverrideDialog', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for a reason of 3 characters before sending anything', async () => {
    renderDialog();
    await user.click(screen.getByRole('radio', { name: 'A, set by hand' }));
    await user.click(screen.getByRole('textbox', { name: /Reason/ }));
    await user.paste('ab');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Give a reason of at least 3 characters.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the class with its reason on the version shown, and closes when saved', async () => {
    fetchMock.mockImplementation(() => reply(200, { ...account, version: 4 }));
    const onClose = renderDialog();
    await user.click(screen.getByRole('radio', { name: 'A, set by hand' }));
    await user.click(screen.getByRole('textbox', { name: /Reason/ }));
    await user.paste('market access in Poland');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/accounts/K1');
    expect(init?.method).toBe('PATCH');
    expect(JSON.parse(String(init?.body))).toEqual({
      version: 3,
      manualClass: { class: 'A', reason: 'market access in Poland' },
    });
  });

  it("shows the server's message under the reason field", async () => {
    fetchMock.mockImplementation(() =>
      reply(400, {
        error: {
          code: 'validation',
          message: 'Some fields are not valid.',
          details: [{ field: 'manualClass.reason', message: 'the server refuses this reason' }],
        },
      }),
    );
    renderDialog();
    await user.click(screen.getByRole('radio', { name: 'C, set by hand' }));
    await user.click(screen.getByRole('textbox', { name: /Reason/ }));
    await user.paste('abcd');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('the server refuses this reason')).toBeTruthy();
  });

  it('tells of a stale write and offers to reload instead of closing', async () => {
    fetchMock.mockImplementation(() =>
      reply(409, { error: { code: 'conflict', message: 'Someone else changed the account.', details: [] } }),
    );
    const onClose = renderDialog();
    await user.click(screen.getByRole('radio', { name: 'B, set by hand' }));
    await user.click(screen.getByRole('textbox', { name: /Reason/ }));
    await user.paste('reference customer');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Someone else changed this')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('gives the class back to the rules without a reason', async () => {
    fetchMock.mockImplementation(() => reply(200, account));
    renderDialog();
    await user.click(screen.getByRole('radio', { name: 'A, set by hand' }));
    await user.click(screen.getByRole('radio', { name: /^Automatic/ }));
    expect(screen.queryByRole('textbox', { name: /Reason/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
  });
});
