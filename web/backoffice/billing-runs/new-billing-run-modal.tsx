import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client.js';
import type { BillingRunFilter } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { CalendarDateInput } from '../../ui/calendar-date-input.js';
import { navigate } from '../router.js';
import { useCurrentOrganization, useSignedInMe } from '../session.js';
import { useSettings, useStartBillingRun } from './billing-run-queries.js';

type NewBillingRunModalProps = {
  opened: boolean;
  onClose: () => void;
  /** From Unbilled: the filter that chose the periods to bill; the form then shows it rather than asking for one. */
  filter?: BillingRunFilter;
  /** How the periods were chosen, e.g. "3 periods, Jansen", shown above the form. */
  scope?: string;
};

export function NewBillingRunModal({ opened, onClose, filter, scope }: NewBillingRunModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('billingRuns.newTitle')} size="md">
      <NewBillingRunForm onClose={onClose} filter={filter} scope={scope} />
    </Modal>
  );
}

// Mounted per opening: the run date starts at today, and retrying after a network failure reuses the idempotency key.
function NewBillingRunForm({ onClose, filter, scope }: Omit<NewBillingRunModalProps, 'opened'>) {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const settings = useSettings();
  const start = useStartBillingRun();
  // the server's billing day, which a demo or test may fix (WATTBILL_TODAY)
  const { today } = useSignedInMe();
  const [runDate, setRunDate] = useState(today);
  const [finalize, setFinalize] = useState<boolean | null>(null);
  const [q, setQ] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [idempotencyKey] = useState(newIdempotencyKey);
  const finalizeShown = finalize ?? settings.data?.invoicing.finalizeInRun ?? false;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!runDate) return;
    const chosen: BillingRunFilter = filter ?? { q: q.trim() || undefined, from: from || undefined, to: to || undefined };
    const hasFilter = Object.values(chosen).some((value) => value !== undefined);
    start.mutate(
      { request: { kind: 'advance', runDate, finalize: finalizeShown, filter: hasFilter ? chosen : undefined }, idempotencyKey },
      {
        onSuccess: ({ id }) => {
          onClose();
          navigate({ name: 'billingRun', params: { orgId, runId: id } });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="new-billing-run">
      <Stack gap="sm">
        <Text size="sm">{t('billingRuns.newIntro')}</Text>
        {scope && (
          <Text size="sm" fw={500} data-testid="billing-run-scope">
            {scope}
          </Text>
        )}
        <CalendarDateInput
          size="sm"
          w={200}
          label={t('billingRuns.runDate')}
          description={t('billingRuns.runDateHelp')}
          required
          value={runDate}
          onChange={setRunDate}
          error={runDate ? undefined : t('moveInForm.required')}
        />
        {!filter && (
          <>
            <TextInput
              size="sm"
              label={t('unbilled.filter.q')}
              description={t('billingRuns.filterHelp')}
              value={q}
              onChange={(event) => setQ(event.currentTarget.value)}
            />
            <Group gap="sm" grow>
              <CalendarDateInput size="sm" w="100%" label={t('unbilled.filter.from')} value={from} onChange={setFrom} />
              <CalendarDateInput size="sm" w="100%" label={t('unbilled.filter.to')} value={to} onChange={setTo} />
            </Group>
          </>
        )}
        <Checkbox
          label={t('billingRuns.finalize')}
          description={t('billingRuns.finalizeHelp')}
          checked={finalizeShown}
          onChange={(event) => setFinalize(event.currentTarget.checked)}
        />
        {start.isError && <ApiErrorAlert error={start.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={start.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={start.isPending} disabled={!runDate}>
            {t('billingRuns.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
