import { describe, expect, it } from 'vitest';
import { setupI18n } from '../i18n/i18n';
import { fileSize, jobErrorText, translateReason } from './imports.text';

// The reasons exactly as the import writes them (src/import/reasons.ts).
const REASONS = [
  'the customer id is empty',
  'the unit price is empty',
  'not a number',
  'not a valid date in the format DD.MM.YYYY (e.g. 31.01.2024)',
  'not a valid date in the format DD/MM/YYYY, day first (e.g. 31/01/2024)',
  'the line has 6 fields where the header has 5',
  'document R0 line 1 appears more than once in the file',
  'the line cannot be read: Value with unterminated quote',
  'something the import may say one day',
];

describe('the import’s reasons in the user’s language', () => {
  it('reads them in German', () => {
    const t = setupI18n('de').getFixedT('de', 'imports');
    expect(REASONS.map((reason) => translateReason(t, reason))).toEqual([
      'Kundennummer fehlt',
      'Einzelpreis fehlt',
      'keine Zahl',
      'kein gültiges Datum im Format TT.MM.JJJJ (31.01.2024)',
      'kein gültiges Datum im Format TT/MM/JJJJ, Tag zuerst (31/01/2024)',
      'die Zeile hat 6 Felder, die Kopfzeile 5',
      'Beleg R0 Position 1 kommt in der Datei mehrfach vor',
      'die Zeile ist nicht lesbar: Value with unterminated quote',
      'something the import may say one day',
    ]);
    expect(jobErrorText(t, { code: 'ambiguous_date_format', message: 'x' })).toMatch(/^Jedes Datum/);
    expect(jobErrorText(t, { code: 'mixed_currencies', message: 'The file mixes currencies' })).toBe(
      'The file mixes currencies',
    );
  });

  it('keeps their meaning in English', () => {
    const t = setupI18n('en').getFixedT('en', 'imports');
    expect(translateReason(t, 'the customer id is empty')).toBe('Customer ID is empty');
    expect(translateReason(t, 'not a valid date in the format YYYY-MM-DD (e.g. 2024-01-31)')).toBe(
      'not a valid date in the format YYYY-MM-DD (2024-01-31)',
    );
    expect(fileSize(15_412, 'en-US')).toBe('15.1 kB');
    expect(fileSize(10_920_269, 'de-DE')).toBe('10,4 MB');
  });
});
