import { useMutation, useQuery } from '@tanstack/react-query';
import type { RecordPaymentRequest } from '../../api/types.js';
import { api, queryClient } from '../api.js';
import { queryKeys } from '../query-keys.js';
import { useCurrentOrganization } from '../session.js';

export function useCustomerAccount(customerId: string, contractId: string | undefined) {
  const orgId = useCurrentOrganization().id;
  return useQuery({
    queryKey: queryKeys.account(orgId, customerId, contractId),
    queryFn: () => api.customerAccount(orgId, customerId, contractId),
  });
}

export function useRecordPayment(customerId: string) {
  const orgId = useCurrentOrganization().id;
  return useMutation({
    mutationFn: ({ payment, idempotencyKey }: { payment: RecordPaymentRequest; idempotencyKey: string }) =>
      api.recordPayment(orgId, customerId, payment, idempotencyKey),
    // A payment settles invoices: their paid and outstanding amounts change too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.accounts(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.invoices(orgId) }),
      ]),
  });
}
