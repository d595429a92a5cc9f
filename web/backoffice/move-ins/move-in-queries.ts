import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { AdvanceProposalQuery, MoveInDraft, MoveInRequest, MoveInStatus } from '../../api/types.js';
import { api, queryClient } from '../api.js';
import { queryKeys } from '../query-keys.js';
import { useCurrentOrganization } from '../session.js';

const PAGE_SIZE = 50;

export function useMoveInList(status: MoveInStatus) {
  const orgId = useCurrentOrganization().id;
  return useInfiniteQuery({
    queryKey: queryKeys.moveInList(orgId, status),
    queryFn: ({ pageParam }) => api.moveIns(orgId, status, { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useMoveIn(moveInId: string) {
  const orgId = useCurrentOrganization().id;
  return useQuery({ queryKey: queryKeys.moveIn(orgId, moveInId), queryFn: () => api.moveIn(orgId, moveInId) });
}

export function useProducts() {
  const orgId = useCurrentOrganization().id;
  return useQuery({
    queryKey: queryKeys.products(orgId),
    queryFn: () => api.products(orgId),
    select: (answer) => answer.items,
    staleTime: Infinity,
  });
}

/** The advance the supplier would propose; null while the form lacks what it needs. */
export function useAdvanceProposal(query: AdvanceProposalQuery | null) {
  const orgId = useCurrentOrganization().id;
  return useQuery({
    queryKey: queryKeys.advanceProposal(orgId, query ?? { productId: '', advanceFrequency: 'none' }),
    queryFn: () => api.advanceProposal(orgId, query!),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** A decided move-in is a new contract (and maybe an ended one): every list of them is stale. */
function refreshAfterDecision(orgId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.moveIns(orgId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.contracts(orgId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.unbilled(orgId) }),
  ]);
}

export function useCreateMoveIn() {
  const orgId = useCurrentOrganization().id;
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: MoveInRequest; idempotencyKey: string }) =>
      api.createMoveIn(orgId, request, idempotencyKey),
    onSuccess: () => refreshAfterDecision(orgId),
  });
}

export function useUpdateMoveIn(moveInId: string) {
  const orgId = useCurrentOrganization().id;
  return useMutation({
    mutationFn: (draft: MoveInDraft) => api.updateMoveIn(orgId, moveInId, draft),
    onSuccess: async (detail) => {
      queryClient.setQueryData(queryKeys.moveIn(orgId, moveInId), detail);
      await queryClient.invalidateQueries({ queryKey: [...queryKeys.moveIns(orgId), 'list'] });
    },
  });
}

export function useAcceptMoveIn(moveInId: string) {
  const orgId = useCurrentOrganization().id;
  return useMutation({
    mutationFn: (endPreviousContract: boolean) =>
      api.acceptMoveIn(orgId, moveInId, endPreviousContract ? { endPreviousContract: true } : {}),
    onSuccess: () => refreshAfterDecision(orgId),
  });
}

export function useRejectMoveIn(moveInId: string) {
  const orgId = useCurrentOrganization().id;
  return useMutation({
    mutationFn: (reason: string) => api.rejectMoveIn(orgId, moveInId, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.moveIns(orgId) }),
  });
}
