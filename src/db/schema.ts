import type { ColumnType, Generated } from 'kysely';
import type { AdvanceFrequency } from '../domain/advance-frequency.js';

// Kysely's view of the tables of migrations/. NUMERIC and DATE columns are strings.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<string>;

export type TenantTable = {
  id: Id;
  name: string;
  plan: 'basic' | 'professional';
  access_version: Generated<number>;
  created_at: Timestamp;
};
export type OrganizationTable = {
  tenant_id: string;
  id: Id;
  name: string;
  settings: ColumnType<OrganizationSettingsJson, string, string>;
  created_at: Timestamp;
};
export type OrganizationSettingsJson = Record<string, unknown>;
export type UserTable = { tenant_id: string; id: Id; email: string; name: string; password_hash: string | null; created_at: Timestamp };
export type RoleTable = {
  tenant_id: string;
  id: Id;
  name: string;
  built_in: Generated<boolean>;
  permissions: ColumnType<Record<string, string[]>, string, string>;
};
export type MembershipTable = { tenant_id: string; user_id: string; organization_id: string; role_id: string };
export type SessionTable = { token_hash: string; tenant_id: string; user_id: string; created_at: Timestamp; expires_at: Timestamp };
export type CustomerTable = {
  tenant_id: string;
  organization_id: string;
  id: Id;
  name: string;
  email: string | null;
  language: Generated<'en' | 'fr' | 'nl'>;
  vat_number: string | null;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  customer_number: ColumnType<string | null, string | null | undefined, string | null>;
  address_line1: string;
  postal_code: string;
  city: string;
  country: string;
  created_at: Timestamp;
};
export type ConnectionPointTable = {
  tenant_id: string;
  organization_id: string;
  id: Id;
  ean: string;
  energy: 'electricity' | 'gas' | 'heat';
  address_line1: string;
  postal_code: string;
  city: string;
  country: string;
};
export type ProductTable = {
  tenant_id: string;
  organization_id: string;
  id: Id;
  code: string;
  name: string;
  energy: 'electricity' | 'gas' | 'heat';
  prices: ColumnType<unknown, string, string>;
};
export type ContractTable = {
  tenant_id: string;
  organization_id: string;
  id: Id;
  customer_id: string;
  connection_point_id: string;
  product_id: string;
  move_in_date: string;
  signature_date: string;
  end_date: string | null;
  advance_frequency: AdvanceFrequency;
  advance_amount: string | null;
  first_advance_start_date: string | null;
  estimated_annual_consumption_kwh: number;
  iban: ColumnType<string | null, string | null | undefined, string | null>;
  direct_debit_consented_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
};
export type MeterReadingTable = {
  tenant_id: string;
  organization_id: string;
  id: Id;
  connection_point_id: string;
  read_on: string;
  value: string;
  reason: 'move_in' | 'move_out' | 'periodic';
  created_at: Timestamp;
};
export type RateLimitTable = { key: string; hits: number; window_started_at: Date };
export type MoveInTable = {
  tenant_id: string;
  organization_id: string;
  id: Id;
  source: 'move_request' | 'manual';
  status: 'new' | 'accepted' | 'rejected';
  request: ColumnType<unknown, string, string>;
  contract_id: string | null;
  rejection_reason: string | null;
  created_at: Timestamp;
  created_by: string | null;
  decided_at: Timestamp | null;
};
export type BillingPeriodTable = {
  tenant_id: string;
  organization_id: string;
  id: Id;
  contract_id: string;
  start_date: string;
  end_date: string;
  status: Generated<'open' | 'closed'>;
  closed_at: Timestamp | null;
};
export type AdvancePeriodTable = {
  tenant_id: string;
  organization_id: string;
  id: Id;
  contract_id: string;
  billing_period_id: string;
  start_date: string;
  end_date: string;
  amount: string;
  status: Generated<'planned' | 'draft' | 'invoiced' | 'skipped'>;
  skipped_at: Timestamp | null;
  skipped_by: string | null;
  skip_reason: string | null;
};
export type InvoiceTable = {
  tenant_id: string;
  organization_id: string;
  id: Id;
  kind: 'advance' | 'settlement' | 'credit_note';
  status: 'draft' | 'final';
  customer_id: string;
  contract_id: string;
  advance_period_id: string | null;
  number: string | null;
  issue_date: string | null;
  due_date: string | null;
  period_start: string;
  period_end: string;
  net: string;
  vat: string;
  gross: string;
  payment_reference: string | null;
  created_at: Timestamp;
  finalized_at: Timestamp | null;
};
export type InvoiceLineTable = {
  tenant_id: string;
  invoice_id: string;
  position: number;
  description: string;
  quantity: string;
  unit_price: string;
  vat_rate: string;
  net: string;
};
export type LedgerEntryTable = {
  tenant_id: string;
  organization_id: string;
  id: Id;
  customer_id: string;
  invoice_id: string | null;
  kind: 'invoice' | 'payment' | 'credit_note' | 'refund';
  amount: string;
  booked_on: string;
  created_at: Timestamp;
};
export type AuditLogTable = {
  tenant_id: string;
  organization_id: string | null;
  id: Generated<number>;
  actor_user_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  at: Timestamp;
};
export type IdempotencyKeyTable = {
  tenant_id: string;
  user_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
};

export type InvitationTable = {
  token_hash: string;
  tenant_id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};
export type LoginThrottleTable = { key: string; failures: number; window_started_at: Timestamp; blocked_until: Timestamp | null };

export type Database = {
  tenants: TenantTable;
  organizations: OrganizationTable;
  users: UserTable;
  roles: RoleTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  customers: CustomerTable;
  connection_points: ConnectionPointTable;
  products: ProductTable;
  contracts: ContractTable;
  move_ins: MoveInTable;
  billing_periods: BillingPeriodTable;
  advance_periods: AdvancePeriodTable;
  invoices: InvoiceTable;
  invoice_lines: InvoiceLineTable;
  ledger_entries: LedgerEntryTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeyTable;
  invitations: InvitationTable;
  login_throttle: LoginThrottleTable;
  meter_readings: MeterReadingTable;
  rate_limits: RateLimitTable;
};
