import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { PageLoader } from '../../ui/page-loader.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { useCan, useSignedInMe } from '../session.js';
import { useDeleteRole, useRoles } from './admin-queries.js';
import { RoleEditorModal, type RoleEditing } from './role-editor-modal.js';

export function RolesPage() {
  const { t } = useTranslation();
  usePageTitle(t('roles.title'));
  const roles = useRoles();
  // The plan says so up front; a refusal of the server (plan changed meanwhile) says so too.
  const [refusedByPlan, setRefusedByPlan] = useState(false);
  const withoutCustomRoles = useSignedInMe().tenant.plan === 'basic' || refusedByPlan;
  const canCreate = useCan('roles', 'create') && !withoutCustomRoles;
  const [editing, setEditing] = useState<RoleEditing | null>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('roles.title')}</Title>
        {canCreate && (
          <Button size="xs" onClick={() => setEditing({ mode: 'add' })}>
            {t('roles.add')}
          </Button>
        )}
      </Group>
      {withoutCustomRoles && (
        <Alert color="blue" variant="light" title={t('roles.planTitle')} data-testid="plan-notice">
          {t('roles.planNotice')}
        </Alert>
      )}
      {roles.isPending ? (
        <PageLoader />
      ) : roles.isError ? (
        <ApiErrorAlert error={roles.error} />
      ) : (
        <RolesTable
          roles={withoutCustomRoles ? roles.data.filter((role) => role.builtIn) : roles.data}
          canCopy={canCreate}
          onEdit={(role) => setEditing({ mode: 'edit', role })}
          onCopy={(role) => setEditing({ mode: 'copy', from: role })}
          onDelete={setDeleting}
        />
      )}
      <RoleEditorModal editing={editing} onClose={() => setEditing(null)} onPlanUnavailable={() => setRefusedByPlan(true)} />
      <DeleteRoleModal role={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

type RolesTableProps = {
  roles: Role[];
  canCopy: boolean;
  onEdit: (role: Role) => void;
  onCopy: (role: Role) => void;
  onDelete: (role: Role) => void;
};

function RolesTable({ roles, canCopy, onEdit, onCopy, onDelete }: RolesTableProps) {
  const { t } = useTranslation();
  const canUpdate = useCan('roles', 'update');
  const canDelete = useCan('roles', 'delete');
  return (
    <Table striped fz="sm" verticalSpacing={6} horizontalSpacing={8} withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('roles.name')}</Table.Th>
          <Table.Th>{t('roles.permissions')}</Table.Th>
          <Table.Th ta="right">{t('roles.memberships')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {roles.map((role) => (
          <Table.Tr key={role.id} data-testid="role-row" data-role-id={role.id} data-built-in={role.builtIn || undefined}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {role.name}
                </Text>
                {role.builtIn && (
                  <Badge size="sm" variant="light" color="gray">
                    {t('roles.builtIn')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <PermissionSummary role={role} />
            </Table.Td>
            <Table.Td ta="right">{role.memberships ?? '—'}</Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {canUpdate && <RoleAction label={t('roles.edit')} builtIn={role.builtIn} onClick={() => onEdit(role)} />}
                {canCopy && (
                  <Button size="compact-xs" variant="light" color="gray" onClick={() => onCopy(role)}>
                    {t('roles.copy')}
                  </Button>
                )}
                {canDelete && <RoleAction label={t('roles.delete')} builtIn={role.builtIn} color="red" onClick={() => onDelete(role)} />}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Edit and Delete: a built-in role can't be changed, so its actions stay in place, disabled, with the reason. */
function RoleAction({ label, builtIn, color = 'gray', onClick }: { label: string; builtIn: boolean; color?: string; onClick: () => void }) {
  const { t } = useTranslation();
  if (!builtIn) {
    return (
      <Button size="compact-xs" variant="light" color={color} onClick={onClick}>
        {label}
      </Button>
    );
  }
  // A disabled <button> gets no hover or focus events; data-disabled keeps it reachable for the tooltip.
  return (
    <Tooltip label={t('roles.builtInLocked')} events={{ hover: true, focus: true, touch: true }} withArrow>
      <Button size="compact-xs" variant="light" color={color} data-disabled aria-disabled onClick={(event) => event.preventDefault()}>
        {label}
      </Button>
    </Tooltip>
  );
}

/** What the role sees, in short: the visible entities, with their actions beyond reading. */
function PermissionSummary({ role }: { role: Role }) {
  const { t } = useTranslation();
  const parts = Object.entries(role.permissions).map(([entity, actions]) => {
    const name = t(`entities.${entity}`, { defaultValue: entity });
    const extra = actions.filter((a) => a !== 'read').map((a) => t(`actions.${a}`, { defaultValue: a }));
    return extra.length > 0 ? `${name} (${extra.join(', ')})` : name;
  });
  return (
    <Text size="xs" c="dimmed" lineClamp={2} title={parts.join(' · ')}>
      {parts.length > 0 ? parts.join(' · ') : t('roles.nothingVisible')}
    </Text>
  );
}

function DeleteRoleModal({ role, onClose }: { role: Role | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteRole();

  function close() {
    remove.reset();
    onClose();
  }

  function confirm() {
    if (!role) return;
    remove.mutate(role.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('roles.deleted', { name: role.name }) });
        close();
      },
    });
  }

  return (
    <Modal opened={role !== null} onClose={close} title={t('roles.deleteTitle')} size="md">
      <Stack gap="md">
        <Text size="sm">{t('roles.deleteConfirm', { name: role?.name ?? '' })}</Text>
        {remove.isError && <ApiErrorAlert error={remove.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={remove.isPending}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={confirm}>
            {t('roles.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
