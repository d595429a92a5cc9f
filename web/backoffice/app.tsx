import { Alert, Center, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { InterfaceLanguageDatesProvider } from '../ui/interface-language-dates-provider.js';
import { PageLoader } from '../ui/page-loader.js';
import { queryClient } from './api.js';
import { CustomerAccountPage } from './accounts/customer-account-page.js';
import { BillingRunPage } from './billing-runs/billing-run-page.js';
import { BillingRunsPage } from './billing-runs/billing-runs-page.js';
import { ContractPage } from './contracts/contract-page.js';
import { InvoicePage } from './invoices/invoice-page.js';
import { InvoicesPage } from './invoices/invoices-page.js';
import { SettingsPage } from './settings/settings-page.js';
import { ContractsPage } from './contracts/contracts-page.js';
import { AppLayout } from './layout/app-layout.js';
import { LoginPage } from './login/login-page.js';
import { RequirePermission } from './require-permission.js';
import { UnbilledPage } from './unbilled/unbilled-page.js';
import { InvitationPage } from './invitation/invitation-page.js';
import { MoveInImportPage } from './move-ins/move-in-import-page.js';
import { MoveInPage } from './move-ins/move-in-page.js';
import { MoveInsPage } from './move-ins/move-ins-page.js';
import { NewMoveInPage } from './move-ins/new-move-in-page.js';
import { PublicMoveInPage } from './public-move-in/public-move-in-page.js';
import { AuditLogPage } from './admin/audit-log-page.js';
import { RolesPage } from './admin/roles-page.js';
import { UsersPage } from './admin/users-page.js';
import {
  isTenantRoute,
  redirect,
  useRoute,
  type NotFound,
  type OrganizationRoute,
  type SignedInRoute,
  type TenantRoute,
} from './router.js';
import {
  CurrentOrganizationContext,
  landingRoute,
  preferredOrganization,
  rememberOrganization,
  useMe,
  usePreferredOrganization,
} from './session.js';
import { theme } from './theme.js';

export function App() {
  return (
    <MantineProvider theme={theme}>
      <InterfaceLanguageDatesProvider>
        {/* Top centre: at the bottom they covered the action buttons of the forms, at the top right those of the page headers. */}
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>
          <Screen />
        </QueryClientProvider>
      </InterfaceLanguageDatesProvider>
    </MantineProvider>
  );
}

function Screen() {
  const route = useRoute();
  if (route.name === 'login') return <LoginPage />;
  if (route.name === 'invitation') return <InvitationPage key={route.params.token} token={route.params.token} />;
  if (route.name === 'publicMoveIn') return <PublicMoveInPage key={route.params.orgId} orgId={route.params.orgId} />;
  return <SignedIn route={route} />;
}

function SignedIn({ route }: { route: SignedInRoute | NotFound }) {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ApiErrorAlert error={me.error} />; // a 401 has already gone to the login page
  if (route.name === 'home' || route.name === 'notFound') return <RedirectHome me={me.data} />;
  return <SignedInPage me={me.data} route={route} />;
}

function SignedInPage({ me, route }: { me: Me; route: OrganizationRoute | TenantRoute }) {
  // Tenant pages have no organization in their address: the navigation and access follow the one worked in last.
  const preferred = usePreferredOrganization(me);
  const membership = isTenantRoute(route) ? preferred : me.organizations.find((o) => o.id === route.params.orgId);
  if (!membership) return <RedirectHome me={me} />;

  return (
    <CurrentOrganizationContext.Provider value={membership}>
      <AppLayout me={me} route={route}>
        <Page route={route} />
      </AppLayout>
    </CurrentOrganizationContext.Provider>
  );
}

function Page({ route }: { route: OrganizationRoute | TenantRoute }) {
  return isTenantRoute(route) ? <TenantPage route={route} /> : <OrganizationPage route={route} />;
}

function TenantPage({ route }: { route: TenantRoute }) {
  switch (route.name) {
    case 'users':
      return (
        <RequirePermission entity="users" action="read">
          <UsersPage />
        </RequirePermission>
      );
    case 'roles':
      return (
        <RequirePermission entity="roles" action="read">
          <RolesPage />
        </RequirePermission>
      );
    case 'auditLog':
      return (
        <RequirePermission entity="users" action="update">
          <AuditLogPage />
        </RequirePermission>
      );
  }
}

function OrganizationPage({ route }: { route: OrganizationRoute }) {
  useEffect(() => rememberOrganization(route.params.orgId), [route.params.orgId]);
  switch (route.name) {
    case 'contracts':
      return (
        <RequirePermission entity="contracts" action="read">
          <ContractsPage />
        </RequirePermission>
      );
    case 'contract':
    case 'billingAnalysis':
    case 'contractAccount':
      return (
        <RequirePermission entity="contracts" action="read">
          <ContractPage
            key={route.params.contractId}
            contractId={route.params.contractId}
            tab={route.name === 'contract' ? 'overview' : route.name === 'billingAnalysis' ? 'billingAnalysis' : 'account'}
          />
        </RequirePermission>
      );
    case 'customerAccount':
      return (
        <RequirePermission entity="customers" action="read">
          <CustomerAccountPage key={route.params.customerId} customerId={route.params.customerId} />
        </RequirePermission>
      );
    case 'billingRuns':
      return (
        <RequirePermission entity="billingRuns" action="read">
          <BillingRunsPage />
        </RequirePermission>
      );
    case 'billingRun':
      return (
        <RequirePermission entity="billingRuns" action="read">
          <BillingRunPage key={route.params.runId} runId={route.params.runId} />
        </RequirePermission>
      );
    case 'invoices':
      return (
        <RequirePermission entity="invoices" action="read">
          <InvoicesPage />
        </RequirePermission>
      );
    case 'invoice':
      return (
        <RequirePermission entity="invoices" action="read">
          <InvoicePage key={route.params.invoiceId} invoiceId={route.params.invoiceId} />
        </RequirePermission>
      );
    case 'settings':
      return (
        <RequirePermission entity="settings" action="read">
          <SettingsPage />
        </RequirePermission>
      );
    case 'unbilled':
      return (
        <RequirePermission entity="advancePeriods" action="read">
          <UnbilledPage />
        </RequirePermission>
      );
    case 'moveIns':
      return (
        <RequirePermission entity="moveIns" action="read">
          <MoveInsPage />
        </RequirePermission>
      );
    case 'newMoveIn':
      return (
        <RequirePermission entity="moveIns" action="create">
          <NewMoveInPage />
        </RequirePermission>
      );
    case 'moveInImport':
      return (
        <RequirePermission entity="moveIns" action="create">
          <MoveInImportPage />
        </RequirePermission>
      );
    case 'moveIn':
      return (
        <RequirePermission entity="moveIns" action="read">
          <MoveInPage key={route.params.moveInId} moveInId={route.params.moveInId} />
        </RequirePermission>
      );
  }
}

/** Unknown addresses and organizations the user can't access lead to the user's own organization. */
function RedirectHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const organization = preferredOrganization(me);
  useEffect(() => {
    if (organization) redirect(landingRoute(organization));
  }, [organization]);
  if (organization) return <PageLoader />;
  return (
    <Center mih="100vh">
      <Alert color="gray" title={t('access.noOrganizationTitle')}>
        {t('access.noOrganization')}
      </Alert>
    </Center>
  );
}
