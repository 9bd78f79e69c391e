import { FIELDS as SERVER_FIELDS } from '../../../src/import/detect/fields.js';
import type { ImportPreview } from '../api/types';

export type Field = ImportPreview['unmapped'][number];
export type RequiredField = ImportPreview['missing'][number];

/**
 * The fields in the order the server lists them (the same order as `kontor import sales --map`): the
 * server's own list, a plain constant module, so the two can never disagree.
 */
export const FIELDS: readonly Field[] = SERVER_FIELDS;

/**
 * The mapping editor's state: which field each column of the file becomes (null: not imported), next
 * to what the server recognised on its own, so only the user's changes are sent as `map` pairs.
 */
export interface MappingDraft {
  headers: string[];
  recognized: Partial<Record<Field, number>>;
  columns: (Field | null)[];
}

export function draftFromPreview(preview: ImportPreview): MappingDraft {
  const columns: (Field | null)[] = preview.headers.map(() => null);
  for (const { field, column } of preview.mapping) columns[column] = field;
  return { headers: preview.headers, recognized: preview.recognized, columns };
}

/** The mapping recognition made on its own, before any choice. */
export function resetDraft(draft: MappingDraft): MappingDraft {
  const columns: (Field | null)[] = draft.headers.map(() => null);
  for (const [field, column] of Object.entries(draft.recognized)) columns[column] = field as Field;
  return { ...draft, columns };
}

/** One field per column and one column per field: giving a field to a column takes it from any other. */
export function assignField(draft: MappingDraft, column: number, field: Field | null): MappingDraft {
  const columns = draft.columns.map((current, index) => {
    if (index === column) return field;
    return field !== null && current === field ? null : current;
  });
  return { ...draft, columns };
}

/** `field=Header` for every field placed differently from recognition; `field=` for one taken away. */
export function mapPairs(draft: MappingDraft): string[] {
  const pairs: string[] = [];
  for (const field of FIELDS) {
    const now = draft.columns.indexOf(field);
    const auto = draft.recognized[field];
    if (now === (auto ?? -1)) continue;
    pairs.push(now >= 0 ? `${field}=${draft.headers[now]}` : `${field}=`);
  }
  return pairs;
}

/** As the import requires: customer id, date, and an amount or both quantity and unit price. */
export function missingFields(draft: MappingDraft): RequiredField[] {
  const has = (field: Field) => draft.columns.includes(field);
  const missing: RequiredField[] = [];
  if (!has('customer_id')) missing.push('customer_id');
  if (!has('date')) missing.push('date');
  if (!has('amount') && !(has('quantity') && has('unit_price'))) missing.push('amount');
  return missing;
}

/** Whether the preview answers for this file layout (a new encoding or sheet can change the headers). */
export function sameHeaders(draft: MappingDraft | null, preview: ImportPreview): boolean {
  return (
    draft !== null &&
    draft.headers.length === preview.headers.length &&
    draft.headers.every((header, i) => header === preview.headers[i])
  );
}

/**
 * A `map` pair names its column by header: a column without a header, or with the name of an earlier
 * column, cannot be named (the import would take the earlier one), so it cannot be chosen here.
 */
export function canChoose(headers: string[], column: number): boolean {
  const name = headers[column]?.trim().toLowerCase() ?? '';
  return name !== '' && headers.findIndex((header) => header.trim().toLowerCase() === name) === column;
}
