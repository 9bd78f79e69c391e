import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { errorSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import type { ServerEnv } from '../server/env.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const failure = (description: string) => json(errorSchema, description);

const runSchema = z
  .object({ runId: z.number().int(), createdAt: z.string(), summary: z.record(z.string(), z.unknown()) })
  .openapi('PotentialRun');
const accountPotentialSchema = z
  .object({
    accountId: z.string(),
    runId: z.number().int(),
    expectedTransactions: z.number(),
    expectedSpend: z.number(),
    expectedRevenue: z.string(),
    predicted12mRevenue: z.string(),
    probabilityAlive: z.number(),
    clv: z.string(),
    computedAt: z.string(),
    wallet: z.string().nullable(),
  })
  .openapi('AccountPotential');

const latest = createRoute({
  method: 'get',
  path: '/potential',
  tags: ['portfolio'],
  responses: {
    200: json(runSchema, 'The latest published `kontor potential` run (model, spend model, totals)'),
    401: failure('Not logged in'),
    404: failure('No run yet'),
  },
});

const ofAccount = createRoute({
  method: 'get',
  path: '/{id}/potential',
  tags: ['accounts'],
  request: { params: z.object({ id: z.string().min(1).max(200) }) },
  responses: {
    200: json(accountPotentialSchema, "One account's published potential (METHOD G1)"),
    401: failure('Not logged in'),
    404: failure('No account or no potential for it yet'),
  },
});

/** Customer potential as published by `kontor potential` (the fit runs in the CLI or a job, not per request). */
export function potentialRunRoutes() {
  return new OpenAPIHono<ServerEnv>().openapi(latest, async (c) => {
    const run = await c
      .get('db')
      .selectFrom('potential_runs')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!run)
      throw new KontorError(
        'not_found',
        'No customer potential has been estimated yet. Run kontor potential.',
      );
    return c.json(
      {
        runId: run.id,
        createdAt: run.created_at,
        summary: JSON.parse(run.summary) as Record<string, unknown>,
      },
      200,
    );
  });
}

export function accountPotentialRoutes() {
  return new OpenAPIHono<ServerEnv>().openapi(ofAccount, async (c) => {
    const { id } = c.req.valid('param');
    const row = await c
      .get('db')
      .selectFrom('account_potential as p')
      .innerJoin('accounts as a', 'a.id', 'p.account_id')
      .select([
        'p.account_id',
        'p.run_id',
        'p.expected_transactions',
        'p.expected_spend',
        'p.expected_revenue',
        'p.predicted_12m_revenue',
        'p.probability_alive',
        'p.clv',
        'p.computed_at',
        'a.wallet',
      ])
      .where('p.account_id', '=', id)
      .executeTakeFirst();
    if (!row)
      throw new KontorError(
        'not_found',
        `There is no potential for account "${id}" (unknown account, or no kontor potential run yet).`,
      );
    return c.json(
      {
        accountId: row.account_id,
        runId: row.run_id,
        expectedTransactions: row.expected_transactions,
        expectedSpend: row.expected_spend,
        expectedRevenue: String(row.expected_revenue),
        predicted12mRevenue: String(row.predicted_12m_revenue),
        probabilityAlive: row.probability_alive,
        clv: String(row.clv),
        computedAt: row.computed_at,
        wallet: row.wallet === null ? null : String(row.wallet),
      },
      200,
    );
  });
}
