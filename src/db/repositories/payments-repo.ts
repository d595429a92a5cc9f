import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';

/** A payment: a credit (negative amount) on the customer's account. */
export async function insertPayment(
  db: Db,
  scope: OrgScope,
  payment: { customerId: string; amount: string; bookedOn: string; reference: string | null; createdBy: string | null },
) {
  await db
    .insertInto('ledger_entries')
    .values({
      tenant_id: scope.tenantId,
      organization_id: scope.organizationId,
      customer_id: payment.customerId,
      kind: 'payment',
      amount: payment.amount,
      booked_on: payment.bookedOn,
      reference: payment.reference,
      created_by: payment.createdBy,
    })
    .execute();
}
