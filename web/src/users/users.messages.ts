import type { Messages } from '../i18n/messages';

export const en = {
  title: 'users',
};

export const de: Messages<typeof en> = {
  title: 'users (de)',
};
