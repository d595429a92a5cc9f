import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../api.js';
import { queryKeys } from '../query-keys.js';

const PAGE_SIZE = 50;

export function useContractList(orgId: string, q: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.contractList(orgId, q),
    queryFn: ({ pageParam }) => api.contracts(orgId, { q, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useContract(orgId: string, contractId: string) {
  return useQuery({ queryKey: queryKeys.contract(orgId, contractId), queryFn: () => api.contract(orgId, contractId) });
}

export function useBillingAnalysis(orgId: string, contractId: string) {
  return useQuery({
    queryKey: queryKeys.billingAnalysis(orgId, contractId),
    queryFn: () => api.billingAnalysis(orgId, contractId),
  });
}
