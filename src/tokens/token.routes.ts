import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/audit.service.js';
import { errorSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import { requireWriteAccess } from '../server/authorize.js';
import { forgetCredentials } from '../server/credential-cache.js';
import type { ServerEnv } from '../server/env.js';
import { createToken, listTokens, revokeToken } from './token.service.js';

const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    scope: z.enum(['read', 'write']),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');
export type ApiToken = z.infer<typeof tokenSchema>;

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['tokens'],
  responses: {
    200: {
      description: "The caller's tokens, revoked ones included; never their secrets",
      content: { 'application/json': { schema: z.object({ items: z.array(tokenSchema) }) } },
    },
    401: error('Not logged in'),
  },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['tokens'],
  request: {
    body: {
      content: {
        'application/json': {
          schema: z
            .object({ name: z.string().trim().min(1).max(100), scope: z.enum(['read', 'write']) })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    201: {
      description: 'Created; the secret is shown only this once (only its hash is stored)',
      content: { 'application/json': { schema: z.object({ token: tokenSchema, secret: z.string() }) } },
    },
    400: error('Invalid fields'),
    401: error('Not logged in'),
    403: error('A read-only token or a viewer'),
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['tokens'],
  request: { params: z.object({ id: z.coerce.number().int().positive() }).strict() },
  responses: {
    204: { description: 'Revoked; the token stops working at once' },
    401: error('Not logged in'),
    403: error('A read-only token or a viewer'),
    404: error('No active token of the caller with this id'),
  },
});

/** /api/v1/tokens: each user manages only their own API tokens. */
export function tokenRoutes() {
  return new OpenAPIHono<ServerEnv>()
    .openapi(list, async (c) => {
      const actor = c.get('actor');
      if (!actor) throw new KontorError('unauthenticated', 'Log in first (or send an API token).');
      return c.json({ items: await listTokens(c.get('db'), actor.user.id) }, 200);
    })
    .openapi(create, async (c) => {
      // A read-only token must not mint itself a write token.
      const actor = requireWriteAccess(c.get('actor'));
      const created = await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          const result = await createToken(trx, { userId: actor.user.id }, c.req.valid('json'));
          await recordAudit(trx, actor, {
            entity: 'api_token',
            entityId: String(result.token.id),
            action: 'create',
            before: null,
            after: result.token,
          });
          return result;
        });
      return c.json(created, 201);
    })
    .openapi(revoke, async (c) => {
      const actor = requireWriteAccess(c.get('actor'));
      const { id } = c.req.valid('param');
      await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          const before = (await listTokens(trx, actor.user.id)).find((token) => token.id === id);
          await revokeToken(trx, actor.user.id, id);
          await recordAudit(trx, actor, {
            entity: 'api_token',
            entityId: String(id),
            action: 'delete',
            before: before ?? null,
            after: null,
          });
        });
      forgetCredentials(); // after COMMIT: the revoked token must not live on in the cache
      return c.body(null, 204);
    });
}
