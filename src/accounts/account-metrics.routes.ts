import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { isCalendarDate, MAX_MONTHS, monthlyMetrics } from '../analytics/monthly-metrics.js';
import { errorSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import type { ServerEnv } from '../server/env.js';
import { getSettings } from '../settings/setting.service.js';
import { findAccount } from './account.repository.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const failure = (description: string) => json(errorSchema, description);

const date = z.string().refine(isCalendarDate, 'expected a date like 2024-01-31');

const querySchema = z
  .object({
    from: date.optional().openapi({ description: 'First day; default: the start of the 24th month back' }),
    to: date.optional().openapi({ description: 'Last day; default: the latest sale in the data' }),
  })
  .strict()
  .refine((q) => !(q.from && q.to && q.from > q.to), {
    message: 'from must not be after to',
    path: ['from'],
  });

const figures = {
  revenue: z.string().openapi({ description: 'Exact decimal, workspace currency' }),
  cost: z.string().nullable(),
  margin: z.string().nullable(),
  orders: z.number().int(),
  lines: z.number().int(),
};

export const monthlyMetricsSchema = z
  .object({
    accountId: z.string(),
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    months: z.array(z.object({ month: z.string().openapi({ example: '2024-05' }), ...figures })),
    totals: z.object(figures),
  })
  .openapi('AccountMonthlyMetrics');
export type AccountMonthlyMetrics = z.infer<typeof monthlyMetricsSchema>;

const metrics = createRoute({
  method: 'get',
  path: '/{id}/metrics',
  tags: ['accounts'],
  summary: 'Revenue, cost, margin and orders per month for one account',
  description:
    `Every calendar month of the range, months without sales as zero; the first and last month count only ` +
    `the days inside the range. At most ${MAX_MONTHS} months.`,
  request: { params: z.object({ id: z.string().min(1).max(200) }), query: querySchema },
  responses: {
    200: json(monthlyMetricsSchema, 'Monthly figures from the sales lines'),
    400: failure('Invalid dates or range'),
    401: failure('Not logged in'),
    404: failure('No such account'),
    422: failure('No sales lines imported yet'),
  },
});

/** GET /api/v1/accounts/{id}/metrics: every role reads; the figures come from DuckDB on a connection of its own. */
export function accountMetricsRoutes() {
  return new OpenAPIHono<ServerEnv>().openapi(metrics, async (c) => {
    const { id } = c.req.valid('param');
    const range = c.req.valid('query');
    const db = c.get('db');
    if (!(await findAccount(db, id))) throw new KontorError('not_found', `There is no account "${id}".`);
    const store = await c.get('analytic')();
    const connection = await store.connect();
    try {
      const result = await monthlyMetrics(connection, id, range);
      return c.json({ ...result, currency: (await getSettings(db)).currency }, 200);
    } finally {
      connection.closeSync();
    }
  });
}
