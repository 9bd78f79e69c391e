import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { credentialCache, forgetCredentials } from '../server/credential-cache.js';
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

export interface ResolvedSession {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

const resolvedSessions = credentialCache<ResolvedSession>();

/** The user behind a session cookie, or null; remembered for a few seconds (server/credential-cache.ts). */
export async function resolveSession(
  db: Kysely<Database>,
  secret: string,
  now = new Date(),
): Promise<ResolvedSession | null> {
  const hash = secretHash(secret);
  const session = await resolvedSessions.get(hash, async () => {
    const row = await db
      .selectFrom('sessions')
      .select(['user_id', 'csrf_token', 'expires_at'])
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    const user = row ? await findUserById(db, row.user_id) : null;
    if (!row || !user) return null;
    const value = { user: Object.freeze(user), csrfToken: row.csrf_token, expiresAt: row.expires_at };
    // Frozen: the same object serves every request of the next seconds; never kept past its expiry.
    return { value: Object.freeze(value), expiresAt: Date.parse(row.expires_at) };
  });
  return session && session.expiresAt > now.toISOString() ? session : null;
}

export async function endSession(db: Kysely<Database>, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', secretHash(secret)).execute();
  forgetCredentials();
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
  // Inside a transaction the caller forgets again after COMMIT (see server/credential-cache.ts).
  forgetCredentials();
}
