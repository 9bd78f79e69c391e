import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../api/types';
import { SESSION_KEY, type Session } from '../auth/session';
import { fakeApi } from '../ui/test-utils';
import { adoptSavedLanguage, persistLanguage } from './language';

const user = (version: number, language = 'en'): SessionUser => ({
  id: 7,
  email: 'a@example.com',
  name: 'A',
  role: 'viewer',
  language,
  version,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const sessionOf = (client: QueryClient) => client.getQueryData<Session>(SESSION_KEY)!;

afterEach(() => vi.unstubAllGlobals());

describe('the language switch in the header', () => {
  it('saves quick switches one after the other, each with the version the previous one left', async () => {
    const client = new QueryClient();
    client.setQueryData(SESSION_KEY, { user: user(1), csrfToken: 'c' });
    let version = 1;
    const calls = fakeApi(({ body }) => {
      const { language } = body as { language: string };
      version += 1;
      return [200, { user: user(version, language) }];
    });
    void persistLanguage(client, 'de');
    await persistLanguage(client, 'en');
    expect(calls.map((c) => [c.method, c.path, c.body])).toEqual([
      ['PATCH', '/auth/me', { language: 'de', version: 1 }],
      ['PATCH', '/auth/me', { language: 'en', version: 2 }],
    ]);
    expect(sessionOf(client).user).toMatchObject({ language: 'en', version: 3 });
  });

  it('takes the current version and tries once more when the profile changed in another tab', async () => {
    const client = new QueryClient();
    client.setQueryData(SESSION_KEY, { user: user(1), csrfToken: 'c' });
    const calls = fakeApi(({ method, body }) => {
      if (method === 'GET') return [200, { user: user(4), via: 'session', csrfToken: 'c' }];
      const { version } = body as { version: number };
      return version === 4
        ? [200, { user: user(5, 'de') }]
        : [
            409,
            { error: { code: 'conflict', message: 'stale', details: [{ field: 'version', message: 'x' }] } },
          ];
    });
    await persistLanguage(client, 'de');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'PATCH /auth/me',
      'GET /auth/me',
      'PATCH /auth/me',
    ]);
    expect(sessionOf(client).user).toMatchObject({ language: 'de', version: 5 });
  });

  it('sends nothing when the saved language is already the chosen one', async () => {
    const client = new QueryClient();
    client.setQueryData(SESSION_KEY, { user: user(1, 'de'), csrfToken: 'c' });
    const calls = fakeApi(() => [200, {}]);
    await persistLanguage(client, 'de');
    expect(calls).toEqual([]);
  });
});

describe('the language a session brings', () => {
  it('adopts the saved language once per user, so a later switch is not undone', () => {
    const i18n = { language: 'en', changeLanguage: vi.fn(() => Promise.resolve()) };
    const adopt = (saved: SessionUser) => adoptSavedLanguage(saved, i18n as never);
    adopt(user(1, 'de'));
    expect(i18n.changeLanguage).toHaveBeenCalledWith('de');
    expect(localStorage.getItem('kontor.language')).toBe('de');
    // The user switches back to English; the session still says German until the save lands.
    adopt(user(1, 'de'));
    expect(i18n.changeLanguage).toHaveBeenCalledTimes(1);
    // Another user logs in on this browser: their saved language applies.
    adopt({ ...user(1, 'en'), id: 8 });
    expect(i18n.changeLanguage).toHaveBeenCalledTimes(1);
    adopt({ ...user(1, 'de'), id: 9 });
    expect(i18n.changeLanguage).toHaveBeenCalledTimes(2);
  });
});
