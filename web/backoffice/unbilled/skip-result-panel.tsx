import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SkipAdvancePeriodsResponse, UnbilledAdvancePeriod } from '../../api/types.js';
import { useFormat } from '../../ui/use-format.js';
import { useSkipRefusalText } from '../advance-periods/use-skip-refusal-text.js';

/** A bulk skip's answer, with the rows as they were shown when it was confirmed. */
export type SkipOutcome = { response: SkipAdvancePeriodsResponse; rowsById: ReadonlyMap<string, UnbilledAdvancePeriod> };

export function SkipResultPanel({ outcome, onClose }: { outcome: SkipOutcome; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refusalText = useSkipRefusalText();
  const { response, rowsById } = outcome;
  const refusals = response.results.flatMap((result) => (result.ok ? [] : [result]));

  return (
    <Alert
      color={response.refused > 0 ? 'orange' : 'green'}
      variant="light"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      title={
        response.refused > 0
          ? t('skip.resultWithRefusals', { skipped: t('skip.skipped', { count: response.skipped }), count: response.refused })
          : t('skip.skipped', { count: response.skipped })
      }
      data-testid="skip-result"
    >
      {refusals.length > 0 && (
        <List size="sm" spacing={2} data-testid="skip-refusals">
          {refusals.map((refusal) => {
            const row = rowsById.get(refusal.advancePeriodId);
            return (
              <List.Item key={refusal.advancePeriodId}>
                <Text span size="sm" fw={500}>
                  {row ? `${row.customerName} · ${row.ean} · ${format.period(row.startDate, row.endDate)}` : refusal.advancePeriodId}
                </Text>
                {': '}
                <Text span size="sm" data-refusal-code={refusal.error.code}>
                  {refusalText(refusal.error.code, refusal.error.message)}
                </Text>
              </List.Item>
            );
          })}
        </List>
      )}
    </Alert>
  );
}
