import { z } from 'zod';
import { DEFAULT_PORTFOLIO_SETTINGS as P } from '../core/portfolio/index.js';

const share = z.number().gt(0).lte(1);
const count = z.number().int().min(0);

/**
 * Every number of the method is a default here and a workspace setting a user can change
 * (METHOD preamble). Sections are stored one row each so a change touches only its own section.
 */
export const settingsSchema = z
  .object({
    /** Workspace currency: amounts are reported in it; other currencies need a rate table. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('EUR'),
    /** METHOD P1: the analysis window, in months ending at the latest sale. */
    analysisWindowMonths: z.number().int().min(1).max(120).default(12),
    /** METHOD P2/P5: cost of one hour of selling time, in the workspace currency. */
    hourlyCost: z.number().min(0).default(0),
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
    concentration: z
      .object({
        topShare: share.default(P.concentration.topShare),
        reachShare: share.default(P.concentration.reachShare),
        topCustomersCount: count.min(1).default(P.concentration.topCustomersCount),
        lorenzPoints: count.min(2).default(P.concentration.lorenzPoints),
      })
      .strict()
      .prefault({}),
    abc: z
      .object({ aThreshold: share.default(P.abc.aThreshold), bThreshold: share.default(P.abc.bThreshold) })
      .strict()
      .refine((abc) => abc.bThreshold >= abc.aThreshold, 'the B threshold must not be below the A threshold')
      .prefault({}),
    warnings: z
      .object({
        largestCustomerMaxShare: share.default(P.warnings.largestCustomerMaxShare),
        top5MaxShare: share.default(P.warnings.top5MaxShare),
        minCustomersTo80: count.default(P.warnings.minCustomersTo80),
        prioritisationMinCustomers: count.default(P.warnings.prioritisationMinCustomers),
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
        greenMaxDays: count.min(1).default(30),
        transactionalMinDays: count.min(1).default(60),
        transactionalMaxDays: count.min(1).default(90),
      })
      .strict()
      .prefault({}),
    /** METHOD G4: known contacts a Green Circle account needs. */
    contactCoverage: z
      .object({ min: count.min(1).default(4), max: count.min(1).default(11) })
      .strict()
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
        horizonWeeks: count.min(1).default(52),
        annualDiscountRate: z.number().min(0).max(1).default(0.1),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsSection = keyof Settings;
export const SETTINGS_SECTIONS = Object.keys(settingsSchema.shape) as SettingsSection[];
