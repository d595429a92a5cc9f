import { Anchor, Group, Pill, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CalendarDateInput } from '../../ui/calendar-date-input.js';
import { Link } from '../router.js';
import { useCurrentOrganization } from '../session.js';

export type ContractFilter = { id: string; label: string };
export type UnbilledFilterValues = { q: string; from: string; to: string; contract: ContractFilter | null };

export const NO_UNBILLED_FILTER: UnbilledFilterValues = { q: '', from: '', to: '', contract: null };

type UnbilledFiltersProps = { values: UnbilledFilterValues; onChange: (values: UnbilledFilterValues) => void };

export function UnbilledFilters({ values, onChange }: UnbilledFiltersProps) {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const set = (change: Partial<UnbilledFilterValues>) => onChange({ ...values, ...change });
  const isFiltered = values.q !== '' || values.from !== '' || values.to !== '' || values.contract !== null;

  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        size="xs"
        w={280}
        type="search"
        label={t('unbilled.filter.q')}
        placeholder={t('unbilled.filter.qPlaceholder')}
        value={values.q}
        onChange={(event) => set({ q: event.currentTarget.value })}
      />
      <CalendarDateInput
        label={t('unbilled.filter.from')}
        value={values.from}
        maxDate={values.to || undefined}
        onChange={(from) => set({ from })}
      />
      <CalendarDateInput
        label={t('unbilled.filter.to')}
        value={values.to}
        minDate={values.from || undefined}
        onChange={(to) => set({ to })}
      />
      {values.contract && (
        <Group gap={6} pb={4}>
          <Pill withRemoveButton onRemove={() => set({ contract: null })} data-testid="contract-filter">
            {t('unbilled.filter.contract', { contract: values.contract.label })}
          </Pill>
          <Link to={{ name: 'billingAnalysis', params: { orgId, contractId: values.contract.id } }} size="xs">
            {t('unbilled.openBillingAnalysis')}
          </Link>
        </Group>
      )}
      {isFiltered && (
        <Anchor component="button" type="button" size="xs" pb={6} onClick={() => onChange(NO_UNBILLED_FILTER)}>
          {t('unbilled.filter.reset')}
        </Anchor>
      )}
    </Group>
  );
}
