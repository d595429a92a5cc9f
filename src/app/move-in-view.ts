import type { MoveInStatus } from '../db/repositories/move-ins-repo.js';

/** A move-in as the API shows it. */
export function moveInView(row: { id: string; status: MoveInStatus; contract_id: string | null }) {
  return { id: row.id, status: row.status, contractId: row.contract_id };
}
