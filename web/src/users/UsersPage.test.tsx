import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser, User } from '../api/types';
import { fakeApi, renderWithProviders } from '../ui/test-utils';
import { UsersPage } from './UsersPage';

const person = (id: number, name: string, role: User['role'], version = 1): User => ({
  id,
  email: `${name.toLowerCase()}@example.com`,
  name,
  role,
  language: 'en',
  version,
  createdAt: '2026-01-05T00:00:00Z',
  updatedAt: '2026-01-05T00:00:00Z',
});
const admin = person(1, 'Ada', 'admin');
const vera = person(2, 'Vera', 'viewer', 3);
const session = (user: SessionUser) => ({ session: { user, csrfToken: 'csrf' } });
const conflict = (details: { field: string; message: string }[]) =>
  [409, { error: { code: 'conflict', message: 'conflict', details } }] as [number, unknown];

afterEach(() => vi.unstubAllGlobals());

async function chooseRole(name: string, role: string) {
  await userEvent.click(await screen.findByRole('combobox', { name: `Role of ${name}` }));
  await userEvent.click(await screen.findByRole('option', { name: new RegExp(`^${role}`) }));
}

describe('UsersPage', { timeout: 60_000 }, () => {
  it('changes a role with the version the admin saw', async () => {
    const calls = fakeApi(({ method }) =>
      method === 'PATCH' ? [200, { ...vera, role: 'manager', version: 4 }] : [200, { items: [admin, vera] }],
    );
    renderWithProviders(<UsersPage />, session(admin));
    await chooseRole('Vera', 'Manager');
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      path: '/users/2',
      body: { role: 'manager', version: 3 },
    });
    expect(await screen.findByText('Vera is now Manager.')).toBeTruthy();
  });

  it('tells a stale edit (reload) from the last admin (no reload)', async () => {
    let answer = conflict([{ field: 'version', message: 'stale' }]);
    fakeApi(({ method }) => (method === 'PATCH' ? answer : [200, { items: [admin, vera] }]));
    renderWithProviders(<UsersPage />, session(admin));
    await chooseRole('Vera', 'Manager');
    expect(await screen.findByText('Someone else changed this')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();

    answer = conflict([]);
    await chooseRole('Ada', 'Viewer');
    // Giving up one's own admin rights asks first.
    await userEvent.click(await screen.findByRole('button', { name: 'Change my role' }));
    expect(await screen.findByText('This is the last admin. Make someone else an admin first.')).toBeTruthy();
  });

  it('invites a user and shows the generated password once; a taken e-mail is marked on the field', async () => {
    let taken = false;
    const calls = fakeApi(({ method, body }) => {
      if (method === 'POST' && taken)
        return [409, { error: { code: 'conflict', message: 'taken', details: [] } }];
      if (method === 'POST')
        return [
          201,
          {
            user: person(3, 'Nina', (body as { role: User['role'] }).role),
            password: 'Secret2345abcdefghij',
          },
        ];
      return [200, { items: [admin, vera] }];
    });
    renderWithProviders(<UsersPage />, session(admin));
    await userEvent.click(await screen.findByRole('button', { name: 'Invite a user' }));
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.type(dialog.getByLabelText(/^E-mail/), 'nina@example.com');
    await userEvent.type(dialog.getByLabelText(/^Name/), 'Nina');
    await userEvent.click(dialog.getByRole('button', { name: 'Create user' }));
    expect(await dialog.findByTestId('one-time-secret')).toHaveProperty(
      'textContent',
      'Secret2345abcdefghij',
    );
    expect(dialog.getByText('This is shown only now. Copy it before you close this window.')).toBeTruthy();
    expect(dialog.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      email: 'nina@example.com',
      role: 'account_manager',
      name: 'Nina',
    });
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));

    taken = true;
    await userEvent.click(screen.getByRole('button', { name: 'Invite a user' }));
    const again = within(await screen.findByRole('dialog'));
    expect(again.queryByTestId('one-time-secret')).toBeNull();
    await userEvent.type(again.getByLabelText(/^E-mail/), 'vera@example.com');
    await userEvent.click(again.getByRole('button', { name: 'Create user' }));
    expect(await again.findByText('There is already a user with this e-mail address.')).toBeTruthy();
  });

  it('shows a manager that the page is for admins, without asking for the users', async () => {
    const calls = fakeApi(() => [200, { items: [] }]);
    renderWithProviders(<UsersPage />, session(person(5, 'Max', 'manager')));
    expect(await screen.findByText(/“Users and teams” is for admins/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Invite a user' })).toBeNull();
    expect(calls).toEqual([]);
  });
});
