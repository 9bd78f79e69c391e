import type { Messages } from '../i18n/messages';

export const en = {
  title: 'portfolio',
};

export const de: Messages<typeof en> = {
  title: 'portfolio (de)',
};
