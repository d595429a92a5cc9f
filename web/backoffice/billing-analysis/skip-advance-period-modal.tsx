import { Alert, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AdvancePeriod, SkipResult } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { useFormat } from '../../ui/use-format.js';
import { SkipConfirmModal } from '../advance-periods/skip-confirm-modal.js';
import { useSkipAdvancePeriods } from '../advance-periods/use-skip-advance-periods.js';
import { useSkipRefusalText } from '../advance-periods/use-skip-refusal-text.js';

type SkipAdvancePeriodModalProps = { advancePeriod: AdvancePeriod | null; onClose: () => void };

export function SkipAdvancePeriodModal({ advancePeriod, onClose }: SkipAdvancePeriodModalProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const refusalText = useSkipRefusalText();
  const skip = useSkipAdvancePeriods();
  const result: SkipResult | undefined = skip.data?.results[0];

  function close() {
    skip.reset();
    onClose();
  }

  function confirm(reason: string | undefined, idempotencyKey: string) {
    if (!advancePeriod) return;
    const period = format.period(advancePeriod.startDate, advancePeriod.endDate);
    skip.mutate(
      { request: { advancePeriodIds: [advancePeriod.id], reason }, idempotencyKey },
      {
        onSuccess: (response) => {
          // A refusal (e.g. invoiced meanwhile by a billing run) stays in the modal so the user sees why.
          if (!response.results[0]?.ok) return;
          notifications.show({ color: 'green', message: t('skip.skippedOne', { period }) });
          close();
        },
      },
    );
  }

  return (
    <SkipConfirmModal
      opened={advancePeriod !== null}
      title={t('skip.titleOne')}
      pending={skip.isPending}
      onClose={close}
      onConfirm={confirm}
    >
      {advancePeriod && (
        <Text size="sm">
          {t('skip.confirmOne', {
            period: format.period(advancePeriod.startDate, advancePeriod.endDate),
            amount: format.money(advancePeriod.amount),
          })}
        </Text>
      )}
      {result && !result.ok && (
        <Alert color="orange" variant="light" role="alert">
          {refusalText(result.error.code, result.error.message)}
        </Alert>
      )}
      {skip.isError && <ApiErrorAlert error={skip.error} />}
    </SkipConfirmModal>
  );
}
