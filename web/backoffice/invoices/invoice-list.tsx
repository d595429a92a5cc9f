import { Button, Checkbox, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice, InvoiceListParams, InvoiceStatus } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { LoadMoreButton } from '../../ui/load-more-button.js';
import { Money } from '../../ui/money.js';
import { PageLoader } from '../../ui/page-loader.js';
import { useFormat } from '../../ui/use-format.js';
import { Link } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';
import { useFinalizeInvoices, useInvoiceList } from './invoice-queries.js';
import { InvoiceStatusBadge } from './invoice-status-badge.js';
import { SelectRowCell } from '../../ui/select-row-cell.js';

type InvoiceListProps = {
  /** Limits the list, e.g. to one billing run; the Draft/Final switch is the list's own. */
  scope?: Pick<InvoiceListParams, 'billingRunId' | 'contractId' | 'customerId'>;
  initialStatus?: InvoiceStatus;
};

/** Drafts or final invoices with the totals of all that match; drafts can be finalized, picked or all of a run. */
export function InvoiceList({ scope = {}, initialStatus = 'draft' }: InvoiceListProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<InvoiceStatus>(initialStatus);
  return (
    <Stack gap="sm">
      <SegmentedControl
        w="fit-content"
        size="xs"
        aria-label={t('invoices.statusFilter')}
        value={status}
        onChange={(value) => setStatus(value as InvoiceStatus)}
        data={[
          { value: 'draft', label: t('invoices.drafts') },
          { value: 'final', label: t('invoices.finals') },
        ]}
      />
      {/* Remounted per status: a selection of drafts means nothing among final invoices. */}
      <InvoiceRows key={status} params={{ ...scope, status }} />
    </Stack>
  );
}

function InvoiceRows({ params }: { params: InvoiceListParams }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canFinalize = useCan('invoices', 'finalize');
  const list = useInvoiceList(params);
  const finalize = useFinalizeInvoices();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ApiErrorAlert error={list.error} />;

  const rows = list.data.pages.flatMap((page) => page.items);
  const totals = list.data.pages[0]?.totals;
  const drafts = params.status === 'draft';
  const selectable = drafts && canFinalize;
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  function toggle(id: string) {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  }

  function finalizeThese(request: Parameters<typeof finalize.mutate>[0]) {
    finalize.mutate(request, {
      onSuccess: ({ finalized }) => {
        setSelected(new Set());
        notifications.show({ color: 'green', message: t('invoices.finalizedCount', { count: finalized }) });
      },
    });
  }

  return (
    <Stack gap="xs">
      {totals && (
        <Group gap="lg" data-testid="invoice-totals" style={{ fontVariantNumeric: 'tabular-nums' }}>
          <Text size="sm" fw={500} data-testid="invoice-count">
            {t(drafts ? 'invoices.draftCount' : 'invoices.finalCount', { count: totals.count })}
          </Text>
          <Text size="sm">
            {t('invoices.net')}: <Money amount={totals.net} />
          </Text>
          <Text size="sm">
            {t('invoices.vat')}: <Money amount={totals.vat} />
          </Text>
          <Text size="sm" fw={600}>
            {t('invoices.gross')}: <Money amount={totals.gross} />
          </Text>
        </Group>
      )}
      {selectable && rows.length > 0 && (
        <Group gap="sm">
          <Button
            size="xs"
            disabled={selected.size === 0}
            loading={finalize.isPending && finalize.variables && 'invoiceIds' in finalize.variables}
            onClick={() => finalizeThese({ invoiceIds: [...selected] })}
          >
            {t('invoices.finalizeSelected', { count: selected.size })}
          </Button>
          {params.billingRunId && (
            <Button
              size="xs"
              variant="light"
              loading={finalize.isPending && finalize.variables && 'filter' in finalize.variables}
              onClick={() => finalizeThese({ filter: { billingRunId: params.billingRunId } })}
            >
              {t('invoices.finalizeRun', { count: totals?.count ?? rows.length })}
            </Button>
          )}
        </Group>
      )}
      {finalize.isError && <ApiErrorAlert error={finalize.error} />}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(drafts ? 'invoices.noDrafts' : 'invoices.noFinals')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" verticalSpacing={4} highlightOnHover tabularNums data-testid="invoices">
            <Table.Thead>
              <Table.Tr>
                {selectable && (
                  <Table.Th w={32}>
                    <Checkbox
                      size="xs"
                      aria-label={t('invoices.selectAll')}
                      checked={allSelected}
                      indeterminate={!allSelected && selected.size > 0}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
                    />
                  </Table.Th>
                )}
                <Table.Th>{t('invoices.number')}</Table.Th>
                <Table.Th>{t('invoices.customer')}</Table.Th>
                <Table.Th>{t('invoices.period')}</Table.Th>
                <Table.Th>{t('invoices.dueDate')}</Table.Th>
                <Table.Th ta="right">{t('invoices.net')}</Table.Th>
                <Table.Th ta="right">{t('invoices.vat')}</Table.Th>
                <Table.Th ta="right">{t('invoices.gross')}</Table.Th>
                <Table.Th>{t('invoices.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((invoice) => (
                <InvoiceRow
                  key={invoice.id}
                  invoice={invoice}
                  selectable={selectable}
                  selected={selected.has(invoice.id)}
                  onToggle={() => toggle(invoice.id)}
                  period={format.period(invoice.periodStart, invoice.periodEnd)}
                  dueDate={invoice.dueDate ? format.date(invoice.dueDate) : '—'}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
    </Stack>
  );
}

type InvoiceRowProps = { invoice: Invoice; selectable: boolean; selected: boolean; onToggle: () => void; period: string; dueDate: string };

function InvoiceRow({ invoice, selectable, selected, onToggle, period, dueDate }: InvoiceRowProps) {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  return (
    <Table.Tr data-testid="invoice-row" data-invoice-id={invoice.id} bg={selected ? 'var(--mantine-primary-color-light)' : undefined}>
      {selectable && (
        <SelectRowCell label={t('invoices.selectRow', { customer: invoice.customerName, period })} checked={selected} onToggle={onToggle} />
      )}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Link to={{ name: 'invoice', params: { orgId, invoiceId: invoice.id } }} size="sm" ff={invoice.number ? 'monospace' : undefined}>
          {invoice.number ?? t('invoices.draftNoNumber')}
        </Link>
      </Table.Td>
      <Table.Td>{invoice.customerName}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{period}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{dueDate}</Table.Td>
      <Table.Td ta="right">
        <Money amount={invoice.totals.net} />
      </Table.Td>
      <Table.Td ta="right">
        <Money amount={invoice.totals.vat} />
      </Table.Td>
      <Table.Td ta="right">
        <Money amount={invoice.totals.gross} />
      </Table.Td>
      <Table.Td>
        <InvoiceStatusBadge status={invoice.status} />
      </Table.Td>
    </Table.Tr>
  );
}
