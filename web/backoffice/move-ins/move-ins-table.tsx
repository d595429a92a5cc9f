import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MoveIn, MoveInStatus } from '../../api/types.js';
import { useFormat } from '../../ui/use-format.js';
import { Link } from '../router.js';
import { useCurrentOrganization } from '../session.js';

/** The customer's name as requested; a move-in for a known customer names only its id. */
export function customerNameOf(moveIn: Pick<MoveIn, 'request'>): string | undefined {
  const customer = moveIn.request.customer;
  return customer && 'name' in customer ? customer.name : undefined;
}

export function MoveInsTable({ moveIns, status }: { moveIns: MoveIn[]; status: MoveInStatus }) {
  const { t } = useTranslation();
  if (moveIns.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md" data-testid="move-ins-empty">
        {t(`moveIns.empty.${status}`)}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        striped
        highlightOnHover
        tabularNums
        fz="sm"
        verticalSpacing={6}
        horizontalSpacing={8}
        withTableBorder
        styles={{ th: { whiteSpace: 'nowrap' }, td: { whiteSpace: 'nowrap' } }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('moveIns.customer')}</Table.Th>
            <Table.Th>{t('moveIns.ean')}</Table.Th>
            <Table.Th>{t('moveIns.energy')}</Table.Th>
            <Table.Th>{t('moveIns.moveInDate')}</Table.Th>
            <Table.Th>{t('moveIns.source')}</Table.Th>
            <Table.Th>{t('moveIns.received')}</Table.Th>
            {status === 'accepted' && <Table.Th>{t('moveIns.contract')}</Table.Th>}
            {status === 'rejected' && <Table.Th>{t('moveIns.rejectionReason')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {moveIns.map((moveIn) => (
            <MoveInRow key={moveIn.id} moveIn={moveIn} status={status} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MoveInRow({ moveIn, status }: { moveIn: MoveIn; status: MoveInStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  const { request } = moveIn;
  const name = customerNameOf(moveIn);
  return (
    <Table.Tr data-testid="move-in-row" data-move-in-id={moveIn.id} data-ean={request.connection?.ean}>
      <Table.Td>
        <Link to={{ name: 'moveIn', params: { orgId, moveInId: moveIn.id } }} size="sm">
          {name ?? t('moveIns.existingCustomer')}
        </Link>
      </Table.Td>
      <Table.Td ff="monospace">{request.connection?.ean ?? '—'}</Table.Td>
      <Table.Td>{request.connection?.energy ? t(`energy.${request.connection.energy}`) : '—'}</Table.Td>
      <Table.Td>{request.moveInDate ? format.date(request.moveInDate) : '—'}</Table.Td>
      <Table.Td>{t(`moveInSource.${moveIn.source}`)}</Table.Td>
      <Table.Td>{format.dateTime(moveIn.createdAt)}</Table.Td>
      {status === 'accepted' && (
        <Table.Td>
          {moveIn.contractId && (
            <Link to={{ name: 'contract', params: { orgId, contractId: moveIn.contractId } }} size="sm">
              {t('moveIns.openContract')}
            </Link>
          )}
        </Table.Td>
      )}
      {status === 'rejected' && (
        // Takes the width the other columns leave; a long reason is cut, its whole text on hover.
        <Table.Td w="100%" maw={0}>
          <Text size="sm" truncate title={moveIn.rejectionReason ?? undefined}>
            {moveIn.rejectionReason}
          </Text>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
