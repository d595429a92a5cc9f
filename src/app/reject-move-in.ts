import { decideMoveIn, lockMoveIn } from '../db/repositories/move-ins-repo.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';
import { moveInView } from './move-in-view.js';

/** Rejecting is idempotent too; an accepted request can't be rejected any more. */
export async function rejectMoveIn(ctx: OrgContext, moveInId: string, reason: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const moveIn = await lockMoveIn(tx, ctx.scope, moveInId);
    if (!moveIn) throw new DomainError('not_found', 'No such move-in.');
    if (moveIn.status === 'rejected') return moveInView(moveIn);
    if (moveIn.status === 'accepted') throw new DomainError('move_in_accepted', 'This move request was accepted already.');
    return moveInView(await decideMoveIn(tx, ctx.scope, moveInId, { status: 'rejected', reason }));
  });
}
