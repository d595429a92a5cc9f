import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, TenantUser } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { useSignedInMe } from '../session.js';
import { useUpdateUser } from './admin-queries.js';
import { MembershipFields, membershipsOf, roleChoicesOf, type RoleChoices } from './membership-fields.js';
import { useManagedOrganizations } from './use-managed-organizations.js';

type EditUserModalProps = { user: TenantUser | null; roles: Role[]; onClose: () => void };

export function EditUserModal({ user, roles, onClose }: EditUserModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.editRoleOf', { name: user?.name ?? '' })} size="md">
      {user && <EditUserForm key={user.id} user={user} roles={roles} onDone={onClose} />}
    </Modal>
  );
}

function EditUserForm({ user, roles, onDone }: { user: TenantUser; roles: Role[]; onDone: () => void }) {
  const { t } = useTranslation();
  const organizations = useSignedInMe().organizations;
  const managed = new Set(useManagedOrganizations('update').map((o) => o.id));
  const [choices, setChoices] = useState<RoleChoices>(() => roleChoicesOf(organizations, user.memberships));
  const update = useUpdateUser();

  function submit(event: FormEvent) {
    event.preventDefault();
    // The full new list: memberships in organizations this page doesn't show are kept as they are.
    update.mutate(
      { userId: user.id, body: { memberships: membershipsOf(choices, user.memberships) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('users.saved', { name: user.name }) });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
        <MembershipFields
          organizations={organizations}
          roles={roles}
          value={choices}
          onChange={setChoices}
          readOnly={(organizationId) => !managed.has(organizationId)}
        />
        {update.isError && <ApiErrorAlert error={update.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
