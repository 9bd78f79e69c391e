import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { isCalendarDate } from '../analytics/monthly-metrics.js';
import { errorSchema } from '../auth/auth.schema.js';
import type { ServerEnv } from '../server/env.js';
import { getSettings } from '../settings/setting.service.js';
import type { PortfolioReport } from './portfolio.report-model.js';
import { analyzeSales } from './portfolio.service.js';
import { snapshotDocuments } from './portfolio.snapshot.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const failure = (description: string) => json(errorSchema, description);
const [num, int, str] = [z.number(), z.number().int(), z.string()];
const share = num.nullable();
const loose = z.record(str, z.unknown());
const counts = { A: int, B: int, C: int };
const point = z.object({ customerShare: num, valueShare: num });
const change = z.object({ id: str, name: str.nullable(), from: str, to: str });
const cut = z.object({ share: num, base: num, count: num, value: share, heldShare: share });
const page = (item: z.ZodType) => z.object({ items: z.array(item), page: int, size: int, total: int });

/** The analysis as in docs/analysis-json.md (fields listed there), without the per-account rows. */
const summarySchema = z.object({
  version: z.literal(1),
  window: z.object({ from: str, to: str, previousFrom: str.nullable(), previousTo: str.nullable() }),
  by: z.enum(['revenue', 'margin']),
  filters: z.record(str, str),
  currency: str,
  concentration: z
    .object({ customers: int, total: num, customersTo80: int, gini: share })
    .catchall(z.unknown()),
  abc: z.object({ ...counts, computed: z.object(counts), classes: loose, thresholds: loose }),
  abcMatrix: z.record(str, z.object({ count: int, revenue: num, margin: num })).nullable(),
  lorenz: z.array(point),
  pareto: z.array(point),
  warnings: z.array(
    z.object({ code: str, severity: z.enum(['high', 'medium']), message: str, figures: loose }),
  ),
  revenueAtRisk: z.array(z.object({ id: str, name: str.nullable(), revenue: num }).catchall(z.unknown())),
  greenCircle: z.object({
    counts: z.object({ green: int, transactional: int }),
    cuts: z.object({ revenue: cut, margin: cut }),
    byGrowth: z.array(loose),
    byPotential: z.array(loose),
  }),
  changes: z.object({ since: str, classChanges: z.array(change), tierChanges: z.array(change) }).nullable(),
  snapshotId: int.nullable(),
});

const snapshotSchema = summarySchema.extend({ snapshotId: int, createdAt: str }).openapi('PortfolioSnapshot');
const analysisSchema = summarySchema
  .extend({ accounts: page(loose).optional().openapi({ description: 'Only with accounts=true' }) })
  .openapi('PortfolioAnalysis');

const date = z.string().refine(isCalendarDate, 'expected a date like 2024-01-31');
const flag = z.enum(['true', 'false']).optional();
const cells = ['AA', 'AB', 'AC', 'BA', 'BB', 'BC', 'CA', 'CB', 'CC'] as const;
const analysisQuery = z
  .object({
    from: date.optional(),
    to: date.optional(),
    all: flag,
    by: z.enum(['revenue', 'margin']).default('revenue'),
    segment: z.string().min(1).max(200).optional(),
    region: z.string().min(1).max(200).optional(),
    owner: z.string().min(1).max(200).optional(),
    accounts: flag,
    cell: z
      .enum(cells)
      .optional()
      .openapi({ description: 'Only the accounts of this revenue × margin cell (with accounts=true)' }),
    page: z.coerce.number().int().min(1).default(1),
    size: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict()
  .refine((q) => !(q.all === 'true' && (q.from || q.to)), {
    message: 'all cannot be combined with from or to',
    path: ['all'],
  })
  .refine((q) => !(q.cell && q.accounts !== 'true'), {
    message: 'cell lists accounts: add accounts=true',
    path: ['cell'],
  })
  .refine((q) => !(q.from && q.to && q.from > q.to), {
    message: 'from must not be after to',
    path: ['from'],
  });

const snapshot = createRoute({
  method: 'get',
  path: '/snapshot',
  tags: ['portfolio'],
  summary: 'The latest published analysis of the whole portfolio',
  request: { query: z.object({ by: z.enum(['revenue', 'margin']).optional() }).strict() },
  responses: {
    200: json(snapshotSchema, 'The latest unfiltered snapshot, with the changes since the one before'),
    304: { description: 'Unchanged since the version named in If-None-Match (its ETag)' },
    400: failure('Invalid parameters'),
    401: failure('Not logged in'),
    404: failure('Nothing analysed yet'),
  },
});

const analysis = createRoute({
  method: 'get',
  path: '/analysis',
  tags: ['portfolio'],
  summary: 'Analyse on demand (any window, basis or filter); nothing is published',
  request: { query: analysisQuery },
  responses: {
    200: json(analysisSchema, 'The analysis; per-account rows only with accounts=true'),
    400: failure('Invalid parameters'),
    401: failure('Not logged in'),
    422: failure('No sales data, or no margin data for by=margin'),
  },
});

/** /api/v1/portfolio: every logged-in role reads the published snapshot and may analyse on demand. */
export function portfolioRoutes() {
  const latestSnapshot = snapshotDocuments();
  return new OpenAPIHono<ServerEnv>()
    .openapi(snapshot, async (c) => {
      const document = await latestSnapshot(c.get('db'), c.req.valid('query').by);
      const headers = { etag: document.etag, 'cache-control': 'private, no-cache', vary: 'accept-encoding' };
      if (c.req.header('if-none-match') === document.etag) return c.body(null, 304, headers);
      const type = { ...headers, 'content-type': 'application/json' };
      if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? ''))
        return c.body(document.gzip, 200, { ...type, 'content-encoding': 'gzip' });
      return c.body(document.json, 200, type);
    })
    .openapi(analysis, async (c) => {
      const { accounts: withAccounts, cell, page, size, all, ...options } = c.req.valid('query');
      const db = c.get('db');
      const settings = await getSettings(db);
      const store = await c.get('analytic')();
      const connection = await store.connect();
      let report: PortfolioReport;
      try {
        report = await analyzeSales(
          { analytic: { ...store, connection }, db, settings },
          { ...options, all: all === 'true', publish: false },
        );
      } finally {
        connection.closeSync();
      }
      const { accounts, ...summary } = report;
      if (withAccounts !== 'true') return c.json(summary, 200);
      const listed = cell ? accounts.filter((a) => a.matrixCell === cell) : accounts;
      const items = listed.slice((page - 1) * size, page * size);
      return c.json({ ...summary, accounts: { items, page, size, total: listed.length } }, 200);
    });
}
