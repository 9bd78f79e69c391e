import type { Insertable, Kysely, Selectable } from 'kysely';
import { writeInBulk } from '../db/bulk-indexes.js';
import { insertRows, type RowSource } from '../db/insert-rows.js';
import type { AccountTable, Database } from '../db/schema.js';
import { type Account, IMPORTED_FIELDS, type ImportedAccount, type ImportedField } from './account.schema.js';

/** Accounts per round trip; SQLite allows 32,766 bound parameters, PostgreSQL 65,535. */
const BATCH = 2_000;

export async function findAccount(db: Kysely<Database>, id: string): Promise<Account | null> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function listAccountIds(
  db: Kysely<Database>,
  filter: { segment?: string | undefined; region?: string | undefined; owner?: string | undefined },
): Promise<string[]> {
  let query = db.selectFrom('accounts').select('id');
  if (filter.segment) query = query.where('segment', '=', filter.segment);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.owner) query = query.where('owner', '=', filter.owner);
  return (await query.execute()).map((row) => row.id);
}

export interface ManualOverrides {
  manualClass: Map<string, { class: 'A' | 'B' | 'C'; reason: string }>;
  manualTier: Map<string, { tier: 'green' | 'transactional'; reason: string }>;
  names: Map<string, string>;
}

export async function loadOverridesAndNames(db: Kysely<Database>): Promise<ManualOverrides> {
  // Names of every account, but overrides only where set: a row object per account with four null
  // columns cost as much again as the names themselves (100,000 accounts).
  const names = await db.selectFrom('accounts').select(['id', 'name']).execute();
  const overridden = await db
    .selectFrom('accounts')
    .select(['id', 'manual_class', 'manual_class_reason', 'manual_tier', 'manual_tier_reason'])
    .where((eb) => eb.or([eb('manual_class', 'is not', null), eb('manual_tier', 'is not', null)]))
    .execute();
  const result: ManualOverrides = { manualClass: new Map(), manualTier: new Map(), names: new Map() };
  for (const row of names) result.names.set(row.id, row.name);
  for (const row of overridden) {
    if (row.manual_class)
      result.manualClass.set(row.id, { class: row.manual_class, reason: row.manual_class_reason ?? '' });
    if (row.manual_tier)
      result.manualTier.set(row.id, { tier: row.manual_tier, reason: row.manual_tier_reason ?? '' });
  }
  return result;
}

/**
 * Creates accounts first seen in sales data and refreshes imported attributes of known ones, except the
 * fields a person edited (recorded in edited_fields). Returns how many were created and updated.
 */
export async function upsertImportedAccounts(
  db: Kysely<Database>,
  accounts: ImportedAccount[],
  now: string,
): Promise<{ created: number; updated: number }> {
  let updated = 0;
  const stored = Number(
    (await db.selectFrom('accounts').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
  );
  // Into an empty table (a first import) every account is new: no lookups of 100,000 ids.
  const fresh: ImportedAccount[] = stored === 0 ? [...accounts] : [];
  for (let start = 0; stored > 0 && start < accounts.length; start += BATCH) {
    const batch = accounts.slice(start, start + BATCH);
    const existing = await db
      .selectFrom('accounts')
      .select(['id', 'name', 'segment', 'region', 'owner', 'edited_fields', 'version'])
      .where(
        'id',
        'in',
        batch.map((a) => a.id),
      )
      .execute();
    const known = new Map(existing.map((row) => [row.id, row]));
    for (const account of batch) {
      const row = known.get(account.id);
      if (!row) {
        fresh.push(account);
        continue;
      }
      const edited = new Set(JSON.parse(row.edited_fields) as ImportedField[]);
      const changes: Partial<Record<ImportedField, string>> = {};
      for (const field of IMPORTED_FIELDS) {
        const value = account[field];
        if (value !== null && value !== row[field] && !edited.has(field)) changes[field] = value;
      }
      if (Object.keys(changes).length === 0) continue;
      await db
        .updateTable('accounts')
        .set({ ...changes, updated_at: now, version: row.version + 1 })
        .where('id', '=', account.id)
        .execute();
      updated += 1;
    }
  }
  if (fresh.length > 0) {
    await writeInBulk(db, 'accounts', { added: fresh.length, stored }, () =>
      insertRows(db, 'accounts', NEW_ACCOUNT_COLUMNS, newAccountRows(fresh, now)),
    );
  }
  return { created: fresh.length, updated };
}

export const NEW_ACCOUNT_COLUMNS = [
  'id',
  'name',
  'segment',
  'region',
  'owner',
  'attributes',
  'edited_fields',
  'created_at',
  'updated_at',
] as const;

/** Accounts first seen in sales data, as rows made one at a time: named by their id when nameless. */
export function newAccountRows(
  accounts: ImportedAccount[],
  now: string,
): RowSource<Insertable<AccountTable>> {
  return {
    length: accounts.length,
    at: (index) => {
      const a = accounts[index]!;
      return {
        id: a.id,
        name: a.name ?? a.id,
        segment: a.segment,
        region: a.region,
        owner: a.owner,
        attributes: '{}',
        edited_fields: '[]',
        created_at: now,
        updated_at: now,
      };
    },
  };
}

export async function updateAccount(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<Selectable<AccountTable>, 'id' | 'version' | 'created_at'>>,
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('accounts')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  // Optimistic concurrency: the update only lands on the version the caller saw.
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function toAccount(row: Selectable<AccountTable>): Account {
  return {
    id: row.id,
    name: row.name,
    segment: row.segment,
    region: row.region,
    owner: row.owner,
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
    editedFields: JSON.parse(row.edited_fields) as ImportedField[],
    manualClass: row.manual_class
      ? {
          class: row.manual_class,
          reason: row.manual_class_reason ?? '',
          by: row.manual_class_by,
          at: row.manual_class_at,
        }
      : null,
    manualTier: row.manual_tier
      ? {
          tier: row.manual_tier,
          reason: row.manual_tier_reason ?? '',
          by: row.manual_tier_by,
          at: row.manual_tier_at,
        }
      : null,
    wallet: row.wallet === null ? null : String(row.wallet),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
