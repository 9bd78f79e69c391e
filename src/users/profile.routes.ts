import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/audit.service.js';
import { errorSchema, userSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import { forgetCredentials } from '../server/credential-cache.js';
import type { ServerEnv } from '../server/env.js';
import { findUserById } from './user.repository.js';
import { USER_LANGUAGES, type User } from './user.schema.js';
import { updateUserVersioned } from './user.service.js';

const failure = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

const updateMe = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['auth'],
  request: {
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              version: z.number().int().min(1),
              language: z.enum(USER_LANGUAGES).optional(),
              name: z.string().trim().min(1, 'a name cannot be empty').max(200).optional(),
            })
            .strict()
            .refine((body) => body.language !== undefined || body.name !== undefined, 'nothing to change')
            .openapi('ProfileUpdate', { example: { version: 3, language: 'de' } }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'The caller after the change',
      content: { 'application/json': { schema: z.object({ user: userSchema }).strict() } },
    },
    400: failure('Invalid fields'),
    401: failure('Not logged in'),
    403: failure('A read-only API token'),
    409: failure('Someone changed the profile first (stale version): reload and try again'),
  },
});

const audited = ({ id, email, name, role, language }: User) => ({ id, email, name, role, language });

/**
 * PATCH /api/v1/auth/me: everyone edits their own name and interface language, viewers too (it changes
 * nothing in the workspace). A read-only token stays read-only.
 */
export function profileRoutes() {
  return new OpenAPIHono<ServerEnv>().openapi(updateMe, async (c) => {
    const actor = c.get('actor');
    if (!actor) throw new KontorError('unauthenticated', 'Log in first (or send an API token).');
    if (!actor.canWrite) throw new KontorError('forbidden', 'This API token is read-only.');
    const { version, ...changes } = c.req.valid('json');
    const user = await c
      .get('db')
      .transaction()
      .execute(async (trx) => {
        const before = await findUserById(trx, actor.user.id);
        if (!before) throw new KontorError('unauthenticated', 'Log in first.');
        const after = await updateUserVersioned(trx, before, version, changes);
        await recordAudit(trx, actor, {
          entity: 'user',
          entityId: String(before.id),
          action: 'update',
          before: audited(before),
          after: audited(after),
        });
        return after;
      });
    forgetCredentials(); // after COMMIT: cached sessions and tokens carry the user's old name and language
    return c.json({ user }, 200);
  });
}
