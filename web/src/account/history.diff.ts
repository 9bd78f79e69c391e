/**
 * What one audit entry changed, field by field, for people: nested objects (a class set by hand with
 * its reason) become one row per leaf, bookkeeping fields are left out, and fields appear in the order
 * a reader expects rather than the order JSON happened to have.
 */
export interface FieldChange {
  /** Dotted path, e.g. `manualClass.class`. */
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping: the version and timestamps change on every write, who and when show in the entry itself. */
const IGNORED = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'editedFields',
  'manualClass.by',
  'manualClass.at',
  'manualTier.by',
  'manualTier.at',
]);

const ORDER = [
  'name',
  'segment',
  'region',
  'owner',
  'manualClass.class',
  'manualClass.reason',
  'manualTier.tier',
  'manualTier.reason',
  'wallet',
];

export function historyChanges(before: unknown, after: unknown): FieldChange[] {
  const old = flatten(before);
  const now = flatten(after);
  const fields = [...new Set([...old.keys(), ...now.keys()])].filter((field) => !IGNORED.has(field));
  const rank = (field: string) => {
    const index = ORDER.indexOf(field);
    return index === -1 ? ORDER.length : index;
  };
  return fields
    .filter((field) => JSON.stringify(old.get(field) ?? null) !== JSON.stringify(now.get(field) ?? null))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((field) => ({ field, before: old.get(field) ?? null, after: now.get(field) ?? null }));
}

function flatten(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value === null || value === undefined) return into;
  if (typeof value !== 'object' || Array.isArray(value)) {
    if (prefix) into.set(prefix, value);
    return into;
  }
  for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  return into;
}
