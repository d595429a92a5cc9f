import { Anchor, Breadcrumbs, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { PageLoader } from '../../ui/page-loader.js';
import { BillingAnalysisTab } from '../billing-analysis/billing-analysis-tab.js';
import { hrefOf, navigate } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';
import { useContract } from './contract-queries.js';
import { ContractOverview } from './contract-overview.js';
import { ContractStatusBadge } from './contract-status-badge.js';

type ContractTab = 'overview' | 'billingAnalysis';

export function ContractPage({ contractId, tab }: { contractId: string; tab: ContractTab }) {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const canReadAdvancePeriods = useCan('advancePeriods', 'read');
  const contract = useContract(orgId, contractId);
  const params = { orgId, contractId };

  if (contract.isPending) return <PageLoader />;
  if (contract.isError) return <ApiErrorAlert error={contract.error} />;

  return (
    <Stack gap="sm">
      <Breadcrumbs>
        <Anchor href={hrefOf({ name: 'contracts', params: { orgId } })} size="sm">
          {t('contracts.title')}
        </Anchor>
        <Text size="sm">{contract.data.customerName}</Text>
      </Breadcrumbs>
      <Group gap="sm" align="baseline">
        <Title order={3}>{contract.data.customerName}</Title>
        <Text ff="monospace" c="dimmed" size="sm">
          {contract.data.ean}
        </Text>
        <ContractStatusBadge status={contract.data.status} />
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => navigate(value === 'billingAnalysis' ? { name: 'billingAnalysis', params } : { name: 'contract', params })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">{t('contract.tabs.overview')}</Tabs.Tab>
          {canReadAdvancePeriods && <Tabs.Tab value="billingAnalysis">{t('contract.tabs.billingAnalysis')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <ContractOverview contract={contract.data} />
        </Tabs.Panel>
        {canReadAdvancePeriods && (
          <Tabs.Panel value="billingAnalysis" pt="md">
            <BillingAnalysisTab contractId={contractId} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
