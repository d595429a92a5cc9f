import type {
  AdvanceProposal,
  AdvanceProposalQuery,
  AuditEntry,
  BillingAnalysis,
  BillingRun,
  CustomerAccount,
  FinalizeInvoicesRequest,
  InvoiceDetail,
  InvoiceListParams,
  InvoicePage,
  OrganizationSettings,
  RecordPaymentRequest,
  StartBillingRunRequest,
  UpdateSettingsRequest,
  ContractDetail,
  ContractListParams,
  Contract,
  CreatedUser,
  CreateRoleRequest,
  CreateUserRequest,
  ImportColumn,
  ImportProgress,
  ImportResult,
  LoginResponse,
  Me,
  MoveIn,
  MoveInDecision,
  MoveInDetail,
  MoveInDraft,
  MoveInRequest,
  MoveInStatus,
  Page,
  PermissionEntity,
  Product,
  PublicMoveInForm,
  PublicMoveInRequest,
  Role,
  SkipAdvancePeriodsRequest,
  SkipAdvancePeriodsResponse,
  TenantUser,
  UnbilledAdvancePeriod,
  UnbilledFilter,
  UnbilledSummary,
  UpdateRoleRequest,
  UpdateUserRequest,
} from './types.js';

/** An error answer of the API (`{error: {code, message, details}}`), or a transport failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** From `Retry-After` of a `429`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | undefined;

type RequestOptions = {
  body?: unknown;
  query?: Record<string, QueryValue>;
  idempotencyKey?: string;
  /** Login answers 401 for a wrong password: that is a form error, not an expired session. */
  expectUnauthenticated?: boolean;
};

type ApiClientOptions = {
  baseUrl?: string;
  /** Called when a request answers 401, i.e. the session cookie is missing or expired. */
  onUnauthenticated: () => void;
};

type CursorParams = { limit?: number; cursor?: string };

