import { decideMoveIn, listMoveIns as listMoveInRows, lockMoveIn, type MoveInStatus } from '../db/repositories/move-ins-repo.js';
import type { Page } from '../db/pagination.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';
import { createContractFromMoveIn } from './create-contract-from-move-in.js';
import type { MoveInRequest } from './move-in-request.js';

function view(row: { id: string; status: MoveInStatus; contract_id: string | null }) {
  return { id: row.id, status: row.status, contractId: row.contract_id };
}

/** Accepting is atomic and idempotent: accepting an accepted request again answers its contract. */
export async function acceptMoveIn(ctx: OrgContext, moveInId: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const moveIn = await lockMoveIn(tx, ctx.scope, moveInId);
    if (!moveIn) throw new DomainError('not_found', 'No such move-in.');
    if (moveIn.status === 'accepted') return view(moveIn);
    if (moveIn.status === 'rejected') throw new DomainError('move_in_rejected', 'This move request was rejected.');
    const contractId = await createContractFromMoveIn(ctx, tx, moveIn.request as MoveInRequest);
    return view(await decideMoveIn(tx, ctx.scope, moveInId, { status: 'accepted', contractId }));
  });
}

export async function rejectMoveIn(ctx: OrgContext, moveInId: string, reason: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const moveIn = await lockMoveIn(tx, ctx.scope, moveInId);
    if (!moveIn) throw new DomainError('not_found', 'No such move-in.');
    if (moveIn.status === 'rejected') return view(moveIn);
    if (moveIn.status === 'accepted') throw new DomainError('move_in_accepted', 'This move request was accepted already.');
    return view(await decideMoveIn(tx, ctx.scope, moveInId, { status: 'rejected', reason }));
  });
}

export async function listMoveIns(ctx: OrgContext, status: MoveInStatus | undefined, page: Page) {
  const result = await listMoveInRows(ctx.db, ctx.scope, status, page);
  return {
    items: result.items.map((r) => ({
      ...view(r),
      source: r.source,
      request: r.request,
      rejectionReason: r.rejection_reason,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: result.nextCursor,
  };
}
