import type { Settings, SettingsSection, SettingsVersions } from '../api/types';
import { type FieldSpec, type GroupSpec, sectionOf } from './settings.groups';

/** What an input holds: a number, '' while empty, or text (the currency). */
export type FieldValue = number | string;
export type FormValues = Record<string, FieldValue>;

/** One invalid field: a message key of the `settings` namespace and its parameters. */
export interface FieldProblem {
  key: string;
  params?: Record<string, number | string>;
}

const isPercent = (field: FieldSpec) => field.kind === 'share' || field.kind === 'rate';

/**
 * 0.8 → 80 and back. Rounded to 12 significant digits so that 0.07 × 100 shows as 7, not
 * 7.000000000000001, and 12.5% is stored as exactly 0.125.
 */
export function shareToPercent(share: number): number {
  return Number((share * 100).toPrecision(12));
}

export function percentToShare(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

export function readPath(settings: Settings, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], settings);
}

/** The form's values for a group, as the user types them (percentages for shares). */
export function toFormValues(group: GroupSpec, settings: Settings): FormValues {
  return Object.fromEntries(
    group.fields.map((field) => {
      const value = readPath(settings, field.path);
      if (typeof value === 'number') return [field.path, isPercent(field) ? shareToPercent(value) : value];
      return [field.path, typeof value === 'string' ? value : ''];
    }),
  );
}

/** What the server would refuse, found before sending, so the message can be in the user's language. */
export function validate(group: GroupSpec, values: FormValues): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of group.fields) {
    const problem = checkField(field, values[field.path]);
    if (problem) problems[field.path] = problem;
  }
  for (const check of group.checks ?? []) {
    const value = values[check.path];
    const floor = values[check.atLeast];
    if (problems[check.path] || problems[check.atLeast]) continue;
    if (typeof value === 'number' && typeof floor === 'number' && value < floor)
      problems[check.path] = { key: `errors.${check.message}`, params: { min: floor } };
  }
  return problems;
}

function checkField(field: FieldSpec, value: FieldValue | undefined): FieldProblem | null {
  if (field.kind === 'currency')
    return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? null : { key: 'errors.currency' };
  if (typeof value !== 'number' || Number.isNaN(value)) return { key: 'errors.required' };
  switch (field.kind) {
    case 'share':
      return value > 0 && value <= 100 ? null : { key: 'errors.share' };
    case 'rate':
      return value >= 0 && value <= 100 ? null : { key: 'errors.rate' };
    case 'money':
      return value >= 0 ? null : { key: 'errors.notNegative' };
    case 'month':
      return Number.isInteger(value) && value >= 1 && value <= 12 ? null : { key: 'errors.month' };
    case 'count': {
      if (!Number.isInteger(value)) return { key: 'errors.whole' };
      const min = field.min ?? 0;
      if (value < min) return { key: 'errors.atLeast', params: { min } };
      if (field.max !== undefined && value > field.max)
        return { key: 'errors.atMost', params: { max: field.max } };
      return null;
    }
  }
}

export interface SettingsPatch {
  versions: Partial<SettingsVersions>;
  [section: string]: unknown;
}

/**
 * The PATCH body for a group: only the sections whose values differ from what was loaded, each with
 * the version it was loaded at, so a save never overwrites a field someone else changed meanwhile.
 * A nested section is sent whole (all of its fields are in the same group). Null when nothing changed.
 */
export function toPatch(
  group: GroupSpec,
  values: FormValues,
  baseline: Settings & { versions: SettingsVersions },
): SettingsPatch | null {
  const original = toFormValues(group, baseline);
  const changed = new Set<SettingsSection>();
  for (const field of group.fields)
    if (values[field.path] !== original[field.path]) changed.add(sectionOf(field.path));
  if (changed.size === 0) return null;
  const patch: SettingsPatch = { versions: {} };
  for (const section of changed) {
    patch.versions[section] = baseline.versions[section];
    const fields = group.fields.filter((field) => sectionOf(field.path) === section);
    if (fields.length === 1 && fields[0]!.path === section) {
      patch[section] = serverValue(fields[0]!, values[section]);
    } else {
      patch[section] = Object.fromEntries(
        fields.map((field) => [field.path.split('.')[1], serverValue(field, values[field.path])]),
      );
    }
  }
  return patch;
}

function serverValue(field: FieldSpec, value: FieldValue | undefined): unknown {
  if (typeof value === 'number' && isPercent(field)) return percentToShare(value);
  return value;
}
