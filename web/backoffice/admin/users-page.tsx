import { Badge, Button, Group, Stack, Table, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, TenantUser } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { LoadMoreButton } from '../../ui/load-more-button.js';
import { PageLoader } from '../../ui/page-loader.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { useSignedInMe } from '../session.js';
import { useRoles, useUserList } from './admin-queries.js';
import { AddUserModal } from './add-user-modal.js';
import { EditUserModal } from './edit-user-modal.js';
import { useManagedOrganizations } from './use-managed-organizations.js';

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const me = useSignedInMe();
  const list = useUserList();
  const roles = useRoles();
  const canAdd = useManagedOrganizations('create').length > 0;
  const canEdit = useManagedOrganizations('update').length > 0;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TenantUser | null>(null);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('users.title')}</Title>
        {canAdd && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t('users.add')}
          </Button>
        )}
      </Group>
      {list.isPending || roles.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ApiErrorAlert error={list.error} />
      ) : roles.isError ? (
        <ApiErrorAlert error={roles.error} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover fz="sm" verticalSpacing={6} horizontalSpacing={8} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th>{t('users.email')}</Table.Th>
                  {me.organizations.map((o) => (
                    <Table.Th key={o.id}>{o.name}</Table.Th>
                  ))}
                  <Table.Th>{t('users.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.pages
                  .flatMap((page) => page.items)
                  .map((user) => (
                    <UserRow key={user.id} user={user} roles={roles.data} onEdit={canEdit ? () => setEditing(user) : undefined} />
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMoreButton hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
          <AddUserModal opened={adding} roles={roles.data} onClose={() => setAdding(false)} />
          <EditUserModal user={editing} roles={roles.data} onClose={() => setEditing(null)} />
        </>
      )}
    </Stack>
  );
}

function UserRow({ user, roles, onEdit }: { user: TenantUser; roles: Role[]; onEdit: (() => void) | undefined }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <Table.Tr data-testid="user-row" data-user-id={user.id} onClick={onEdit} style={onEdit ? { cursor: 'pointer' } : undefined}>
      <Table.Td>
        {onEdit ? (
          <UnstyledButton
            fz="sm"
            c="blue.7"
            title={t('users.editRole')}
            onClick={(event) => {
              event.stopPropagation();
              onEdit();
            }}
          >
            {user.name}
          </UnstyledButton>
        ) : (
          user.name
        )}
      </Table.Td>
      <Table.Td>{user.email}</Table.Td>
      {me.organizations.map((organization) => {
        const membership = user.memberships.find((m) => m.organizationId === organization.id);
        const role = membership && roles.find((r) => r.id === membership.roleId);
        return (
          <Table.Td key={organization.id} c={membership ? undefined : 'dimmed'} data-organization-id={organization.id}>
            {membership ? (role?.name ?? t('users.unknownRole')) : t('users.noAccess')}
          </Table.Td>
        );
      })}
      <Table.Td>
        {user.invitationPending && (
          <Badge color="yellow" variant="light" size="sm">
            {t('users.invitationPending')}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
