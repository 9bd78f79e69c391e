import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { findAccount, updateAccount } from './account.repository.js';
import {
  type Account,
  abcClassSchema,
  type ImportedField,
  reasonSchema,
  tierSchema,
} from './account.schema.js';

export interface AccountOverrideInput {
  /** Attributes a person corrects; later imports leave them alone. */
  attributes?: Partial<Record<ImportedField, string>> | undefined;
  /** 'auto' removes a manual tier and lets the rules decide again. */
  tier?: 'green' | 'transactional' | 'auto' | undefined;
  class?: 'A' | 'B' | 'C' | 'auto' | undefined;
  reason?: string | undefined;
  /** Share-of-wallet estimate in the workspace currency; null removes it. */
  wallet?: string | null | undefined;
  by: string;
  /** When given, the change is refused (409) unless the account is still at this version. */
  expectedVersion?: number | undefined;
}

/**
 * METHOD P3 and G1: a class or tier set by hand always carries a reason, and who set it and when, so
 * the analysis can show why an account is where it is.
 */
export async function setAccountOverrides(
  db: Kysely<Database>,
  id: string,
  input: AccountOverrideInput,
  now = new Date().toISOString(),
): Promise<Account> {
  const account = await findAccount(db, id);
  if (!account) throw new KontorError('not_found', `There is no account "${id}".`);
  const settingOverride =
    (input.tier !== undefined && input.tier !== 'auto') ||
    (input.class !== undefined && input.class !== 'auto');
  let reason: string | null = null;
  if (settingOverride) {
    const parsed = reasonSchema.safeParse(input.reason ?? '');
    if (!parsed.success) {
      throw new KontorError('validation', 'A class or tier set by hand needs a reason (--reason "…").', [
        { field: 'reason', message: parsed.error.issues[0]?.message ?? 'required' },
      ]);
    }
    reason = parsed.data;
  }
  const changes: Parameters<typeof updateAccount>[2] = { updated_at: now };
  if (input.tier === 'auto')
    Object.assign(changes, {
      manual_tier: null,
      manual_tier_reason: null,
      manual_tier_by: null,
      manual_tier_at: null,
    });
  else if (input.tier !== undefined) {
    const tier = tierSchema.parse(input.tier);
    Object.assign(changes, {
      manual_tier: tier,
      manual_tier_reason: reason,
      manual_tier_by: input.by,
      manual_tier_at: now,
    });
  }
  if (input.class === 'auto')
    Object.assign(changes, {
      manual_class: null,
      manual_class_reason: null,
      manual_class_by: null,
      manual_class_at: null,
    });
  else if (input.class !== undefined) {
    const abcClass = abcClassSchema.parse(input.class);
    Object.assign(changes, {
      manual_class: abcClass,
      manual_class_reason: reason,
      manual_class_by: input.by,
      manual_class_at: now,
    });
  }
  if (input.wallet !== undefined) {
    if (input.wallet !== null && !/^\d+(\.\d+)?$/.test(input.wallet)) {
      throw new KontorError(
        'validation',
        `The wallet estimate must be a positive amount like 250000 or 250000.50, not "${input.wallet}".`,
        [{ field: 'wallet', message: 'not an amount' }],
      );
    }
    changes.wallet = input.wallet;
  }
  const attributes = Object.entries(input.attributes ?? {}).filter(([, value]) => value !== undefined);
  if (attributes.length > 0) {
    for (const [field, value] of attributes) {
      if (field === 'name' && !value?.trim())
        throw new KontorError('validation', 'An account name cannot be empty.');
      Object.assign(changes, { [field]: value?.trim() || null });
    }
    const edited = new Set([...account.editedFields, ...attributes.map(([field]) => field as ImportedField)]);
    changes.edited_fields = JSON.stringify([...edited].sort());
  }
  if (!(await updateAccount(db, id, changes, input.expectedVersion))) {
    throw new KontorError(
      'conflict',
      `Someone else changed account ${id} in the meantime. Reload it and make your change again.`,
    );
  }
  return (await findAccount(db, id))!;
}
