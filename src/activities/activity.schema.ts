import { z } from '@hono/zod-openapi';

export const ACTIVITY_TYPES = ['visit', 'call', 'email', 'meeting', 'review', 'other'] as const;

/** A calendar day: the shape alone would let 2025-02-30 through, so the day must exist too. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, 'not a day in the calendar');

export const activitySchema = z
  .object({
    id: z.number().int(),
    accountId: z.string(),
    type: z.enum(ACTIVITY_TYPES),
    date: z.string(),
    durationMinutes: z.number().int(),
    userId: z.number().int(),
    /** The name of who logged it (null once that user is gone). */
    userName: z.string().nullable(),
    contactIds: z.array(z.number().int()),
    notes: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Activity');

export const activityListSchema = z
  .object({
    items: z.array(activitySchema),
    page: z.number().int(),
    size: z.number().int(),
    total: z.number().int(),
  })
  .openapi('ActivityList');

export const activityListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    size: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

const fields = {
  type: z.enum(ACTIVITY_TYPES),
  date: day,
  // METHOD P2 sets logged effort against revenue, so the duration is required (0 for a quick e-mail).
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  contactIds: z.array(z.number().int().positive()).max(100).optional(),
  notes: z.string().max(10_000).optional(),
};

export const activityCreateSchema = z.object(fields).strict().openapi('ActivityCreate');

/** PATCH: only the fields sent change; `contactIds` replaces the list; `version` as read. */
export const activityUpdateSchema = z
  .object({
    ...fields,
    type: fields.type.optional(),
    date: day.optional(),
    durationMinutes: fields.durationMinutes.optional(),
    version: z.number().int().min(1),
  })
  .strict()
  .openapi('ActivityUpdate');

export const activityParamsSchema = z.object({ accountId: z.string().min(1).max(200) }).strict();
export const activityIdParamsSchema = z
  .object({ accountId: z.string().min(1).max(200), id: z.coerce.number().int().positive() })
  .strict();

export type Activity = z.infer<typeof activitySchema>;
export type ActivityCreate = z.infer<typeof activityCreateSchema>;
export type ActivityUpdate = z.infer<typeof activityUpdateSchema>;
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;
