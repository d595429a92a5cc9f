import { findMoveIn } from '../db/repositories/move-ins-repo.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';
import { moveInProblemsIn } from './create-contract-from-move-in.js';
import type { MoveInRequest } from './move-in-request.js';
import { moveInListItem } from './move-in-view.js';

/** A move-in with, while it is new, what must be completed or corrected before it can be accepted. */
export async function getMoveIn(ctx: OrgContext, moveInId: string) {
  const moveIn = await findMoveIn(ctx.db, ctx.scope, moveInId);
  if (!moveIn) throw new DomainError('not_found', 'No such move-in.');
  const problems = moveIn.status === 'new' ? (await moveInProblemsIn(ctx, ctx.db, moveIn.request as MoveInRequest, true)).problems : [];
  return { ...moveInListItem(moveIn), problems };
}
