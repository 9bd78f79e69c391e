import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ContactTable, Database } from '../db/schema.js';
import type { Contact } from './contact.schema.js';

export async function listContacts(db: Kysely<Database>, accountId: string): Promise<Contact[]> {
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toContact);
}

export async function findContact(
  db: Kysely<Database>,
  accountId: string,
  id: number,
): Promise<Contact | null> {
  const row = await db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toContact(row) : null;
}

export async function insertContact(
  db: Kysely<Database>,
  values: Insertable<ContactTable>,
): Promise<Contact> {
  return toContact(await db.insertInto('contacts').values(values).returningAll().executeTakeFirstOrThrow());
}

/** Updates only if nobody changed the row since `version` was read; false when someone did. */
export async function updateContactRow(
  db: Kysely<Database>,
  id: number,
  version: number,
  changes: Updateable<ContactTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteContactRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

/** Who reports to whom in one account: an account has a handful of contacts, so one query is enough. */
export async function reportingLines(
  db: Kysely<Database>,
  accountId: string,
): Promise<Map<number, number | null>> {
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'reports_to'])
    .where('account_id', '=', accountId)
    .execute();
  return new Map(rows.map((row) => [row.id, row.reports_to]));
}

/** The ids among `ids` that are contacts of the account (activities may only name those). */
export async function contactIdsOfAccount(
  db: Kysely<Database>,
  accountId: string,
  ids: number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((row) => row.id));
}

function toContact(row: Selectable<ContactTable>): Contact {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    role: row.role,
    jobTitle: row.job_title,
    email: row.email,
    phone: row.phone,
    influence: row.influence,
    relationshipStrength: row.relationship_strength,
    reportsTo: row.reports_to,
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
