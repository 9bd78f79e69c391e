import type { Messages } from '../i18n/messages';

export const en = {
  title: 'account',
};

export const de: Messages<typeof en> = {
  title: 'account (de)',
};
