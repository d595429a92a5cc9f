import { Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnbilledFilter } from '../../api/types.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { useCurrentOrganization } from '../session.js';
import { SkipResultPanel, type SkipOutcome } from './skip-result-panel.js';
import { NO_UNBILLED_FILTER, UnbilledFilters } from './unbilled-filters.js';
import { UnbilledWorklist } from './unbilled-worklist.js';

export function UnbilledPage() {
  const { t } = useTranslation();
  usePageTitle(t('unbilled.title'), useCurrentOrganization().name);
  const [values, setValues] = useState(NO_UNBILLED_FILTER);
  const [outcome, setOutcome] = useState<SkipOutcome | null>(null);
  const [q] = useDebouncedValue(values.q.trim(), 300);
  const filter = useMemo<UnbilledFilter>(
    () => ({
      kind: 'advance',
      q: q || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
      contractId: values.contract?.id,
    }),
    [q, values.from, values.to, values.contract],
  );

  return (
    <Stack gap="sm">
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('nav.dashboard')}
        </Text>
        <Title order={3}>{t('unbilled.title')}</Title>
      </div>
      <UnbilledFilters values={values} onChange={setValues} />
      {outcome && <SkipResultPanel outcome={outcome} onClose={() => setOutcome(null)} />}
      {/* Remounting per filter drops a selection that no longer matches what is shown. */}
      <UnbilledWorklist
        key={JSON.stringify(filter)}
        filter={filter}
        onContractFilter={(contract) => setValues({ ...values, contract })}
        onSkipped={setOutcome}
      />
    </Stack>
  );
}
