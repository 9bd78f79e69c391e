import { z } from 'zod';
import { DATE_FORMATS, FIELDS } from './detect/index.js';

/** Why a value or line will be refused (`reason` is the import's own wording), or why it is not settled yet. */
export const PREVIEW_PROBLEMS = [
  'empty',
  'not_a_number',
  'not_a_date',
  'ambiguous_date',
  'field_count',
  'duplicate_line',
] as const;

const field = z.enum(FIELDS);
const problem = z.object({ code: z.enum(PREVIEW_PROBLEMS), reason: z.string() }).strict();

const cell = z
  .object({
    /** The cell as written in the file (trimmed); null when empty or computed. */
    text: z.string().nullable(),
    /** As Kontor will store it: ISO date, canonical decimal ("-1234.5"), trimmed text; null when unreadable. */
    value: z.string().nullable(),
    problem: problem.nullable(),
    /** Ambiguous dates: how each candidate format would read the cell. */
    readings: z.array(z.string().nullable()).optional(),
  })
  .strict();

const row = z
  .object({
    /** The line in the file (sheet row for XLSX), as the rejects list counts it. */
    line: z.number().int(),
    cells: z.partialRecord(field, cell),
    /** A problem with the whole line (its number of fields). */
    problem: problem.nullable(),
  })
  .strict();

export const importPreviewSchema = z
  .object({
    fileName: z.string(),
    format: z.enum(['delimited', 'whitespace', 'xlsx', 'parquet']),
    /** null for XLSX and Parquet, which carry no text encoding. */
    encoding: z.object({ value: z.string(), chosen: z.boolean() }).strict().nullable(),
    delimiter: z.string().nullable(),
    sheets: z.array(z.string()).nullable(),
    headers: z.array(z.string()),
    /** Per column, its first non-empty value in the sample: what an unmapped column holds. */
    examples: z.array(z.string().nullable()),
    /** The mapping the import will use (header → field), in column order. */
    mapping: z.array(
      z
        .object({
          field,
          column: z.number().int(),
          header: z.string(),
          via: z.enum(['synonym', 'keyword', 'chosen']),
        })
        .strict(),
    ),
    /** What recognition alone would map (field → column), so a client can send only the changes. */
    recognized: z.partialRecord(field, z.number().int()),
    unmapped: z.array(field),
    missing: z.array(z.enum(['customer_id', 'date', 'amount'])),
    decimal: z.object({ value: z.enum(['.', ',']), chosen: z.boolean() }).strict(),
    date: z
      .object({
        status: z.enum(['detected', 'chosen', 'ambiguous', 'unknown', 'no_column', 'no_rows']),
        format: z.enum(DATE_FORMATS).nullable(),
        /** ambiguous: the formats that all fit the sampled dates. */
        candidates: z.array(z.enum(DATE_FORMATS)),
        /** ambiguous and unknown: what the import would say. */
        message: z.string().nullable(),
      })
      .strict(),
    /** How many rows the sample holds, and how many of them the import would refuse. */
    sampleRows: z.number().int(),
    rowsWithProblems: z.number().int(),
    /** The first rows of the sample, then further rows with a problem. */
    rows: z.array(row),
    flagged: z.array(row),
    /** mixed_currencies: `values` are the currencies seen. */
    warnings: z.array(
      z
        .object({ code: z.enum(['mixed_currencies']), message: z.string(), values: z.array(z.string()) })
        .strict(),
    ),
  })
  .strict();

export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type PreviewRow = z.infer<typeof row>;
export type PreviewCell = z.infer<typeof cell>;
export type PreviewProblem = z.infer<typeof problem>;
