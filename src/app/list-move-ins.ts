import { listMoveIns as listMoveInRows, type MoveInStatus } from '../db/repositories/move-ins-repo.js';
import type { Page } from '../db/pagination.js';
import type { OrgContext } from './context.js';
import { moveInListItem } from './move-in-view.js';

export async function listMoveIns(ctx: OrgContext, status: MoveInStatus | undefined, page: Page) {
  const result = await listMoveInRows(ctx.db, ctx.scope, status, page);
  return { items: result.items.map(moveInListItem), nextCursor: result.nextCursor };
}
