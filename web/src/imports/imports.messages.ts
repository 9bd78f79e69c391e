import type { Messages } from '../i18n/messages';

export const en = {
  title: 'imports',
};

export const de: Messages<typeof en> = {
  title: 'imports (de)',
};
