import { useMutation } from '@tanstack/react-query';
import type { SkipAdvancePeriodsRequest } from '../../api/types.js';
import { api, queryClient } from '../api.js';
import { queryKeys } from '../query-keys.js';
import { useCurrentOrganization } from '../session.js';

type SkipVariables = { request: SkipAdvancePeriodsRequest; idempotencyKey: string };

/** Skips advance periods, then refreshes every view that shows them before it resolves. */
export function useSkipAdvancePeriods() {
  const orgId = useCurrentOrganization().id;
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: SkipVariables) => api.skipAdvancePeriods(orgId, request, idempotencyKey),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.contracts(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.unbilled(orgId) }),
      ]),
  });
}
