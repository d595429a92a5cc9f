import type { OrganizationMembership } from '../../api/types.js';
import { isAllowed, useSignedInMe } from '../session.js';

/** The organizations where the caller's role allows adding (`create`) or changing (`update`) users. */
export function useManagedOrganizations(action: 'create' | 'update'): OrganizationMembership[] {
  return useSignedInMe().organizations.filter((o) => isAllowed(o, 'users', action));
}
