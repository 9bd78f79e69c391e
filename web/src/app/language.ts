import type { QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import { fetchSession, SESSION_KEY, type Session } from '../auth/session';
import { rememberLanguage } from '../i18n/i18n';
import { type Language, toLanguage } from '../i18n/messages';

/**
 * The interface language: the user's saved choice (so it follows them to another browser), remembered
 * locally for the login page. Saving is best effort: the switch itself never waits on the server.
 */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const saved = client.getQueryData<Session | null>(SESSION_KEY)?.user;
  useEffect(() => adoptSavedLanguage(saved, i18n), [saved, i18n]);
  const set = (language: Language) => {
    void i18n.changeLanguage(language);
    rememberLanguage(language);
    persistLanguage(client, language);
  };
  return [toLanguage(i18n.language), set];
}

let adoptedFor: number | null = null;

/**
 * A session found on load (a reload, another browser) brings the language the user saved. Once per user
 * and page load, so a switch made here is not undone while it is being saved.
 */
export function adoptSavedLanguage(saved: Session['user'] | undefined, i18n: i18n): void {
  if (!saved || adoptedFor === saved.id) return;
  adoptedFor = saved.id;
  const language = toLanguage(saved.language);
  if (language === toLanguage(i18n.language)) return;
  void i18n.changeLanguage(language);
  rememberLanguage(language);
}

let saving: Promise<void> = Promise.resolve();

/**
 * Saves one switch after the other, each with the version the previous one left in the session, so
 * quick switches (EN, DE, EN) all land and the last one wins instead of failing on a stale version.
 */
export function persistLanguage(client: QueryClient, language: Language): Promise<void> {
  saving = saving.then(() => save(client, language)).catch(() => undefined);
  return saving;
}

async function save(client: QueryClient, language: Language, retried = false): Promise<void> {
  const session = client.getQueryData<Session | null>(SESSION_KEY);
  if (!session || session.user.language === language) return;
  try {
    const { user } = await api.patch<{ user: Session['user'] }>('/auth/me', {
      language,
      version: session.user.version,
    });
    client.setQueryData<Session | null>(SESSION_KEY, (current) => (current ? { ...current, user } : current));
  } catch (error) {
    // The profile changed elsewhere (another tab): take the current version and try once more.
    if (retried || !(error instanceof ApiError && error.status === 409)) throw error;
    const fresh = await fetchSession();
    client.setQueryData(SESSION_KEY, fresh);
    await save(client, language, true);
  }
}
