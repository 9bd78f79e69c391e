import type { Kysely, Updateable } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import { contactIdsOfAccount } from '../contacts/contact.repository.js';
import { requireAccount } from '../contacts/contact.service.js';
import type { ActivityTable, Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { requireAccountWrite } from '../server/authorize.js';
import type { Actor } from '../server/env.js';
import {
  deleteActivityRow,
  findActivity,
  insertActivity,
  listActivities,
  replaceActivityContacts,
  updateActivityRow,
} from './activity.repository.js';
import type { Activity, ActivityCreate, ActivityListQuery, ActivityUpdate } from './activity.schema.js';

export async function accountActivities(
  db: Kysely<Database>,
  accountId: string,
  query: ActivityListQuery,
): Promise<{ items: Activity[]; page: number; size: number; total: number }> {
  await requireAccount(db, accountId);
  const { items, total } = await listActivities(db, accountId, query);
  return { items, page: query.page, size: query.size, total };
}

export async function getActivity(db: Kysely<Database>, accountId: string, id: number): Promise<Activity> {
  await requireAccount(db, accountId);
  const activity = await findActivity(db, accountId, id);
  if (!activity) throw new KontorError('not_found', `Account ${accountId} has no activity ${id}.`);
  return activity;
}

/**
 * METHOD G2 (contact cadence) and P2 (effort against return) read these entries: the activity is
 * logged by, and counted for, the caller; the people met must be contacts of the same account.
 */
export async function createActivity(
  db: Kysely<Database>,
  actor: Actor | null,
  accountId: string,
  input: ActivityCreate,
  now = new Date().toISOString(),
): Promise<Activity> {
  await requireAccount(db, accountId);
  const caller = await requireAccountWrite(db, actor, accountId);
  const contactIds = await checkContacts(db, accountId, input.contactIds ?? []);
  const after = await insertActivity(
    db,
    {
      account_id: accountId,
      type: input.type,
      date: input.date,
      duration_minutes: input.durationMinutes,
      user_id: caller.user.id,
      notes: input.notes ?? '',
      created_at: now,
      updated_at: now,
    },
    contactIds,
  );
  await recordAudit(
    db,
    caller,
    { entity: 'activity', entityId: String(after.id), action: 'create', before: null, after },
    now,
  );
  return after;
}

export async function updateActivity(
  db: Kysely<Database>,
  actor: Actor | null,
  accountId: string,
  id: number,
  input: ActivityUpdate,
  now = new Date().toISOString(),
): Promise<Activity> {
  // Authorization first: a caller who may not write learns nothing about what exists.
  const caller = await requireAccountWrite(db, actor, accountId);
  const before = await getActivity(db, accountId, id);
  const stale = () =>
    new KontorError('conflict', 'Someone else changed this activity; reload it and make your change again.', [
      {
        field: 'version',
        message: `you sent version ${input.version}, the activity is at ${before.version}`,
      },
    ]);
  if (input.version !== before.version) throw stale();
  const changes: Updateable<ActivityTable> = { updated_at: now };
  if (input.type !== undefined) changes.type = input.type;
  if (input.date !== undefined) changes.date = input.date;
  if (input.durationMinutes !== undefined) changes.duration_minutes = input.durationMinutes;
  if (input.notes !== undefined) changes.notes = input.notes;
  // The version condition catches a writer that slipped in between the read above and this update.
  if (!(await updateActivityRow(db, id, input.version, changes))) throw stale();
  if (input.contactIds !== undefined)
    await replaceActivityContacts(db, id, await checkContacts(db, accountId, input.contactIds));
  const after = (await findActivity(db, accountId, id))!;
  await recordAudit(
    db,
    caller,
    { entity: 'activity', entityId: String(id), action: 'update', before, after },
    now,
  );
  return after;
}

export async function deleteActivity(
  db: Kysely<Database>,
  actor: Actor | null,
  accountId: string,
  id: number,
  now = new Date().toISOString(),
): Promise<void> {
  // Authorization first: a caller who may not write learns nothing about what exists.
  const caller = await requireAccountWrite(db, actor, accountId);
  const before = await getActivity(db, accountId, id);
  await deleteActivityRow(db, id);
  await recordAudit(
    db,
    caller,
    { entity: 'activity', entityId: String(id), action: 'delete', before, after: null },
    now,
  );
}

/** The distinct ids, each a contact of this account: naming another account's contact is refused. */
async function checkContacts(db: Kysely<Database>, accountId: string, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const known = await contactIdsOfAccount(db, accountId, unique);
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const message = `Account ${accountId} has no contact ${unknown.join(', ')}.`;
    throw new KontorError('validation', message, [{ field: 'contactIds', message }]);
  }
  return unique;
}
