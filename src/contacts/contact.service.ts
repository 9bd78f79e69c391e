import type { Kysely, Updateable } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import type { ContactTable, Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { requireAccountWrite } from '../server/authorize.js';
import type { Actor } from '../server/env.js';
import {
  deleteContactRow,
  findContact,
  insertContact,
  listContacts,
  reportingLines,
  updateContactRow,
} from './contact.repository.js';
import type { Contact, ContactCreate, ContactUpdate } from './contact.schema.js';

/** Every contact use case starts here: an unknown account is a 404, whatever the caller may do. */
export async function requireAccount(db: Kysely<Database>, accountId: string): Promise<void> {
  // Only whether it exists: the whole row (and its JSON) is not needed here.
  const row = await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
  if (!row) throw new KontorError('not_found', `There is no account "${accountId}".`);
}

export async function accountContacts(db: Kysely<Database>, accountId: string): Promise<Contact[]> {
  await requireAccount(db, accountId);
  return listContacts(db, accountId);
}

export async function getContact(db: Kysely<Database>, accountId: string, id: number): Promise<Contact> {
  await requireAccount(db, accountId);
  const contact = await findContact(db, accountId, id);
  if (!contact) throw new KontorError('not_found', `Account ${accountId} has no contact ${id}.`);
  return contact;
}

/** METHOD G4: contacts are the people an account is kept and grown through; each one is audited. */
export async function createContact(
  db: Kysely<Database>,
  actor: Actor | null,
  accountId: string,
  input: ContactCreate,
  now = new Date().toISOString(),
): Promise<Contact> {
  await requireAccount(db, accountId);
  const caller = await requireAccountWrite(db, actor, accountId);
  if (input.reportsTo != null) await checkReportsTo(db, accountId, null, input.reportsTo);
  const contact = await insertContact(db, {
    account_id: accountId,
    ...columns(input),
    name: input.name,
    role: input.role,
    influence: input.influence,
    relationship_strength: input.relationshipStrength,
    created_at: now,
    updated_at: now,
  });
  const change = { entity: 'contact', entityId: String(contact.id), action: 'create' as const };
  await recordAudit(db, caller, { ...change, before: null, after: contact }, now);
  return contact;
}

export async function updateContact(
  db: Kysely<Database>,
  actor: Actor | null,
  accountId: string,
  id: number,
  input: ContactUpdate,
  now = new Date().toISOString(),
): Promise<Contact> {
  // Authorization first: a caller who may not write learns nothing about what exists.
  const caller = await requireAccountWrite(db, actor, accountId);
  const before = await getContact(db, accountId, id);
  const stale = () =>
    new KontorError('conflict', 'Someone else changed this contact; reload it and make your change again.', [
      { field: 'version', message: `you sent version ${input.version}, the contact is at ${before.version}` },
    ]);
  if (input.version !== before.version) throw stale();
  if (input.reportsTo != null) await checkReportsTo(db, accountId, id, input.reportsTo);
  const changes: Updateable<ContactTable> = { ...columns(input), updated_at: now };
  if (input.name !== undefined) changes.name = input.name;
  if (input.role !== undefined) changes.role = input.role;
  if (input.influence !== undefined) changes.influence = input.influence;
  if (input.relationshipStrength !== undefined) changes.relationship_strength = input.relationshipStrength;
  // The version condition catches a writer that slipped in between the read above and this update.
  if (!(await updateContactRow(db, id, input.version, changes))) throw stale();
  const after = (await findContact(db, accountId, id))!;
  const change = { entity: 'contact', entityId: String(id), action: 'update' as const };
  await recordAudit(db, caller, { ...change, before, after }, now);
  return after;
}

export async function deleteContact(
  db: Kysely<Database>,
  actor: Actor | null,
  accountId: string,
  id: number,
  now = new Date().toISOString(),
): Promise<void> {
  // Authorization first: a caller who may not write learns nothing about what exists.
  const caller = await requireAccountWrite(db, actor, accountId);
  const before = await getContact(db, accountId, id);
  // Contacts who reported to this one keep their place with no manager (FK: on delete set null).
  await deleteContactRow(db, id);
  const change = { entity: 'contact', entityId: String(id), action: 'delete' as const };
  await recordAudit(db, caller, { ...change, before, after: null }, now);
}

/** The optional columns sent, with '' stored as null: an emptied field means "not known". */
function columns(input: ContactCreate | ContactUpdate): Updateable<ContactTable> {
  const blankToNull = (value: string | null) => (value === '' ? null : value);
  const changes: Updateable<ContactTable> = {};
  if (input.jobTitle !== undefined) changes.job_title = blankToNull(input.jobTitle);
  if (input.email !== undefined) changes.email = blankToNull(input.email);
  if (input.phone !== undefined) changes.phone = blankToNull(input.phone);
  if (input.reportsTo !== undefined) changes.reports_to = input.reportsTo;
  if (input.notes !== undefined) changes.notes = input.notes;
  return changes;
}

/** A reporting line stays inside one account and never loops back to the contact itself. */
async function checkReportsTo(
  db: Kysely<Database>,
  accountId: string,
  contactId: number | null,
  reportsTo: number,
): Promise<void> {
  const refuse = (message: string) =>
    new KontorError('validation', message, [{ field: 'reportsTo', message }]);
  if (reportsTo === contactId) throw refuse('A contact cannot report to themselves.');
  const lines = await reportingLines(db, accountId);
  if (!lines.has(reportsTo)) throw refuse(`Contact ${reportsTo} is not a contact of account ${accountId}.`);
  const seen = new Set<number>();
  for (let current: number | null = reportsTo; current !== null; current = lines.get(current) ?? null) {
    if (current === contactId || seen.has(current))
      throw refuse(
        `Contact ${reportsTo} already reports (directly or through others) to contact ${contactId}; this would make a circle.`,
      );
    seen.add(current);
  }
}
