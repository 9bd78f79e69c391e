import type { Messages } from '../i18n/messages';

export const en = {
  title: 'profile',
};

export const de: Messages<typeof en> = {
  title: 'profile (de)',
};
