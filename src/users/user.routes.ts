import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/audit.service.js';
import { errorSchema, userSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import { requireRole, requireWriteAccess } from '../server/authorize.js';
import { forgetCredentials } from '../server/credential-cache.js';
import type { Actor, ServerEnv } from '../server/env.js';
import { LoginLimiter } from '../server/rate-limit.js';
import { endOtherSessions } from '../sessions/session.service.js';
import { verifyPassword } from './password.js';
import { findUserByEmail, findUserById } from './user.repository.js';
import { passwordSchema, ROLES, type User } from './user.schema.js';
import { addUser, listUsers, resetPassword, updateUserVersioned } from './user.service.js';

const errors = (...codes: [number, string][]) =>
  Object.fromEntries(
    codes.map(([status, description]) => [
      status,
      { description, content: { 'application/json': { schema: errorSchema } } },
    ]),
  ) as Record<
    number,
    { description: string; content: { 'application/json': { schema: typeof errorSchema } } }
  >;
const adminErrors = errors([401, 'Not logged in'], [403, 'Not an admin, or a read-only token']);
const idParam = z.object({ id: z.coerce.number().int().positive() }).strict();
const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['users'],
  responses: {
    200: {
      description: 'Every user, by e-mail',
      content: { 'application/json': { schema: z.object({ items: z.array(userSchema) }) } },
    },
    ...adminErrors,
  },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['users'],
  request: {
    body: json(
      z
        .object({
          email: z.string().min(1).max(320),
          role: z.enum(ROLES),
          name: z.string().max(200).optional(),
          password: passwordSchema.optional(),
        })
        .strict(),
    ),
  },
  responses: {
    201: {
      description: 'Created; `password` is present only when it was generated, and is shown only this once',
      content: {
        'application/json': { schema: z.object({ user: userSchema, password: z.string().optional() }) },
      },
    },
    ...adminErrors,
    ...errors([400, 'Invalid fields'], [409, 'The e-mail is taken']),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['users'],
  request: {
    params: idParam,
    // `version` is the one the caller read: a stale one is refused (optimistic concurrency).
    body: json(z.object({ role: z.enum(ROLES), version: z.number().int().min(1) }).strict()),
  },
  responses: {
    200: { description: 'The changed user', content: { 'application/json': { schema: userSchema } } },
    ...adminErrors,
    ...errors(
      [400, 'Invalid fields'],
      [404, 'No such user'],
      [409, 'Someone else changed the user first (stale version), or it would leave no admin'],
    ),
  },
});

const reset = createRoute({
  method: 'post',
  path: '/{id}/password-reset',
  tags: ['users'],
  request: { params: idParam },
  responses: {
    200: {
      description: 'A generated password, shown only this once; the user is logged out everywhere',
      content: { 'application/json': { schema: z.object({ user: userSchema, password: z.string() }) } },
    },
    ...adminErrors,
    ...errors([404, 'No such user']),
  },
});

const changePassword = createRoute({
  method: 'post',
  path: '/password',
  tags: ['auth'],
  request: {
    body: json(
      z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }).strict(),
    ),
  },
  responses: {
    204: { description: "Changed; the caller's other sessions are ended" },
    ...errors(
      [400, 'The current password is wrong (field currentPassword) or the new one is invalid'],
      [401, 'Not logged in'],
      [403, 'Called with an API token'],
      [429, 'Too many wrong current passwords'],
    ),
  },
});

/** Audit snapshots are the public user fields: never the password or its hash. */
const audited = ({ id, email, name, role }: User) => ({ id, email, name, role });

function adminWriter(actor: Actor | null): Actor {
  return requireWriteAccess(requireRole(actor, 'admin'));
}

