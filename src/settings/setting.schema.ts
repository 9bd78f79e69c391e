import { z } from 'zod';
import { DEFAULT_PORTFOLIO_SETTINGS as P } from '../core/portfolio/index.js';

// Messages are what the web app shows beside the field, so they say what is allowed in plain words.
const share = z.number('must be a number').gt(0, 'must be more than 0%').lte(1, 'must be at most 100%');
const count = (min = 0) =>
  z
    .number('must be a number')
    .int('must be a whole number')
    .min(min, min === 0 ? 'must not be negative' : `must be at least ${min}`);

/**
 * Every number of the method is a default here and a workspace setting a user can change
 * (METHOD preamble). Sections are stored one row each so a change touches only its own section.
 */
export const settingsSchema = z
  .object({
    /** Workspace currency: amounts are reported in it; other currencies need a rate table. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as EUR')
      .default('EUR'),
    /** METHOD P1: the analysis window, in months ending at the latest sale. */
    analysisWindowMonths: count(1).max(120, 'must be at most 120').default(12),
    /** METHOD P2/P5: cost of one hour of selling time, in the workspace currency. */
    hourlyCost: z.number('must be a number').min(0, 'must not be negative').default(0),
    fiscalYearStartMonth: count(1).max(12, 'must be a month from 1 to 12').default(1),
    concentration: z
      .object({
        topShare: share.default(P.concentration.topShare),
        reachShare: share.default(P.concentration.reachShare),
        topCustomersCount: count(1).default(P.concentration.topCustomersCount),
        lorenzPoints: count(2).default(P.concentration.lorenzPoints),
      })
      .strict()
      .prefault({}),
    abc: z
      .object({ aThreshold: share.default(P.abc.aThreshold), bThreshold: share.default(P.abc.bThreshold) })
      .strict()
      .refine((abc) => abc.bThreshold >= abc.aThreshold, {
        message: 'the B threshold must not be below the A threshold',
        path: ['bThreshold'],
      })
      .prefault({}),
    warnings: z
      .object({
        largestCustomerMaxShare: share.default(P.warnings.largestCustomerMaxShare),
        top5MaxShare: share.default(P.warnings.top5MaxShare),
        minCustomersTo80: count().default(P.warnings.minCustomersTo80),
        prioritisationMinCustomers: count().default(P.warnings.prioritisationMinCustomers),
      })
      .strict()
      .prefault({}),
    greenCircle: z
      .object({
        revenueTopShare: share.default(P.greenCircle.revenueTopShare),
        marginTopShare: share.default(P.greenCircle.marginTopShare),
      })
      .strict()
      .prefault({}),
    /** METHOD G2: contact cadence in days. */
    cadence: z
      .object({
        greenMaxDays: count(1).default(30),
        transactionalMinDays: count(1).default(60),
        transactionalMaxDays: count(1).default(90),
      })
      .strict()
      .refine((cadence) => cadence.transactionalMaxDays >= cadence.transactionalMinDays, {
        message: 'the longest gap must not be shorter than the shortest',
        path: ['transactionalMaxDays'],
      })
      .prefault({}),
    /** METHOD G4: known contacts a Green Circle account needs. */
    contactCoverage: z
      .object({ min: count(1).default(4), max: count(1).default(11) })
      .strict()
      .refine((coverage) => coverage.max >= coverage.min, {
        message: 'the maximum must not be below the minimum',
        path: ['max'],
      })
      .prefault({}),
    /** METHOD T1/T2: time share = factor × revenue share. */
    timeAllocation: z
      .object({ existingFactor: share.default(0.5), newFactor: share.default(0.75) })
      .strict()
      .prefault({}),
    /** Customer potential: share of an account's wallet we can realistically win, CLV discounting. */
    potential: z
      .object({
        achievableShare: share.default(0.5),
        horizonWeeks: count(1).default(52),
        annualDiscountRate: z
          .number('must be a number')
          .min(0, 'must not be negative')
          .max(1, 'must be at most 100%')
          .default(0.1),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsSection = keyof Settings;
export const SETTINGS_SECTIONS = Object.keys(settingsSchema.shape) as [SettingsSection, ...SettingsSection[]];

/** Optimistic concurrency: the version of every section (0 = never changed from the defaults). */
export const settingsVersionsSchema = z.record(z.enum(SETTINGS_SECTIONS), z.number().int().min(0));
export type SettingsVersions = z.infer<typeof settingsVersionsSchema>;

/**
 * What GET and PATCH /settings answer: the settings themselves (so readers that only want a value,
 * such as the currency, need nothing else), the version of each section for the next PATCH, and the
 * method's defaults so a form can say what each number would be out of the box.
 */
export const settingsDocumentSchema = settingsSchema.extend({
  versions: settingsVersionsSchema,
  defaults: settingsSchema,
});
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;
