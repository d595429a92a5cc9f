import { z } from '@hono/zod-openapi';
import { listAccessAudit } from '../app/list-access-audit.js';
import { listRoles } from '../app/list-roles.js';
import { listUsers } from '../app/list-users.js';
import { createUser, updateUser } from '../app/manage-users.js';
import { createRole, deleteRole, updateRole } from '../app/save-role.js';
import { PERMISSION_CATALOG } from '../domain/permissions.js';
import { pathId } from './ids.js';
import type { RouteRegistry } from './route-permissions.js';
import { IdSchema, PageQuerySchema, json, jsonBody, paginated } from './schemas.js';

const PermissionMapSchema = z.record(z.string(), z.array(z.string())).openapi('RolePermissions');

const RoleSchema = z
  .object({ id: z.string(), name: z.string(), builtIn: z.boolean(), permissions: PermissionMapSchema, memberships: z.number().int() })
  .openapi('Role');
const RoleNameSchema = z.string().trim().min(1).max(100);
const RolePermissionsInputSchema = z.record(z.string().max(50), z.array(z.string().max(50)).max(20));
const NewRoleSchema = z
  .object({ name: RoleNameSchema, permissions: RolePermissionsInputSchema.optional(), copyFromRoleId: IdSchema.optional() })
  .refine((r) => r.permissions !== undefined || r.copyFromRoleId !== undefined, {
    message: 'give permissions, or a role to copy',
    path: ['permissions'],
  })
  .openapi('NewRole');
const MembershipsInputSchema = z.array(z.object({ organizationId: IdSchema, roleId: IdSchema })).max(500);
const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    memberships: z.array(z.object({ organizationId: z.string(), roleId: z.string() })),
    invitationPending: z.boolean(),
  })
  .openapi('User');
const RoleParams = z.object({ roleId: IdSchema });
const UserParams = z.object({ userId: IdSchema });
const lower = (m: { organizationId: string; roleId: string }[]) =>
  m.map((x) => ({ organizationId: x.organizationId.toLowerCase(), roleId: x.roleId.toLowerCase() }));

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

  routes.tenant(
    {
      method: 'post',
      path: '/api/v1/roles',
      permission: { entity: 'roles', action: 'create' },
      summary: 'Create a custom role, from scratch or as a copy of another (plans with custom roles only)',
      request: jsonBody(NewRoleSchema),
      responses: { 201: json(RoleSchema, 'The role') },
    },
    async (c) => {
      const body = c.req.valid('json');
      return c.json(
        await createRole(c.get('services').db, c.get('actor'), { ...body, copyFromRoleId: body.copyFromRoleId?.toLowerCase() }),
        201,
      );
    },
  );

  routes.tenant(
    {
      method: 'patch',
      path: '/api/v1/roles/{roleId}',
      permission: { entity: 'roles', action: 'update' },
      summary: 'Rename a custom role or change its permissions (built-in roles: 409 built_in_role)',
      request: {
        params: RoleParams,
        ...jsonBody(z.object({ name: RoleNameSchema.optional(), permissions: RolePermissionsInputSchema.optional() })),
      },
      responses: { 200: json(RoleSchema, 'The role') },
    },
    async (c) =>
      c.json(await updateRole(c.get('services').db, c.get('actor'), pathId(c.req.valid('param').roleId, 'role'), c.req.valid('json')), 200),
  );

  routes.tenant(
    {
      method: 'delete',
      path: '/api/v1/roles/{roleId}',
      permission: { entity: 'roles', action: 'delete' },
      summary: 'Delete a custom role no membership uses (409 role_in_use with the count, 409 built_in_role)',
      request: { params: RoleParams },
      responses: { 204: { description: 'Deleted' } },
    },
    async (c) => {
      await deleteRole(c.get('services').db, c.get('actor'), pathId(c.req.valid('param').roleId, 'role'));
      return c.body(null, 204);
    },
  );

  routes.tenant(
    {
      method: 'post',
      path: '/api/v1/users',
      permission: { entity: 'users', action: 'create' },
      summary: 'Add a user with a role per organization; without a password, an invitation link to set one',
      request: jsonBody(
        z.object({
          email: z.email().max(254),
          name: z.string().trim().min(1).max(200),
          password: z.string().min(10).max(200).optional(),
          memberships: MembershipsInputSchema,
        }),
      ),
      responses: { 201: json(UserSchema.extend({ invitationUrl: z.string().nullable() }), 'The user') },
    },
    async (c) => {
      const body = c.req.valid('json');
      const user = await createUser(c.get('services').db, c.get('actor'), { ...body, memberships: lower(body.memberships) });
      if (user.invitationUrl)
        c.get('services').log.info({ userId: user.id, invitationUrl: user.invitationUrl }, 'invitation link for a new user');
      return c.json(user, 201);
    },
  );

  routes.tenant(
    {
      method: 'patch',
      path: '/api/v1/users/{userId}',
      permission: { entity: 'users', action: 'update' },
      summary: "Rename a user or replace their memberships (the full new list); Admins only, never one's own, never the last Admin",
      request: {
        params: UserParams,
        ...jsonBody(z.object({ name: z.string().trim().min(1).max(200).optional(), memberships: MembershipsInputSchema.optional() })),
      },
      responses: { 200: json(UserSchema, 'The user') },
    },
    async (c) => {
      const body = c.req.valid('json');
      const change = { name: body.name, memberships: body.memberships && lower(body.memberships) };
      return c.json(await updateUser(c.get('services').db, c.get('actor'), pathId(c.req.valid('param').userId, 'user'), change), 200);
    },
  );

  routes.tenant(
    {
      method: 'get',
      path: '/api/v1/audit-log',
      permission: { entity: 'users', action: 'update' },
      summary: 'Changes of users, memberships and roles, newest first (Admins)',
      request: { query: PageQuerySchema },
      responses: {
        200: json(
          paginated(
            z.object({
              at: z.string(),
              actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
              entity: z.string(),
              entityId: z.string(),
              action: z.string(),
              before: z.unknown(),
              after: z.unknown(),
            }),
          ),
          'A page of audit entries',
        ),
      },
    },
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listAccessAudit(c.get('services').db, c.get('actor'), { limit, cursor: cursor ?? null }), 200);
    },
  );
}
