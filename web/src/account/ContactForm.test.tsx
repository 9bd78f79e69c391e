import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Contact } from '../api/types';
import { setupI18n } from '../i18n/i18n';
import { ContactForm } from './ContactForm';

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens to it.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } });

const contact = (id: number, name: string, reportsTo: number | null): Contact => ({
  id,
  accountId: 'K1',
  name,
  role: 'influencer',
  jobTitle: null,
  email: null,
  phone: null,
  influence: 4,
  relationshipStrength: 2,
  reportsTo,
  notes: '',
  version: 5,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});
const boss = contact(1, 'Anna Becker', 2);
const report = contact(2, 'Jonas Lindqvist', null);
const user = userEvent.setup({ delay: null });

function renderForm(editing: Contact | null, onClose = vi.fn()) {
  render(
    <I18nextProvider i18n={setupI18n('en')}>
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <ContactForm accountId="K1" contact={editing} contacts={[boss, report]} onClose={onClose} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return onClose;
}

describe('ContactForm', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("puts the server's refusal of a reporting circle under 'Reports to' and stays open", async () => {
    const message =
      'Contact 2 already reports (directly or through others) to contact 1; this would make a circle.';
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({
          error: { code: 'validation', message, details: [{ field: 'reportsTo', message }] },
        }),
        { status: 400 },
      ),
    );
    const onClose = renderForm(boss);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Reports to' }).getAttribute('aria-invalid')).toBe('true');
    expect(onClose).not.toHaveBeenCalled();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/accounts/K1/contacts/1');
    expect(JSON.parse(String(init?.body))).toMatchObject({ version: 5, reportsTo: 2, influence: 4 });
  });

  it('catches a missing name before asking the server, then adds the contact', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify(contact(3, 'Lea Jansen', null)), { status: 201 }),
    );
    const onClose = renderForm(null);
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    expect(await screen.findByText('A contact needs a name.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    await user.click(screen.getByRole('textbox', { name: /^Name/ }));
    await user.paste('Lea Jansen');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toMatchObject({
      name: 'Lea Jansen',
      role: 'user',
      reportsTo: null,
    });
  });
});
