import { insertMoveIn } from '../db/repositories/move-ins-repo.js';
import type { OrgContext } from './context.js';
import { createContractFromMoveIn, invalidMoveIn, moveInProblemsIn } from './create-contract-from-move-in.js';
import type { MoveInOptions, MoveInRequest } from './move-in-request.js';

/** A manual move-in is accepted at once with its contract; a move request waits for review. */
export async function createMoveIn(ctx: OrgContext, request: MoveInRequest, options: MoveInOptions = {}) {
  return ctx.db.transaction().execute(async (tx) => {
    let contractId: string | null = null;
    if (request.source === 'manual') contractId = await createContractFromMoveIn(ctx, tx, request, options);
    else {
      // what a move request gives must hold already; staff complete the rest before accepting it
      const { problems } = await moveInProblemsIn(ctx, tx, request, false);
      if (problems.length > 0) throw invalidMoveIn(problems);
    }
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
