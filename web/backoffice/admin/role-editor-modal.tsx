import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import type { Permissions, Role } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { PageLoader } from '../../ui/page-loader.js';
import { usePermissionEntities, useSaveRole } from './admin-queries.js';
import { PermissionMatrix } from './permission-matrix.js';

/** Add a role from scratch, copy one (built-in ones too), or edit a custom one. */
export type RoleEditing = { mode: 'add' } | { mode: 'copy'; from: Role } | { mode: 'edit'; role: Role };

type RoleEditorModalProps = { editing: RoleEditing | null; onClose: () => void; onPlanUnavailable: () => void };

export function RoleEditorModal({ editing, onClose, onPlanUnavailable }: RoleEditorModalProps) {
  const { t } = useTranslation();
  const title =
    editing?.mode === 'edit'
      ? t('roles.editTitle', { name: editing.role.name })
      : editing?.mode === 'copy'
        ? t('roles.copyTitle', { name: editing.from.name })
        : t('roles.add');
  return (
    <Modal opened={editing !== null} onClose={onClose} title={title} size="xl">
      {editing && <RoleEditorForm editing={editing} onDone={onClose} onPlanUnavailable={onPlanUnavailable} />}
    </Modal>
  );
}

function initialName(editing: RoleEditing, copyOf: (name: string) => string): string {
  if (editing.mode === 'edit') return editing.role.name;
  if (editing.mode === 'copy') return copyOf(editing.from.name);
  return '';
}

function initialPermissions(editing: RoleEditing): Permissions {
  if (editing.mode === 'edit') return editing.role.permissions;
  if (editing.mode === 'copy') return editing.from.permissions;
  return {};
}

function RoleEditorForm({
  editing,
  onDone,
  onPlanUnavailable,
}: {
  editing: RoleEditing;
  onDone: () => void;
  onPlanUnavailable: () => void;
}) {
  const { t } = useTranslation();
  const entities = usePermissionEntities();
  const [name, setName] = useState(() => initialName(editing, (from) => t('roles.copyOf', { name: from })));
  const [permissions, setPermissions] = useState<Permissions>(() => initialPermissions(editing));
  const save = useSaveRole();

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    const request =
      editing.mode === 'edit'
        ? { roleId: editing.role.id, body: { name: trimmed, permissions } }
        : editing.mode === 'copy'
          ? { roleId: null, body: { name: trimmed, copyFromRoleId: editing.from.id, permissions } }
          : { roleId: null, body: { name: trimmed, permissions } };
    save.mutate(request, {
      onSuccess: (role) => {
        notifications.show({ color: 'green', message: t('roles.saved', { name: role.name }) });
        onDone();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'plan_feature_unavailable') onPlanUnavailable();
      },
    });
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <TextInput
          label={t('roles.name')}
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          data-autofocus
        />
        {entities.isPending ? (
          <PageLoader />
        ) : entities.isError ? (
          <ApiErrorAlert error={entities.error} />
        ) : (
          <PermissionMatrix entities={entities.data} value={permissions} onChange={setPermissions} />
        )}
        {save.isError && <ApiErrorAlert error={save.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!entities.isSuccess}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
