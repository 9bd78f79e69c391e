import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 1997-09-30');

export const potentialOptionsSchema = z
  .object({
    calibrationEnd: isoDate.optional(),
    holdoutEnd: isoDate.optional(),
    unit: z.enum(['day', 'week']).default('week'),
    /** In units; default 52 weeks or 365 days. */
    horizon: z.number().positive().optional(),
    model: z.enum(['bgnbd', 'pnbd']).default('bgnbd'),
    publish: z.boolean().default(true),
  })
  .strict()
  .refine((o) => !(o.holdoutEnd && !o.calibrationEnd), {
    message: '--holdout-end needs --calibration-end (the holdout starts the day after it)',
  })
  .refine((o) => !(o.holdoutEnd && o.calibrationEnd && o.holdoutEnd <= o.calibrationEnd), {
    message: '--holdout-end must be after --calibration-end',
  });

export type PotentialOptions = z.input<typeof potentialOptionsSchema>;

export interface AccountPotential {
  id: string;
  x: number;
  tx: number;
  T: number;
  zbar: number;
  expectedTransactions: number;
  probabilityAlive: number;
  expectedSpend: number;
  expectedRevenue: number;
  predicted12mRevenue: number;
  clv: number;
}

export interface FrequencyRow {
  /** Calibration repeat purchases; the last row is "7 or more". */
  frequency: string;
  customers: number;
  actual: number;
  predicted: number;
}

export interface PotentialValidation {
  holdoutEnd: string;
  holdoutLength: number;
  actualRepeatTransactions: number;
  predictedRepeatTransactions: number;
  /** (predicted − actual) / actual over all customers. */
  totalError: number | null;
  /** Per customer, holdout repeat transactions: mean absolute error and root mean squared error. */
  mae: number;
  rmse: number;
  byFrequency: FrequencyRow[];
  /** Cumulative repeat transactions per unit since the first day in the data: actual against expected. */
  cumulative: { unit: number; actual: number; expected: number }[];
}

/** The documented JSON of `kontor potential --json` (docs/potential-json.md). */
export interface PotentialReport {
  version: 1;
  calibration: { from: string; end: string; unit: 'day' | 'week'; horizon: number };
  model: {
    name: 'bgnbd' | 'pnbd';
    params: Record<string, number>;
    logLikelihood: number;
    iterations: number;
    converged: boolean;
  };
  spend: {
    params: { p: number; q: number; gamma: number };
    logLikelihood: number;
    frequencySpendCorrelation: number | null;
    excludedNonPositiveSpend: number;
  };
  customers: number;
  repeatCustomers: number;
  totals: { expectedTransactions: number; expectedRevenue: number; predicted12mRevenue: number; clv: number };
  validation: PotentialValidation | null;
  runId: number | null;
  accounts: AccountPotential[];
}
