import { Alert, DataList, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingRun } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { PageLoader } from '../../ui/page-loader.js';
import { useFormat } from '../../ui/use-format.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { InvoiceList } from '../invoices/invoice-list.js';
import { Link } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';
import { isRunning, refreshAfterBilling, useBillingRun } from './billing-run-queries.js';
import { FilterText } from './billing-runs-page.js';
import { BillingRunStatusBadge } from './billing-run-status-badge.js';

/** A run as it goes (its bar follows it every second) and, once done, what it created and what it left out. */
export function BillingRunPage({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  const canReadInvoices = useCan('invoices', 'read');
  const run = useBillingRun(runId);
  usePageTitle(run.data ? format.date(run.data.runDate) : undefined, t('billingRuns.title'));
  const running = run.data ? isRunning(run.data) : false;

  // Once the run ends, what it billed is no longer unbilled: refresh the lists that show it.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (running) wasRunning.current = true;
    else if (wasRunning.current) {
      wasRunning.current = false;
      void refreshAfterBilling(orgId);
    }
  }, [running, orgId]);

  if (run.isPending) return <PageLoader />;
  if (run.isError) return <ApiErrorAlert error={run.error} />;
  const data = run.data;

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Link to={{ name: 'billingRuns', params: { orgId } }} size="xs" tt="uppercase" fw={600}>
          {t('billingRuns.title')}
        </Link>
        <Group gap="sm" align="baseline">
          <Title order={3}>{t('billingRuns.runOf', { date: format.date(data.runDate) })}</Title>
          <BillingRunStatusBadge status={data.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('billingRuns.startedAtText', { at: format.dateTime(data.createdAt) })} · <FilterText run={data} /> ·{' '}
          {data.finalize ? t('billingRuns.finalizesInRun') : t('billingRuns.draftsOnly')}
        </Text>
      </div>
      <RunProgress run={data} />
      {data.status === 'done' && <RunSummary run={data} />}
      {data.status === 'failed' && (
        <Alert color="red" variant="light" title={t('billingRuns.failedTitle')} data-testid="billing-run-failed">
          {data.error ?? t('errors.unexpected')}
        </Alert>
      )}
      {canReadInvoices && !running && (
        <Stack gap="xs">
          <Title order={4}>{t('billingRuns.invoicesOfRun')}</Title>
          <InvoiceList scope={{ billingRunId: data.id }} initialStatus={data.finalize ? 'final' : 'draft'} />
        </Stack>
      )}
    </Stack>
  );
}

function RunProgress({ run }: { run: BillingRun }) {
  const { t } = useTranslation();
  const { done, total } = run.progress;
  const percent = total > 0 ? Math.round((100 * done) / total) : run.status === 'done' ? 100 : 0;
  return (
    <Stack gap={4} data-testid="billing-run-progress" data-status={run.status} maw={640}>
      <Progress
        value={percent}
        size="lg"
        striped={isRunning(run)}
        animated={isRunning(run)}
        color={run.status === 'failed' ? 'red' : run.status === 'done' ? 'green' : 'blue'}
        aria-label={t('billingRuns.progress')}
      />
      <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {run.status === 'queued' ? t('billingRuns.queued') : t('billingRuns.progressText', { done, total, percent })}
      </Text>
    </Stack>
  );
}

function RunSummary({ run }: { run: BillingRun }) {
  const { t } = useTranslation();
  const leftOut = Object.entries(run.leftOut).filter(([, count]) => count > 0);
  return (
    <Alert color="teal" variant="light" title={t('billingRuns.doneTitle')} data-testid="billing-run-summary" maw={640}>
      <DataList size="sm" gap={4} labelWidth={260}>
        <DataList.Item>
          <DataList.ItemLabel>{t('billingRuns.draftsCreated')}</DataList.ItemLabel>
          <DataList.ItemValue data-testid="summary-drafts">{run.created.drafts}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('billingRuns.invoicesFinalized')}</DataList.ItemLabel>
          <DataList.ItemValue data-testid="summary-invoices">{run.created.invoices}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Text size="sm" mt="xs" fw={500}>
        {leftOut.length === 0 ? t('billingRuns.nothingLeftOut') : t('billingRuns.leftOutTitle')}
      </Text>
      {leftOut.length > 0 && (
        <List size="sm" data-testid="summary-left-out">
          {leftOut.map(([reason, count]) => (
            <List.Item key={reason}>{t(`billingRuns.leftOut.${reason}`, { count, defaultValue: `${reason}: ${count}` })}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
