import { listProducts as listProductRows } from '../db/repositories/products-repo.js';
import type { OrgContext } from './context.js';

export async function listProducts(ctx: OrgContext) {
  const rows = await listProductRows(ctx.db, ctx.scope);
  return { items: rows.map((p) => ({ id: p.id, code: p.code, name: p.name, energy: p.energy, prices: p.prices })) };
}
