import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BillingRunStatus } from '../../api/types.js';

const COLORS: Record<BillingRunStatus, string> = { queued: 'gray', running: 'blue', done: 'green', failed: 'red' };

export function BillingRunStatusBadge({ status }: { status: BillingRunStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size="sm" data-status={status}>
      {t(`billingRunStatus.${status}`)}
    </Badge>
  );
}
