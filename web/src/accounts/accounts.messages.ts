import type { Messages } from '../i18n/messages';

export const en = {
  title: 'accounts',
};

export const de: Messages<typeof en> = {
  title: 'accounts (de)',
};
