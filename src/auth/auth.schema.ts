import { z } from '@hono/zod-openapi';
import { ROLES } from '../users/user.schema.js';

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    language: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User');

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(
        z.object({ field: z.string().optional(), line: z.number().optional(), message: z.string() }),
      ),
    }),
  })
  .openapi('Error');
