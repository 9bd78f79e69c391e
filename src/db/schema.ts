import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** Money is a decimal string everywhere in the operational store: never binary floating point. */
export type Money = string;
type Timestamp = ColumnType<string, string, string>;

export interface AccountTable {
  id: string;
  name: string;
  segment: string | null;
  region: string | null;
  owner: string | null;
  /** Attributes that came with the sales data but have no column of their own (JSON object). */
  attributes: string;
  /** JSON array of field names a person edited; imports never overwrite those. */
  edited_fields: string;
  manual_class: 'A' | 'B' | 'C' | null;
  manual_class_reason: string | null;
  manual_class_by: string | null;
  manual_class_at: string | null;
  manual_tier: 'green' | 'transactional' | null;
  manual_tier_reason: string | null;
  manual_tier_by: string | null;
  manual_tier_at: string | null;
  wallet: Money | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccountMetricsTable {
  account_id: string;
  snapshot_id: number;
  revenue: Money;
  cost: Money | null;
  margin: Money | null;
  margin_pct: number | null;
  orders: number;
  lines: number;
  first_purchase: string | null;
  last_purchase: string | null;
  active_months: number;
  previous_revenue: Money | null;
  growth: number | null;
  quarter_growth: number | null;
  class: 'A' | 'B' | 'C';
  computed_class: 'A' | 'B' | 'C';
  tier: 'green' | 'transactional';
  tier_reasons: string;
  rank: number | null;
  share: number | null;
  cumulative_share: number | null;
  computed_at: Timestamp;
  /** Sort keys the database derives from revenue and margin (generated columns, indexed). */
  revenue_value: GeneratedAlways<number>;
  margin_value: GeneratedAlways<number | null>;
}

export interface PortfolioSnapshotTable {
  id: Generated<number>;
  created_at: Timestamp;
  window_from: string;
  window_to: string;
  value_basis: 'revenue' | 'margin';
  filters: string;
  /** The analysis result without the per-account rows (JSON). */
  summary: string;
}

export interface SnapshotAccountTable {
  snapshot_id: number;
  account_id: string;
  class: 'A' | 'B' | 'C';
  tier: 'green' | 'transactional';
  value: Money;
}

export interface SettingTable {
  key: string;
  value: string;
  /** Optimistic concurrency per section; a section without a row is at version 0. */
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface ImportTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  status: 'succeeded' | 'failed' | 'rejected';
  started_at: Timestamp;
  finished_at: Timestamp;
  summary: string;
}

export interface PotentialRunTable {
  id: Generated<number>;
  created_at: string;
  summary: string;
}

export interface AccountPotentialTable {
  account_id: string;
  run_id: number;
  expected_transactions: number;
  expected_spend: number;
  expected_revenue: Money;
  predicted_12m_revenue: Money;
  probability_alive: number;
  clv: Money;
  computed_at: string;
}

export type Role = 'admin' | 'manager' | 'account_manager' | 'viewer';

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  language: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  scope: 'read' | 'write';
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AccountTeamTable {
  account_id: string;
  user_id: number;
  team_role: 'lead' | 'member' | 'executive_sponsor' | 'specialist';
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_token_id: number | null;
  actor_label: string;
  entity: string;
  entity_id: string;
  action: 'create' | 'update' | 'delete';
  before: string | null;
  after: string | null;
}

export type ContactRole =
  | 'decision_maker'
  | 'influencer'
  | 'gatekeeper'
  | 'champion'
  | 'user'
  | 'economic_buyer'
  | 'other';

export interface ContactTable {
  id: Generated<number>;
  account_id: string;
  name: string;
  role: ContactRole;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  influence: number;
  relationship_strength: number;
  reports_to: number | null;
  notes: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export type ActivityType = 'visit' | 'call' | 'email' | 'meeting' | 'review' | 'other';

export interface ActivityTable {
  id: Generated<number>;
  account_id: string;
  type: ActivityType;
  /** YYYY-MM-DD: the day it happened, no time zone to get wrong. */
  date: string;
  duration_minutes: number;
  user_id: number;
  notes: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface ActivityContactTable {
  activity_id: number;
  contact_id: number;
}

export interface Database {
  accounts: AccountTable;
  account_metrics: AccountMetricsTable;
  portfolio_snapshots: PortfolioSnapshotTable;
  snapshot_accounts: SnapshotAccountTable;
  settings: SettingTable;
  imports: ImportTable;
  potential_runs: PotentialRunTable;
  account_potential: AccountPotentialTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  account_teams: AccountTeamTable;
  audit_log: AuditLogTable;
  contacts: ContactTable;
  activities: ActivityTable;
  activity_contacts: ActivityContactTable;
}
