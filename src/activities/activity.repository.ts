import type { ExpressionBuilder, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ActivityTable, Database } from '../db/schema.js';
import type { Activity, ActivityListQuery } from './activity.schema.js';

/** Newest first (by day, then by entry), one page, with the total for the pager. */
export async function listActivities(
  db: Kysely<Database>,
  accountId: string,
  query: ActivityListQuery,
): Promise<{ items: Activity[]; total: number }> {
  const base = db.selectFrom('activities').where('account_id', '=', accountId);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('activities')
    .select(userName)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(query.size)
    .offset((query.page - 1) * query.size)
    .execute();
  return { items: await withContacts(db, rows), total: Number(total) };
}

export async function findActivity(
  db: Kysely<Database>,
  accountId: string,
  id: number,
): Promise<Activity | null> {
  const row = await db
    .selectFrom('activities')
    .selectAll('activities')
    .select(userName)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? ((await withContacts(db, [row]))[0] ?? null) : null;
}

/** Inserts the activity and links its contacts; returns it as stored, without reading it back. */
export async function insertActivity(
  db: Kysely<Database>,
  values: Insertable<ActivityTable>,
  contactIds: number[],
): Promise<Activity> {
  const inserted = await db.insertInto('activities').values(values).returningAll().executeTakeFirstOrThrow();
  const row = { ...inserted, user_name: (await userNameOf(db, inserted.user_id)) ?? null };
  if (contactIds.length > 0) {
    await db
      .insertInto('activity_contacts')
      .values(contactIds.map((contactId) => ({ activity_id: row.id, contact_id: contactId })))
      .execute();
  }
  return toActivity(row, contactIds);
}

/** Updates only if nobody changed the row since `version` was read; false when someone did. */
export async function updateActivityRow(
  db: Kysely<Database>,
  id: number,
  version: number,
  changes: Updateable<ActivityTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('activities')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceActivityContacts(
  db: Kysely<Database>,
  activityId: number,
  contactIds: number[],
): Promise<void> {
  await db.deleteFrom('activity_contacts').where('activity_id', '=', activityId).execute();
  if (contactIds.length === 0) return;
  await db
    .insertInto('activity_contacts')
    .values(contactIds.map((contactId) => ({ activity_id: activityId, contact_id: contactId })))
    .execute();
}

export async function deleteActivityRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('activities').where('id', '=', id).execute();
}

type ActivityRow = Selectable<ActivityTable> & { user_name: string | null };

/** Who logged it, by name: the timeline shows it to people who are not on the account's team too. */
const userName = (eb: ExpressionBuilder<Database, 'activities'>) =>
  eb.selectFrom('users').select('users.name').whereRef('users.id', '=', 'activities.user_id').as('user_name');

async function userNameOf(db: Kysely<Database>, id: number) {
  return (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** One query for the contacts of a whole page, not one per activity. */
async function withContacts(db: Kysely<Database>, rows: ActivityRow[]): Promise<Activity[]> {
  const byActivity = new Map<number, number[]>(rows.map((row) => [row.id, []]));
  if (rows.length > 0) {
    const links = await db
      .selectFrom('activity_contacts')
      .select(['activity_id', 'contact_id'])
      .where('activity_id', 'in', [...byActivity.keys()])
      .orderBy('contact_id')
      .execute();
    for (const link of links) byActivity.get(link.activity_id)?.push(link.contact_id);
  }
  return rows.map((row) => toActivity(row, byActivity.get(row.id) ?? []));
}

function toActivity(row: ActivityRow, contactIds: number[]): Activity {
  return {
    id: row.id,
    accountId: row.account_id,
    type: row.type,
    date: row.date,
    durationMinutes: row.duration_minutes,
    userId: row.user_id,
    userName: row.user_name,
    contactIds,
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
