/** Every repository function takes the organization first: no business query runs without it. */
export type OrgScope = { readonly tenantId: string; readonly organizationId: string };
