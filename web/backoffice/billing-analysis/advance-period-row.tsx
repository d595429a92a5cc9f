import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdvancePeriod } from '../../api/types.js';
import { Money } from '../../ui/money.js';
import { AdvancePeriodStatusBadge, MissingBadge } from '../../ui/status-badge.js';
import { useFormat } from '../../ui/use-format.js';
import { Link } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';
import { SkipAdvancePeriodAction } from './skip-advance-period-action.js';

type AdvancePeriodRowProps = { advancePeriod: AdvancePeriod; onSkip: (advancePeriod: AdvancePeriod) => void };

export function AdvancePeriodRow({ advancePeriod, onSkip }: AdvancePeriodRowProps) {
  const format = useFormat();
  const { startDate, endDate, amount, status, missing } = advancePeriod;
  return (
    <Table.Tr
      className="advance-period-row"
      data-testid="advance-period-row"
      data-advance-period-id={advancePeriod.id}
      data-status={status}
      data-skipped={status === 'skipped' || undefined}
    >
      <Table.Td>{format.period(startDate, endDate)}</Table.Td>
      <Table.Td ta="right">
        <Money amount={amount} />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <AdvancePeriodStatusBadge status={status} />
          {missing && <MissingBadge />}
        </Group>
      </Table.Td>
      <Table.Td>
        <InvoiceCell advancePeriod={advancePeriod} />
      </Table.Td>
      <Table.Td>
        <SkipNote advancePeriod={advancePeriod} />
      </Table.Td>
      <Table.Td ta="right">
        <SkipAdvancePeriodAction advancePeriod={advancePeriod} onSkip={() => onSkip(advancePeriod)} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The period's invoice, opened from its number (a draft has none yet). */
function InvoiceCell({ advancePeriod }: { advancePeriod: AdvancePeriod }) {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const canReadInvoices = useCan('invoices', 'read');
  const { invoiceId, invoiceNumber } = advancePeriod;
  if (!invoiceId) return null;
  const label = invoiceNumber ?? t('invoices.draftNoNumber');
  if (!canReadInvoices) return <>{invoiceNumber ?? '—'}</>;
  return (
    <Link to={{ name: 'invoice', params: { orgId, invoiceId } }} size="sm">
      {label}
    </Link>
  );
}

/** Who skipped the period, when, and why: kept for the audit trail. */
function SkipNote({ advancePeriod }: { advancePeriod: AdvancePeriod }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { skipped } = advancePeriod;
  if (!skipped) return null;
  return (
    <Text size="xs" c="dimmed" lineClamp={2} title={skipped.reason ?? undefined}>
      {t('billingAnalysis.skippedBy', { by: skipped.by, at: format.dateTime(skipped.at) })}
      {skipped.reason && ` — ${skipped.reason}`}
    </Text>
  );
}
