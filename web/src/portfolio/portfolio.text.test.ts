import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { makeFormat } from '../i18n/format';
import * as messages from './portfolio.messages';
import { headline, type PortfolioT, type Summary, settingPercent, warningText } from './portfolio.text';

function translator(language: 'en' | 'de'): PortfolioT {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    resources: { en: { portfolio: messages.en }, de: { portfolio: messages.de } },
    ns: ['portfolio'],
    defaultNS: 'portfolio',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.getFixedT(language, 'portfolio') as PortfolioT;
}

// German percent signs follow a no-break space; the expectations are written with plain spaces.
const plain = (text: string) => text.replace(/\u00a0/g, ' ');
const en = { t: translator('en'), format: makeFormat('en-US', 'EUR') };
const de = { t: translator('de'), format: makeFormat('de-DE', 'EUR') };

// The README's example: 4,000 customers, the top 1,000 bring 81.5%; 1,312 make up 80%.
const concentration = {
  positiveCustomers: 4000,
  topShare: 0.25,
  top25Count: 1000,
  top25Share: 0.815,
  reachShare: 0.8,
  customersTo80: 1312,
  customersTo80Share: 0.328,
};
const report = (by: 'revenue' | 'margin', overrides: Record<string, number> = {}) =>
  ({ by, concentration: { ...concentration, ...overrides } }) as unknown as Summary;

describe('headline (METHOD P1 in words)', () => {
  it('says it as the CLI does, in English', () => {
    expect(headline(report('revenue'), en.t, en.format)).toBe(
      'The top 25% of customers (1,000) bring 81.5% of revenue; 1,312 customers (32.8%) make up 80%.',
    );
  });

  it('says it in German with German numbers', () => {
    expect(plain(headline(report('revenue'), de.t, de.format))).toBe(
      'Die oberen 25 % der Kunden (1.000) bringen 81,5 % des Umsatzes; 1.312 Kunden (32,8 %) machen zusammen 80 % aus.',
    );
  });

  it('follows the thresholds of the settings and the value ranked on', () => {
    const text = headline(
      report('margin', { topShare: 0.125, reachShare: 0.9, customersTo80: 1, customersTo80Share: 0.5 }),
      en.t,
      en.format,
    );
    expect(text).toBe(
      'The top 12.5% of customers (1,000) bring 81.5% of gross margin; 1 customer (50.0%) makes up 90%.',
    );
  });

  it('has a sentence for a period in which no customer has a positive total', () => {
    const empty = report('margin', { positiveCustomers: 0 });
    expect(headline(empty, en.t, en.format)).toBe('No customer has a positive gross margin in this period.');
    expect(headline(empty, de.t, de.format)).toBe(
      'Kein Kunde hat in diesem Zeitraum einen positiven Rohertrag.',
    );
  });
});

describe('warnings (METHOD P4) and setting shares', () => {
  const warning = (code: string, figures: Record<string, number | boolean>) =>
    ({ code, severity: 'high', message: 'server text', figures }) as Summary['warnings'][number];

  it('writes each warning from its figures, in the language of the user', () => {
    const largest = warning('largest_customer_dependence', { largestShare: 0.1234, limit: 0.1 });
    expect(plain(warningText(largest, 'revenue', de.t, de.format))).toBe(
      'Ihr größter Kunde bringt 12,3 % des Umsatzes, mehr als die Grenze von 10 %. Der Verlust dieses einen Kunden würde auf einen Schlag 12,3 % des Umsatzes kosten.',
    );
    const few = warning('few_customers_make_80', { customersTo80: 3, reachShare: 0.8, limit: 10 });
    expect(warningText(few, 'margin', en.t, en.format)).toBe(
      'Only 3 customers make up 80% of gross margin (fewer than 10). The business depends on very few customers; widen the base.',
    );
    const none = warning('no_prioritisation', {
      customers: 1200,
      abcPolicyInUse: false,
      serviceLevelsDiffer: false,
      limit: 50,
    });
    expect(warningText(none, 'revenue', en.t, en.format)).toBe(
      'You have 1,200 customers, but no A/B/C policy is in use and every customer gets the same service level. Decide which customers matter most and serve them differently.',
    );
  });

  it('keeps the server’s message for a warning it does not know', () => {
    expect(warningText(warning('something_new', {}), 'revenue', en.t, en.format)).toBe('server text');
  });

  it('shows setting shares without needless decimals', () => {
    expect([0.25, 0.125, 0.8, 1].map((s) => settingPercent(en.format, s))).toEqual([
      '25%',
      '12.5%',
      '80%',
      '100%',
    ]);
  });
});
