import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../src/settings/setting.schema';
import type { SettingsDocument } from '../api/types';
import { percentToShare, shareToPercent, toFormValues, toPatch, validate } from './settings.form';
import { GROUPS, type GroupId } from './settings.groups';

const group = (id: GroupId) => GROUPS.find((g) => g.id === id)!;

// The server's own defaults (a test may import server code; the app may not): the form must cover them.
const settings = settingsSchema.parse({});
const document = {
  ...settings,
  versions: Object.fromEntries(Object.keys(settings).map((key) => [key, 0])),
  defaults: settings,
} as SettingsDocument;

describe('percentages and shares', () => {
  it('converts both ways without floating-point noise', () => {
    expect(shareToPercent(0.8)).toBe(80);
    expect(shareToPercent(0.07)).toBe(7); // 0.07 * 100 is 7.000000000000001 in doubles
    expect(shareToPercent(0.125)).toBe(12.5);
    expect(percentToShare(7)).toBe(0.07);
    expect(percentToShare(12.5)).toBe(0.125);
    expect(percentToShare(33.33)).toBe(0.3333);
    for (const share of [0.01, 0.1, 0.15, 0.29, 0.57, 0.95, 1])
      expect(percentToShare(shareToPercent(share))).toBe(share);
  });

  it('shows shares as percentages in the form and leaves counts as they are', () => {
    expect(toFormValues(group('abc'), document)).toEqual({ 'abc.aThreshold': 80, 'abc.bThreshold': 95 });
    expect(toFormValues(group('workspace'), document)).toEqual({
      currency: 'EUR',
      fiscalYearStartMonth: 1,
      analysisWindowMonths: 12,
      hourlyCost: 0,
    });
  });
});

describe('the PATCH body of a section', () => {
  it('is null while nothing changed', () => {
    expect(toPatch(group('abc'), toFormValues(group('abc'), document), document)).toBeNull();
  });

  it('sends a changed section whole, as shares, with the version it was read at', () => {
    const values = { ...toFormValues(group('abc'), document), 'abc.aThreshold': 75 };
    expect(
      toPatch(group('abc'), values, { ...document, versions: { ...document.versions, abc: 4 } }),
    ).toEqual({
      versions: { abc: 4 },
      abc: { aThreshold: 0.75, bThreshold: 0.95 },
    });
  });

  it('sends only the top-level settings that changed, so others’ changes to the rest survive', () => {
    const values = { ...toFormValues(group('workspace'), document), hourlyCost: 85.5 };
    expect(toPatch(group('workspace'), values, document)).toEqual({
      versions: { hourlyCost: 0 },
      hourlyCost: 85.5,
    });
  });
});

describe('validation before sending', () => {
  it('asks for percentages above 0 and at most 100', () => {
    const abc = group('abc');
    expect(validate(abc, { 'abc.aThreshold': 0, 'abc.bThreshold': 101 })).toEqual({
      'abc.aThreshold': { key: 'errors.share' },
      'abc.bThreshold': { key: 'errors.share' },
    });
    expect(validate(abc, { 'abc.aThreshold': '', 'abc.bThreshold': 95 })).toEqual({
      'abc.aThreshold': { key: 'errors.required' },
    });
  });

  it('checks the rules between fields, on the field the server would name', () => {
    expect(validate(group('abc'), { 'abc.aThreshold': 90, 'abc.bThreshold': 85 })).toEqual({
      'abc.bThreshold': { key: 'errors.bNotBelowA', params: { min: 90 } },
    });
    const cadence = toFormValues(group('cadence'), document);
    expect(validate(group('cadence'), { ...cadence, 'cadence.transactionalMaxDays': 45 })).toEqual({
      'cadence.transactionalMaxDays': { key: 'errors.maxNotBelowMin', params: { min: 60 } },
    });
  });

  it('wants whole numbers within their range, a month and a currency code', () => {
    const workspace = group('workspace');
    expect(
      validate(workspace, {
        currency: 'eu',
        fiscalYearStartMonth: 13,
        analysisWindowMonths: 2.5,
        hourlyCost: -1,
      }),
    ).toEqual({
      currency: { key: 'errors.currency' },
      fiscalYearStartMonth: { key: 'errors.month' },
      analysisWindowMonths: { key: 'errors.whole' },
      hourlyCost: { key: 'errors.notNegative' },
    });
    expect(
      validate(workspace, {
        currency: 'SEK',
        fiscalYearStartMonth: 4,
        analysisWindowMonths: 121,
        hourlyCost: 0,
      }),
    ).toEqual({
      analysisWindowMonths: { key: 'errors.atMost', params: { max: 120 } },
    });
    expect(
      validate(group('potential'), {
        'potential.achievableShare': 50,
        'potential.horizonWeeks': 0,
        'potential.annualDiscountRate': 0,
      }),
    ).toEqual({
      'potential.horizonWeeks': { key: 'errors.atLeast', params: { min: 1 } },
    });
  });

  it('covers every setting of the server exactly once', () => {
    const paths = GROUPS.flatMap((g) => g.fields.map((f) => f.path)).sort();
    const expected = Object.entries(settings)
      .flatMap(([key, value]) =>
        typeof value === 'object' ? Object.keys(value).map((sub) => `${key}.${sub}`) : [key],
      )
      .sort();
    expect(paths).toEqual(expected);
  });
});
