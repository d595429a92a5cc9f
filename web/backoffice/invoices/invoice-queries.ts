import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { FinalizeInvoicesRequest, InvoiceListParams } from '../../api/types.js';
import { api } from '../api.js';
import { refreshAfterBilling } from '../billing-runs/billing-run-queries.js';
import { queryKeys } from '../query-keys.js';
import { useCurrentOrganization } from '../session.js';

const PAGE_SIZE = 50;

export function useInvoiceList(params: InvoiceListParams) {
  const orgId = useCurrentOrganization().id;
  return useInfiniteQuery({
    queryKey: queryKeys.invoiceList(orgId, params),
    queryFn: ({ pageParam }) => api.invoices(orgId, params, { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useInvoice(invoiceId: string) {
  const orgId = useCurrentOrganization().id;
  return useQuery({ queryKey: queryKeys.invoice(orgId, invoiceId), queryFn: () => api.invoice(orgId, invoiceId) });
}

export function useFinalizeInvoices() {
  const orgId = useCurrentOrganization().id;
  return useMutation({
    mutationFn: (request: FinalizeInvoicesRequest) => api.finalizeInvoices(orgId, request),
    onSuccess: () => refreshAfterBilling(orgId),
  });
}

export function useFinalizeInvoice(invoiceId: string) {
  const orgId = useCurrentOrganization().id;
  return useMutation({
    mutationFn: () => api.finalizeInvoice(orgId, invoiceId),
    onSuccess: () => refreshAfterBilling(orgId),
  });
}

/** Deleting a draft puts its advance period back to planned. */
export function useDeleteInvoice(invoiceId: string) {
  const orgId = useCurrentOrganization().id;
  return useMutation({
    mutationFn: () => api.deleteInvoice(orgId, invoiceId),
    onSuccess: () => refreshAfterBilling(orgId),
  });
}
