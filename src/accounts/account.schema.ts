import { z } from 'zod';

export const abcClassSchema = z.enum(['A', 'B', 'C']);
export const tierSchema = z.enum(['green', 'transactional']);

/** Attributes an import may set; a person's edit of any of them wins over later imports. */
export const IMPORTED_FIELDS = ['name', 'segment', 'region', 'owner'] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];

export interface ImportedAccount {
  id: string;
  name: string | null;
  segment: string | null;
  region: string | null;
  owner: string | null;
}

export const reasonSchema = z.string().trim().min(3, 'give a reason of at least 3 characters').max(500);

export const manualClassSchema = z.object({
  class: abcClassSchema.nullable(),
  reason: reasonSchema.nullable(),
});
export const manualTierSchema = z.object({ tier: tierSchema.nullable(), reason: reasonSchema.nullable() });

export interface Account {
  id: string;
  name: string;
  segment: string | null;
  region: string | null;
  owner: string | null;
  attributes: Record<string, unknown>;
  editedFields: ImportedField[];
  manualClass: { class: 'A' | 'B' | 'C'; reason: string; by: string | null; at: string | null } | null;
  manualTier: {
    tier: 'green' | 'transactional';
    reason: string;
    by: string | null;
    at: string | null;
  } | null;
  wallet: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
