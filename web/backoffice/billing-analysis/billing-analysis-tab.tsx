import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvancePeriod } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { PageLoader } from '../../ui/page-loader.js';
import { useBillingAnalysis } from '../contracts/contract-queries.js';
import { useCurrentOrganization } from '../session.js';
import { BillingPeriodSection } from './billing-period-section.js';
import { SkipAdvancePeriodModal } from './skip-advance-period-modal.js';

export function BillingAnalysisTab({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const analysis = useBillingAnalysis(orgId, contractId);
  const [periodToSkip, setPeriodToSkip] = useState<AdvancePeriod | null>(null);

  if (analysis.isPending) return <PageLoader />;
  if (analysis.isError) return <ApiErrorAlert error={analysis.error} />;
  if (analysis.data.billingPeriods.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('billingAnalysis.empty')}
      </Text>
    );
  }

  return (
    <Stack gap="lg">
      {analysis.data.billingPeriods.map((billingPeriod) => (
        <BillingPeriodSection key={billingPeriod.id} billingPeriod={billingPeriod} onSkip={setPeriodToSkip} />
      ))}
      <SkipAdvancePeriodModal advancePeriod={periodToSkip} onClose={() => setPeriodToSkip(null)} />
    </Stack>
  );
}
