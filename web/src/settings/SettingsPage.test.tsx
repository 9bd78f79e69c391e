import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settingsSchema } from '../../../src/settings/setting.schema';
import type { SessionUser, SettingsDocument } from '../api/types';
import { fakeApi, renderWithProviders } from '../ui/test-utils';
import { SettingsPage } from './SettingsPage';

const defaults = settingsSchema.parse({});
const versions = Object.fromEntries(
  Object.keys(defaults).map((key) => [key, 0]),
) as SettingsDocument['versions'];
const document = (changes: Partial<SettingsDocument> = {}) =>
  ({ ...defaults, versions, defaults, ...changes }) as SettingsDocument;
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
const asAdmin = { session: { user: user('admin'), csrfToken: 'csrf' } };

const abcSection = async () => within(await screen.findByRole('region', { name: 'ABC classes' }));

afterEach(() => vi.unstubAllGlobals());

describe('SettingsPage', { timeout: 60_000 }, () => {
  it('shows shares as percentages with the method default, and saves a percentage as a share', async () => {
    const calls = fakeApi(({ method }) =>
      method === 'PATCH'
        ? [200, document({ abc: { aThreshold: 0.75, bThreshold: 0.95 }, versions: { ...versions, abc: 1 } })]
        : [200, document()],
    );
    renderWithProviders(<SettingsPage />, asAdmin);
    const abc = await abcSection();
    const a = abc.getByLabelText('A customers up to');
    expect(a).toHaveProperty('value', '80%');
    expect(abc.getAllByText('Method default: 80%')).toHaveLength(1);
    expect(abc.getByText(/A = the customers making up the first 80% of revenue/)).toBeTruthy();
    expect(abc.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);

    await userEvent.clear(a);
    await userEvent.type(a, '75');
    expect(abc.getByText(/the first 75% of revenue/)).toBeTruthy();
    expect(abc.getByText('Unsaved changes')).toBeTruthy();
    await userEvent.click(abc.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH',
      path: '/settings',
      body: { versions: { abc: 0 }, abc: { aThreshold: 0.75, bThreshold: 0.95 } },
    });
    expect(await screen.findByText('“ABC classes” saved.')).toBeTruthy();
    await waitFor(() => expect(abc.queryByText('Unsaved changes')).toBeNull());
  });

  it('refuses to send what the server would refuse, in the user’s words, and shows the server’s field messages', async () => {
    const calls = fakeApi(({ method }) =>
      method === 'PATCH'
        ? [
            400,
            {
              error: {
                code: 'validation',
                message: 'x',
                details: [{ field: 'abc.bThreshold', message: 'the server says no' }],
              },
            },
          ]
        : [200, document()],
    );
    renderWithProviders(<SettingsPage />, asAdmin);
    const abc = await abcSection();
    const b = abc.getByLabelText('B customers up to');
    await userEvent.clear(b);
    await userEvent.type(b, '70');
    expect(abc.getByText('B must reach at least as far as A (80%).')).toBeTruthy();
    await userEvent.click(abc.getByRole('button', { name: 'Save' }));
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    await userEvent.clear(b);
    await userEvent.type(b, '96');
    await userEvent.click(abc.getByRole('button', { name: 'Save' }));
    expect(await abc.findByText('the server says no')).toBeTruthy();
  });

  it('offers to reload after someone else saved the section first, and then shows their values', async () => {
    let saved = false;
    fakeApi(({ method }) => {
      if (method === 'PATCH') {
        saved = true;
        return [
          409,
          {
            error: { code: 'conflict', message: 'stale', details: [{ field: 'versions.abc', message: 'x' }] },
          },
        ];
      }
      return [
        200,
        saved
          ? document({ abc: { aThreshold: 0.7, bThreshold: 0.9 }, versions: { ...versions, abc: 1 } })
          : document(),
      ];
    });
    renderWithProviders(<SettingsPage />, asAdmin);
    const abc = await abcSection();
    const a = abc.getByLabelText('A customers up to');
    await userEvent.clear(a);
    await userEvent.type(a, '75');
    await userEvent.click(abc.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Someone else changed this')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(abc.getByLabelText('A customers up to')).toHaveProperty('value', '70%'));
    expect(abc.getByLabelText('B customers up to')).toHaveProperty('value', '90%');
    expect(abc.queryByText('Unsaved changes')).toBeNull();
  });

  it('tells a viewer plainly that the page is for admins, without asking the server for settings', async () => {
    const calls = fakeApi(() => [200, document()]);
    renderWithProviders(<SettingsPage />, { session: { user: user('viewer'), csrfToken: 'csrf' } });
    expect(await screen.findByText('You do not have access to this page.')).toBeTruthy();
    expect(screen.getByText(/“Settings” is for admins/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(calls).toEqual([]);
  });

  it('speaks German with German number formats', async () => {
    fakeApi(() => [200, document({ abc: { aThreshold: 0.125, bThreshold: 0.95 } })]);
    renderWithProviders(<SettingsPage />, { ...asAdmin, language: 'de' });
    const abc = within(await screen.findByRole('region', { name: 'ABC-Klassen' }));
    expect(abc.getByLabelText('A-Kunden bis')).toHaveProperty('value', '12,5 %');
    expect(abc.getByText('Standard der Methode: 80 %')).toBeTruthy();
  });
});
