import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as account from '../account/account.messages';
import * as accounts from '../accounts/accounts.messages';
import { setServerTextTranslator } from '../api/client';
import * as auth from '../auth/auth.messages';
import * as imports from '../imports/imports.messages';
import * as portfolio from '../portfolio/portfolio.messages';
import * as profile from '../profile/profile.messages';
import * as settings from '../settings/settings.messages';
import * as users from '../users/users.messages';
import * as common from './common.messages';
import { type Language, toLanguage } from './messages';
import * as server from './server.messages';
import { translateServerText } from './server-text';

/** One namespace per feature folder; each folder owns its `*.messages.ts` in every language. */
const namespaces = { common, server, auth, portfolio, accounts, account, imports, settings, users, profile };
type Namespace = keyof typeof namespaces;

export const resources = {
  en: Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m.en])),
  de: Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m.de])),
} as { en: { [N in Namespace]: (typeof namespaces)[N]['en'] }; de: { [N in Namespace]: unknown } };

const STORAGE_KEY = 'kontor.language';

export function initialLanguage(): Language {
  return toLanguage(localStorage.getItem(STORAGE_KEY) ?? navigator.language);
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

export function setupI18n(language: Language = initialLanguage()) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: resources as never,
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(namespaces),
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  const serverT = instance.getFixedT(null, 'server');
  setServerTextTranslator((message) => translateServerText(serverT, message));
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = language;
  return instance;
}
