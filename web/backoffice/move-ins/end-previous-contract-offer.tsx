import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import type { ConnectionAlreadySupplied } from '../../api/types.js';
import { useFormat } from '../../ui/use-format.js';
import { Link } from '../router.js';
import { useCurrentOrganization } from '../session.js';

/** The contracts in the way when a `409 connection_already_supplied` refused a move-in; null for any other error. */
export function connectionAlreadySupplied(error: unknown): ConnectionAlreadySupplied | null {
  if (!(error instanceof ApiError) || error.code !== 'connection_already_supplied') return null;
  const details = error.details as Partial<ConnectionAlreadySupplied> | undefined;
  if (!details || typeof details.previousContractEndDate !== 'string') return null;
  return {
    contractIds: Array.isArray(details.contractIds) ? details.contractIds : [],
    previousContractEndDate: details.previousContractEndDate,
  };
}

type EndPreviousContractOfferProps = {
  supplied: ConnectionAlreadySupplied;
  pending: boolean;
  onConfirm: () => void;
};

/** A change of occupant: the move-in goes through once the contract still supplying the connection point ends. */
export function EndPreviousContractOffer({ supplied, pending, onConfirm }: EndPreviousContractOfferProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  const date = format.date(supplied.previousContractEndDate);
  // It appears beside the action buttons, often below the fold of a long form: bring it into view.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // In braces: newer browsers answer a promise, which React would take for a cleanup function.
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <Alert ref={ref} color="orange" variant="light" title={t('moveIn.suppliedTitle')} data-testid="end-previous-contract-offer">
      <Stack gap="xs">
        <Text size="sm">{t('moveIn.supplied', { count: supplied.contractIds.length, date })}</Text>
        {supplied.contractIds.length > 0 && (
          <Group gap="sm">
            {supplied.contractIds.map((contractId, i) => (
              <Link key={contractId} to={{ name: 'contract', params: { orgId, contractId } }} size="sm" target="_blank">
                {t('moveIn.currentContract', { number: i + 1, count: supplied.contractIds.length })}
              </Link>
            ))}
          </Group>
        )}
        <Group>
          <Button color="orange" size="xs" loading={pending} onClick={onConfirm}>
            {t('moveIn.endPreviousContract', { date })}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
