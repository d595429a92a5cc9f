import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnbilledAdvancePeriod } from '../../api/types.js';
import { Money } from '../../ui/money.js';
import { MissingBadge } from '../../ui/status-badge.js';
import { useFormat } from '../../ui/use-format.js';
import { Link } from '../router.js';
import { useCurrentOrganization } from '../session.js';
import type { ContractFilter } from './unbilled-filters.js';
import { SelectRowCell } from '../../ui/select-row-cell.js';

type UnbilledTableProps = {
  rows: UnbilledAdvancePeriod[];
  /** Selection only exists for actions, so a role that can't skip gets no checkboxes. */
  selectable: boolean;
  isSelected: (advancePeriodId: string) => boolean;
  onToggle: (advancePeriodId: string) => void;
  onToggleAll: () => void;
  onContractFilter: (contract: ContractFilter) => void;
};

export function UnbilledTable({ rows, selectable, isSelected, onToggle, onToggleAll, onContractFilter }: UnbilledTableProps) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md">
        {t('unbilled.empty')}
      </Text>
    );
  }
  const selectedOnPage = rows.filter((row) => isSelected(row.advancePeriodId)).length;

  return (
    <Table.ScrollContainer minWidth={800}>
      <Table tabularNums fz="sm" verticalSpacing={4} highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={36}>
                <Checkbox
                  size="xs"
                  aria-label={t('unbilled.selectLoaded')}
                  checked={selectedOnPage === rows.length}
                  indeterminate={selectedOnPage > 0 && selectedOnPage < rows.length}
                  onChange={onToggleAll}
                />
              </Table.Th>
            )}
            <Table.Th>{t('contract.customer')}</Table.Th>
            <Table.Th>{t('contract.ean')}</Table.Th>
            <Table.Th>{t('contract.energy')}</Table.Th>
            <Table.Th>{t('advancePeriod.period')}</Table.Th>
            <Table.Th ta="right">{t('advancePeriod.amount')}</Table.Th>
            <Table.Th w={100} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <UnbilledRow
              key={row.advancePeriodId}
              row={row}
              selectable={selectable}
              selected={isSelected(row.advancePeriodId)}
              onToggle={() => onToggle(row.advancePeriodId)}
              onContractFilter={onContractFilter}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type UnbilledRowProps = {
  row: UnbilledAdvancePeriod;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
  onContractFilter: (contract: ContractFilter) => void;
};

function UnbilledRow({ row, selectable, selected, onToggle, onContractFilter }: UnbilledRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  const period = format.period(row.startDate, row.endDate);
  return (
    <Table.Tr
      data-testid="unbilled-row"
      data-advance-period-id={row.advancePeriodId}
      data-start-date={row.startDate}
      bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
    >
      {selectable && (
        <SelectRowCell label={t('unbilled.selectRow', { customer: row.customerName, period })} checked={selected} onToggle={onToggle} />
      )}
      <Table.Td>
        <Link to={{ name: 'billingAnalysis', params: { orgId, contractId: row.contractId } }} size="sm">
          {row.customerName}
        </Link>
      </Table.Td>
      <Table.Td>
        <Anchor
          component="button"
          type="button"
          size="sm"
          ff="monospace"
          c="inherit"
          title={t('unbilled.filterByContract')}
          onClick={() => onContractFilter({ id: row.contractId, label: `${row.customerName} · ${row.ean}` })}
        >
          {row.ean}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`energy.${row.energy}`)}</Table.Td>
      <Table.Td>{period}</Table.Td>
      <Table.Td ta="right">
        <Money amount={row.amount} />
      </Table.Td>
      <Table.Td>{row.missing && <MissingBadge />}</Table.Td>
    </Table.Tr>
  );
}
