import { describe, expect, it } from 'vitest';
import { activityCreateSchema } from '../../../src/activities/activity.schema';
import { contactCreateSchema } from '../../../src/contacts/contact.schema';
import { settingsSchema } from '../../../src/settings/setting.schema';
import { passwordSchema } from '../../../src/users/user.schema';
import { setupI18n } from './i18n';
import { translateServerText } from './server-text';

// The server's own messages, produced by its own schemas, so a reworded message fails here instead of
// silently showing English in the German interface.
const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

const serverMessages = [
  ...messagesOf(contactCreateSchema.safeParse({ name: ' ', email: 'nope', influence: 9, extra: 1 })),
  ...messagesOf(activityCreateSchema.safeParse({ type: 'visit', date: '2025-02-30', durationMinutes: 1.5 })),
  ...messagesOf(activityCreateSchema.safeParse({ type: 'fax', date: '20250101', durationMinutes: -1 })),
  ...messagesOf(passwordSchema.safeParse('short')),
  ...messagesOf(
    settingsSchema.safeParse({
      currency: 'euro',
      fiscalYearStartMonth: 13,
      analysisWindowMonths: 0,
      hourlyCost: -1,
    }),
  ),
  ...messagesOf(settingsSchema.shape.abc.safeParse({ aThreshold: 0.9, bThreshold: 0.8 })),
  ...messagesOf(settingsSchema.shape.abc.safeParse({ aThreshold: 'x', bThreshold: 1.5 })),
  'Some fields are not valid.',
  'A contact cannot report to themselves.',
  'Contact 12 is not a contact of account K7.',
  'Contact 12 already reports (directly or through others) to contact 3; this would make a circle.',
];

describe('the server’s messages in German', () => {
  const de = setupI18n('de').getFixedT('de', 'server');
  const en = setupI18n('en').getFixedT('en', 'server');

  it('gives every message the server sends for bad form input in German', () => {
    expect(serverMessages.length).toBeGreaterThan(15);
    for (const message of serverMessages) {
      expect(translateServerText(de, message), message).not.toBe(message);
      expect(translateServerText(de, message), message).not.toMatch(/expected|must|Contact \d/);
    }
  });

  it('carries the values over and leaves English and unknown messages as the server wrote them', () => {
    expect(translateServerText(de, 'Contact 12 is not a contact of account K7.')).toBe(
      'Kontakt 12 gehört nicht zum Account K7.',
    );
    expect(translateServerText(de, 'Too big: expected string to have <=200 characters')).toBe(
      'höchstens 200 Zeichen',
    );
    expect(translateServerText(en, 'Contact 12 is not a contact of account K7.')).toBe(
      'Contact 12 is not a contact of account K7.',
    );
    expect(translateServerText(de, 'Something new went wrong.')).toBe('Something new went wrong.');
  });
});
