/**
 * The API's types, shared with the server: each is inferred from the zod schema the server validates
 * and documents with (type-only imports, so nothing of the server reaches the bundle).
 */
export type {
  AccountDetail,
  AccountLatestMetrics,
  AccountListItem,
  AccountListQuery,
  AccountRecord,
  AccountUpdate,
  HistoryEntry,
} from '../../../src/accounts/account.api-schema.js';
export type { AccountFacets } from '../../../src/accounts/account-facets.routes.js';
export type { AccountMonthlyMetrics } from '../../../src/accounts/account-metrics.routes.js';
export type { TeamMember } from '../../../src/accounts/account-team.routes.js';
export type { Activity, ActivityCreate, ActivityUpdate } from '../../../src/activities/activity.schema.js';
export type { Contact, ContactCreate, ContactUpdate } from '../../../src/contacts/contact.schema.js';
export type { ImportSummary, RejectedRow } from '../../../src/import/import.schema.js';
export type {
  ImportPreview,
  PreviewCell,
  PreviewProblem,
  PreviewRow,
} from '../../../src/import/preview.schema.js';
export type { RecentImport } from '../../../src/imports/import.routes.js';
export type { ImportJob, JobEvent } from '../../../src/imports/import-jobs.js';
export type { ApiSummary, ListName } from '../../../src/portfolio/portfolio.lists.js';
export type { PortfolioReport, ReportAccount } from '../../../src/portfolio/portfolio.report-model.js';
export type {
  Settings,
  SettingsDocument,
  SettingsSection,
  SettingsVersions,
} from '../../../src/settings/setting.schema.js';
export type { ApiToken } from '../../../src/tokens/token.routes.js';
export type { Role, User } from '../../../src/users/user.schema.js';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: import('../../../src/users/user.schema.js').Role;
  language: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}
