import { listMoveIns as listMoveInRows, type MoveInStatus } from '../db/repositories/move-ins-repo.js';
import type { Page } from '../db/pagination.js';
import type { OrgContext } from './context.js';
import { moveInView } from './move-in-view.js';

export async function listMoveIns(ctx: OrgContext, status: MoveInStatus | undefined, page: Page) {
  const result = await listMoveInRows(ctx.db, ctx.scope, status, page);
  return {
    items: result.items.map((r) => ({
      ...moveInView(r),
      source: r.source,
      request: r.request,
      rejectionReason: r.rejection_reason,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: result.nextCursor,
  };
}
