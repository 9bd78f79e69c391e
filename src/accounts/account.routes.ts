import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { entityHistory, recordAudit } from '../audit/audit.service.js';
import { errorSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import { requireAccountWrite } from '../server/authorize.js';
import type { ServerEnv } from '../server/env.js';
import {
  accountDetailSchema,
  accountListQuerySchema,
  accountListSchema,
  accountSchema,
  accountUpdateSchema,
  historyEntrySchema,
} from './account.api-schema.js';
import { findAccountDetail } from './account.detail.js';
import { listAccountsPage } from './account.list.js';
import { findAccount } from './account.repository.js';
import { setAccountOverrides } from './account.service.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const failure = (description: string) => json(errorSchema, description);
const idParam = z.object({ id: z.string().min(1).max(200) });

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['accounts'],
  request: { query: accountListQuerySchema },
  responses: {
    200: json(accountListSchema, 'A page of accounts with their latest published metrics'),
    400: failure('Invalid filter or paging'),
    401: failure('Not logged in'),
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['accounts'],
  request: { params: idParam },
  responses: {
    200: json(accountDetailSchema, 'One account with its latest published metrics'),
    401: failure('Not logged in'),
    404: failure('No such account'),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['accounts'],
  request: {
    params: idParam,
    body: { content: { 'application/json': { schema: accountUpdateSchema } }, required: true },
  },
  responses: {
    200: json(accountSchema, 'The updated account'),
    400: failure('Invalid fields'),
    401: failure('Not logged in'),
    403: failure('Not allowed to change this account'),
    404: failure('No such account'),
    409: failure('Someone else changed the account since it was read'),
  },
});

const history = createRoute({
  method: 'get',
  path: '/{id}/history',
  tags: ['accounts'],
  request: { params: idParam },
  responses: {
    200: json(z.object({ items: z.array(historyEntrySchema) }), 'Changes, newest first'),
    401: failure('Not logged in'),
    404: failure('No such account'),
  },
});

/** Every role reads every account; writes follow requireAccountWrite (roles, teams, token scope). */
export function accountRoutes() {
  return new OpenAPIHono<ServerEnv>()
    .openapi(list, async (c) => {
      const callerId = c.get('actor')?.user.id ?? null;
      return c.json(await listAccountsPage(c.get('db'), c.req.valid('query'), callerId), 200);
    })
    .openapi(detail, async (c) => {
      const { id } = c.req.valid('param');
      const account = await findAccountDetail(c.get('db'), id);
      if (!account) throw new KontorError('not_found', `There is no account "${id}".`);
      return c.json(account, 200);
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const updated = await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          const before = await mustFind(trx, id);
          const actor = await requireAccountWrite(trx, c.get('actor'), id);
          const tierReason = body.manualTier?.tier ? body.manualTier.reason : undefined;
          const classReason = body.manualClass?.class ? body.manualClass.reason : undefined;
          if (tierReason && classReason && tierReason !== classReason) {
            throw new KontorError(
              'validation',
              'Set the class and the tier in separate changes, each with its own reason.',
            );
          }
          const after = await setAccountOverrides(trx, id, {
            expectedVersion: body.version,
            attributes: { name: body.name, segment: body.segment, region: body.region, owner: body.owner },
            tier: body.manualTier ? (body.manualTier.tier ?? 'auto') : undefined,
            class: body.manualClass ? (body.manualClass.class ?? 'auto') : undefined,
            reason: tierReason ?? classReason,
            wallet: body.wallet,
            by: actor.user.email,
          });
          await recordAudit(trx, actor, { entity: 'account', entityId: id, action: 'update', before, after });
          return after;
        });
      return c.json(updated, 200);
    })
    .openapi(history, async (c) => {
      const { id } = c.req.valid('param');
      await mustFind(c.get('db'), id);
      return c.json({ items: await entityHistory(c.get('db'), 'account', id) }, 200);
    });
}

async function mustFind(db: Parameters<typeof findAccount>[0], id: string) {
  const account = await findAccount(db, id);
  if (!account) throw new KontorError('not_found', `There is no account "${id}".`);
  return account;
}
