import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  toUser,
  updateUser,
  updateUserAtVersion,
} from './user.repository.js';
import { emailSchema, passwordSchema, type Role, roleSchema, type User } from './user.schema.js';

function parse<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
  field: string,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? 'not valid';
  throw new KontorError('validation', `The ${field} is not valid: ${message}.`, [{ field, message }]);
}

/** Creates a user; without a password one is generated and returned, to be shown once. */
export async function addUser(
  db: Kysely<Database>,
  input: { email: string; role: string; name?: string | undefined; password?: string | undefined },
  now = new Date().toISOString(),
): Promise<{ user: User; password: string }> {
  const email = parse(emailSchema, input.email, 'e-mail');
  const role = parse(roleSchema, input.role, 'role');
  const password =
    input.password === undefined ? generatePassword() : parse(passwordSchema, input.password, 'password');
  if (await findUserByEmail(db, email))
    throw new KontorError('conflict', `There is already a user ${email}.`);
  const user = await insertUser(
    db,
    {
      email,
      name: input.name?.trim() || email.split('@')[0]!,
      role,
      passwordHash: await hashPassword(password),
    },
    now,
  );
  return { user, password };
}

export async function setRole(db: Kysely<Database>, email: string, role: string): Promise<User> {
  const user = await requireUser(db, email);
  await updateUser(db, user.id, { role: parse(roleSchema, role, 'role') as Role }, new Date().toISOString());
  return { ...user, role: role as Role };
}

/**
 * Changes a user's role, name or language only if the user is still at the version the caller read
 * (optimistic concurrency: 409 when someone else saved first). Returns the user after the change.
 */
export async function updateUserVersioned(
  db: Kysely<Database>,
  before: User,
  version: number,
  changes: { role?: Role; name?: string; language?: string },
  now = new Date().toISOString(),
): Promise<User> {
  const stale = () =>
    new KontorError('conflict', 'Someone else changed this user; reload and make your change again.', [
      { field: 'version', message: `you sent version ${version}, the user is at ${before.version}` },
    ]);
  if (version !== before.version) throw stale();
  if (!(await updateUserAtVersion(db, before.id, version, changes, now))) throw stale();
  return (await findUserById(db, before.id))!;
}

/** An admin's reset (there is no mail server): sets the given or a generated password. */
export async function resetPassword(
  db: Kysely<Database>,
  email: string,
  password?: string,
): Promise<{ user: User; password: string }> {
  const user = await requireUser(db, email);
  const next = password === undefined ? generatePassword() : parse(passwordSchema, password, 'password');
  await updateUser(db, user.id, { password_hash: await hashPassword(next) }, new Date().toISOString());
  return { user, password: next };
}

/** Checks an e-mail and password; the same error for an unknown user and a wrong password. */
export async function authenticate(db: Kysely<Database>, email: string, password: string): Promise<User> {
  const row = await findUserByEmail(db, email.trim().toLowerCase());
  // Hash even for an unknown user, so the time taken does not reveal which e-mails exist.
  const ok = row
    ? await verifyPassword(password, row.password_hash)
    : await verifyPassword(password, DUMMY_HASH);
  if (!row || !ok) throw new KontorError('unauthenticated', 'The e-mail or password is not right.');
  return toUser(row);
}

export { listUsers };

async function requireUser(db: Kysely<Database>, email: string): Promise<User> {
  const row = await findUserByEmail(db, email.trim().toLowerCase());
  if (!row) throw new KontorError('not_found', `There is no user ${email}.`);
  return toUser(row);
}

const DUMMY_HASH = 'scrypt$32768$8$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);
