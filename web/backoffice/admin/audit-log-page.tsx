import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Permissions, Role, TenantUser } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { LoadMoreButton } from '../../ui/load-more-button.js';
import { PageLoader } from '../../ui/page-loader.js';
import { useFormat } from '../../ui/use-format.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { useSignedInMe } from '../session.js';
import { useAuditLog, useRoles, useUserList } from './admin-queries.js';

export function AuditLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('auditLog.title'));
  const list = useAuditLog();
  const roles = useRoles();
  const users = useUserList();
  const format = useFormat();
  const knownUsers = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="sm">
      <Title order={3}>{t('auditLog.title')}</Title>
      {list.isPending || roles.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ApiErrorAlert error={list.error} />
      ) : roles.isError ? (
        <ApiErrorAlert error={roles.error} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped fz="sm" verticalSpacing={6} horizontalSpacing={8} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>{t('auditLog.when')}</Table.Th>
                  <Table.Th w={180}>{t('auditLog.who')}</Table.Th>
                  <Table.Th w={240}>{t('auditLog.what')}</Table.Th>
                  <Table.Th>{t('auditLog.change')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.pages
                  .flatMap((page) => page.items)
                  .map((entry, index) => (
                    <Table.Tr key={`${entry.at}-${entry.entityId}-${index}`} data-testid="audit-row" data-entity-id={entry.entityId}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
                      <Table.Td c={entry.actor ? undefined : 'dimmed'}>{entry.actor?.name ?? t('auditLog.system')}</Table.Td>
                      <Table.Td>
                        <WhatCell entry={entry} roles={roles.data} users={knownUsers} />
                      </Table.Td>
                      <Table.Td data-testid="audit-change">
                        <ChangeCell entry={entry} roles={roles.data} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data.pages[0]?.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('auditLog.empty')}
            </Text>
          )}
          <LoadMoreButton hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </Stack>
  );
}

type Membership = { organizationId: string; roleId: string };

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The memberships of a `change_memberships` side (a list) or of a created user (`{memberships}`). */
function membershipsOf(value: unknown): Membership[] {
  const list = Array.isArray(value) ? value : asRecord(value).memberships;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const { organizationId, roleId } = asRecord(item);
    return typeof organizationId === 'string' && typeof roleId === 'string' ? [{ organizationId, roleId }] : [];
  });
}

function permissionsOf(value: unknown): Permissions {
  const permissions: Permissions = {};
  for (const [entity, actions] of Object.entries(asRecord(asRecord(value).permissions))) {
    if (Array.isArray(actions)) permissions[entity] = actions.filter((a): a is string => typeof a === 'string');
  }
  return permissions;
}

/** `entity:action` pairs; an entity with no actions is visible only. */
function permissionPairs(permissions: Permissions): Set<string> {
  return new Set(
    Object.entries(permissions).flatMap(([entity, actions]) => (actions.length ? actions : ['']).map((a) => `${entity}:${a}`)),
  );
}

/** The translated entry type, with the name of the user or role it is about when it is known. */
function WhatCell({ entry, roles, users }: { entry: AuditEntry; roles: Role[]; users: TenantUser[] }) {
  const { t } = useTranslation();
  const recorded = asString(asRecord(entry.after).name) ?? asString(asRecord(entry.before).name);
  const current =
    entry.entity === 'user' ? users.find((u) => u.id === entry.entityId)?.name : roles.find((r) => r.id === entry.entityId)?.name;
  const subject = entry.entity === 'user' ? (current ?? recorded) : (recorded ?? current);
  return (
    <>
      <Text size="sm" fw={500}>
        {t(`auditLog.entities.${entry.entity}`, { defaultValue: entry.entity })} ·{' '}
        {t(`auditLog.actions.${entry.action}`, { defaultValue: entry.action })}
      </Text>
      {subject && (
        <Text size="xs" c="dimmed">
          {subject}
        </Text>
      )}
    </>
  );
}

