import { z } from '@hono/zod-openapi';

export const accountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    segment: z.string().nullable(),
    region: z.string().nullable(),
    owner: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    editedFields: z.array(z.string()),
    manualClass: z
      .object({
        class: z.enum(['A', 'B', 'C']),
        reason: z.string(),
        by: z.string().nullable(),
        at: z.string().nullable(),
      })
      .nullable(),
    manualTier: z
      .object({
        tier: z.enum(['green', 'transactional']),
        reason: z.string(),
        by: z.string().nullable(),
        at: z.string().nullable(),
      })
      .nullable(),
    wallet: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Account');

export const accountListItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    segment: z.string().nullable(),
    region: z.string().nullable(),
    owner: z.string().nullable(),
    class: z.enum(['A', 'B', 'C']).nullable(),
    tier: z.enum(['green', 'transactional']).nullable(),
    revenue: z.string().nullable(),
    margin: z.string().nullable(),
    marginPct: z.number().nullable().openapi({ description: 'Margin as a share of revenue (0.25 = 25%)' }),
    growth: z
      .number()
      .nullable()
      .openapi({ description: 'Revenue growth against the window before (0.1 = +10%)' }),
    share: z.number().nullable().openapi({ description: 'Share of the portfolio revenue' }),
    lastPurchase: z.string().nullable(),
    rank: z.number().int().nullable(),
  })
  .strict()
  .openapi('AccountListItem');

export const SORTABLE = ['name', 'revenue', 'margin', 'growth', 'rank', 'id'] as const;

/** The filters and sort of the list, shared by its export. */
const accountViewFields = {
  sort: z.enum(SORTABLE).default('rank'),
  order: z.enum(['asc', 'desc']).default('asc'),
  class: z.enum(['A', 'B', 'C']).optional(),
  tier: z.enum(['green', 'transactional']).optional(),
  segment: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  owner: z.string().min(1).optional(),
  search: z.string().min(1).max(100).optional(),
  member: z
    .string()
    .regex(/^(me|[1-9]\d{0,9})$/, '"me" or a user id')
    .optional()
    .openapi({ description: 'Only accounts whose team this user is on: "me" or a user id' }),
};

export const accountListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    size: z.coerce.number().int().min(1).max(500).default(50),
    ...accountViewFields,
  })
  .strict();

export const accountExportQuerySchema = z
  .object({ format: z.enum(['csv', 'xlsx']).default('csv'), ...accountViewFields })
  .strict();

export const accountListSchema = z
  .object({
    items: z.array(accountListItemSchema),
    page: z.number().int(),
    size: z.number().int(),
    total: z.number().int(),
  })
  .openapi('AccountList');

export type AccountListQuery = z.infer<typeof accountListQuerySchema>;
export type AccountExportQuery = z.infer<typeof accountExportQuerySchema>;
export type AccountListItem = z.infer<typeof accountListItemSchema>;

const reason = z.string().trim().min(3).max(500);

/** PATCH body: `version` is the one the caller saw; a class or tier set by hand needs a reason. */
export const accountUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(200).optional(),
    segment: z.string().trim().max(100).optional(),
    region: z.string().trim().max(100).optional(),
    owner: z.string().trim().max(100).optional(),
    wallet: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'an amount like 250000 or 250000.50')
      .nullable()
      .optional(),
    manualClass: z
      .object({ class: z.enum(['A', 'B', 'C']).nullable(), reason: reason.optional() })
      .strict()
      .optional(),
    manualTier: z
      .object({ tier: z.enum(['green', 'transactional']).nullable(), reason: reason.optional() })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('AccountUpdate');

export const historyEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    actorUserId: z.number().int().nullable(),
    actorTokenId: z.number().int().nullable(),
    entity: z.string(),
    entityId: z.string(),
    action: z.enum(['create', 'update', 'delete']),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('HistoryEntry');

/** The latest published analysis of one account (null before the first unfiltered analysis). */
export const accountLatestMetricsSchema = z
  .object({
    snapshotId: z.number().int(),
    computedAt: z.string(),
    windowFrom: z.string(),
    windowTo: z.string(),
    revenue: z.string(),
    cost: z.string().nullable(),
    margin: z.string().nullable(),
    marginPct: z.number().nullable(),
    previousRevenue: z.string().nullable(),
    growth: z.number().nullable(),
    quarterGrowth: z.number().nullable(),
    orders: z.number().int(),
    firstPurchase: z.string().nullable(),
    lastPurchase: z.string().nullable(),
    class: z.enum(['A', 'B', 'C']).openapi({ description: 'In force at the analysis (manual wins)' }),
    computedClass: z.enum(['A', 'B', 'C']),
    tier: z.enum(['green', 'transactional']).openapi({ description: 'In force at the analysis' }),
    computedTier: z.enum(['green', 'transactional']),
    tierReasons: z.array(z.enum(['revenue', 'margin', 'potential', 'manual'])),
    rank: z.number().int().nullable(),
    share: z.number().nullable(),
  })
  .strict()
  .openapi('AccountLatestMetrics');

/** GET /accounts/{id}: the account with its latest published metrics, for the account page header. */
export const accountDetailSchema = accountSchema
  .extend({ metrics: accountLatestMetricsSchema.nullable() })
  .openapi('AccountDetail');

export type AccountRecord = z.infer<typeof accountSchema>;
export type AccountLatestMetrics = z.infer<typeof accountLatestMetricsSchema>;
export type AccountDetail = z.infer<typeof accountDetailSchema>;
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
