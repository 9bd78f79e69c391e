import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import type { Actor } from './env.js';

/**
 * Who may do what (issue "Kontor as a server"): admin everything; manager all accounts, read and write;
 * account manager reads every account and writes only the accounts whose team they are on; viewer reads.
 * A read-only API token never writes, whatever its owner's role.
 */
export function requireRole(actor: Actor | null, ...roles: Actor['user']['role'][]): Actor {
  const caller = requireCaller(actor);
  if (!roles.includes(caller.user.role)) {
    throw new KontorError(
      'forbidden',
      `This needs the role ${roles.join(' or ')}; you are ${caller.user.role}.`,
    );
  }
  return caller;
}

export function requireWriteAccess(actor: Actor | null): Actor {
  const caller = requireCaller(actor);
  if (!caller.canWrite) throw new KontorError('forbidden', 'This API token is read-only.');
  if (caller.user.role === 'viewer')
    throw new KontorError('forbidden', 'Viewers can look but not change anything.');
  return caller;
}

/** Writing to one account: managers and admins always, account managers on their team's accounts. */
export async function requireAccountWrite(
  db: Kysely<Database>,
  actor: Actor | null,
  accountId: string,
): Promise<Actor> {
  const caller = requireWriteAccess(actor);
  if (caller.user.role === 'admin' || caller.user.role === 'manager') return caller;
  const member = await db
    .selectFrom('account_teams')
    .select('user_id')
    .where('account_id', '=', accountId)
    .where('user_id', '=', caller.user.id)
    .executeTakeFirst();
  if (!member)
    throw new KontorError(
      'forbidden',
      `You are not on the team of account ${accountId}, so you cannot change it.`,
    );
  return caller;
}

function requireCaller(actor: Actor | null): Actor {
  if (!actor) throw new KontorError('unauthenticated', 'Log in first (or send an API token).');
  return actor;
}