function ChangeCell({ entry, roles }: { entry: AuditEntry; roles: Role[] }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const organizationName = (id: string) => me.organizations.find((o) => o.id === id)?.name ?? id;
  const roleName = (id: string | undefined) =>
    id === undefined ? t('users.noAccess') : (roles.find((r) => r.id === id)?.name ?? t('users.unknownRole'));
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);

  if (entry.entity === 'user' && (entry.action === 'change_memberships' || entry.action === 'create')) {
    const was = membershipsOf(entry.before);
    const is = membershipsOf(entry.after);
    const organizationIds = [...new Set([...was, ...is].map((m) => m.organizationId))];
    const lines = organizationIds.flatMap((organizationId) => {
      const from = was.find((m) => m.organizationId === organizationId)?.roleId;
      const to = is.find((m) => m.organizationId === organizationId)?.roleId;
      if (from === to) return [];
      const change = entry.action === 'create' ? roleName(to) : `${roleName(from)} → ${roleName(to)}`;
      return [`${organizationName(organizationId)}: ${change}`];
    });
    const email = asString(after.email);
    return <ChangeLines lines={[...(entry.action === 'create' && email ? [email] : []), ...lines]} empty={t('auditLog.noChange')} />;
  }

  if (entry.action === 'rename' || (entry.entity === 'role' && entry.action === 'update')) {
    const lines: string[] = [];
    const from = asString(before.name);
    const to = asString(after.name);
    if (from !== to) lines.push(`${t('auditLog.name')}: ${from ?? '–'} → ${to ?? '–'}`);
    if (entry.entity === 'role') lines.push(...permissionChanges(t, permissionsOf(before), permissionsOf(after)));
    return <ChangeLines lines={lines} empty={t('auditLog.noChange')} />;
  }

  if (entry.entity === 'role' && (entry.action === 'create' || entry.action === 'delete')) {
    const side = entry.action === 'create' ? after : before;
    const copiedFrom = asString(after.copiedFrom);
    const permissions = permissionLabels(t, permissionPairs(permissionsOf(side)));
    return (
      <ChangeLines
        lines={[
          `${t('auditLog.name')}: ${asString(side.name) ?? '–'}`,
          ...(copiedFrom ? [t('auditLog.copiedFrom', { name: roleName(copiedFrom) })] : []),
          `${t('roles.permissions')}: ${permissions.length ? permissions.join(', ') : t('roles.nothingVisible')}`,
        ]}
        empty={t('auditLog.noChange')}
      />
    );
  }

  return <ChangeLines lines={[`${summarize(entry.before)} → ${summarize(entry.after)}`]} empty={t('auditLog.noChange')} />;
}

type Translate = ReturnType<typeof useTranslation>['t'];

function permissionLabels(t: Translate, pairs: Iterable<string>): string[] {
  return [...pairs].map((pair) => {
    const [entity = '', action = ''] = pair.split(':');
    const entityName = t(`entities.${entity}`, { defaultValue: entity });
    return action
      ? t('roles.entityAction', { entity: entityName, action: t(`actions.${action}`, { defaultValue: action }) })
      : t('roles.entityVisible', { entity: entityName });
  });
}

function permissionChanges(t: Translate, before: Permissions, after: Permissions): string[] {
  const was = permissionPairs(before);
  const is = permissionPairs(after);
  const added = permissionLabels(
    t,
    [...is].filter((p) => !was.has(p)),
  );
  const removed = permissionLabels(
    t,
    [...was].filter((p) => !is.has(p)),
  );
  return [
    ...(added.length ? [`${t('auditLog.added')}: ${added.join(', ')}`] : []),
    ...(removed.length ? [`${t('auditLog.removed')}: ${removed.join(', ')}`] : []),
  ];
}

/** A short JSON-ish rendering of a recorded value, for entries without a dedicated one. */
function summarize(value: unknown): string {
  if (value === null || value === undefined) return '–';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function ChangeLines({ lines, empty }: { lines: string[]; empty: string }) {
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap={0}>
      {lines.map((line, i) => (
        <Text key={i} size="sm">
          {line}
        </Text>
      ))}
    </Stack>
  );
}
