import { Button, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdvancePeriod } from '../../api/types.js';
import { useSkipRefusalText } from '../advance-periods/use-skip-refusal-text.js';
import { useCan } from '../session.js';

type SkipAdvancePeriodActionProps = { advancePeriod: AdvancePeriod; onSkip: () => void };

/** The row action: shown on row hover or keyboard focus, disabled with the reason where skipping is refused. */
export function SkipAdvancePeriodAction({ advancePeriod, onSkip }: SkipAdvancePeriodActionProps) {
  const { t } = useTranslation();
  const refusalText = useSkipRefusalText();
  const canSkip = useCan('advancePeriods', 'skip');
  if (!canSkip) return null;

  const label = t('billingAnalysis.skipAction');
  const { skipRefusal } = advancePeriod;
  if (skipRefusal) {
    // A disabled <button> gets no hover or focus events; data-disabled keeps it reachable for the tooltip.
    return (
      <Tooltip label={refusalText(skipRefusal)} events={{ hover: true, focus: true, touch: true }} withArrow>
        <Button
          className="row-action"
          size="compact-xs"
          variant="subtle"
          color="gray"
          data-disabled
          aria-disabled
          data-refusal={skipRefusal}
          onClick={(event) => event.preventDefault()}
        >
          {label}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Button className="row-action" size="compact-xs" variant="light" color="gray" onClick={onSkip}>
      {label}
    </Button>
  );
}
