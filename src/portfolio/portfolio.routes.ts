import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { isCalendarDate } from '../analytics/monthly-metrics.js';
import { errorSchema } from '../auth/auth.schema.js';
import type { ServerEnv } from '../server/env.js';
import {
  ANALYSIS_LIST_NAMES,
  LIST_NAMES,
  LIST_PREVIEW_ROWS,
  listPage,
  withListPreviews,
} from './portfolio.lists.js';
import { rememberedAnalysis } from './portfolio.memo.js';
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
  listTotals: z.object(Object.fromEntries(LIST_NAMES.map((name) => [name, int]))).openapi({
    description: `Each list above holds its first ${LIST_PREVIEW_ROWS} rows; here is its full length. Page the rest with list= (analysis) or /snapshot/lists/{list}.`,
  }),
});

const snapshotSchema = summarySchema.extend({ snapshotId: int, createdAt: str }).openapi('PortfolioSnapshot');
const analysisSchema = summarySchema
  .extend({
    accounts: page(loose).optional().openapi({ description: 'Only with accounts=true' }),
    list: page(loose).optional().openapi({ description: 'Only with list=: one page of that list' }),
  })
  .openapi('PortfolioAnalysis');
const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(500).default(50),
};

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
    list: z.enum(ANALYSIS_LIST_NAMES).optional().openapi({
      description: 'One page of this list (revenue at risk, Green Circle by growth or potential)',
    }),
    ...pageQuery,
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
  .refine((q) => !(q.list && q.accounts === 'true'), {
    message: 'list and accounts=true page different things: ask for one of them',
    path: ['list'],
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

const snapshotList = createRoute({
  method: 'get',
  path: '/snapshot/lists/{list}',
  tags: ['portfolio'],
  summary: 'One page of a list of the latest published snapshot',
  request: {
    params: z.object({ list: z.enum(LIST_NAMES) }),
    query: z.object({ by: z.enum(['revenue', 'margin']).optional(), ...pageQuery }).strict(),
  },
  responses: {
    200: json(page(loose).extend({ snapshotId: int }), 'The page, from the snapshot it names'),
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
    .openapi(snapshotList, async (c) => {
      const { by, page, size } = c.req.valid('query');
      const { summary } = await latestSnapshot(c.get('db'), by);
      const listed = listPage(summary, c.req.valid('param').list, page, size);
      return c.json({ ...listed, snapshotId: summary.snapshotId }, 200);
    })
    .openapi(analysis, async (c) => {
      const { accounts: withAccounts, cell, list, page, size, all, ...options } = c.req.valid('query');
      const store = await c.get('analytic')();
      const { accounts, ...summary } = await rememberedAnalysis(c.get('db'), store, {
        ...options,
        all: all === 'true',
      });
      const preview = withListPreviews(summary);
      if (list) return c.json({ ...preview, list: listPage(summary, list, page, size) }, 200);
      if (withAccounts !== 'true') return c.json(preview, 200);
      const listed = cell ? accounts.filter((a) => a.matrixCell === cell) : accounts;
      const items = listed.slice((page - 1) * size, page * size);
      return c.json({ ...preview, accounts: { items, page, size, total: listed.length } }, 200);
    });
}
