import { z } from 'zod';
import { FIELDS } from './detect/index.js';

/** The fields of a sales line a file's columns can be mapped to (one list, kept with the header recognition). */
export const FIELD_NAMES = FIELDS;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2024-01-31');

export const importOptionsSchema = z
  .object({
    file: z.string().min(1),
    /** What to do when any row is bad: import nothing (abort) or import the good rows (skip). */
    onError: z.enum(['abort', 'skip']).default('abort'),
    /** Header overrides by field name, e.g. { amount: 'Net' }; an empty header leaves the field unmapped. */
    mapping: z.partialRecord(z.enum(FIELD_NAMES), z.string()).default({}),
    dateFormat: z.string().optional(),
    decimal: z.enum(['.', ',']).optional(),
    encoding: z.string().optional(),
    sheet: z.string().optional(),
    /** Replace every stored line in this date range by the file's lines (ERP corrections). */
    replacePeriod: z.object({ from: isoDate, to: isoDate }).optional(),
    /** Exchange rates to the workspace currency: currency code → rate. */
    rates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()).optional(),
    /** Where to write the rejects CSV; defaults to the data directory. */
    rejectsFile: z.string().optional(),
  })
  .strict();

export type ImportOptions = z.input<typeof importOptionsSchema>;
export type ResolvedImportOptions = z.output<typeof importOptionsSchema>;

export interface RejectedRow {
  line: number;
  column: string;
  value: string | null;
  reason: string;
}

export interface ImportSummary {
  importId: number | null;
  file: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  dateFormat: string | null;
  decimal: string | null;
  mapping: { field: string; header: string }[];
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  duplicatesSkipped: number;
  linesReplaced: number;
  customers: number;
  accountsCreated: number;
  accountsUpdated: number;
  dateRange: { from: string; to: string } | null;
  totalAmount: string;
  currency: string | null;
  committed: boolean;
  rejects: RejectedRow[];
  rejectsFile: string | null;
  warnings: string[];
}

export type ImportProgress = (phase: 'reading' | 'checking' | 'saving', fraction: number) => void;
