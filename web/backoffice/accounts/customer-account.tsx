import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerAccount as Account } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { Money } from '../../ui/money.js';
import { PageLoader } from '../../ui/page-loader.js';
import { useFormat } from '../../ui/use-format.js';
import { Link } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';
import { useCustomerAccount } from './account-queries.js';
import { RecordPaymentModal } from './record-payment-modal.js';

/** The customer's ledger (or one contract's part of it): entries with the running balance, and the invoices still open. */
export function CustomerAccount({ customerId, contractId }: { customerId: string; contractId?: string }) {
  const { t } = useTranslation();
  const canRecord = useCan('customers', 'update');
  const account = useCustomerAccount(customerId, contractId);
  const [recording, setRecording] = useState(false);
  if (account.isPending) return <PageLoader />;
  if (account.isError) return <ApiErrorAlert error={account.error} />;

  return (
    <Stack gap="md" maw={1000} data-testid="customer-account">
      <Group justify="space-between" align="flex-end">
        <Group gap="xl">
          <Figure label={t('account.balance')} amount={account.data.balance} testId="account-balance" />
          <Figure label={t('account.credit')} amount={account.data.credit} testId="account-credit" />
        </Group>
        {canRecord && <Button onClick={() => setRecording(true)}>{t('account.recordPayment')}</Button>}
      </Group>
      {contractId && (
        <Text size="xs" c="dimmed">
          {t('account.contractOnly')}
        </Text>
      )}
      <AccountInvoices account={account.data} />
      <AccountEntries account={account.data} />
      <RecordPaymentModal customerId={customerId} opened={recording} onClose={() => setRecording(false)} />
    </Stack>
  );
}

function Figure({ label, amount, testId }: { label: string; amount: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Money amount={amount} />
      </Text>
    </div>
  );
}

/** A titled part of the account: its table, or what it says when there is nothing to show. */
function AccountSection({ title, empty, children }: { title: string; empty: string | false; children: ReactNode }) {
  return (
    <div>
      <Title order={5} mb={4}>
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>{children}</Table.ScrollContainer>
      )}
    </div>
  );
}

function AccountInvoices({ account }: { account: Account }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  return (
    <AccountSection title={t('account.invoices')} empty={account.invoices.length === 0 && t('account.noInvoices')}>
      <Table fz="sm" verticalSpacing={4} withTableBorder tabularNums data-testid="account-invoices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.number')}</Table.Th>
            <Table.Th>{t('invoices.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('invoices.gross')}</Table.Th>
            <Table.Th ta="right">{t('invoice.paid')}</Table.Th>
            <Table.Th ta="right">{t('invoice.outstanding')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {account.invoices.map((invoice) => (
            <Table.Tr key={invoice.invoiceId} data-testid="account-invoice" data-number={invoice.number}>
              <Table.Td>
                <Link to={{ name: 'invoice', params: { orgId, invoiceId: invoice.invoiceId } }} size="sm" ff="monospace">
                  {invoice.number}
                </Link>
              </Table.Td>
              <Table.Td>{invoice.dueDate ? format.date(invoice.dueDate) : '—'}</Table.Td>
              <Table.Td ta="right">
                <Money amount={invoice.gross} />
              </Table.Td>
              <Table.Td ta="right" data-testid="paid">
                <Money amount={invoice.paid} />
              </Table.Td>
              <Table.Td ta="right" data-testid="outstanding">
                <Money amount={invoice.outstanding} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </AccountSection>
  );
}

function AccountEntries({ account }: { account: Account }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  return (
    <AccountSection title={t('account.entries')} empty={account.entries.length === 0 && t('account.noEntries')}>
      <Table fz="sm" verticalSpacing={4} withTableBorder striped tabularNums data-testid="account-entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('account.bookedOn')}</Table.Th>
            <Table.Th>{t('account.kind')}</Table.Th>
            <Table.Th>{t('invoices.number')}</Table.Th>
            <Table.Th ta="right">{t('account.amount')}</Table.Th>
            <Table.Th ta="right">{t('account.balanceAfter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {account.entries.map((entry) => (
            <Table.Tr key={entry.id} data-testid="account-entry" data-kind={entry.kind}>
              <Table.Td>{format.date(entry.bookedOn)}</Table.Td>
              <Table.Td>{t(`accountEntryKind.${entry.kind}`)}</Table.Td>
              <Table.Td>
                {entry.invoiceId && entry.invoiceNumber ? (
                  <Link to={{ name: 'invoice', params: { orgId, invoiceId: entry.invoiceId } }} size="sm" ff="monospace">
                    {entry.invoiceNumber}
                  </Link>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={entry.amount} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={entry.balanceAfter} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </AccountSection>
  );
}
