import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { PageLoader } from '../../ui/page-loader.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { CustomerAccount } from '../accounts/customer-account.js';
import { BillingAnalysisTab } from '../billing-analysis/billing-analysis-tab.js';
import { Link, navigate } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';
import { useContract } from './contract-queries.js';
import { ContractOverview } from './contract-overview.js';
import { ContractStatusBadge } from './contract-status-badge.js';

type ContractTab = 'overview' | 'billingAnalysis' | 'account';

export function ContractPage({ contractId, tab }: { contractId: string; tab: ContractTab }) {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const canReadAdvancePeriods = useCan('advancePeriods', 'read');
  const canReadAccount = useCan('customers', 'read');
  const contract = useContract(orgId, contractId);
  const params = { orgId, contractId };
  usePageTitle(contract.data?.customerName, tab === 'overview' ? t('contracts.title') : t(`contract.tabs.${tab}`));

  if (contract.isPending) return <PageLoader />;
  if (contract.isError) return <ApiErrorAlert error={contract.error} />;

  return (
    <Stack gap="sm">
      <div>
        {/* The section the contract belongs to, above its title as on the other pages, and the way back to the list. */}
        <Link to={{ name: 'contracts', params: { orgId } }} size="xs" tt="uppercase" fw={600}>
          {t('contracts.title')}
        </Link>
        <Group gap="sm" align="baseline">
          <Title order={3}>{contract.data.customerName}</Title>
          <Text ff="monospace" c="dimmed" size="sm">
            {contract.data.ean}
          </Text>
          <ContractStatusBadge status={contract.data.status} />
        </Group>
      </div>
      <Tabs
        value={tab}
        onChange={(value) =>
          navigate(
            value === 'billingAnalysis'
              ? { name: 'billingAnalysis', params }
              : value === 'account'
                ? { name: 'contractAccount', params }
                : { name: 'contract', params },
          )
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">{t('contract.tabs.overview')}</Tabs.Tab>
          {canReadAdvancePeriods && <Tabs.Tab value="billingAnalysis">{t('contract.tabs.billingAnalysis')}</Tabs.Tab>}
          {canReadAccount && <Tabs.Tab value="account">{t('contract.tabs.account')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <ContractOverview contract={contract.data} />
        </Tabs.Panel>
        {canReadAdvancePeriods && (
          <Tabs.Panel value="billingAnalysis" pt="md">
            <BillingAnalysisTab contractId={contractId} />
          </Tabs.Panel>
        )}
        {canReadAccount && (
          <Tabs.Panel value="account" pt="md">
            <Stack gap="xs">
              <Link to={{ name: 'customerAccount', params: { orgId, customerId: contract.data.customerId } }} size="sm">
                {t('contract.wholeAccount')}
              </Link>
              <CustomerAccount customerId={contract.data.customerId} contractId={contractId} />
            </Stack>
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
