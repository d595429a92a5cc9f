import { DataList, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContractDetail } from '../../api/types.js';
import { Money } from '../../ui/money.js';
import { useFormat } from '../../ui/use-format.js';
import { DataItem } from '../../ui/data-item.js';

export function ContractOverview({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hasAdvances = contract.advanceFrequency !== 'none';
  const { address } = contract;

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" maw={960}>
      <DataList size="sm" gap={6} labelWidth={230}>
        <DataItem label={t('contract.product')}>{contract.productName}</DataItem>
        <DataItem label={t('contract.energy')}>{t(`energy.${contract.energy}`)}</DataItem>
        <DataItem label={t('contract.signatureDate')}>{format.date(contract.signatureDate)}</DataItem>
        <DataItem label={t('contract.moveInDate')}>{format.date(contract.moveInDate)}</DataItem>
        <DataItem label={t('contract.endDate')}>{contract.endDate ? format.date(contract.endDate) : '—'}</DataItem>
        <DataItem label={t('contract.estimatedAnnualConsumption')}>
          {t('contract.kwh', { value: contract.estimatedAnnualConsumptionKwh })}
        </DataItem>
      </DataList>
      <DataList size="sm" gap={6} labelWidth={230}>
        <DataItem label={t('contract.advanceFrequency')}>{t(`advanceFrequency.${contract.advanceFrequency}`)}</DataItem>
        {hasAdvances && (
          <>
            <DataItem label={t('contract.advanceAmount')}>
              {contract.advanceAmount !== null ? <Money amount={contract.advanceAmount} /> : '—'}
            </DataItem>
            <DataItem label={t('contract.firstAdvanceStartDate')}>
              {contract.firstAdvanceStartDate ? format.date(contract.firstAdvanceStartDate) : t('contract.fromSignature')}
            </DataItem>
          </>
        )}
        <DataItem label={t('contract.address')}>
          {address.line1}, {address.postalCode} {address.city} ({address.country})
        </DataItem>
      </DataList>
    </SimpleGrid>
  );
}
