import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { SESSION_KEY, type Session } from '../auth/session';
import { rememberLanguage } from '../i18n/i18n';
import { type Language, toLanguage } from '../i18n/messages';

/**
 * The interface language: the user's saved choice (so it follows them to another browser), remembered
 * locally for the login page. Saving is best effort: the switch itself never waits on the server.
 */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const set = (language: Language) => {
    void i18n.changeLanguage(language);
    rememberLanguage(language);
    const session = client.getQueryData<Session | null>(SESSION_KEY);
    if (session && session.user.language !== language) {
      api
        .patch<{ user: Session['user'] }>('/auth/me', { language, version: session.user.version })
        .then(({ user }) => client.setQueryData(SESSION_KEY, { ...session, user }))
        .catch(() => undefined);
    }
  };
  return [toLanguage(i18n.language), set];
}
