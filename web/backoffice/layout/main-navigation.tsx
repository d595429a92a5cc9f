import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hrefOf, type Route } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';

export function MainNavigation({ route }: { route: Route }) {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const canReadContracts = useCan('contracts', 'read');
  const canReadMoveIns = useCan('moveIns', 'read');
  const canReadAdvancePeriods = useCan('advancePeriods', 'read');
  const canReadBillingRuns = useCan('billingRuns', 'read');
  const canReadInvoices = useCan('invoices', 'read');
  const canReadSettings = useCan('settings', 'read');
  const canReadUsers = useCan('users', 'read');
  const canReadRoles = useCan('roles', 'read');
  // The audit log is for Admins, the ones who can change access.
  const canReadAuditLog = useCan('users', 'update');
  const inContracts =
    route.name === 'contracts' || route.name === 'contract' || route.name === 'billingAnalysis' || route.name === 'contractAccount';
  const inMoveIns = route.name === 'moveIns' || route.name === 'moveIn' || route.name === 'newMoveIn' || route.name === 'moveInImport';

  return (
    <Stack gap={2}>
      {canReadContracts && (
        <NavLink href={hrefOf({ name: 'contracts', params: { orgId } })} label={t('nav.contracts')} active={inContracts} />
      )}
      {canReadMoveIns && <NavLink href={hrefOf({ name: 'moveIns', params: { orgId } })} label={t('nav.moveIns')} active={inMoveIns} />}
      {canReadAdvancePeriods && (
        <>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
            {t('nav.dashboard')}
          </Text>
          <NavLink href={hrefOf({ name: 'unbilled', params: { orgId } })} label={t('nav.unbilled')} active={route.name === 'unbilled'} />
        </>
      )}
      {(canReadBillingRuns || canReadInvoices) && (
        <>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
            {t('nav.billing')}
          </Text>
          {canReadBillingRuns && (
            <NavLink
              href={hrefOf({ name: 'billingRuns', params: { orgId } })}
              label={t('nav.billingRuns')}
              active={route.name === 'billingRuns' || route.name === 'billingRun'}
            />
          )}
          {canReadInvoices && (
            <NavLink
              href={hrefOf({ name: 'invoices', params: { orgId } })}
              label={t('nav.invoices')}
              active={route.name === 'invoices' || route.name === 'invoice'}
            />
          )}
        </>
      )}
      {canReadSettings && (
        <NavLink
          href={hrefOf({ name: 'settings', params: { orgId } })}
          label={t('nav.settings')}
          active={route.name === 'settings'}
          mt="md"
        />
      )}
      {(canReadUsers || canReadRoles || canReadAuditLog) && (
        <>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
            {t('nav.administration')}
          </Text>
          {canReadUsers && <NavLink href={hrefOf({ name: 'users', params: {} })} label={t('nav.users')} active={route.name === 'users'} />}
          {canReadRoles && <NavLink href={hrefOf({ name: 'roles', params: {} })} label={t('nav.roles')} active={route.name === 'roles'} />}
          {canReadAuditLog && (
            <NavLink href={hrefOf({ name: 'auditLog', params: {} })} label={t('nav.auditLog')} active={route.name === 'auditLog'} />
          )}
        </>
      )}
    </Stack>
  );
}
