import { z } from 'zod';

export const ROLES = ['admin', 'manager', 'account_manager', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Languages of the web app's interface; stored per user so the choice follows them between browsers. */
export const USER_LANGUAGES = ['en', 'de'] as const;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('not a valid e-mail address'));
export const passwordSchema = z
  .string()
  .min(10, 'a password needs at least 10 characters')
  .max(200, 'a password can have at most 200 characters');

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  language: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
