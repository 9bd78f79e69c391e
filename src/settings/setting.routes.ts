import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/audit.service.js';
import { errorSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import { requireRole, requireWriteAccess } from '../server/authorize.js';
import type { ServerEnv } from '../server/env.js';
import {
  SETTINGS_SECTIONS,
  type SettingsSection,
  type SettingsVersions,
  settingsDocumentSchema,
} from './setting.schema.js';
import {
  DEFAULT_SETTINGS,
  getSettingsWithVersions,
  type SettingsWithVersions,
  sectionChange,
  updateSettings,
} from './setting.service.js';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});
const present = z.unknown().refine((value) => value !== undefined, 'required');
const versionsSchema = z
  .object(
    Object.fromEntries(SETTINGS_SECTIONS.map((section) => [section, z.number().int().min(0).optional()])),
  )
  .strict();

/**
 * Either one setting by dotted path, or sections with only the fields to change; `versions` holds the
 * version read of every section changed (optimistic concurrency). Values are checked by the settings
 * schema in the service, so this schema only fixes the shape.
 */
const patchSchema = z
  .object({
    versions: versionsSchema,
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
    example: { versions: { abc: 3 }, key: 'abc.aThreshold', value: 0.75 },
  });

const get = createRoute({
  method: 'get',
  path: '/',
  tags: ['settings'],
  responses: {
    200: {
      description: 'All workspace settings, the version of each section, and the defaults',
      content: { 'application/json': { schema: settingsDocumentSchema } },
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
      description: 'All settings after the change, with the new versions',
      content: { 'application/json': { schema: settingsDocumentSchema } },
    },
    400: error('Unknown setting or invalid value, with field details'),
    401: error('Not logged in'),
    403: error('Not an admin, or a read-only token'),
    409: error('A changed section is no longer at the version sent: someone else saved first'),
  },
});

/** /api/v1/settings: everyone reads the method's numbers; only admins change them. */
export function settingRoutes() {
  return new OpenAPIHono<ServerEnv>()
    .openapi(get, async (c) => {
      if (!c.get('actor')) throw new KontorError('unauthenticated', 'Log in first (or send an API token).');
      return c.json(document(await getSettingsWithVersions(c.get('db'))), 200);
    })
    .openapi(patch, async (c) => {
      const actor = requireWriteAccess(requireRole(c.get('actor'), 'admin'));
      const body = c.req.valid('json') as Record<string, unknown> & { versions: Partial<SettingsVersions> };
      const result = await c
        .get('db')
        .transaction()
        .execute(async (trx) => {
          const before = await getSettingsWithVersions(trx);
          const changes: Partial<Record<SettingsSection, unknown>> = {};
          if (typeof body.key === 'string') {
            const [section, value] = sectionChange(before.settings, body.key, body.value);
            changes[section] = value;
          } else {
            for (const section of SETTINGS_SECTIONS)
              if (body[section] !== undefined) changes[section] = body[section];
          }
          const after = await updateSettings(trx, changes, body.versions);
          const pick = (all: SettingsWithVersions['settings']) =>
            Object.fromEntries(after.changed.map((key) => [key, all[key]]));
          await recordAudit(trx, actor, {
            entity: 'settings',
            entityId: 'workspace',
            action: 'update',
            before: pick(before.settings),
            after: pick(after.settings),
          });
          return after;
        });
      return c.json(document(result), 200);
    });
}

function document({ settings, versions }: SettingsWithVersions) {
  return { ...settings, versions, defaults: DEFAULT_SETTINGS };
}
