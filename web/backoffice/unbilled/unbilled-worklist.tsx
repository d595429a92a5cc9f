import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkipAdvancePeriodsRequest, UnbilledAdvancePeriod, UnbilledFilter } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { LoadMoreButton } from '../../ui/load-more-button.js';
import { PageLoader } from '../../ui/page-loader.js';
import { useFormat } from '../../ui/use-format.js';
import { SkipConfirmModal } from '../advance-periods/skip-confirm-modal.js';
import { NewBillingRunModal } from '../billing-runs/new-billing-run-modal.js';
import { useSkipAdvancePeriods } from '../advance-periods/use-skip-advance-periods.js';
import { useCan, useCurrentOrganization } from '../session.js';
import type { SkipOutcome } from './skip-result-panel.js';
import type { ContractFilter } from './unbilled-filters.js';
import { useUnbilledList, useUnbilledSummary } from './unbilled-queries.js';
import { UnbilledActionBar } from './unbilled-action-bar.js';
import { UnbilledTable } from './unbilled-table.js';

/** Either rows picked one by one, or every period matching the filter (also those not loaded yet). */
type Selection = { kind: 'rows'; ids: ReadonlySet<string> } | { kind: 'allMatching' };

const NOTHING_SELECTED: Selection = { kind: 'rows', ids: new Set() };

type UnbilledWorklistProps = {
  filter: UnbilledFilter;
  onContractFilter: (contract: ContractFilter) => void;
  onSkipped: (outcome: SkipOutcome) => void;
};

export function UnbilledWorklist({ filter, onContractFilter, onSkipped }: UnbilledWorklistProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  const canSkip = useCan('advancePeriods', 'skip');
  const canBill = useCan('billingRuns', 'create');
  const [billing, setBilling] = useState(false);
  const list = useUnbilledList(orgId, filter);
  const summary = useUnbilledSummary(orgId, filter);
  const skip = useSkipAdvancePeriods();
  const [selection, setSelection] = useState<Selection>(NOTHING_SELECTED);
  const [confirming, setConfirming] = useState(false);

  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ApiErrorAlert error={list.error} />;

  const rows = list.data.pages.flatMap((page) => page.items);
  const matchingCount = summary.data?.count ?? rows.length;
  const selectedCount = selection.kind === 'allMatching' ? matchingCount : selection.ids.size;
  const isSelected = (id: string) => selection.kind === 'allMatching' || selection.ids.has(id);

  function toggle(id: string) {
    const ids = new Set(selection.kind === 'allMatching' ? rows.map((row) => row.advancePeriodId) : selection.ids);
    if (!ids.delete(id)) ids.add(id);
    setSelection({ kind: 'rows', ids });
  }

  function toggleAllLoaded() {
    const allLoadedSelected = rows.every((row) => isSelected(row.advancePeriodId));
    setSelection(allLoadedSelected ? NOTHING_SELECTED : { kind: 'rows', ids: new Set(rows.map((r) => r.advancePeriodId)) });
  }

  function confirmSkip(reason: string | undefined, idempotencyKey: string) {
    const request: SkipAdvancePeriodsRequest =
      selection.kind === 'allMatching' ? { filter, reason } : { advancePeriodIds: [...selection.ids], reason };
    // Skipped periods leave the list on refetch; keep what was shown to describe the refused ones.
    const rowsById = new Map<string, UnbilledAdvancePeriod>(rows.map((row) => [row.advancePeriodId, row]));
    skip.mutate(
      { request, idempotencyKey },
      {
        onSuccess: (response) => {
          onSkipped({ response, rowsById });
          setSelection(NOTHING_SELECTED);
          setConfirming(false);
        },
      },
    );
  }

  return (
    <>
      {summary.data && (
        <Group gap="xs" data-testid="unbilled-summary">
          <Text size="sm">{t('unbilled.summary', { count: summary.data.count })}</Text>
          <Text size="sm" c="dimmed">
            ·
          </Text>
          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('unbilled.total', { amount: format.money(summary.data.totalAmount) })}
          </Text>
          {canBill && summary.data.count > 0 && (
            // A run bills what the filter matches: a selection made from it is billed through the same filter.
            <Button size="xs" ml="sm" onClick={() => setBilling(true)}>
              {t('unbilled.billThese')}
            </Button>
          )}
        </Group>
      )}
      {canBill && (
        <NewBillingRunModal
          opened={billing}
          onClose={() => setBilling(false)}
          filter={{ contractId: filter.contractId, q: filter.q, from: filter.from, to: filter.to }}
          scope={t('unbilled.billScope', { count: matchingCount })}
        />
      )}
      <UnbilledTable
        rows={rows}
        selectable={canSkip}
        isSelected={isSelected}
        onToggle={toggle}
        onToggleAll={toggleAllLoaded}
        onContractFilter={onContractFilter}
      />
      <LoadMoreButton hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
      {canSkip && (
        <UnbilledActionBar
          selectedCount={selectedCount}
          matchingCount={matchingCount}
          allMatchingSelected={selection.kind === 'allMatching'}
          onSelectAllMatching={() => setSelection({ kind: 'allMatching' })}
          onClear={() => setSelection(NOTHING_SELECTED)}
          onSkip={() => setConfirming(true)}
          onBill={canBill ? () => setBilling(true) : undefined}
        />
      )}
      <SkipConfirmModal
        opened={confirming}
        title={t('skip.titleMany')}
        pending={skip.isPending}
        onClose={() => {
          skip.reset();
          setConfirming(false);
        }}
        onConfirm={confirmSkip}
      >
        <Text size="sm">
          {selection.kind === 'allMatching'
            ? t('skip.confirmAllMatching', { count: selectedCount })
            : t('skip.confirmMany', { count: selectedCount })}
        </Text>
        {skip.isError && <ApiErrorAlert error={skip.error} />}
      </SkipConfirmModal>
    </>
  );
}
