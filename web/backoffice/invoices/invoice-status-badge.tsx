import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../../api/types.js';

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'final' ? 'green' : 'yellow'} variant="light" size="sm" data-status={status}>
      {t(`invoiceStatus.${status}`)}
    </Badge>
  );
}
