import { lockMoveIn, replaceMoveInRequest } from '../db/repositories/move-ins-repo.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';
import { invalidMoveIn, moveInProblemsIn } from './create-contract-from-move-in.js';
import { getMoveIn } from './get-move-in.js';
import type { MoveInRequest } from './move-in-request.js';

/** Staff complete or correct a move request before deciding on it; a decided one stays as it was. */
export async function updateMoveIn(ctx: OrgContext, moveInId: string, request: Omit<MoveInRequest, 'source'>) {
  await ctx.db.transaction().execute(async (tx) => {
    const moveIn = await lockMoveIn(tx, ctx.scope, moveInId);
    if (!moveIn) throw new DomainError('not_found', 'No such move-in.');
    if (moveIn.status !== 'new') throw new DomainError('move_in_decided', `This move-in was ${moveIn.status} already.`);
    const corrected: MoveInRequest = { ...request, source: moveIn.source };
    const { problems } = await moveInProblemsIn(ctx, tx, corrected, false);
    if (problems.length > 0) throw invalidMoveIn(problems);
    await replaceMoveInRequest(tx, ctx.scope, moveInId, corrected);
  });
  return getMoveIn(ctx, moveInId);
}
