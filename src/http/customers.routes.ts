import { z } from '@hono/zod-openapi';
import { createCustomer } from '../app/create-customer.js';
import { getCustomer } from '../app/get-customer.js';
import { listCustomers } from '../app/list-customers.js';
import { pathId } from './ids.js';
import type { RouteRegistry } from './route-permissions.js';
import { IdSchema, OrgParamsSchema, PageQuerySchema, json, jsonBody, paginated } from './schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const AddressSchema = z.object({
  line1: text(200),
  postalCode: text(20),
  city: text(100),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code like BE'),
});

const CustomerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    language: z.enum(['en', 'fr', 'nl']),
    vatNumber: z.string().nullable(),
    address: AddressSchema,
  })
  .openapi('Customer');

const NewCustomerSchema = z
  .object({
    name: text(200),
    email: z.email().max(254).optional(),
    language: z.enum(['en', 'fr', 'nl']).default('nl'),
    vatNumber: z.string().trim().max(30).optional(),
    address: AddressSchema,
  })
  .openapi('NewCustomer');

export function customerRoutes(routes: RouteRegistry) {
  routes.org(
    {
      method: 'get',
      path: '/customers',
      permission: { entity: 'customers', action: 'read' },
      summary: 'Customers by name',
      request: { params: OrgParamsSchema, query: PageQuerySchema.extend({ q: z.string().max(200).optional() }) },
      responses: { 200: json(paginated(CustomerSchema), 'A page of customers') },
    },
    async (c) => {
      const { q, limit, cursor } = c.req.valid('query');
      return c.json(await listCustomers(c.get('org'), q, { limit, cursor: cursor ?? null }), 200);
    },
  );

  routes.org(
    {
      method: 'post',
      path: '/customers',
      permission: { entity: 'customers', action: 'create' },
      summary: 'Create a customer',
      request: { params: OrgParamsSchema, ...jsonBody(NewCustomerSchema) },
      responses: { 201: json(CustomerSchema, 'The customer') },
    },
    async (c) => c.json(await createCustomer(c.get('org'), c.req.valid('json')), 201),
  );

  routes.org(
    {
      method: 'get',
      path: '/customers/{customerId}',
      permission: { entity: 'customers', action: 'read' },
      summary: 'One customer',
      request: { params: OrgParamsSchema.extend({ customerId: IdSchema }) },
      responses: { 200: json(CustomerSchema, 'The customer') },
    },
    async (c) => c.json(await getCustomer(c.get('org'), pathId(c.req.valid('param').customerId, 'customer')), 200),
  );
}
