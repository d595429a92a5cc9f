import type {
  AuditEntry,
  BillingAnalysis,
  ContractDetail,
  ContractListParams,
  Contract,
  CreatedUser,
  CreateRoleRequest,
  CreateUserRequest,
  LoginResponse,
  Me,
  Page,
  PermissionEntity,
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

    const error = toApiError(response.status, payload);
    if (response.status === 401 && !options.expectUnauthenticated) onUnauthenticated();
    throw error;
  }

  const org = (orgId: string) => `/organizations/${encodeURIComponent(orgId)}`;

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

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(status, error.code, typeof error.message === 'string' ? error.message : error.code, error.details);
  }
  return new ApiError(status, 'http_error', `HTTP ${status}`);
}
