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
  /** the server's billing day (Europe/Brussels) */
  today: string;
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

export type Language = 'en' | 'fr' | 'nl';
export type MoveInStatus = 'new' | 'accepted' | 'rejected';
export type MoveInSource = 'manual' | 'move_request';

export type NewCustomer = { name: string; email?: string; phone?: string; language?: Language; vatNumber?: string };

/** A move-in as entered (`POST /move-ins`) or as completed by staff (`PUT /move-ins/{id}`). */
export type MoveInRequest = {
  source: MoveInSource;
  customer: { customerId: string } | NewCustomer;
  connection: { ean: string; energy: Energy; address: Address };
  moveInDate: CalendarDate;
  signatureDate?: CalendarDate;
  productId?: string;
  estimatedAnnualConsumptionKwh?: number;
  /** 1..8 people: estimates the consumption when no kWh is given. */
  householdSize?: number;
  meterReadingAtMoveIn?: string;
  advanceFrequency?: AdvanceFrequency;
  advanceAmount?: Amount;
  firstAdvanceStartDate?: CalendarDate;
  endDate?: CalendarDate;
  iban?: string;
  directDebitConsent?: boolean;
  /** Ends the contract that still supplies the connection point, the day before the move-in. */
  endPreviousContract?: boolean;
};

/** A move-in as staff complete or correct it (`PUT /move-ins/{id}`): its source stays as received. */
export type MoveInDraft = Omit<MoveInRequest, 'source' | 'endPreviousContract'>;

export type MoveInDecision = { id: string; status: MoveInStatus; contractId: string | null };

/** A field to complete or correct, named by its path in the request (`connection.ean`). */
export type FieldIssue = { path: string; message: string };

export type MoveIn = MoveInDecision & {
  source: MoveInSource;
  request: Partial<MoveInDraft>;
  rejectionReason: string | null;
  createdAt: string;
};

export type MoveInDetail = MoveIn & { problems: FieldIssue[] };

/** `409 connection_already_supplied`: the contracts still supplying the connection point, and when they would end. */
export type ConnectionAlreadySupplied = { contractIds: string[]; previousContractEndDate: CalendarDate };

export type Product = { id: string; code: string; name: string; energy: Energy };

export type AdvanceProposalQuery = {
  productId: string;
  advanceFrequency: AdvanceFrequency;
  estimatedAnnualConsumptionKwh?: number;
  householdSize?: number;
};

export type AdvanceProposal = { estimatedAnnualConsumptionKwh: number; advanceAmount: Amount | null };

/** A column of the move-in import file, in the order of the template. */
export type ImportColumn = { name: string; required: boolean; help: string };

export type ImportError = { row: number; column: string | null; message: string };

/** `totalBytes` is null when the upload did not say its size. */
export type ImportProgress = { type: 'progress'; rowsRead: number; bytesRead: number; totalBytes: number | null };

export type ImportResult = {
  type: 'result';
  dryRun: boolean;
  committed: boolean;
  rows: number;
  created: number;
  unchanged: number;
  /** All errors found; `errors` holds the first ones only. */
  errorCount: number;
  errors: ImportError[];
};

export type PublicMoveInForm = { organizationName: string; energies: Energy[] };

export type PublicMoveInRequest = {
  name: string;
  email: string;
  phone?: string;
  language: Language;
  address: Address;
  ean: string;
  energy: Energy;
  moveInDate: CalendarDate;
  meterReadingAtMoveIn?: string;
  estimatedAnnualConsumptionKwh?: number;
  householdSize?: number;
  iban: string;
  /** Optional in substance: without it the customer pays by transfer. */
  directDebitConsent: boolean;
  /** A honeypot: people never see it, so it stays empty; bots fill it in. */
  website: string;
};

// Billing runs, invoices, accounts and settings (issue 5).

