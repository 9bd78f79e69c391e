import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiToken, SessionUser } from '../api/types';
import { fakeApi, renderWithProviders } from '../ui/test-utils';
import { ProfilePage } from './ProfilePage';

const me = (role: SessionUser['role'] = 'account_manager', version = 4): SessionUser => ({
  id: 3,
  email: 'kim@example.com',
  name: 'Kim',
  role,
  language: 'en',
  version,
  createdAt: '2026-01-05T00:00:00Z',
  updatedAt: '2026-01-05T00:00:00Z',
});
const token: ApiToken = {
  id: 9,
  name: 'BI',
  scope: 'read',
  createdAt: '2026-02-01T00:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('ProfilePage', { timeout: 60_000 }, () => {
  it('saves only what changed, with the version, and switches the language at once', async () => {
    const calls = fakeApi(({ method, path, body }) => {
      if (method === 'PATCH') return [200, { user: { ...me(), ...(body as object), version: 5 } }];
      return path === '/tokens' ? [200, { items: [] }] : [200, {}];
    });
    const { i18n } = renderWithProviders(<ProfilePage />, { session: { user: me(), csrfToken: 'c' } });
    const details = within(await screen.findByRole('region', { name: 'Your details' }));
    await userEvent.click(details.getByRole('combobox', { name: 'Language' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Deutsch' }));
    await userEvent.click(details.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(i18n.language).toBe('de'));
    expect(calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH',
      path: '/auth/me',
      body: { version: 4, language: 'de' },
    });
    expect(await screen.findByText('Ihr Profil ist gespeichert.')).toBeTruthy();
  });

  it('checks the new password as the server would, and marks a wrong current password', async () => {
    const calls = fakeApi(({ path }) =>
      path === '/auth/password'
        ? [
            400,
            {
              error: {
                code: 'validation',
                message: 'x',
                details: [{ field: 'currentPassword', message: 'wrong password' }],
              },
            },
          ]
        : [200, { items: [] }],
    );
    renderWithProviders(<ProfilePage />, { session: { user: me(), csrfToken: 'c' } });
    const form = within(await screen.findByRole('region', { name: 'Change password' }));
    expect(form.getByText(/At least 10 characters, at most 200/)).toBeTruthy();
    await userEvent.type(form.getByLabelText(/^Current password/), 'old one');
    await userEvent.type(form.getByLabelText(/^New password \*/), 'short');
    await userEvent.click(form.getByRole('button', { name: 'Change password' }));
    expect(form.getByText('Use at least 10 characters (5 so far).')).toBeTruthy();
    await userEvent.clear(form.getByLabelText(/^New password \*/));
    await userEvent.type(form.getByLabelText(/^New password \*/), 'a long new password');
    await userEvent.type(form.getByLabelText(/^New password again/), 'a long new passwort');
    expect(form.getByText('The two new passwords are not the same.')).toBeTruthy();
    expect(calls.some((c) => c.path === '/auth/password')).toBe(false);

    await userEvent.clear(form.getByLabelText(/^New password again/));
    await userEvent.type(form.getByLabelText(/^New password again/), 'a long new password');
    await userEvent.click(form.getByRole('button', { name: 'Change password' }));
    expect(await form.findByText('The current password is not right.')).toBeTruthy();
    expect(calls.find((c) => c.path === '/auth/password')?.body).toEqual({
      currentPassword: 'old one',
      newPassword: 'a long new password',
    });
  });

  it('creates a token and shows its secret once', async () => {
    const calls = fakeApi(({ method, body }) =>
      method === 'POST'
        ? [201, { token: { ...token, id: 10, ...(body as object) }, secret: 'kt_secret_value' }]
        : [200, { items: [token] }],
    );
    renderWithProviders(<ProfilePage />, { session: { user: me(), csrfToken: 'c' } });
    const tokens = within(await screen.findByRole('region', { name: 'API tokens' }));
    expect(await tokens.findByText('BI')).toBeTruthy();
    await userEvent.click(tokens.getByRole('button', { name: 'Create token' }));
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.click(dialog.getByRole('button', { name: 'Create token' }));
    expect(dialog.getByText('Give the token a name.')).toBeTruthy();
    await userEvent.type(dialog.getByLabelText(/^Name/), 'ERP sync');
    await userEvent.click(dialog.getByLabelText('Read and write'));
    await userEvent.click(dialog.getByRole('button', { name: 'Create token' }));
    expect(await dialog.findByTestId('one-time-secret')).toHaveProperty('textContent', 'kt_secret_value');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'ERP sync', scope: 'write' });
  });

  it('lets a viewer see their tokens but offers no creating or revoking', async () => {
    fakeApi(() => [200, { items: [token] }]);
    renderWithProviders(<ProfilePage />, { session: { user: me('viewer'), csrfToken: 'c' } });
    const tokens = within(await screen.findByRole('region', { name: 'API tokens' }));
    expect(await tokens.findByText('BI')).toBeTruthy();
    expect(tokens.getByText(/Viewers cannot create or revoke API tokens/)).toBeTruthy();
    expect(tokens.queryByRole('button', { name: 'Create token' })).toBeNull();
    expect(tokens.queryByRole('button', { name: /Revoke/ })).toBeNull();
  });
});
