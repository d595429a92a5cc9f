import { createRoute, type OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { organizationsGranting, resolveAccess } from '../app/resolve-access.js';
import { isUuid } from '../domain/ids.js';
import { isAllowed, type Permission } from '../domain/permissions.js';
import { errorBody } from './errors.js';
import type { AppEnv } from './env.js';
import { ERROR_RESPONSES, IDEMPOTENCY_RESPONSES, IdempotencyHeaderSchema } from './schemas.js';

export type RoutePermission = { method: string; path: string; permission: Permission | 'session' };

const ORG_PREFIX = '/api/v1/organizations/{orgId}';

/**
 * The one authorization point: the caller's role in the organization of the path must grant the
 * permission. An organization the caller can't access answers 404, as if it did not exist.
 */
function authorize(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { db, today } = c.get('services');
    const actor = c.get('actor');
    const organizationId = c.req.param('orgId') ?? '';
    const granted = isUuid(organizationId) ? await resolveAccess(db, actor, organizationId.toLowerCase()) : null;
    if (!granted) return c.json(errorBody('not_found', 'No such organization.'), 404);
    if (!isAllowed(granted, permission)) {
      return c.json(errorBody('forbidden', `Your role does not allow ${permission.action} on ${permission.entity}.`), 403);
    }
    c.set('org', { db, actor, scope: { tenantId: actor.tenantId, organizationId: organizationId.toLowerCase() }, today: today() });
    await next();
  });
}

/** Tenant-level routes: the permission must be granted in at least one of the caller's organizations. */
function authorizeInAnyOrganization(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const granted = await organizationsGranting(c.get('services').db, c.get('actor'), permission);
    if (granted.length === 0)
      return c.json(errorBody('forbidden', `Your roles do not allow ${permission.action} on ${permission.entity}.`), 403);
    c.set('grantedOrganizations', granted);
    await next();
  });
}

type OrgRouteConfig = Omit<RouteConfig, 'path'> & { path: string; permission: Permission };
type TenantRouteConfig = RouteConfig & { permission: Permission };

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

/** What every route documents alike: its area as a tag, the shared errors, and on writes the Idempotency-Key header. */
function documented<R extends Omit<RouteConfig, 'path'>>(route: R, area: string): R {
  const writes = MUTATING.has(route.method);
  return {
    ...route,
    tags: route.tags ?? [area],
    request: writes ? { ...route.request, headers: IdempotencyHeaderSchema } : route.request,
    responses: { ...ERROR_RESPONSES, ...(writes ? IDEMPOTENCY_RESPONSES : {}), ...route.responses },
  };
}

/**
 * Declares routes with what they need, and keeps the table of every authenticated route and its
 * permission: the one table the authorization tests walk.
 */
export function routeRegistry(app: OpenAPIHono<AppEnv>) {
  const table: RoutePermission[] = [];
  return {
    table,
    /** A route of an organization, with the permission it needs. */
    org<R extends OrgRouteConfig>(config: R, handler: RouteHandler<R & { path: `${typeof ORG_PREFIX}${R['path']}` }, AppEnv>) {
      const { permission, ...route } = config;
      const path = `${ORG_PREFIX}${config.path}`;
      table.push({ method: config.method.toUpperCase(), path, permission });
      const definition = createRoute({ ...documented(route, config.path.split('/')[1]!), path, middleware: [authorize(permission)] });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler is typed by the caller's config
      app.openapi(definition, handler as any);
    },
    /** A route of the tenant, with the permission it needs in at least one organization. */
    tenant<R extends TenantRouteConfig>(config: R, handler: RouteHandler<R, AppEnv>) {
      const { permission, ...route } = config;
      table.push({ method: config.method.toUpperCase(), path: config.path, permission });
      const definition = createRoute({
        ...documented(route, config.path.split('/')[3]!),
        middleware: [authorizeInAnyOrganization(permission)],
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler is typed by the caller's config
      app.openapi(definition, handler as any);
    },
    /** A route that needs a session but no organization permission: the caller's own data. */
    session<R extends RouteConfig>(config: R, handler: RouteHandler<R, AppEnv>) {
      table.push({ method: config.method.toUpperCase(), path: config.path, permission: 'session' });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler is typed by the caller's config
      app.openapi(createRoute(documented(config, config.path.split('/')[3]!)), handler as any);
    },
  };
}

export type RouteRegistry = ReturnType<typeof routeRegistry>;
