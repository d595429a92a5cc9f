import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingRun } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { LoadMoreButton } from '../../ui/load-more-button.js';
import { PageLoader } from '../../ui/page-loader.js';
import { useFormat } from '../../ui/use-format.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { Link } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';
import { useBillingRuns } from './billing-run-queries.js';
import { BillingRunStatusBadge } from './billing-run-status-badge.js';
import { NewBillingRunModal } from './new-billing-run-modal.js';

export function BillingRunsPage() {
  const { t } = useTranslation();
  const organization = useCurrentOrganization();
  usePageTitle(t('billingRuns.title'), organization.name);
  const canCreate = useCan('billingRuns', 'create');
  const runs = useBillingRuns();
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('nav.billing')}
          </Text>
          <Title order={3}>{t('billingRuns.title')}</Title>
        </div>
        {canCreate && <Button onClick={() => setCreating(true)}>{t('billingRuns.new')}</Button>}
      </Group>
      {runs.isPending ? (
        <PageLoader />
      ) : runs.isError ? (
        <ApiErrorAlert error={runs.error} />
      ) : (
        <>
          <BillingRunsTable runs={runs.data.pages.flatMap((page) => page.items)} />
          <LoadMoreButton hasMore={runs.hasNextPage} loading={runs.isFetchingNextPage} onLoadMore={() => void runs.fetchNextPage()} />
        </>
      )}
      <NewBillingRunModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function BillingRunsTable({ runs }: { runs: BillingRun[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  if (runs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('billingRuns.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table fz="sm" verticalSpacing={6} highlightOnHover tabularNums data-testid="billing-runs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billingRuns.startedAt')}</Table.Th>
            <Table.Th>{t('billingRuns.runDate')}</Table.Th>
            <Table.Th>{t('billingRuns.status')}</Table.Th>
            <Table.Th>{t('billingRuns.scope')}</Table.Th>
            <Table.Th ta="right">{t('billingRuns.drafts')}</Table.Th>
            <Table.Th ta="right">{t('billingRuns.finalized')}</Table.Th>
            <Table.Th ta="right">{t('billingRuns.leftOutColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id} data-testid="billing-run-row" data-run-id={run.id}>
              <Table.Td>
                <Link to={{ name: 'billingRun', params: { orgId, runId: run.id } }} size="sm">
                  {format.dateTime(run.createdAt)}
                </Link>
              </Table.Td>
              <Table.Td>{format.date(run.runDate)}</Table.Td>
              <Table.Td>
                <BillingRunStatusBadge status={run.status} />
              </Table.Td>
              <Table.Td c="dimmed">
                <FilterText run={run} />
              </Table.Td>
              <Table.Td ta="right">{run.created.drafts}</Table.Td>
              <Table.Td ta="right">{run.created.invoices}</Table.Td>
              <Table.Td ta="right">{Object.values(run.leftOut).reduce((sum, n) => sum + n, 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The run's filter in words: "all due periods", or the search, dates and contract it was limited to. */
export function FilterText({ run }: { run: BillingRun }) {
  const { t } = useTranslation();
  const format = useFormat();
  const filter = run.filter ?? {};
  const parts = [
    filter.contractId && t('billingRuns.oneContract'),
    filter.q && `“${filter.q}”`,
    filter.from && t('billingRuns.fromDate', { date: format.date(filter.from) }),
    filter.to && t('billingRuns.toDate', { date: format.date(filter.to) }),
  ].filter(Boolean);
  return <>{parts.length > 0 ? parts.join(', ') : t('billingRuns.allDue')}</>;
}
