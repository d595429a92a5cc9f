import { DataList, SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractDetail } from '../../api/types.js';
import { Money } from '../../ui/money.js';
import { useFormat } from '../../ui/use-format.js';

export function ContractOverview({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hasAdvances = contract.advanceFrequency !== 'none';
  const { address } = contract;

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" maw={960}>
      <DataList size="sm" gap={6} labelWidth={230}>
        <Item label={t('contract.product')}>{contract.productName}</Item>
        <Item label={t('contract.energy')}>{t(`energy.${contract.energy}`)}</Item>
        <Item label={t('contract.signatureDate')}>{format.date(contract.signatureDate)}</Item>
        <Item label={t('contract.moveInDate')}>{format.date(contract.moveInDate)}</Item>
        <Item label={t('contract.endDate')}>{contract.endDate ? format.date(contract.endDate) : '—'}</Item>
        <Item label={t('contract.estimatedAnnualConsumption')}>{t('contract.kwh', { value: contract.estimatedAnnualConsumptionKwh })}</Item>
      </DataList>
      <DataList size="sm" gap={6} labelWidth={230}>
        <Item label={t('contract.advanceFrequency')}>{t(`advanceFrequency.${contract.advanceFrequency}`)}</Item>
        {hasAdvances && (
          <>
            <Item label={t('contract.advanceAmount')}>
              {contract.advanceAmount !== null ? <Money amount={contract.advanceAmount} /> : '—'}
            </Item>
            <Item label={t('contract.firstAdvanceStartDate')}>
              {contract.firstAdvanceStartDate ? format.date(contract.firstAdvanceStartDate) : t('contract.fromSignature')}
            </Item>
          </>
        )}
        <Item label={t('contract.address')}>
          {address.line1}, {address.postalCode} {address.city} ({address.country})
        </Item>
      </DataList>
    </SimpleGrid>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
