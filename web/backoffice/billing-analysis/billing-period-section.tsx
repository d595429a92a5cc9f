import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdvancePeriod, BillingPeriod } from '../../api/types.js';
import { useFormat } from '../../ui/use-format.js';
import { AdvancePeriodRow } from './advance-period-row.js';

type BillingPeriodSectionProps = { billingPeriod: BillingPeriod; onSkip: (advancePeriod: AdvancePeriod) => void };

export function BillingPeriodSection({ billingPeriod, onSkip }: BillingPeriodSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const missingCount = billingPeriod.advancePeriods.filter((p) => p.missing).length;

  return (
    <Paper withBorder component="section" data-testid="billing-period" data-status={billingPeriod.status}>
      <Group px="sm" py={8} gap="sm" bg="gray.0" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Text fw={600} size="sm">
          {t('billingAnalysis.billingPeriod', { period: format.period(billingPeriod.startDate, billingPeriod.endDate) })}
        </Text>
        <Badge size="sm" variant="outline" color={billingPeriod.status === 'open' ? 'blue' : 'gray'}>
          {t(`billingPeriodStatus.${billingPeriod.status}`)}
        </Badge>
        {missingCount > 0 && (
          <Text size="xs" c="red.7">
            {t('billingAnalysis.missingCount', { count: missingCount })}
          </Text>
        )}
      </Group>
      {billingPeriod.advancePeriods.length === 0 ? (
        <Text size="sm" c="dimmed" p="sm">
          {t('billingAnalysis.noAdvancePeriods')}
        </Text>
      ) : (
        // Fixed widths line the columns up across billing periods; the last one fits the row action in every language.
        <Table tabularNums fz="sm" verticalSpacing={4} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('advancePeriod.period')}</Table.Th>
              <Table.Th w={110} ta="right">
                {t('advancePeriod.amount')}
              </Table.Th>
              <Table.Th w={180}>{t('advancePeriod.state')}</Table.Th>
              <Table.Th w={140}>{t('advancePeriod.invoice')}</Table.Th>
              <Table.Th>{t('advancePeriod.note')}</Table.Th>
              <Table.Th w={210} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {billingPeriod.advancePeriods.map((advancePeriod) => (
              <AdvancePeriodRow key={advancePeriod.id} advancePeriod={advancePeriod} onSkip={onSkip} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
