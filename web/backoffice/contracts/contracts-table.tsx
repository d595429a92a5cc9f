import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../api/types.js';
import { Money } from '../../ui/money.js';
import { useFormat } from '../../ui/use-format.js';
import { Link } from '../router.js';
import { useCurrentOrganization } from '../session.js';
import { ContractStatusBadge } from './contract-status-badge.js';

export function ContractsTable({ contracts }: { contracts: Contract[] }) {
  const { t } = useTranslation();
  if (contracts.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md">
        {t('contracts.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table
        striped
        highlightOnHover
        tabularNums
        fz="sm"
        verticalSpacing={6}
        withTableBorder
        styles={{ th: { whiteSpace: 'nowrap' }, td: { whiteSpace: 'nowrap' } }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contract.customer')}</Table.Th>
            <Table.Th>{t('contract.ean')}</Table.Th>
            <Table.Th>{t('contract.energy')}</Table.Th>
            <Table.Th>{t('contract.product')}</Table.Th>
            <Table.Th>{t('contract.status')}</Table.Th>
            <Table.Th>{t('contract.moveInDate')}</Table.Th>
            <Table.Th>{t('contract.advanceFrequency')}</Table.Th>
            <Table.Th ta="right">{t('contract.advanceAmount')}</Table.Th>
            <Table.Th>{t('contract.missing')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contracts.map((contract) => (
            <ContractRow key={contract.id} contract={contract} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ContractRow({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  const params = { orgId, contractId: contract.id };
  return (
    <Table.Tr data-testid="contract-row" data-missing-count={contract.missingCount}>
      <Table.Td>
        <Link to={{ name: 'contract', params }} size="sm">
          {contract.customerName}
        </Link>
      </Table.Td>
      <Table.Td ff="monospace">{contract.ean}</Table.Td>
      <Table.Td>{t(`energy.${contract.energy}`)}</Table.Td>
      <Table.Td>
        <Text size="sm" maw={180} truncate="end" title={contract.productName}>
          {contract.productName}
        </Text>
      </Table.Td>
      <Table.Td>
        <ContractStatusBadge status={contract.status} />
      </Table.Td>
      <Table.Td>{format.date(contract.moveInDate)}</Table.Td>
      <Table.Td>{t(`advanceFrequency.${contract.advanceFrequency}`)}</Table.Td>
      <Table.Td ta="right">{contract.advanceAmount !== null && <Money amount={contract.advanceAmount} />}</Table.Td>
      <Table.Td>
        {contract.missingCount > 0 && (
          <Link
            to={{ name: 'billingAnalysis', params }}
            underline="never"
            aria-label={t('contracts.missingCount', { count: contract.missingCount })}
            title={t('contracts.openBillingAnalysis')}
          >
            <Badge color="red" variant="filled" size="sm" style={{ cursor: 'pointer' }}>
              {contract.missingCount}
            </Badge>
          </Link>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
