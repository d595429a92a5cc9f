import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdvancePeriodStatus } from '../api/types.js';

const STATUS_COLORS: Record<AdvancePeriodStatus, string> = {
  planned: 'blue',
  draft: 'yellow',
  invoiced: 'green',
  skipped: 'gray',
};

export function AdvancePeriodStatusBadge({ status }: { status: AdvancePeriodStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="sm" data-status={status}>
      {t(`advancePeriodStatus.${status}`)}
    </Badge>
  );
}

/** The red badge of a due advance period that has no invoice. */
export function MissingBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" size="sm" data-testid="missing-badge">
      {t('advancePeriod.missing')}
    </Badge>
  );
}
