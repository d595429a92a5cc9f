import type { ContractRow } from '../db/repositories/contracts-repo.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { contractStatus } from '../domain/contract-status.js';

/** A contract as the API shows it (API.md fields first, then the back office's extras). */
export function contractView(row: ContractRow, today: CalendarDate) {
  return {
    id: row.id,
    customerId: row.customer_id,
    ean: row.ean,
    energy: row.energy,
    status: contractStatus(row.move_in_date as CalendarDate, row.end_date as CalendarDate | null, today),
    moveInDate: row.move_in_date,
    signatureDate: row.signature_date,
    endDate: row.end_date,
    advanceFrequency: row.advance_frequency,
    advanceAmount: row.advance_amount,
    firstAdvanceStartDate: row.first_advance_start_date,
    estimatedAnnualConsumptionKwh: row.estimated_annual_consumption_kwh,
    productId: row.product_id,
    customerName: row.customer_name,
    productName: row.product_name,
    missingCount: row.missing_count,
  };
}

export type ContractView = ReturnType<typeof contractView>;
