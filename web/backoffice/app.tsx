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
import { ContractPage } from './contracts/contract-page.js';
import { ContractsPage } from './contracts/contracts-page.js';
import { AppLayout } from './layout/app-layout.js';
import { LoginPage } from './login/login-page.js';
import { RequirePermission } from './require-permission.js';
import { UnbilledPage } from './unbilled/unbilled-page.js';
import { redirect, useRoute, type NotFound, type Route } from './router.js';
import { CurrentOrganizationContext, landingRoute, preferredOrganization, rememberOrganization, useMe } from './session.js';
import { theme } from './theme.js';

export function App() {
  return (
    <MantineProvider theme={theme}>
      <InterfaceLanguageDatesProvider>
        <Notifications />
        <QueryClientProvider client={queryClient}>
          <Screen />
        </QueryClientProvider>
      </InterfaceLanguageDatesProvider>
    </MantineProvider>
  );
}

function Screen() {
  const route = useRoute();
  return route.name === 'login' ? <LoginPage /> : <SignedIn route={route} />;
}

function SignedIn({ route }: { route: Exclude<Route, { name: 'login' }> | NotFound }) {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ApiErrorAlert error={me.error} />; // a 401 has already gone to the login page
  if (route.name === 'home' || route.name === 'notFound') return <RedirectHome me={me.data} />;

  const membership = me.data.organizations.find((o) => o.id === route.params.orgId);
  if (!membership) return <RedirectHome me={me.data} />;

  return (
    <CurrentOrganizationContext.Provider value={membership}>
      <AppLayout me={me.data} route={route}>
        <Page route={route} />
      </AppLayout>
    </CurrentOrganizationContext.Provider>
  );
}

function Page({ route }: { route: Exclude<Route, { name: 'login' | 'home' }> }) {
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
      return (
        <RequirePermission entity="contracts" action="read">
          <ContractPage
            key={route.params.contractId}
            contractId={route.params.contractId}
            tab={route.name === 'contract' ? 'overview' : 'billingAnalysis'}
          />
        </RequirePermission>
      );
    case 'unbilled':
      return (
        <RequirePermission entity="advancePeriods" action="read">
          <UnbilledPage />
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
