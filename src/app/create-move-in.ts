import { insertMoveIn } from '../db/repositories/move-ins-repo.js';
import type { OrgContext } from './context.js';
import { assertValidMoveIn, createContractFromMoveIn } from './create-contract-from-move-in.js';
import type { MoveInRequest } from './move-in-request.js';

/** A manual move-in is accepted at once with its contract; a move request waits for review. */
export async function createMoveIn(ctx: OrgContext, request: MoveInRequest) {
  return ctx.db.transaction().execute(async (tx) => {
    // a move request is checked as fully as a manual move-in, so that it can be accepted later
    const contractId =
      request.source === 'manual' ? await createContractFromMoveIn(ctx, tx, request) : (await assertValidMoveIn(ctx, tx, request), null);
    const moveIn = await insertMoveIn(tx, ctx.scope, {
      source: request.source,
      status: contractId ? 'accepted' : 'new',
      request,
      contractId,
      createdBy: ctx.actor.userId,
    });
    return { id: moveIn.id, status: moveIn.status, contractId: moveIn.contract_id };
  });
}
