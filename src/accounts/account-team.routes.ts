import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/audit.service.js';
import { errorSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import { requireRole, requireWriteAccess } from '../server/authorize.js';
import type { ServerEnv } from '../server/env.js';
import { findAccount } from './account.repository.js';

const TEAM_ROLES = ['lead', 'member', 'executive_sponsor', 'specialist'] as const;
const memberSchema = z
  .object({ userId: z.number().int(), email: z.string(), name: z.string(), teamRole: z.enum(TEAM_ROLES) })
  .openapi('TeamMember');
export type TeamMember = z.infer<typeof memberSchema>;
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const failure = (description: string) => json(errorSchema, description);
const params = z.object({ id: z.string().min(1).max(200), userId: z.coerce.number().int().min(1) });

const list = createRoute({
  method: 'get',
  path: '/{id}/team',
  tags: ['accounts'],
  request: { params: z.object({ id: z.string().min(1).max(200) }) },
  responses: {
    200: json(z.object({ items: z.array(memberSchema) }), 'The account team'),
    401: failure('Not logged in'),
    404: failure('No such account'),
  },
});

const put = createRoute({
  method: 'put',
  path: '/{id}/team/{userId}',
  tags: ['accounts'],
  request: {
    params,
    body: {
      content: { 'application/json': { schema: z.object({ teamRole: z.enum(TEAM_ROLES) }).strict() } },
      required: true,
    },
  },
  responses: {
    200: json(memberSchema, 'The member'),
    400: failure('Invalid'),
    401: failure('Not logged in'),
    403: failure('Only admins and managers change teams'),
    404: failure('No such account or user'),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}/team/{userId}',
  tags: ['accounts'],
  request: { params },
  responses: {
    204: { description: 'Removed' },
    401: failure('Not logged in'),
    403: failure('Only admins and managers change teams'),
    404: failure('Not on the team'),
  },
});

/** Account teams decide which accounts an account manager may change. */
export function accountTeamRoutes() {
  return new OpenAPIHono<ServerEnv>()
    .openapi(list, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await findAccount(c.get('db'), id)))
        throw new KontorError('not_found', `There is no account "${id}".`);
      return c.json({ items: await members(c.get('db'), id) }, 200);
    })
    .openapi(put, async (c) => {
      const { id, userId } = c.req.valid('param');
      const { teamRole } = c.req.valid('json');
      const actor = requireRole(requireWriteAccess(c.get('actor')), 'admin', 'manager');
      const member = await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          if (!(await findAccount(trx, id)))
            throw new KontorError('not_found', `There is no account "${id}".`);
          const user = await trx
            .selectFrom('users')
            .select(['id', 'email', 'name'])
            .where('id', '=', userId)
            .executeTakeFirst();
          if (!user) throw new KontorError('not_found', `There is no user ${userId}.`);
          const before = await findTeamRole(trx, id, userId);
          await trx
            .insertInto('account_teams')
            .values({ account_id: id, user_id: userId, team_role: teamRole })
            .onConflict((oc) => oc.columns(['account_id', 'user_id']).doUpdateSet({ team_role: teamRole }))
            .execute();
          const after = { userId, teamRole };
          await recordAudit(trx, actor, {
            entity: 'account_team',
            entityId: `${id}/${userId}`,
            action: before ? 'update' : 'create',
            before: before ? { userId, teamRole: before.team_role } : null,
            after,
          });
          return { userId, email: user.email, name: user.name, teamRole };
        });
      return c.json(member, 200);
    })
    .openapi(remove, async (c) => {
      const { id, userId } = c.req.valid('param');
      const actor = requireRole(requireWriteAccess(c.get('actor')), 'admin', 'manager');
      await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          const before = await findTeamRole(trx, id, userId);
          if (!before) throw new KontorError('not_found', `User ${userId} is not on the team of ${id}.`);
          await trx
            .deleteFrom('account_teams')
            .where('account_id', '=', id)
            .where('user_id', '=', userId)
            .execute();
          await recordAudit(trx, actor, {
            entity: 'account_team',
            entityId: `${id}/${userId}`,
            action: 'delete',
            before: { userId, teamRole: before.team_role },
            after: null,
          });
        });
      return c.body(null, 204);
    });
}

/** A user's role on an account's team, or undefined when not on it. */
function findTeamRole(db: Parameters<typeof findAccount>[0], accountId: string, userId: number) {
  return db
    .selectFrom('account_teams')
    .select('team_role')
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

async function members(db: Parameters<typeof findAccount>[0], accountId: string) {
  const rows = await db
    .selectFrom('account_teams as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.email', 'u.name', 't.team_role'])
    .where('t.account_id', '=', accountId)
    .orderBy('u.email')
    .execute();
  return rows.map((row) => ({ userId: row.id, email: row.email, name: row.name, teamRole: row.team_role }));
}
