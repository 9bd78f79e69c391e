import { z } from '@hono/zod-openapi';

/** METHOD G4: coverage counts decision makers, influencers and gatekeepers, so the role is a fixed list. */
export const CONTACT_ROLES = [
  'decision_maker',
  'influencer',
  'gatekeeper',
  'champion',
  'user',
  'economic_buyer',
  'other',
] as const;

const scale = z.number().int().min(1).max(5);
// '' is accepted and stored as null (an emptied field means "not known"): the service normalises it.
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const contactSchema = z
  .object({
    id: z.number().int(),
    accountId: z.string(),
    name: z.string(),
    role: z.enum(CONTACT_ROLES),
    jobTitle: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    influence: z.number().int(),
    relationshipStrength: z.number().int(),
    reportsTo: z.number().int().nullable(),
    notes: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Contact');

export const contactListSchema = z.object({ items: z.array(contactSchema) }).openapi('ContactList');

const fields = {
  name: z.string().trim().min(1, 'a contact needs a name').max(200),
  role: z.enum(CONTACT_ROLES),
  jobTitle: optionalText(200),
  email: z
    .union([z.literal(''), z.email('not a valid e-mail address').max(320)])
    .nullable()
    .optional(),
  phone: optionalText(50),
  influence: scale,
  relationshipStrength: scale,
  reportsTo: z.number().int().positive().nullable().optional(),
  notes: z.string().max(10_000).optional(),
};

export const contactCreateSchema = z.object(fields).strict().openapi('ContactCreate');

/** PATCH: only the fields sent change; `version` is the one the caller read (optimistic concurrency). */
export const contactUpdateSchema = z
  .object({
    ...fields,
    name: fields.name.optional(),
    role: fields.role.optional(),
    influence: scale.optional(),
    relationshipStrength: scale.optional(),
    version: z.number().int().min(1),
  })
  .strict()
  .openapi('ContactUpdate');

export const contactParamsSchema = z.object({ accountId: z.string().min(1).max(200) }).strict();
export const contactIdParamsSchema = z
  .object({ accountId: z.string().min(1).max(200), id: z.coerce.number().int().positive() })
  .strict();

export type Contact = z.infer<typeof contactSchema>;
export type ContactCreate = z.infer<typeof contactCreateSchema>;
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;
