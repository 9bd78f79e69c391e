import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { credentialCache, forgetCredentials } from '../server/credential-cache.js';
import { newSecret, secretHash } from '../users/password.js';
import { findUserByEmail, findUserById } from '../users/user.repository.js';
import type { User } from '../users/user.schema.js';

export type TokenScope = 'read' | 'write';

const lastUseRecorded = new Map<number, string>();

export interface TokenInfo {
  id: number;
  name: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Creates an API token for a user. The secret is returned once; only its SHA-256 is stored. */
export async function createToken(
  db: Kysely<Database>,
  owner: { email?: string; userId?: number },
  input: { name: string; scope: string },
  now = new Date().toISOString(),
): Promise<{ token: TokenInfo; secret: string }> {
  if (input.scope !== 'read' && input.scope !== 'write') {
    throw new KontorError('validation', `A token's scope is read or write, not "${input.scope}".`, [
      { field: 'scope', message: 'read or write' },
    ]);
  }
  const name = input.name.trim();
  if (!name)
    throw new KontorError('validation', 'Give the token a name.', [{ field: 'name', message: 'required' }]);
  const user =
    owner.userId !== undefined
      ? await findUserById(db, owner.userId)
      : await userByEmail(db, owner.email ?? '');
  if (!user) throw new KontorError('not_found', `There is no user ${owner.email ?? owner.userId}.`);
  const { secret, hash } = newSecret('kt_');
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: user.id, name, token_hash: hash, scope: input.scope, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token: toInfo(row), secret };
}

export async function listTokens(db: Kysely<Database>, userId: number): Promise<TokenInfo[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map(toInfo);
}

export async function revokeToken(
  db: Kysely<Database>,
  userId: number,
  id: number,
  now = new Date().toISOString(),
): Promise<void> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw new KontorError('not_found', `There is no active token ${id}.`);
  // Inside a transaction the caller forgets again after COMMIT (see server/credential-cache.ts).
  forgetCredentials();
}

export interface ResolvedToken {
  user: User;
  tokenId: number;
  scope: TokenScope;
}

const resolvedTokens = credentialCache<ResolvedToken>();

/**
 * The user and scope behind a bearer token, or null for an unknown or revoked one. Remembered for a few
 * seconds (server/credential-cache.ts: a revoke in this process is seen at once).
 */
export async function resolveToken(
  db: Kysely<Database>,
  secret: string,
  now = new Date().toISOString(),
): Promise<ResolvedToken | null> {
  const hash = secretHash(secret);
  const resolved = await resolvedTokens.get(hash, async () => {
    const row = await db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'scope'])
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const user = row ? await findUserById(db, row.user_id) : null;
    // Frozen: the same object serves every request of the next seconds.
    return row && user
      ? { value: Object.freeze({ user: Object.freeze(user), tokenId: row.id, scope: row.scope }) }
      : null;
  });
  if (!resolved) return null;
  // "Last used" to the minute is enough, and a write on every API read would serialise the server.
  const minute = now.slice(0, 16);
  if (lastUseRecorded.get(resolved.tokenId) !== minute) {
    lastUseRecorded.set(resolved.tokenId, minute);
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', resolved.tokenId)
      .execute();
  }
  return resolved;
}

async function userByEmail(db: Kysely<Database>, email: string): Promise<User | null> {
  const row = await findUserByEmail(db, email.trim().toLowerCase());
  return row ? await findUserById(db, row.id) : null;
}

function toInfo(row: {
  id: number;
  name: string;
  scope: TokenScope;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
