import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContractStatus } from '../../api/types.js';

const STATUS_COLORS: Record<ContractStatus, string> = { active: 'teal', pending: 'yellow', ended: 'gray' };

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="sm">
      {t(`contractStatus.${status}`)}
    </Badge>
  );
}
