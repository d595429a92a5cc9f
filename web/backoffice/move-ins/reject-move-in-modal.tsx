import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { useRejectMoveIn } from './move-in-queries.js';

type RejectMoveInModalProps = { moveInId: string; opened: boolean; onClose: () => void };

export function RejectMoveInModal({ moveInId, opened, onClose }: RejectMoveInModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('moveIn.rejectTitle')} size="md">
      {/* Mounted per opening, so the reason starts empty. */}
      <RejectForm moveInId={moveInId} onClose={onClose} />
    </Modal>
  );
}

function RejectForm({ moveInId, onClose }: { moveInId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const reject = useRejectMoveIn(moveInId);
  const empty = reason.trim() === '';

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (empty) return;
    reject.mutate(reason.trim(), {
      onSuccess: () => {
        notifications.show({ color: 'gray', message: t('moveIn.rejected') });
        onClose();
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('moveIn.rejectIntro')}</Text>
        <Textarea
          label={t('moveIn.rejectReason')}
          placeholder={t('moveIn.rejectReasonPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={submitted && empty ? t('moveIn.rejectReasonRequired') : undefined}
          data-autofocus
        />
        {reject.isError && <ApiErrorAlert error={reject.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={reject.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={reject.isPending}>
            {t('moveIn.rejectSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
