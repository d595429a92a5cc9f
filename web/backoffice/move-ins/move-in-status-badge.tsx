import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MoveInStatus } from '../../api/types.js';

const STATUS_COLORS: Record<MoveInStatus, string> = { new: 'blue', accepted: 'teal', rejected: 'gray' };

export function MoveInStatusBadge({ status }: { status: MoveInStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="sm" data-testid="move-in-status" data-status={status}>
      {t(`moveInStatus.${status}`)}
    </Badge>
  );
}
