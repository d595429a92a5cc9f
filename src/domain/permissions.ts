/**
 * The permission catalog: every entity a role can name and its actions, the
 * domain's own verbs included (an advance period's `skip`, an invoice's `finalize`).
 */
export const PERMISSION_CATALOG = {
  organizations: ['read'],
  customers: ['read', 'create', 'update'],
  contracts: ['read', 'create', 'update'],
  moveIns: ['read', 'create', 'update'],
  products: ['read'],
  advancePeriods: ['read', 'skip'],
  invoices: ['read', 'create', 'delete', 'finalize'],
  billingRuns: ['read', 'create'],
  settings: ['read', 'update'],
  users: ['read', 'create', 'update'],
  roles: ['read', 'create', 'update', 'delete'],
} as const satisfies Record<string, readonly string[]>;

export type Entity = keyof typeof PERMISSION_CATALOG;
export type Action<E extends Entity = Entity> = (typeof PERMISSION_CATALOG)[E][number];
export type Permission = { [E in Entity]: { entity: E; action: Action<E> } }[Entity];
/** A role's grants as stored and served: entity -> actions. */
export type PermissionMap = Partial<Record<string, readonly string[]>>;

export const ENTITIES = Object.keys(PERMISSION_CATALOG) as Entity[];

/** Entities only an Admin manages: configuration and access. */
const CONFIGURATION: readonly Entity[] = ['settings', 'users', 'roles'];

function grant(pick: (entity: Entity, action: string) => boolean): PermissionMap {
  return Object.fromEntries(ENTITIES.map((e) => [e, PERMISSION_CATALOG[e].filter((a) => pick(e, a))]).filter(([, a]) => a!.length > 0));
}

export const BUILT_IN_ROLES = {
  Admin: grant(() => true),
  User: grant((e, a) => !CONFIGURATION.includes(e) || a === 'read'),
  'Read-only': grant((_, a) => a === 'read'),
} as const satisfies Record<string, PermissionMap>;

export type BuiltInRoleName = keyof typeof BUILT_IN_ROLES;

/** The set of granted permissions of a role, keeping only what the catalog knows. */
export function resolvePermissions(grants: PermissionMap): ReadonlySet<string> {
  const resolved = new Set<string>();
  for (const entity of ENTITIES) {
    const actions: readonly string[] = PERMISSION_CATALOG[entity];
    for (const action of grants[entity] ?? []) if (actions.includes(action)) resolved.add(`${entity}:${action}`);
  }
  return resolved;
}

export function isAllowed(resolved: ReadonlySet<string>, permission: Permission): boolean {
  return resolved.has(`${permission.entity}:${permission.action}`);
}
