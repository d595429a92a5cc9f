import type { AdvanceProposalQuery, InvoiceListParams, MoveInStatus, UnbilledFilter } from '../api/types.js';

// Hierarchical keys, so one invalidation of a prefix refreshes every view below it.
export const queryKeys = {
  contracts: (orgId: string) => ['orgs', orgId, 'contracts'] as const,
  contractList: (orgId: string, q: string) => [...queryKeys.contracts(orgId), 'list', { q }] as const,
  contract: (orgId: string, contractId: string) => [...queryKeys.contracts(orgId), contractId] as const,
  billingAnalysis: (orgId: string, contractId: string) => [...queryKeys.contract(orgId, contractId), 'billing-analysis'] as const,
  unbilled: (orgId: string) => ['orgs', orgId, 'unbilled'] as const,
  unbilledList: (orgId: string, filter: UnbilledFilter) => [...queryKeys.unbilled(orgId), 'list', filter] as const,
  unbilledSummary: (orgId: string, filter: UnbilledFilter) => [...queryKeys.unbilled(orgId), 'summary', filter] as const,
  moveIns: (orgId: string) => ['orgs', orgId, 'move-ins'] as const,
  moveInList: (orgId: string, status: MoveInStatus) => [...queryKeys.moveIns(orgId), 'list', { status }] as const,
  moveIn: (orgId: string, moveInId: string) => [...queryKeys.moveIns(orgId), moveInId] as const,
  products: (orgId: string) => ['orgs', orgId, 'products'] as const,
  advanceProposal: (orgId: string, query: AdvanceProposalQuery) => ['orgs', orgId, 'advance-proposal', query] as const,
  billingRuns: (orgId: string) => ['orgs', orgId, 'billing-runs'] as const,
  billingRun: (orgId: string, runId: string) => [...queryKeys.billingRuns(orgId), runId] as const,
  invoices: (orgId: string) => ['orgs', orgId, 'invoices'] as const,
  invoiceList: (orgId: string, params: InvoiceListParams) => [...queryKeys.invoices(orgId), 'list', params] as const,
  invoice: (orgId: string, invoiceId: string) => [...queryKeys.invoices(orgId), invoiceId] as const,
  accounts: (orgId: string) => ['orgs', orgId, 'accounts'] as const,
  account: (orgId: string, customerId: string, contractId: string | undefined) =>
    [...queryKeys.accounts(orgId), customerId, { contractId }] as const,
  settings: (orgId: string) => ['orgs', orgId, 'settings'] as const,
  // Tenant level
  users: () => ['users'] as const,
  roles: () => ['roles'] as const,
  permissionEntities: () => ['permission-entities'] as const,
  auditLog: () => ['audit-log'] as const,
};
