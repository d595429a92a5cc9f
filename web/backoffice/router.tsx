import { Anchor, type AnchorProps } from '@mantine/core';
import { useSyncExternalStore, type ComponentPropsWithoutRef, type ReactNode } from 'react';

// A hash router: the server only has to serve index.html at `/`, and deep links still work.
const ROUTES = {
  login: '/login',
  invitation: '/invitation/:token',
  // The form people fill in themselves to move in: no account, no back-office chrome.
  publicMoveIn: '/move-in/:orgId',
  home: '/',
  contracts: '/orgs/:orgId/contracts',
  contract: '/orgs/:orgId/contracts/:contractId',
  billingAnalysis: '/orgs/:orgId/contracts/:contractId/billing-analysis',
  // The contract's part of its customer's account.
  contractAccount: '/orgs/:orgId/contracts/:contractId/account',
  customerAccount: '/orgs/:orgId/customers/:customerId/account',
  billingRuns: '/orgs/:orgId/billing-runs',
  billingRun: '/orgs/:orgId/billing-runs/:runId',
  invoices: '/orgs/:orgId/invoices',
  invoice: '/orgs/:orgId/invoices/:invoiceId',
  settings: '/orgs/:orgId/settings',
  unbilled: '/orgs/:orgId/dashboard/unbilled',
  moveIns: '/orgs/:orgId/move-ins',
  // Before `moveIn`: the first matching pattern wins, and these words are not ids.
  newMoveIn: '/orgs/:orgId/move-ins/new',
  moveInImport: '/orgs/:orgId/move-ins/import',
  moveIn: '/orgs/:orgId/move-ins/:moveInId',
  // Tenant level: not under an organization, since users and roles (and their audit log) span them.
  users: '/users',
  roles: '/roles',
  auditLog: '/audit-log',
} as const;

type RouteName = keyof typeof ROUTES;
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
type RouteParams<N extends RouteName> = { [K in ParamNames<(typeof ROUTES)[N]>]: string };

export type Route = { [N in RouteName]: { name: N; params: RouteParams<N> } }[RouteName];
export type NotFound = { name: 'notFound'; params: Record<string, never> };
/** The pages outside an organization, before or beside signing in. */
export type PublicRoute = Extract<Route, { name: 'login' | 'invitation' | 'publicMoveIn' }>;
export type SignedInRoute = Exclude<Route, PublicRoute>;
export type TenantRoute = Extract<Route, { name: 'users' | 'roles' | 'auditLog' }>;
export type OrganizationRoute = Exclude<SignedInRoute, TenantRoute | { name: 'home' }>;

export function isTenantRoute(route: Route): route is TenantRoute {
  return route.name === 'users' || route.name === 'roles' || route.name === 'auditLog';
}

export function hrefOf(route: Route): string {
  const params: Record<string, string> = route.params;
  const path = ROUTES[route.name].replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return `#${path}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

/** The full address of a page, e.g. to hand out the public move-in form. */
export function absoluteUrlOf(route: Route): string {
  return new URL(hrefOf(route), window.location.href).href;
}

/** Navigates without leaving the current address in the history (for redirects). */
export function redirect(route: Route): void {
  window.location.replace(hrefOf(route));
}

function parseRoute(hash: string): Route | NotFound {
  const path = hash.replace(/^#/, '') || '/';
  const segments = path.split('/');
  for (const [name, pattern] of Object.entries(ROUTES)) {
    const patternSegments = pattern.split('/');
    if (patternSegments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = patternSegments.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segment);
        return segment !== '';
      }
      return part === segment;
    });
    if (matches) return { name, params } as Route;
  }
  return { name: 'notFound', params: {} };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route | NotFound {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

type LinkProps = AnchorProps & Pick<ComponentPropsWithoutRef<'a'>, 'title' | 'aria-label' | 'target'> & { to: Route; children: ReactNode };

export function Link({ to, children, ...anchorProps }: LinkProps) {
  return (
    <Anchor href={hrefOf(to)} {...anchorProps}>
      {children}
    </Anchor>
  );
}
