/**
 * The API's types, shared with the server: each is inferred from the zod schema the server validates
 * and documents with (type-only imports, so nothing of the server reaches the bundle).
 */
export type {
  AccountDetail,
  AccountListItem,
  AccountListQuery,
  AccountUpdate,
  HistoryEntry,
} from '../../../src/accounts/account.api-schema.js';
export type { Activity, ActivityCreate, ActivityUpdate } from '../../../src/activities/activity.schema.js';
export type { Contact, ContactCreate, ContactUpdate } from '../../../src/contacts/contact.schema.js';
export type { PortfolioReport } from '../../../src/portfolio/portfolio.report-model.js';
export type { Settings } from '../../../src/settings/setting.schema.js';
export type { Role } from '../../../src/users/user.schema.js';

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
