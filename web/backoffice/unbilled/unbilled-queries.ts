import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { UnbilledFilter } from '../../api/types.js';
import { api } from '../api.js';
import { queryKeys } from '../query-keys.js';

const PAGE_SIZE = 100;

export function useUnbilledList(orgId: string, filter: UnbilledFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.unbilledList(orgId, filter),
    queryFn: ({ pageParam }) => api.unbilled(orgId, filter, { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useUnbilledSummary(orgId: string, filter: UnbilledFilter) {
  return useQuery({
    queryKey: queryKeys.unbilledSummary(orgId, filter),
    queryFn: () => api.unbilledSummary(orgId, filter),
  });
}
