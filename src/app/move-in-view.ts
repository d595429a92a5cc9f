import type { MoveInStatus } from '../db/repositories/move-ins-repo.js';

/** A move-in as the API shows it. */
export function moveInView(row: { id: string; status: MoveInStatus; contract_id: string | null }) {
  return { id: row.id, status: row.status, contractId: row.contract_id };
}

/** A move-in with what it asks for, as lists and details show it. */
export function moveInListItem(row: {
  id: string;
  status: MoveInStatus;
  contract_id: string | null;
  source: 'move_request' | 'manual';
  request: unknown;
  rejection_reason: string | null;
  created_at: Date | string;
}) {
  return {
    ...moveInView(row),
    source: row.source,
    request: row.request,
    rejectionReason: row.rejection_reason,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
