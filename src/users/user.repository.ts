import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '../db/schema.js';
import { forgetCredentials } from '../server/credential-cache.js';
import type { Role, User } from './user.schema.js';

export async function insertUser(
  db: Kysely<Database>,
  user: { email: string; name: string; role: Role; passwordHash: string },
  now: string,
): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  return (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(toUser);
}

export async function updateUser(
  db: Kysely<Database>,
  id: number,
  changes: Partial<Pick<Selectable<UserTable>, 'role' | 'password_hash' | 'name' | 'language'>>,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  // Cached credentials carry the user (role, name); inside a transaction the caller forgets again after COMMIT.
  forgetCredentials();
}

/** Updates only if nobody changed the user since `version` was read; false when someone did. */
export async function updateUserAtVersion(
  db: Kysely<Database>,
  id: number,
  version: number,
  changes: Partial<Pick<Selectable<UserTable>, 'role' | 'name' | 'language'>>,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ ...changes, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  forgetCredentials(); // as in updateUser
  return Number(result.numUpdatedRows) === 1;
}

export function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    language: row.language,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
