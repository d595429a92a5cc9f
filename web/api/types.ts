// Response and request shapes of the HTTP API (docs/API.md and its back-office extensions).
// Amounts are decimal strings ("85.00"), dates are "YYYY-MM-DD" calendar dates, ids are opaque.

export type Amount = string;
export type CalendarDate = string;

export type Page<T> = { items: T[]; nextCursor: string | null };

export type User = { id: string; email: string; name: string };

export type LoginResponse = { token: string; user: User };

/** Actions a role allows per entity, e.g. `{ advancePeriods: ['read', 'skip'] }`. */
export type Permissions = Record<string, string[]>;

export type OrganizationMembership = {
  id: string;
  name: string;
  role: { id: string; name: string };
  permissions: Permissions;
};

export type Me = {
  user: User;
  tenant: { id: string; name: string; plan: Plan };
  organizations: OrganizationMembership[];
};

export type Energy = 'electricity' | 'gas' | 'heat';
export type ContractStatus = 'active' | 'ended' | 'pending';
export type AdvanceFrequency = 'none' | 'monthly' | 'bimonthly' | 'quarterly' | 'semiannual' | 'annual';

export type Contract = {
  id: string;
  customerId: string;
  customerName: string;
  ean: string;
  energy: Energy;
  status: ContractStatus;
  moveInDate: CalendarDate;
  signatureDate: CalendarDate;
  endDate: CalendarDate | null;
  advanceFrequency: AdvanceFrequency;
  advanceAmount: Amount | null;
  firstAdvanceStartDate: CalendarDate | null;
  estimatedAnnualConsumptionKwh: number;
  productId: string;
  productName: string;
  missingCount: number;
};

export type Address = { line1: string; postalCode: string; city: string; country: string };

export type ContractDetail = Contract & { address: Address };

export type ContractListParams = { q?: string; customerId?: string; limit?: number; cursor?: string };

export type AdvancePeriodStatus = 'planned' | 'draft' | 'invoiced' | 'skipped';
export type SkipRefusalCode = 'invoice_exists' | 'billing_period_closed' | 'already_skipped';

export type AdvancePeriod = {
  id: string;
  startDate: CalendarDate;
  endDate: CalendarDate;
  amount: Amount;
  status: AdvancePeriodStatus;
  missing: boolean;
  invoiceId: string | null;
  invoiceNumber: string | null;
  /** Why skipping would be refused right now; null when it is allowed. */
  skipRefusal: SkipRefusalCode | null;
  skipped: { at: string; by: string; reason: string | null } | null;
};

export type BillingPeriod = {
  id: string;
  startDate: CalendarDate;
  endDate: CalendarDate;
  status: 'open' | 'closed';
  advancePeriods: AdvancePeriod[];
};

export type BillingAnalysis = { billingPeriods: BillingPeriod[] };

export type UnbilledFilter = {
  kind: 'advance';
  contractId?: string;
  q?: string;
  from?: CalendarDate;
  to?: CalendarDate;
};

export type UnbilledAdvancePeriod = {
  advancePeriodId: string;
  contractId: string;
  customerName: string;
  ean: string;
  energy: Energy;
  startDate: CalendarDate;
  endDate: CalendarDate;
  amount: Amount;
  missing: boolean;
};

export type UnbilledSummary = { count: number; totalAmount: Amount };

export type SkipAdvancePeriodsRequest = { advancePeriodIds: string[]; reason?: string } | { filter: UnbilledFilter; reason?: string };

export type SkipResult =
  | { advancePeriodId: string; ok: true; status: 'skipped' }
  | { advancePeriodId: string; ok: false; error: { code: string; message: string } };

export type SkipAdvancePeriodsResponse = { results: SkipResult[]; skipped: number; refused: number };

export type Plan = 'basic' | 'professional';

/** An entity a role can name, with its actions (`read`, `create`, ..., and its own verbs such as `skip`). */
export type PermissionEntity = { entity: string; actions: string[] };

export type Role = {
  id: string;
  name: string;
  builtIn: boolean;
  permissions: Permissions;
  /** How many memberships (user × organization) use the role. */
  memberships?: number;
};

export type CreateRoleRequest =
  { name: string; permissions: Permissions } | { name: string; copyFromRoleId: string; permissions?: Permissions };

export type UpdateRoleRequest = { name?: string; permissions?: Permissions };

export type UserMembership = { organizationId: string; roleId: string };

export type TenantUser = User & { memberships: UserMembership[]; invitationPending?: boolean };

export type CreateUserRequest = { email: string; name: string; memberships: UserMembership[] };

/** The added user, with the link that lets them choose a password (null when the admin gave one). */
export type CreatedUser = TenantUser & { invitationUrl: string | null };

/** `memberships` is the full new list: an organization left out loses its access. */
export type UpdateUserRequest = { name?: string; memberships?: UserMembership[] };

export type AuditEntity = 'user' | 'role';
export type AuditAction = 'create' | 'update' | 'delete' | 'change_memberships' | 'rename';

/** A change of a user, their memberships or a role; `before` and `after` are the entity's relevant fields, as recorded. */
export type AuditEntry = {
  at: string;
  actor: { id: string; name: string | null } | null;
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
};
