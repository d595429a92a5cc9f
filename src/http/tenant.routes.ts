import { z } from '@hono/zod-openapi';
import { describeMe } from '../app/describe-me.js';
import { listOrganizations } from '../app/list-organizations.js';
import { listProducts } from '../app/list-products.js';
import { ENERGIES } from '../domain/tariff.js';
import type { RouteRegistry } from './route-permissions.js';
import { CalendarDateSchema, OrgParamsSchema, json } from './schemas.js';

const PermissionMapSchema = z.record(z.string(), z.array(z.string())).openapi('PermissionMap');

export function tenantRoutes(routes: RouteRegistry) {
  routes.session(
    {
      method: 'get',
      path: '/api/v1/me',
      summary: 'The caller, the tenant, and per organization the role and its permissions',
      responses: {
        200: json(
          z.object({
            user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
            tenant: z.object({ id: z.string(), name: z.string(), plan: z.enum(['basic', 'professional']) }),
            today: CalendarDateSchema.openapi({
              description: "the server's billing day (Europe/Brussels): the default of run and payment dates",
            }),
            organizations: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                role: z.object({ id: z.string(), name: z.string() }),
                permissions: PermissionMapSchema,
              }),
            ),
          }),
          'Who the caller is',
        ),
      },
    },
    async (c) => c.json({ ...(await describeMe(c.get('services').db, c.get('actor'))), today: c.get('services').today() }, 200),
  );

  routes.session(
    {
      method: 'get',
      path: '/api/v1/organizations',
      summary: 'The organizations the caller can access',
      responses: { 200: json(z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }), 'The organizations') },
    },
    async (c) => c.json(await listOrganizations(c.get('services').db, c.get('actor')), 200),
  );

  routes.org(
    {
      method: 'get',
      path: '/products',
      permission: { entity: 'products', action: 'read' },
      summary: 'The supply products (tariffs) of the organization',
      request: { params: OrgParamsSchema },
      responses: {
        200: json(
          z.object({
            items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), energy: z.enum(ENERGIES), prices: z.unknown() })),
          }),
          'The products',
        ),
      },
    },
    async (c) => c.json(await listProducts(c.get('org')), 200),
  );
}
