import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../ui/use-page-title.js';
import { api } from '../api.js';
import { queryKeys } from '../query-keys.js';
import { useCurrentOrganization } from '../session.js';
import { CustomerAccount } from './customer-account.js';

/** A customer's whole account, over all their contracts. */
export function CustomerAccountPage({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  // The customer's name from one of their contracts: the account itself doesn't carry it.
  const contracts = useQuery({
    queryKey: [...queryKeys.contracts(orgId), 'of-customer', customerId],
    queryFn: () => api.contracts(orgId, { customerId, limit: 1 }),
  });
  const name = contracts.data?.items[0]?.customerName;
  usePageTitle(name, t('account.title'));
  return (
    <Stack gap="sm">
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('account.title')}
        </Text>
        <Title order={3}>{name ?? '…'}</Title>
      </div>
      <CustomerAccount customerId={customerId} />
    </Stack>
  );
}
