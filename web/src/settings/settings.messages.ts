import type { Messages } from '../i18n/messages';

export const en = {
  title: 'settings',
};

export const de: Messages<typeof en> = {
  title: 'settings (de)',
};
