import type { Messages } from '../i18n/messages';

export const en = {
  title: 'Log in to Kontor',
  subtitle: 'Key-account management: focus on the customers who carry the business.',
  email: 'E-mail',
  password: 'Password',
  submit: 'Log in',
  failed: 'The e-mail or password is not right.',
  tooMany: 'Too many attempts. Wait a moment and try again.',
  loggedOut: 'You are logged out.',
  expired: 'Your session has ended. Please log in again.',
};

export const de: Messages<typeof en> = {
  title: 'Bei Kontor anmelden',
  subtitle: 'Key-Account-Management: Konzentration auf die Kunden, die das Geschäft tragen.',
  email: 'E-Mail',
  password: 'Passwort',
  submit: 'Anmelden',
  failed: 'E-Mail oder Passwort stimmen nicht.',
  tooMany: 'Zu viele Versuche. Bitte warten Sie kurz und versuchen Sie es erneut.',
  loggedOut: 'Sie sind abgemeldet.',
  expired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
};
