import { z } from '@hono/zod-openapi';
import { listRoles } from '../app/list-roles.js';
import { listUsers } from '../app/list-users.js';
import { PERMISSION_CATALOG } from '../domain/permissions.js';
import type { RouteRegistry } from './route-permissions.js';
import { PageQuerySchema, json, paginated } from './schemas.js';

const PermissionMapSchema = z.record(z.string(), z.array(z.string())).openapi('RolePermissions');

const RoleSchema = z.object({ id: z.string(), name: z.string(), builtIn: z.boolean(), permissions: PermissionMapSchema }).openapi('Role');
const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    memberships: z.array(z.object({ organizationId: z.string(), roleId: z.string() })),
  })
  .openapi('User');

/** Tenant level: who may do what (DOMAIN.md "Users, organizations and roles"). */
export function accessRoutes(routes: RouteRegistry) {
  routes.session(
    {
      method: 'get',
      path: '/api/v1/permission-entities',
      summary: 'Every entity a role can name, with its actions',
      responses: {
        200: json(z.object({ items: z.array(z.object({ entity: z.string(), actions: z.array(z.string()) })) }), 'The permission catalog'),
      },
    },
    (c) => c.json({ items: Object.entries(PERMISSION_CATALOG).map(([entity, actions]) => ({ entity, actions: [...actions] })) }, 200),
  );

  routes.tenant(
    {
      method: 'get',
      path: '/api/v1/roles',
      permission: { entity: 'roles', action: 'read' },
      summary: "The tenant's roles, built-in ones (Admin, User, Read-only) first",
      responses: { 200: json(z.object({ items: z.array(RoleSchema) }), 'The roles') },
    },
    async (c) => c.json(await listRoles(c.get('services').db, c.get('actor')), 200),
  );

  routes.tenant(
    {
      method: 'get',
      path: '/api/v1/users',
      permission: { entity: 'users', action: 'read' },
      summary: 'The users of the organizations where the caller may read users, by email, with their memberships there',
      request: { query: PageQuerySchema },
      responses: { 200: json(paginated(UserSchema), 'A page of users') },
    },
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(
        await listUsers(c.get('services').db, c.get('actor'), c.get('grantedOrganizations'), { limit, cursor: cursor ?? null }),
        200,
      );
    },
  );
}
