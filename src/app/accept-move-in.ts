import { decideMoveIn, lockMoveIn } from '../db/repositories/move-ins-repo.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';
import { createContractFromMoveIn } from './create-contract-from-move-in.js';
import type { MoveInOptions, MoveInRequest } from './move-in-request.js';
import { moveInView } from './move-in-view.js';

/** Accepting is atomic and idempotent: accepting an accepted request again answers its contract. */
export async function acceptMoveIn(ctx: OrgContext, moveInId: string, options: MoveInOptions = {}) {
  return ctx.db.transaction().execute(async (tx) => {
    const moveIn = await lockMoveIn(tx, ctx.scope, moveInId);
    if (!moveIn) throw new DomainError('not_found', 'No such move-in.');
    if (moveIn.status === 'accepted') return moveInView(moveIn);
    if (moveIn.status === 'rejected') throw new DomainError('move_in_rejected', 'This move request was rejected.');
    const contractId = await createContractFromMoveIn(ctx, tx, moveIn.request as MoveInRequest, options);
    return moveInView(await decideMoveIn(tx, ctx.scope, moveInId, { status: 'accepted', contractId }));
  });
}
