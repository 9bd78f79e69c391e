import { type Field, isField } from './fields.js';
import { compactHeader, type FieldMapping } from './headers.js';

export class UnknownHeaderError extends Error {
  constructor(
    readonly field: Field,
    readonly header: string,
    readonly available: readonly string[],
  ) {
    super(`No column "${header}" for ${field}. Columns: ${available.map((h) => `"${h}"`).join(', ')}`);
    this.name = 'UnknownHeaderError';
  }
}

export class UnknownFieldError extends Error {
  constructor(readonly field: string) {
    super(`Unknown field "${field}"`);
    this.name = 'UnknownFieldError';
  }
}

function findHeader(headers: readonly string[], name: string): number {
  const wanted = name.trim().toLowerCase();
  const exact = headers.findIndex((header) => header.trim().toLowerCase() === wanted);
  if (exact >= 0) return exact;
  // Lets users type "kunden nr" for "Kunden-Nr." without shell quoting of punctuation.
  const compact = compactHeader(name);
  return compact === '' ? -1 : headers.findIndex((header) => compactHeader(header) === compact);
}

/**
 * Applies user choices (field → header name, case-insensitive) on top of the
 * recognised mapping. An empty header name unmaps the field. A recognised field
 * that pointed at a column the user assigned elsewhere is dropped, since one
 * column cannot mean two fields unless the user says so.
 */
export function applyOverrides(
  mapping: FieldMapping,
  headers: readonly string[],
  overrides: Partial<Record<Field, string>>,
): FieldMapping {
  const result: FieldMapping = { ...mapping };
  const overridden = new Set<Field>();
  for (const [field, header] of Object.entries(overrides)) {
    if (!isField(field)) throw new UnknownFieldError(field);
    if (header === undefined) continue;
    overridden.add(field);
    if (header.trim() === '') {
      delete result[field];
      continue;
    }
    const index = findHeader(headers, header);
    if (index < 0) throw new UnknownHeaderError(field, header, headers);
    for (const [other, column] of Object.entries(result)) {
      if (column === index && isField(other) && !overridden.has(other)) delete result[other];
    }
    result[field] = index;
  }
  return result;
}
