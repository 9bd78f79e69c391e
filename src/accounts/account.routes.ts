import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { errorSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import type { ServerEnv } from '../server/env.js';
import { accountListQuerySchema, accountListSchema, accountSchema } from './account.api-schema.js';
import { listAccountsPage } from './account.list.js';
import { findAccount } from './account.repository.js';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['accounts'],
  request: { query: accountListQuerySchema },
  responses: {
    200: {
      description: 'A page of accounts with their latest published metrics',
      content: { 'application/json': { schema: accountListSchema } },
    },
    400: {
      description: 'Invalid filter or paging',
      content: { 'application/json': { schema: errorSchema } },
    },
    401: { description: 'Not logged in', content: { 'application/json': { schema: errorSchema } } },
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['accounts'],
  request: { params: z.object({ id: z.string().min(1).max(200) }) },
  responses: {
    200: { description: 'One account', content: { 'application/json': { schema: accountSchema } } },
    401: { description: 'Not logged in', content: { 'application/json': { schema: errorSchema } } },
    404: { description: 'No such account', content: { 'application/json': { schema: errorSchema } } },
  },
});

/** Every role reads every account's overview (issue: account managers write only their teams' accounts). */
export function accountRoutes() {
  return new OpenAPIHono<ServerEnv>()
    .openapi(list, async (c) => c.json(await listAccountsPage(c.get('db'), c.req.valid('query')), 200))
    .openapi(detail, async (c) => {
      const account = await findAccount(c.get('db'), c.req.valid('param').id);
      if (!account) throw new KontorError('not_found', `There is no account "${c.req.valid('param').id}".`);
      return c.json(account, 200);
    });
}
