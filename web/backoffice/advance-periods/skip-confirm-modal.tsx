import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client.js';

type SkipConfirmModalProps = {
  opened: boolean;
  title: string;
  /** What is about to be skipped, and any outcome of a previous attempt. */
  children: ReactNode;
  pending: boolean;
  onClose: () => void;
  onConfirm: (reason: string | undefined, idempotencyKey: string) => void;
};

export function SkipConfirmModal({ opened, title, children, pending, onClose, onConfirm }: SkipConfirmModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md">
      <SkipConfirmForm pending={pending} onCancel={onClose} onConfirm={onConfirm}>
        {children}
      </SkipConfirmForm>
    </Modal>
  );
}

// Mounted per opening, so the reason starts empty; confirming the same request again (after a network
// failure) reuses its idempotency key, so the server answers the first outcome instead of skipping twice.
function SkipConfirmForm({
  children,
  pending,
  onCancel,
  onConfirm,
}: Pick<SkipConfirmModalProps, 'children' | 'pending' | 'onConfirm'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(reason.trim() || undefined, idempotencyKey);
      }}
    >
      <Stack gap="md">
        {children}
        <Textarea
          label={t('skip.reason')}
          placeholder={t('skip.reasonPlaceholder')}
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setIdempotencyKey(newIdempotencyKey()); // another body is another request
          }}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="gray.8" loading={pending}>
            {t('skip.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