export type BillingRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** Which due advance periods a run bills; the same filter as Unbilled. */
export type BillingRunFilter = { contractId?: string; q?: string; from?: CalendarDate; to?: CalendarDate };

export type StartBillingRunRequest = { kind: 'advance'; runDate: CalendarDate; finalize?: boolean; filter?: BillingRunFilter };

export type BillingRun = {
  id: string;
  kind: 'advance';
  runDate: CalendarDate;
  finalize: boolean;
  status: BillingRunStatus;
  progress: { done: number; total: number };
  created: { drafts: number; invoices: number };
  /** Due periods the run could not bill, by reason (`billingPeriodClosed`, `contractEnded`, ...). */
  leftOut: Record<string, number>;
  filter?: BillingRunFilter;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type InvoiceStatus = 'draft' | 'final';
export type InvoiceKind = 'advance' | 'settlement' | 'credit_note';
export type Totals = { net: Amount; vat: Amount; gross: Amount };

export type Invoice = {
  id: string;
  /** Null while a draft: the number comes with finalizing. */
  number: string | null;
  kind: InvoiceKind;
  status: InvoiceStatus;
  customerId: string;
  customerName: string;
  contractId: string;
  advancePeriodId: string | null;
  issueDate: CalendarDate | null;
  dueDate: CalendarDate | null;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  totals: Totals;
  paymentReference: string | null;
};

export type InvoiceListParams = {
  status?: InvoiceStatus;
  billingRunId?: string;
  contractId?: string;
  customerId?: string;
};

/** A page of invoices, with the totals of all of them that match (not only this page). */
export type InvoicePage = Page<Invoice> & { totals: Totals & { count: number } };

export type InvoiceParty = { name: string; vatNumber: string | null; address: Address | null };

export type InvoiceLine = { position: number; description: string; quantity: string; unitPrice: string; vatRate: string; net: Amount };

export type InvoiceDetail = Invoice & {
  language: Language;
  ean: string;
  energy: Energy;
  /** As they stood when the invoice became final; null on a draft. */
  seller: InvoiceParty | null;
  buyer: InvoiceParty | null;
  lines: InvoiceLine[];
  vatBreakdown: { rate: string; base: Amount; vat: Amount }[];
  paid: Amount;
  outstanding: Amount;
};

export type FinalizeInvoicesRequest = { invoiceIds: string[] } | { filter: { billingRunId?: string; contractId?: string } };

export type AccountEntryKind = 'invoice' | 'payment' | 'credit_note' | 'refund';

export type AccountEntry = {
  id: string;
  kind: AccountEntryKind;
  bookedOn: CalendarDate;
  amount: Amount;
  invoiceId: string | null;
  invoiceNumber: string | null;
  contractId: string | null;
  balanceAfter: Amount;
};

export type CustomerAccount = {
  customerId: string;
  balance: Amount;
  credit: Amount;
  entries: AccountEntry[];
  invoices: {
    invoiceId: string;
    number: string;
    contractId: string | null;
    dueDate: CalendarDate | null;
    gross: Amount;
    paid: Amount;
    outstanding: Amount;
  }[];
};

export type RecordPaymentRequest = { amount: Amount; bookedOn: CalendarDate; reference?: string };

export type InvoicingSettings = {
  numberPrefix: string;
  numberWithYear: boolean;
  paymentTermDays: number;
  finalizeInRun: boolean;
  advanceRunDayOfMonth: number | null;
};

export type SupplierSettings = {
  legalName: string;
  vatNumber: string | null;
  companyNumber: string | null;
  address: Address;
  iban: string | null;
  bic: string | null;
  email: string | null;
  phone: string | null;
  /** A PNG or JPEG data URL. */
  logo: string | null;
};

export type OrganizationSettings = { invoicing: InvoicingSettings; supplier: SupplierSettings };

export type UpdateSettingsRequest = { invoicing?: Partial<InvoicingSettings>; supplier?: Partial<SupplierSettings> };
