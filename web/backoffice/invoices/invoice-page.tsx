import { Alert, Button, Card, Code, DataList, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail, InvoiceParty } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { Money } from '../../ui/money.js';
import { PageLoader } from '../../ui/page-loader.js';
import { useFormat } from '../../ui/use-format.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { api } from '../api.js';
import { useSettings } from '../billing-runs/billing-run-queries.js';
import { Link, navigate } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';
import { useDeleteInvoice, useFinalizeInvoice, useInvoice } from './invoice-queries.js';
import { InvoiceStatusBadge } from './invoice-status-badge.js';
import { DataItem } from '../../ui/data-item.js';

export function InvoicePage({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const invoice = useInvoice(invoiceId);
  usePageTitle(invoice.data ? (invoice.data.number ?? t('invoices.draftNoNumber')) : undefined, t('invoices.title'));
  if (invoice.isPending) return <PageLoader />;
  if (invoice.isError) return <ApiErrorAlert error={invoice.error} />;
  return <InvoiceView invoice={invoice.data} />;
}

function InvoiceView({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  const draft = invoice.status === 'draft';
  const canFinalize = useCan('invoices', 'finalize') && draft;
  const canDelete = useCan('invoices', 'delete') && draft;
  const canReadAccount = useCan('customers', 'read');
  const finalize = useFinalizeInvoice(invoice.id);
  const [deleting, setDeleting] = useState(false);
  // A draft has no seller yet (it is fixed when finalizing): the organization's identity as it stands shows what it will be.
  const settings = useSettings();
  const supplier = settings.data?.supplier;
  const seller =
    invoice.seller ?? (draft && supplier ? { name: supplier.legalName, vatNumber: supplier.vatNumber, address: supplier.address } : null);

  return (
    <Stack gap="md" maw={1000} data-testid="invoice" data-status={invoice.status}>
      <div>
        <Link to={{ name: 'invoices', params: { orgId } }} size="xs" tt="uppercase" fw={600}>
          {t('invoices.title')}
        </Link>
        <Group justify="space-between" align="flex-end">
          <Group gap="sm" align="baseline">
            <Title order={3} ff={invoice.number ? 'monospace' : undefined} data-testid="invoice-number">
              {invoice.number ?? t('invoices.draftNoNumber')}
            </Title>
            <InvoiceStatusBadge status={invoice.status} />
            <Text size="sm" c="dimmed">
              {t(`invoiceKind.${invoice.kind}`)}
            </Text>
          </Group>
          <Group gap="sm">
            {/* A draft's PDF is marked as one: to check it before finalizing. */}
            <Button component="a" variant="default" href={api.invoicePdfUrl(orgId, invoice.id)} target="_blank" rel="noopener">
              {t('invoice.pdf')}
            </Button>
            {canDelete && (
              <Button variant="default" color="red" onClick={() => setDeleting(true)} disabled={finalize.isPending}>
                {t('invoice.delete')}
              </Button>
            )}
            {canFinalize && (
              <Button
                loading={finalize.isPending}
                onClick={() =>
                  finalize.mutate(undefined, {
                    onSuccess: (final) => notifications.show({ color: 'green', message: t('invoice.finalized', { number: final.number }) }),
                  })
                }
              >
                {t('invoice.finalize')}
              </Button>
            )}
          </Group>
        </Group>
      </div>
      {finalize.isError && <ApiErrorAlert error={finalize.error} />}
      {draft && (
        <Alert color="yellow" variant="light" p="xs">
          {t('invoice.draftNote')}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DataList size="sm" gap={4} labelWidth={200}>
          <DataItem label={t('invoice.issueDate')}>{invoice.issueDate ? format.date(invoice.issueDate) : '—'}</DataItem>
          <DataItem label={t('invoice.dueDate')}>{invoice.dueDate ? format.date(invoice.dueDate) : '—'}</DataItem>
          <DataItem label={t('invoice.period')}>{format.period(invoice.periodStart, invoice.periodEnd)}</DataItem>
          <DataItem label={t('invoice.connection')}>
            <Text span ff="monospace" size="sm">
              {invoice.ean}
            </Text>{' '}
            ({t(`energy.${invoice.energy}`)})
          </DataItem>
          <DataItem label={t('invoice.contract')}>
            <Link to={{ name: 'contract', params: { orgId, contractId: invoice.contractId } }} size="sm">
              {t('invoice.openContract')}
            </Link>
          </DataItem>
        </DataList>
        <DataList size="sm" gap={4} labelWidth={200}>
          <DataItem label={t('invoice.paymentReference')}>
            {invoice.paymentReference ? <Code data-testid="payment-reference">{invoice.paymentReference}</Code> : '—'}
          </DataItem>
          <DataItem label={t('invoice.paid')}>
            <Money amount={invoice.paid} />
          </DataItem>
          <DataItem label={t('invoice.outstanding')}>
            <Text span size="sm" fw={600} data-testid="invoice-outstanding">
              <Money amount={invoice.outstanding} />
            </Text>
          </DataItem>
          {canReadAccount && (
            <DataItem label={t('invoice.account')}>
              <Link to={{ name: 'customerAccount', params: { orgId, customerId: invoice.customerId } }} size="sm">
                {t('invoice.openAccount')}
              </Link>
            </DataItem>
          )}
        </DataList>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Party
          title={t('invoice.seller')}
          party={seller}
          note={draft ? t('invoice.sellerOnFinal') : undefined}
          fallback={draft ? t('invoice.sellerOnFinal') : '—'}
        />
        <Party title={t('invoice.buyer')} party={invoice.buyer} fallback={invoice.customerName} />
      </SimpleGrid>

      <Table.ScrollContainer minWidth={700}>
        <Table fz="sm" verticalSpacing={4} withTableBorder tabularNums data-testid="invoice-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoice.description')}</Table.Th>
              <Table.Th ta="right">{t('invoice.quantity')}</Table.Th>
              <Table.Th ta="right">{t('invoice.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('invoice.vatRate')}</Table.Th>
              <Table.Th ta="right">{t('invoices.net')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.lines.map((line) => (
              <Table.Tr key={line.position}>
                <Table.Td>{line.description}</Table.Td>
                <Table.Td ta="right">{Number(line.quantity).toLocaleString(undefined, { maximumFractionDigits: 3 })}</Table.Td>
                <Table.Td ta="right">
                  <Money amount={line.unitPrice} />
                </Table.Td>
                <Table.Td ta="right">{t('invoice.percent', { rate: Number(line.vatRate) })}</Table.Td>
                <Table.Td ta="right">
                  <Money amount={line.net} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Group justify="flex-end" align="flex-start" gap="xl">
        <Table fz="sm" verticalSpacing={2} tabularNums w="auto" data-testid="vat-breakdown">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoice.vatRate')}</Table.Th>
              <Table.Th ta="right">{t('invoice.vatBase')}</Table.Th>
              <Table.Th ta="right">{t('invoices.vat')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.vatBreakdown.map((row) => (
              <Table.Tr key={row.rate}>
                <Table.Td>{t('invoice.percent', { rate: Number(row.rate) })}</Table.Td>
                <Table.Td ta="right">
                  <Money amount={row.base} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money amount={row.vat} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <DataList size="sm" gap={2} labelWidth={140} data-testid="invoice-totals">
          <DataItem label={t('invoices.net')}>
            <Money amount={invoice.totals.net} />
          </DataItem>
          <DataItem label={t('invoices.vat')}>
            <Money amount={invoice.totals.vat} />
          </DataItem>
          <DataItem label={t('invoice.total')}>
            <Text span fw={700} size="sm">
              <Money amount={invoice.totals.gross} />
            </Text>
          </DataItem>
        </DataList>
      </Group>

      <DeleteDraftModal invoice={invoice} opened={deleting} onClose={() => setDeleting(false)} />
    </Stack>
  );
}

type PartyProps = { title: string; party: InvoiceParty | null; fallback: string; note?: string | undefined };

function Party({ title, party, fallback, note }: PartyProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" radius="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {title}
      </Text>
      {party ? (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {party.name}
          </Text>
          {party.address && (
            <Text size="sm">
              {party.address.line1}, {party.address.postalCode} {party.address.city} ({party.address.country})
            </Text>
          )}
          {party.vatNumber && (
            <Text size="sm" c="dimmed">
              {t('invoice.vatNumber', { number: party.vatNumber })}
            </Text>
          )}
          {note && (
            <Text size="xs" c="dimmed" mt={4}>
              {note}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm">{fallback}</Text>
      )}
    </Card>
  );
}

function DeleteDraftModal({ invoice, opened, onClose }: { invoice: InvoiceDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  const remove = useDeleteInvoice(invoice.id);
  return (
    <Modal opened={opened} onClose={onClose} title={t('invoice.deleteTitle')}>
      <Stack gap="md">
        <Text size="sm">
          {t('invoice.deleteConfirm', { customer: invoice.customerName, period: format.period(invoice.periodStart, invoice.periodEnd) })}
        </Text>
        {remove.isError && <ApiErrorAlert error={remove.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={remove.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('invoice.deleted') });
                  navigate({ name: 'billingAnalysis', params: { orgId, contractId: invoice.contractId } });
                },
              })
            }
          >
            {t('invoice.deleteConfirmButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
