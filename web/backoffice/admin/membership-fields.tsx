import { Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganizationMembership, Role, UserMembership } from '../../api/types.js';

export const NO_ACCESS = 'none';

/** The role per organization being edited: a role id, or NO_ACCESS. */
export type RoleChoices = Record<string, string>;

export function roleChoicesOf(organizations: OrganizationMembership[], memberships: UserMembership[]): RoleChoices {
  return Object.fromEntries(
    organizations.map((o) => [o.id, memberships.find((m) => m.organizationId === o.id)?.roleId ?? NO_ACCESS] as const),
  );
}

/** The memberships to send: the choices made, and the memberships in organizations not shown kept as they are. */
export function membershipsOf(choices: RoleChoices, kept: UserMembership[] = []): UserMembership[] {
  const chosen = Object.entries(choices)
    .filter(([, roleId]) => roleId !== NO_ACCESS)
    .map(([organizationId, roleId]) => ({ organizationId, roleId }));
  return [...kept.filter((m) => !(m.organizationId in choices)), ...chosen];
}

type MembershipFieldsProps = {
  organizations: OrganizationMembership[];
  roles: Role[];
  value: RoleChoices;
  onChange: (value: RoleChoices) => void;
  /** Organizations shown but not managed by the caller (not Admin there): their select is disabled. */
  readOnly?: (organizationId: string) => boolean;
};

/** One role select per organization, "No access" included: a user may have another role in each one. */
export function MembershipFields({ organizations, roles, value, onChange, readOnly }: MembershipFieldsProps) {
  const { t } = useTranslation();
  const data = [{ value: NO_ACCESS, label: t('users.noAccess') }, ...roles.map((role) => ({ value: role.id, label: role.name }))];
  return (
    <Stack gap="xs">
      {organizations.map((organization) => {
        const disabled = readOnly?.(organization.id) ?? false;
        const current = value[organization.id] ?? NO_ACCESS;
        return (
          <Select
            key={organization.id}
            label={organization.name}
            description={disabled ? t('users.notManaged') : undefined}
            data={data.some((d) => d.value === current) ? data : [...data, { value: current, label: t('users.unknownRole') }]}
            value={current}
            onChange={(roleId) => onChange({ ...value, [organization.id]: roleId ?? NO_ACCESS })}
            allowDeselect={false}
            disabled={disabled}
            comboboxProps={{ withinPortal: true }}
            data-testid="membership-select"
          />
        );
      })}
    </Stack>
  );
}
