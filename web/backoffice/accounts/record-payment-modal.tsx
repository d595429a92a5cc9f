import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../session.js';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { CalendarDateInput } from '../../ui/calendar-date-input.js';
import { useRecordPayment } from './account-queries.js';

type RecordPaymentModalProps = { customerId: string; opened: boolean; onClose: () => void };

export function RecordPaymentModal({ customerId, opened, onClose }: RecordPaymentModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('account.recordPayment')}>
      <RecordPaymentForm customerId={customerId} onClose={onClose} />
    </Modal>
  );
}

/** An amount in EUR as people type it (`85`, `85,5`, `1 234.50`), as a decimal string; null when it is not one. */
export function parseAmount(text: string): string | null {
  const compact = text.replace(/[\s€]/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(compact) || Number(compact) <= 0) return null;
  const [whole, cents = ''] = compact.split('.');
  return `${Number(whole)}.${cents.padEnd(2, '0')}`;
}

// Mounted per opening: empty fields, and one idempotency key per payment, so a retry never books it twice.
function RecordPaymentForm({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordPayment(customerId);
  const [amount, setAmount] = useState('');
  // the server's billing day, which a demo or test may fix (WATTBILL_TODAY)
  const { today } = useSignedInMe();
  const [bookedOn, setBookedOn] = useState(today);
  const [reference, setReference] = useState('');
  const [checked, setChecked] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const parsed = parseAmount(amount);

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (parsed === null || !bookedOn) return;
    record.mutate(
      { payment: { amount: parsed, bookedOn, reference: reference.trim() || undefined }, idempotencyKey },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('account.paymentRecorded') });
          onClose();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('account.amount')}
          required
          inputMode="decimal"
          leftSection="€"
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={checked && parsed === null ? t('account.amountInvalid') : undefined}
          data-autofocus
        />
        <CalendarDateInput
          size="sm"
          w="100%"
          label={t('account.bookedOn')}
          required
          value={bookedOn}
          onChange={setBookedOn}
          error={checked && !bookedOn ? t('moveInForm.required') : undefined}
        />
        <TextInput
          label={t('account.reference')}
          description={t('account.referenceHelp')}
          value={reference}
          maxLength={140}
          onChange={(event) => setReference(event.currentTarget.value)}
        />
        {record.isError && <ApiErrorAlert error={record.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={record.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('account.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
