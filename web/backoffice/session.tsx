import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Me, OrganizationMembership } from '../api/types.js';
import { api } from './api.js';
import type { Route } from './router.js';

export const ME_QUERY_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: api.me, staleTime: Infinity });
}

/** `/me` on pages shown only once it has loaded (inside the signed-in layout). */
export function useSignedInMe(): Me {
  const me = useMe().data;
  if (!me) throw new Error('useSignedInMe needs /me loaded; use it below the signed-in layout only');
  return me;
}

const LAST_ORGANIZATION_KEY = 'wattbill.organizationId';

const ORGANIZATION_CHANGED = 'wattbill:organization';

export function rememberOrganization(organizationId: string): void {
  if (localStorage.getItem(LAST_ORGANIZATION_KEY) === organizationId) return;
  localStorage.setItem(LAST_ORGANIZATION_KEY, organizationId);
  window.dispatchEvent(new Event(ORGANIZATION_CHANGED));
}

function subscribeToOrganization(onChange: () => void): () => void {
  window.addEventListener(ORGANIZATION_CHANGED, onChange);
  return () => window.removeEventListener(ORGANIZATION_CHANGED, onChange);
}

/** preferredOrganization, rendered again when another organization is chosen on a tenant page. */
export function usePreferredOrganization(me: Me): OrganizationMembership | undefined {
  useSyncExternalStore(subscribeToOrganization, () => localStorage.getItem(LAST_ORGANIZATION_KEY));
  return preferredOrganization(me);
}

/** The organization the user worked in last on this browser, else their first one. */
export function preferredOrganization(me: Me): OrganizationMembership | undefined {
  const last = localStorage.getItem(LAST_ORGANIZATION_KEY);
  return me.organizations.find((o) => o.id === last) ?? me.organizations[0];
}

export function isAllowed(membership: OrganizationMembership, entity: string, action: string): boolean {
  return membership.permissions[entity]?.includes(action) ?? false;
}

/** Where the user lands in an organization: the contracts, unless the role only shows the Unbilled dashboard. */
export function landingRoute(membership: OrganizationMembership): Route {
  const params = { orgId: membership.id };
  const onlyUnbilled = !isAllowed(membership, 'contracts', 'read') && isAllowed(membership, 'advancePeriods', 'read');
  return onlyUnbilled ? { name: 'unbilled', params } : { name: 'contracts', params };
}

export const CurrentOrganizationContext = createContext<OrganizationMembership | null>(null);

/** The organization of the current page, with the user's role in it. */
export function useCurrentOrganization(): OrganizationMembership {
  const membership = useContext(CurrentOrganizationContext);
  if (!membership) throw new Error('useCurrentOrganization needs a CurrentOrganizationContext provider');
  return membership;
}

/** Whether the user's role in the current organization allows `action` on `entity`. */
export function useCan(entity: string, action: string): boolean {
  return isAllowed(useCurrentOrganization(), entity, action);
}
