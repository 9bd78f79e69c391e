import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../server/env.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorUserId: number | null;
  actorTokenId: number | null;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
}

/** One entry per write, in the same transaction as the write, with the state before and after. */
export async function recordAudit(
  db: Kysely<Database>,
  actor: Actor | { label: string },
  change: { entity: string; entityId: string; action: AuditEntry['action']; before: unknown; after: unknown },
  now = new Date().toISOString(),
): Promise<void> {
  const who =
    'user' in actor
      ? {
          actor_user_id: actor.user.id,
          actor_token_id: actor.tokenId,
          actor_label: actor.tokenId ? `${actor.user.email} (token ${actor.tokenId})` : actor.user.email,
        }
      : { actor_user_id: null, actor_token_id: null, actor_label: actor.label };
  await db
    .insertInto('audit_log')
    .values({
      at: now,
      ...who,
      entity: change.entity,
      entity_id: change.entityId,
      action: change.action,
      before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
    })
    .execute();
}

/** An entity's history, newest first; `related` adds entries of entities that belong to it (contacts of an account). */
export async function entityHistory(
  db: Kysely<Database>,
  entity: string,
  entityId: string,
  limit = 200,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor_label,
    actorUserId: row.actor_user_id,
    actorTokenId: row.actor_token_id,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}
