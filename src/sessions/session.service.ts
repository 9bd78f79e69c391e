import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { newSecret, secretHash } from '../users/password.js';
import { findUserById } from '../users/user.repository.js';
import type { User } from '../users/user.schema.js';

/** Sessions last this long after login; the cookie carries the secret, the store only its hash. */
export const SESSION_HOURS = 12;

export async function startSession(
  db: Kysely<Database>,
  userId: number,
  now = new Date(),
): Promise<{ secret: string; csrfToken: string; expiresAt: string }> {
  const { secret, hash } = newSecret();
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hash,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { secret, csrfToken, expiresAt };
}

export async function resolveSession(
  db: Kysely<Database>,
  secret: string,
  now = new Date(),
): Promise<{ user: User; csrfToken: string } | null> {
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at'])
    .where('token_hash', '=', secretHash(secret))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  const user = await findUserById(db, row.user_id);
  return user ? { user, csrfToken: row.csrf_token } : null;
}

export async function endSession(db: Kysely<Database>, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', secretHash(secret)).execute();
}

/** A password change ends every other session of the user. */
export async function endOtherSessions(
  db: Kysely<Database>,
  userId: number,
  keepSecret?: string,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSecret) query = query.where('token_hash', '!=', secretHash(keepSecret));
  await query.execute();
}
