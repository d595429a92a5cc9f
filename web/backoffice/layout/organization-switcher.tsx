import { Badge, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types.js';
import { isTenantRoute, navigate, type Route } from '../router.js';
import { isAllowed, landingRoute, rememberOrganization, useCurrentOrganization } from '../session.js';

/** Switches the organization; the user's role (and so what the pages allow) follows it. */
export function OrganizationSwitcher({ me, route }: { me: Me; route: Route }) {
  const { t } = useTranslation();
  const current = useCurrentOrganization();

  function switchTo(orgId: string | null) {
    const target = me.organizations.find((o) => o.id === orgId);
    if (!target || target.id === current.id) return;
    // A contract or a move-in belongs to one organization, so only the lists have a twin in the other one.
    // Tenant pages stay; what the role allows there (navigation, actions) follows the organization chosen.
    if (isTenantRoute(route)) return rememberOrganization(target.id);
    const params = { orgId: target.id };
    if (route.name === 'unbilled') return navigate({ name: 'unbilled', params });
    if (route.name === 'moveIns' && isAllowed(target, 'moveIns', 'read')) return navigate({ name: 'moveIns', params });
    navigate(landingRoute(target));
  }

  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        size="xs"
        w={220}
        aria-label={t('header.organization')}
        data={me.organizations.map((o) => ({ value: o.id, label: o.name }))}
        value={current.id}
        onChange={switchTo}
        allowDeselect={false}
        disabled={me.organizations.length < 2}
        comboboxProps={{ withinPortal: true }}
      />
      <Badge variant="outline" color="gray" size="sm" title={t('header.role')} data-testid="current-role">
        {current.role.name}
      </Badge>
    </Group>
  );
}