/** /api/v1/users: admins manage people (issue "Kontor as a server"). */
export function userRoutes() {
  return new OpenAPIHono<ServerEnv>()
    .openapi(list, async (c) => {
      requireRole(c.get('actor'), 'admin');
      return c.json({ items: await listUsers(c.get('db')) }, 200);
    })
    .openapi(create, async (c) => {
      const actor = adminWriter(c.get('actor'));
      const input = c.req.valid('json');
      const { user, password } = await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          const created = await addUser(trx, input);
          await recordAudit(trx, actor, {
            entity: 'user',
            entityId: String(created.user.id),
            action: 'create',
            before: null,
            after: audited(created.user),
          });
          return created;
        });
      return c.json(input.password === undefined ? { user, password } : { user }, 201);
    })
    .openapi(update, async (c) => {
      const actor = adminWriter(c.get('actor'));
      const { role, version } = c.req.valid('json');
      const user = await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          const before = await requireUserById(trx, c.req.valid('param').id);
          // Demoting the last admin would lock everyone out of user management.
          if (before.role === 'admin' && role !== 'admin') {
            const admins = (await listUsers(trx)).filter((u) => u.role === 'admin');
            if (admins.length <= 1)
              throw new KontorError('conflict', 'This is the last admin; appoint another first.');
          }
          const after = await updateUserVersioned(trx, before, version, { role });
          await recordAudit(trx, actor, {
            entity: 'user',
            entityId: String(before.id),
            action: 'update',
            before: audited(before),
            after: audited(after),
          });
          return after;
        });
      forgetCredentials(); // after COMMIT: the user's cached sessions and tokens carry the old role
      return c.json(user, 200);
    })
    .openapi(reset, async (c) => {
      const actor = adminWriter(c.get('actor'));
      const result = await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          const user = await requireUserById(trx, c.req.valid('param').id);
          const { password } = await resetPassword(trx, user.email);
          // A reset usually means the old password may be known to someone else: end every session.
          await endOtherSessions(trx, user.id);
          const after = await requireUserById(trx, user.id);
          await recordAudit(trx, actor, {
            entity: 'user',
            entityId: String(user.id),
            action: 'update',
            before: audited(user),
            after: { ...audited(after), passwordReset: true },
          });
          return { user: after, password };
        });
      forgetCredentials(); // after COMMIT: the sessions just ended must not live on in the cache
      return c.json(result, 200);
    });
}

/**
 * /api/v1/auth/password: anyone changes their own password. Only in a session: a token is an
 * integration's key, not the person. Wrong current passwords are limited like failed logins, so a
 * stolen session cannot be used to guess the password.
 */
export function passwordRoutes(limiter = new LoginLimiter()) {
  return new OpenAPIHono<ServerEnv>().openapi(changePassword, async (c) => {
    const actor = c.get('actor');
    if (!actor) throw new KontorError('unauthenticated', 'Log in first.');
    if (actor.via !== 'session')
      throw new KontorError('forbidden', 'Change your password while logged in, not with an API token.');
    const { currentPassword, newPassword } = c.req.valid('json');
    const keys = [`password-change:${actor.user.id}`];
    limiter.check(keys);
    await c
      .get('db')
      .transaction()
      .execute(async (trx) => {
        const row = await findUserByEmail(trx, actor.user.email);
        if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
          limiter.fail(keys);
          throw new KontorError('validation', 'The current password is not right.', [
            { field: 'currentPassword', message: 'wrong password' },
          ]);
        }
        await resetPassword(trx, row.email, newPassword);
        await endOtherSessions(trx, row.id, c.get('sessionSecret') ?? undefined);
        await recordAudit(trx, actor, {
          entity: 'user',
          entityId: String(row.id),
          action: 'update',
          before: audited(actor.user),
          after: { ...audited(actor.user), passwordChanged: true },
        });
      });
    forgetCredentials(); // after COMMIT: the other sessions just ended must not live on in the cache
    limiter.succeed(keys);
    return c.body(null, 204);
  });
}

async function requireUserById(db: Parameters<typeof findUserById>[0], id: number): Promise<User> {
  const user = await findUserById(db, id);
  if (!user) throw new KontorError('not_found', `There is no user ${id}.`);
  return user;
}
