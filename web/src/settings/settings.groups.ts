import type { Settings, SettingsSection } from '../api/types';

/** Every setting's dotted path ("abc.aThreshold"), derived from the server's settings type. */
export type FieldPath = {
  [S in SettingsSection]: Settings[S] extends object ? `${S}.${keyof Settings[S] & string}` : S;
}[SettingsSection];

/**
 * How each setting is entered. Shares (0–1 on the server) are typed as percentages, because that is
 * how the method and a sales leader say them ("the first 80% of revenue").
 */
export type FieldKind =
  /** A share above 0 and at most 100%. */
  | 'share'
  /** A rate from 0 to 100% (0 allowed, e.g. a discount rate). */
  | 'rate'
  /** A whole number from `min` (to `max`). */
  | 'count'
  /** An amount in the workspace currency, 0 or more. */
  | 'money'
  /** A month, 1–12. */
  | 'month'
  /** A three-letter ISO 4217 code. */
  | 'currency';

export interface FieldSpec {
  /** Dotted path in the settings document, the same the server names in its field errors. */
  path: FieldPath;
  kind: FieldKind;
  min?: number;
  max?: number;
  /** The default is Kontor's, not a figure from the method (the page says which). */
  kontorDefault?: true;
  /** Shown as a number of days, weeks, customers, … after the input. */
  unit?: 'days' | 'weeks' | 'months' | 'customers' | 'contacts' | 'points';
}

/** A rule between two fields of a group, reported on `path` (as the server does). */
export interface CrossCheck {
  path: FieldPath;
  /** The value at `path` must not be below the value at `atLeast`. */
  atLeast: FieldPath;
  message: 'bNotBelowA' | 'maxNotBelowMin';
}

export interface GroupSpec {
  id: GroupId;
  /** The method's rules the group implements, cited in its description. */
  method: string;
  fields: FieldSpec[];
  checks?: CrossCheck[];
}

export type GroupId =
  | 'workspace'
  | 'abc'
  | 'concentration'
  | 'warnings'
  | 'greenCircle'
  | 'cadence'
  | 'contactCoverage'
  | 'timeAllocation'
  | 'potential';

/** The page's sections, in the order a sales leader thinks about them: money, who matters, how to serve. */
export const GROUPS: GroupSpec[] = [
  {
    id: 'workspace',
    method: 'P1 · P5',
    fields: [
      { path: 'currency', kind: 'currency', kontorDefault: true },
      { path: 'fiscalYearStartMonth', kind: 'month', kontorDefault: true },
      { path: 'analysisWindowMonths', kind: 'count', min: 1, max: 120, unit: 'months' },
      { path: 'hourlyCost', kind: 'money', kontorDefault: true },
    ],
  },
  {
    id: 'abc',
    method: 'P3',
    fields: [
      { path: 'abc.aThreshold', kind: 'share' },
      { path: 'abc.bThreshold', kind: 'share' },
    ],
    checks: [{ path: 'abc.bThreshold', atLeast: 'abc.aThreshold', message: 'bNotBelowA' }],
  },
  {
    id: 'concentration',
    method: 'P1',
    fields: [
      { path: 'concentration.topShare', kind: 'share' },
      { path: 'concentration.reachShare', kind: 'share' },
      { path: 'concentration.topCustomersCount', kind: 'count', min: 1, unit: 'customers' },
      { path: 'concentration.lorenzPoints', kind: 'count', min: 2, unit: 'points', kontorDefault: true },
    ],
  },
  {
    id: 'warnings',
    method: 'P4',
    fields: [
      { path: 'warnings.largestCustomerMaxShare', kind: 'share' },
      { path: 'warnings.top5MaxShare', kind: 'share' },
      { path: 'warnings.minCustomersTo80', kind: 'count', min: 0, unit: 'customers' },
      {
        path: 'warnings.prioritisationMinCustomers',
        kind: 'count',
        min: 0,
        unit: 'customers',
        kontorDefault: true,
      },
    ],
  },
  {
    id: 'greenCircle',
    method: 'G1',
    fields: [
      { path: 'greenCircle.revenueTopShare', kind: 'share' },
      { path: 'greenCircle.marginTopShare', kind: 'share' },
    ],
  },
  {
    id: 'cadence',
    method: 'G2',
    fields: [
      { path: 'cadence.greenMaxDays', kind: 'count', min: 1, unit: 'days' },
      { path: 'cadence.transactionalMinDays', kind: 'count', min: 1, unit: 'days' },
      { path: 'cadence.transactionalMaxDays', kind: 'count', min: 1, unit: 'days' },
    ],
    checks: [
      {
        path: 'cadence.transactionalMaxDays',
        atLeast: 'cadence.transactionalMinDays',
        message: 'maxNotBelowMin',
      },
    ],
  },
  {
    id: 'contactCoverage',
    method: 'G4',
    fields: [
      { path: 'contactCoverage.min', kind: 'count', min: 1, unit: 'contacts' },
      { path: 'contactCoverage.max', kind: 'count', min: 1, unit: 'contacts' },
    ],
    checks: [{ path: 'contactCoverage.max', atLeast: 'contactCoverage.min', message: 'maxNotBelowMin' }],
  },
  {
    id: 'timeAllocation',
    method: 'T1 · T2',
    fields: [
      { path: 'timeAllocation.existingFactor', kind: 'share' },
      { path: 'timeAllocation.newFactor', kind: 'share' },
    ],
  },
  {
    id: 'potential',
    method: 'G1',
    fields: [
      { path: 'potential.achievableShare', kind: 'share', kontorDefault: true },
      { path: 'potential.horizonWeeks', kind: 'count', min: 1, unit: 'weeks', kontorDefault: true },
      { path: 'potential.annualDiscountRate', kind: 'rate', kontorDefault: true },
    ],
  },
];

/** The section (one stored row, one version) a field belongs to. */
export function sectionOf(path: string): SettingsSection {
  return path.split('.')[0] as SettingsSection;
}
