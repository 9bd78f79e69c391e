import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { errorSchema } from '../auth/auth.schema.js';
import type { Database } from '../db/schema.js';
import type { ServerEnv } from '../server/env.js';
import { currentStamp, remembered } from './account-list.count.js';

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }).strict());

export const accountFacetsSchema = z
  .object({ segments: facetSchema, regions: facetSchema, owners: facetSchema })
  .strict()
  .openapi('AccountFacets');

export type AccountFacets = z.infer<typeof accountFacetsSchema>;

const facets = createRoute({
  method: 'get',
  path: '/facets',
  tags: ['accounts'],
  summary: 'The distinct segments, regions and owners of the accounts, for filters',
  request: { query: z.object({}).strict() },
  responses: {
    200: {
      description: 'Each value with the number of accounts that have it; accounts without one are left out',
      content: { 'application/json': { schema: accountFacetsSchema } },
    },
    400: { description: 'Unknown parameters', content: { 'application/json': { schema: errorSchema } } },
    401: { description: 'Not logged in', content: { 'application/json': { schema: errorSchema } } },
  },
});

/**
 * GET /api/v1/accounts/facets: every role reads every account, so every role sees the values. Mounted
 * before the /{id} routes so that "facets" is not taken for an account id. Three GROUP BYs over 200,000
 * accounts take half a second, so the answer is remembered until the data changes (as list counts are).
 */
export function accountFacetsRoutes() {
  return new OpenAPIHono<ServerEnv>().openapi(facets, async (c) => {
    const db = c.get('db');
    const stamp = await currentStamp(db);
    const found = await remembered(db, 'counts', stamp, 'facets', async () => {
      const [segments, regions, owners] = await Promise.all([
        distinctValues(db, 'segment'),
        distinctValues(db, 'region'),
        distinctValues(db, 'owner'),
      ]);
      return { segments, regions, owners };
    });
    return c.json(found, 200);
  });
}

// One collation for both backends (SQLite sorts bytes, PostgreSQL by its locale): sorted here.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

async function distinctValues(db: Kysely<Database>, column: 'segment' | 'region' | 'owner') {
  const rows = await db
    .selectFrom('accounts')
    .select([column, (eb) => eb.fn.countAll<number | string>().as('count')])
    .where(column, 'is not', null)
    .where(column, '<>', '')
    .groupBy(column)
    .execute();
  return rows
    .map((row) => ({ value: row[column] as string, count: Number(row.count) }))
    .sort((a, b) => collator.compare(a.value, b.value) || (a.value < b.value ? -1 : 1));
}
