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
    <Table.ScrollContainer minWidth={960}>
      <Table
        striped
        highlightOnHover
        tabularNums
        fz="sm"
        verticalSpacing={6}
        horizontalSpacing={8}
        withTableBorder
        styles={{ td: { whiteSpace: 'nowrap' } }}
      >
        <Table.Thead>
          <Table.Tr>
            {/* The server lists contracts by customer name; the other columns can't be sorted. */}
            <Table.Th aria-sort="ascending" title={t('contracts.sortedByCustomer')} style={{ whiteSpace: 'nowrap' }}>
              {t('contract.customer')} <span aria-hidden>↑</span>
            </Table.Th>
            <Table.Th>{t('contract.ean')}</Table.Th>
            <Table.Th>{t('contract.energy')}</Table.Th>
            <Table.Th>{t('contract.product')}</Table.Th>
            <Table.Th>{t('contract.status')}</Table.Th>
            <Table.Th>{t('contract.moveInDate')}</Table.Th>
            <Table.Th colSpan={2} ta="center">
              {t('contract.advanceAmount')}
            </Table.Th>
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
    <Table.Tr data-testid="contract-row" data-contract-id={contract.id} data-missing-count={contract.missingCount}>
      <Table.Td>
        <Link to={{ name: 'contract', params }} size="sm">
          {contract.customerName}
        </Link>
      </Table.Td>
      <Table.Td ff="monospace">{contract.ean}</Table.Td>
      <Table.Td>{t(`energy.${contract.energy}`)}</Table.Td>
      {/* Takes the width the other columns leave. */}
      <Table.Td w="100%" maw={0}>
        <ProductName name={contract.productName} />
      </Table.Td>
      <Table.Td>
        <ContractStatusBadge status={contract.status} />
      </Table.Td>
      <Table.Td>{format.date(contract.moveInDate)}</Table.Td>
      <ContractAdvanceCells contract={contract} />
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

/** A long product name keeps its start, where people read it; the whole name is in its title. */
function ProductName({ name }: { name: string }) {
  return (
    <Text size="sm" truncate="end" title={name}>
      {name}
    </Text>
  );
}

/** The amount right-aligned with the others, its frequency beside it: `€85.00 / month`. */
function ContractAdvanceCells({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  if (contract.advanceFrequency === 'none') {
    return (
      <Table.Td colSpan={2} c="dimmed">
        {t('advanceFrequency.none')}
      </Table.Td>
    );
  }
  return (
    <>
      <Table.Td ta="right" pr={4}>
        {contract.advanceAmount !== null && <Money amount={contract.advanceAmount} />}
      </Table.Td>
      <Table.Td pl={0} c="dimmed">
        {t(`advancePer.${contract.advanceFrequency}`)}
      </Table.Td>
    </>
  );
}
