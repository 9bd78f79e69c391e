import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/audit.service.js';
import { errorSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import { requireRole, requireWriteAccess } from '../server/authorize.js';
import type { ServerEnv } from '../server/env.js';
import { SETTINGS_SECTIONS, type SettingsSection, settingsSchema } from './setting.schema.js';
import { getSettings, setSetting } from './setting.service.js';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});
const present = z.unknown().refine((value) => value !== undefined, 'required');

/**
 * Either one setting by dotted path, or sections with only the fields to change. Values are checked
 * by the settings schema in the service, so this schema only fixes the shape.
 */
const patchSchema = z
  .object({
    key: z.string().min(1).max(100).optional(),
    value: z.unknown().optional(),
    ...Object.fromEntries(SETTINGS_SECTIONS.map((section) => [section, z.unknown().optional()])),
  })
  .strict()
  .superRefine((body: Record<string, unknown>, ctx) => {
    const sections = SETTINGS_SECTIONS.filter((section) => body[section] !== undefined);
    if (body.key !== undefined) {
      if (!present.safeParse(body.value).success)
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'required with key' });
      if (sections.length > 0)
        ctx.addIssue({ code: 'custom', path: ['key'], message: 'send either key and value or sections' });
    } else if (sections.length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'nothing to change' });
    }
  })
  .openapi('SettingsPatch', {
    example: { key: 'abc.aThreshold', value: 0.75 },
  });

const get = createRoute({
  method: 'get',
  path: '/',
  tags: ['settings'],
  responses: {
    200: {
      description: 'All workspace settings',
      content: { 'application/json': { schema: settingsSchema } },
    },
    401: error('Not logged in'),
  },
});

const patch = createRoute({
  method: 'patch',
  path: '/',
  tags: ['settings'],
  request: { body: { content: { 'application/json': { schema: patchSchema } }, required: true } },
  responses: {
    200: {
      description: 'All settings after the change',
      content: { 'application/json': { schema: settingsSchema } },
    },
    400: error('Unknown setting or invalid value, with field details'),
    401: error('Not logged in'),
    403: error('Not an admin, or a read-only token'),
  },
});

/** /api/v1/settings: everyone reads the method's numbers; only admins change them. */
export function settingRoutes() {
  return new OpenAPIHono<ServerEnv>()
    .openapi(get, async (c) => {
      if (!c.get('actor')) throw new KontorError('unauthenticated', 'Log in first (or send an API token).');
      return c.json(await getSettings(c.get('db')), 200);
    })
    .openapi(patch, async (c) => {
      const actor = requireWriteAccess(requireRole(c.get('actor'), 'admin'));
      const body = c.req.valid('json') as Record<string, unknown>;
      const settings = await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          const before = await getSettings(trx);
          let after = before;
          const changed = new Set<SettingsSection>();
          if (typeof body.key === 'string') {
            after = await setSetting(trx, body.key, body.value);
            changed.add(body.key.split('.')[0] as SettingsSection);
          } else {
            for (const section of SETTINGS_SECTIONS) {
              if (body[section] === undefined) continue;
              after = await setSetting(trx, section, merge(after[section], body[section]));
              changed.add(section);
            }
          }
          const pick = (all: typeof before) => Object.fromEntries([...changed].map((key) => [key, all[key]]));
          await recordAudit(trx, actor, {
            entity: 'settings',
            entityId: 'workspace',
            action: 'update',
            before: pick(before),
            after: pick(after),
          });
          return after;
        });
      return c.json(settings, 200);
    });
}

/** A partial section keeps the fields it does not name (a whole section would reset them to defaults). */
function merge(current: unknown, change: unknown): unknown {
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return isObject(current) && isObject(change) ? { ...(current as object), ...(change as object) } : change;
}