export function createApiClient({ baseUrl = '/api/v1', onUnauthenticated }: ApiClientOptions) {
  async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const isWrite = method !== 'GET';
    if (isWrite) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

    let response: Response;
    try {
      response = await fetch(baseUrl + path + queryString(options.query), {
        method,
        headers,
        credentials: 'include',
        body: isWrite ? JSON.stringify(options.body ?? {}) : undefined,
      });
    } catch (cause) {
      throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
    }

    const payload: unknown = await readJson(response);
    if (response.ok) return payload as T;

    const error = toApiError(response, payload);
    if (response.status === 401 && !options.expectUnauthenticated) onUnauthenticated();
    throw error;
  }

  const org = (orgId: string) => `/organizations/${encodeURIComponent(orgId)}`;
  const moveIn = (orgId: string, moveInId: string) => `${org(orgId)}/move-ins/${encodeURIComponent(moveInId)}`;

  /**
   * Streams a CSV of move-ins to the import: the answer is NDJSON, progress lines and then one result line.
   * A refusal before the import starts (a bad file, no permission) is a JSON error as usual.
   */
  async function importMoveIns(orgId: string, file: Blob, dryRun: boolean, onProgress: (progress: ImportProgress) => void) {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${org(orgId)}/move-ins/import${queryString({ dryRun: String(dryRun) })}`, {
        method: 'POST',
        headers: { Accept: 'application/x-ndjson, application/json', 'Content-Type': 'text/csv' },
        credentials: 'include',
        body: file,
      });
    } catch (cause) {
      throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
    }
    if (!response.ok || !response.body) {
      const error = toApiError(response, await readJson(response));
      if (response.status === 401) onUnauthenticated();
      throw error;
    }
    let result: ImportResult | undefined;
    try {
      for await (const line of ndjsonLines(response.body)) {
        const event = JSON.parse(line) as ImportProgress | ImportResult | { type: 'error'; error?: { code?: string; message?: string } };
        if (event.type === 'progress') onProgress(event);
        else if (event.type === 'result') result = event;
        else if (event.type === 'error')
          throw new ApiError(500, event.error?.code ?? 'import_failed', event.error?.message ?? 'import_failed');
      }
    } catch (cause) {
      if (cause instanceof ApiError) throw cause;
      throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
    }
    if (!result) throw new ApiError(0, 'import_interrupted', 'The import stopped before it answered its result.');
    return result;
  }

  return {
    login: (email: string, password: string) =>
      request<LoginResponse>('POST', '/auth/login', { body: { email, password }, expectUnauthenticated: true }),
    logout: () => request<unknown>('POST', '/auth/logout'),
    me: () => request<Me>('GET', '/me'),
    /** Sets the invited user's password; answers like login and starts the session. */
    acceptInvitation: (token: string, password: string) =>
      request<LoginResponse>('POST', `/auth/invitations/${encodeURIComponent(token)}`, { body: { password }, expectUnauthenticated: true }),

    contracts: (orgId: string, params: ContractListParams) => request<Page<Contract>>('GET', `${org(orgId)}/contracts`, { query: params }),
    contract: (orgId: string, contractId: string) =>
      request<ContractDetail>('GET', `${org(orgId)}/contracts/${encodeURIComponent(contractId)}`),
    billingAnalysis: (orgId: string, contractId: string) =>
      request<BillingAnalysis>('GET', `${org(orgId)}/contracts/${encodeURIComponent(contractId)}/billing-analysis`),

    unbilled: (orgId: string, filter: UnbilledFilter, page: CursorParams) =>
      request<Page<UnbilledAdvancePeriod>>('GET', `${org(orgId)}/unbilled`, { query: { ...filter, ...page } }),
    unbilledSummary: (orgId: string, filter: UnbilledFilter) =>
      request<UnbilledSummary>('GET', `${org(orgId)}/unbilled/summary`, { query: filter }),

    skipAdvancePeriods: (orgId: string, body: SkipAdvancePeriodsRequest, idempotencyKey: string) =>
      request<SkipAdvancePeriodsResponse>('POST', `${org(orgId)}/advance-periods/skip`, { body, idempotencyKey }),

    products: (orgId: string) => request<{ items: Product[] }>('GET', `${org(orgId)}/products`),
    advanceProposal: (orgId: string, { productId, ...query }: AdvanceProposalQuery) =>
      request<AdvanceProposal>('GET', `${org(orgId)}/products/${encodeURIComponent(productId)}/advance-proposal`, { query }),

    moveIns: (orgId: string, status: MoveInStatus, page: CursorParams) =>
      request<Page<MoveIn>>('GET', `${org(orgId)}/move-ins`, { query: { status, ...page } }),
    moveIn: (orgId: string, moveInId: string) => request<MoveInDetail>('GET', moveIn(orgId, moveInId)),
    createMoveIn: (orgId: string, body: MoveInRequest, idempotencyKey: string) =>
      request<MoveInDecision>('POST', `${org(orgId)}/move-ins`, { body, idempotencyKey }),
    updateMoveIn: (orgId: string, moveInId: string, body: MoveInDraft) => request<MoveInDetail>('PUT', moveIn(orgId, moveInId), { body }),
    acceptMoveIn: (orgId: string, moveInId: string, body: { endPreviousContract?: boolean }) =>
      request<MoveInDecision>('POST', `${moveIn(orgId, moveInId)}/accept`, { body }),
    rejectMoveIn: (orgId: string, moveInId: string, reason: string) =>
      request<MoveInDecision>('POST', `${moveIn(orgId, moveInId)}/reject`, { body: { reason } }),
    importMoveIns,
    moveInImportColumns: (orgId: string) => request<{ items: ImportColumn[] }>('GET', `${org(orgId)}/move-ins/import/columns`),
    /** A plain link downloads it: the session cookie goes along. */
    moveInImportTemplateUrl: (orgId: string) => `${baseUrl}${org(orgId)}/move-ins/import/template`,

    startBillingRun: (orgId: string, body: StartBillingRunRequest, idempotencyKey: string) =>
      request<{ id: string }>('POST', `${org(orgId)}/billing-runs`, { body, idempotencyKey }),
    billingRuns: (orgId: string, page: CursorParams) => request<Page<BillingRun>>('GET', `${org(orgId)}/billing-runs`, { query: page }),
    billingRun: (orgId: string, runId: string) => request<BillingRun>('GET', `${org(orgId)}/billing-runs/${encodeURIComponent(runId)}`),

    invoices: (orgId: string, params: InvoiceListParams, page: CursorParams) =>
      request<InvoicePage>('GET', `${org(orgId)}/invoices`, { query: { ...params, ...page } }),
    invoice: (orgId: string, invoiceId: string) => request<InvoiceDetail>('GET', `${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}`),
    finalizeInvoice: (orgId: string, invoiceId: string) =>
      request<InvoiceDetail>('POST', `${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}/finalize`),
    finalizeInvoices: (orgId: string, body: FinalizeInvoicesRequest) =>
      request<{ finalized: number }>('POST', `${org(orgId)}/invoices/finalize`, { body }),
    deleteInvoice: (orgId: string, invoiceId: string) => request<null>('DELETE', `${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}`),
    /** A plain link opens it: the session cookie goes along. */
    invoicePdfUrl: (orgId: string, invoiceId: string) => `${baseUrl}${org(orgId)}/invoices/${encodeURIComponent(invoiceId)}/pdf`,

    customerAccount: (orgId: string, customerId: string, contractId?: string) =>
      request<CustomerAccount>('GET', `${org(orgId)}/customers/${encodeURIComponent(customerId)}/account`, { query: { contractId } }),
    recordPayment: (orgId: string, customerId: string, body: RecordPaymentRequest, idempotencyKey: string) =>
      request<CustomerAccount>('POST', `${org(orgId)}/customers/${encodeURIComponent(customerId)}/payments`, { body, idempotencyKey }),

    settings: (orgId: string) => request<OrganizationSettings>('GET', `${org(orgId)}/settings`),
    updateSettings: (orgId: string, body: UpdateSettingsRequest) =>
      request<OrganizationSettings>('PATCH', `${org(orgId)}/settings`, { body }),

    // Public: the move-in form people fill in themselves, without an account.
    publicMoveInForm: (orgId: string) => request<PublicMoveInForm>('GET', `/public/move-in-forms/${encodeURIComponent(orgId)}`),
    submitPublicMoveIn: (orgId: string, body: PublicMoveInRequest) =>
      request<{ status: 'received' }>('POST', `/public/move-in-forms/${encodeURIComponent(orgId)}`, { body }),

    // Tenant level: users and roles span the organizations.
    permissionEntities: () => request<{ items: PermissionEntity[] }>('GET', '/permission-entities'),
    roles: () => request<{ items: Role[] }>('GET', '/roles'),
    createRole: (body: CreateRoleRequest) => request<Role>('POST', '/roles', { body }),
    updateRole: (roleId: string, body: UpdateRoleRequest) => request<Role>('PATCH', `/roles/${encodeURIComponent(roleId)}`, { body }),
    deleteRole: (roleId: string) => request<null>('DELETE', `/roles/${encodeURIComponent(roleId)}`),
    users: (page: CursorParams) => request<Page<TenantUser>>('GET', '/users', { query: page }),
    createUser: (body: CreateUserRequest) => request<CreatedUser>('POST', '/users', { body }),
    updateUser: (userId: string, body: UpdateUserRequest) => request<TenantUser>('PATCH', `/users/${encodeURIComponent(userId)}`, { body }),
    auditLog: (page: CursorParams) => request<Page<AuditEntry>>('GET', '/audit-log', { query: page }),
  };
}

/** A key for the `Idempotency-Key` header; getRandomValues also works outside secure contexts. */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The lines of a newline-delimited JSON stream, as they arrive. */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) yield line;
    if (done) break;
  }
  if (buffered.trim()) yield buffered;
}

function toApiError(response: Response, payload: unknown): ApiError {
  const { status } = response;
  const retryAfter = Number(response.headers.get('Retry-After') ?? NaN);
  const retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : undefined;
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      status,
      error.code,
      typeof error.message === 'string' ? error.message : error.code,
      error.details,
      retryAfterSeconds,
    );
  }
  return new ApiError(status, 'http_error', `HTTP ${status}`, undefined, retryAfterSeconds);
}
