import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { BillingRun, StartBillingRunRequest } from '../../api/types.js';
import { api, queryClient } from '../api.js';
import { queryKeys } from '../query-keys.js';
import { useCurrentOrganization } from '../session.js';

const PAGE_SIZE = 50;
/** A run in progress is asked again every second, so its bar moves. */
const POLL_MS = 1000;

export function isRunning(run: BillingRun): boolean {
  return run.status === 'queued' || run.status === 'running';
}

export function useBillingRuns() {
  const orgId = useCurrentOrganization().id;
  return useInfiniteQuery({
    queryKey: [...queryKeys.billingRuns(orgId), 'list'],
    queryFn: ({ pageParam }) => api.billingRuns(orgId, { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While one of the shown runs is still going, the list follows it too.
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some(isRunning)) ? POLL_MS : false),
  });
}

export function useBillingRun(runId: string) {
  const orgId = useCurrentOrganization().id;
  return useQuery({
    queryKey: queryKeys.billingRun(orgId, runId),
    queryFn: () => api.billingRun(orgId, runId),
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data) ? false : POLL_MS),
    staleTime: 0,
  });
}

/** What a finished run changed: invoices, advance periods (Unbilled, billing analysis), accounts. */
export function refreshAfterBilling(orgId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.invoices(orgId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.unbilled(orgId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.contracts(orgId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.accounts(orgId) }),
  ]);
}

export function useStartBillingRun() {
  const orgId = useCurrentOrganization().id;
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: StartBillingRunRequest; idempotencyKey: string }) =>
      api.startBillingRun(orgId, request, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.billingRuns(orgId) }),
  });
}

/** The organization's settings: the run's finalize default, the invoice numbering, the supplier. */
export function useSettings() {
  const orgId = useCurrentOrganization().id;
  return useQuery({ queryKey: queryKeys.settings(orgId), queryFn: () => api.settings(orgId) });
}
