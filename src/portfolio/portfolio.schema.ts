import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2024-01-31');

export const analyzeOptionsSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    all: z.boolean().default(false),
    by: z.enum(['revenue', 'margin']).default('revenue'),
    segment: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    owner: z.string().min(1).optional(),
    /** Publish per-account metrics and a dated snapshot (only an unfiltered analysis is published). */
    publish: z.boolean().default(true),
  })
  .strict()
  .refine((o) => !(o.all && (o.from || o.to)), { message: '--all cannot be combined with --from or --to' })
  .refine((o) => !(o.from && o.to && o.from > o.to), { message: '--from must not be after --to' });

export type AnalyzeOptions = z.input<typeof analyzeOptionsSchema>;
export type ResolvedAnalyzeOptions = z.output<typeof analyzeOptionsSchema>;

export interface AnalysisWindow {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  quarterFrom: string;
  quarterYearAgoFrom: string;
  quarterYearAgoTo: string;
  /** Whether the data reaches back far enough for the comparison periods (METHOD G3). */
  hasPreviousWindow: boolean;
  hasQuarterYearAgo: boolean;
}

/** Per-account facts from the sales lines, beside what the method's rules need. */
export interface AccountActivity {
  id: string;
  revenue: string;
  cost: string | null;
  margin: string | null;
  orders: number;
  lines: number;
  firstPurchase: string;
  lastPurchase: string;
  activeMonths: number;
  previousRevenue: string | null;
  lastQuarterRevenue: string | null;
  sameQuarterLastYearRevenue: string | null;
}
