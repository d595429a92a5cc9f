import type { AdvanceFrequency } from '../domain/advance-frequency.js';
import type { Address } from '../domain/party.js';
import type { Energy } from '../domain/tariff.js';

export type NewCustomer = {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  language?: 'en' | 'fr' | 'nl' | undefined;
  vatNumber?: string | undefined;
};

/**
 * A move-in as it comes in (API.md `POST /move-ins`), already checked for shape by the HTTP edge.
 * A move request may lack what staff complete before accepting it (signature date, product,
 * frequency, consumption); a manual move-in names them.
 */
export type MoveInRequest = {
  source: 'move_request' | 'manual';
  customer: { customerId: string } | NewCustomer;
  connection: { ean: string; energy: Energy; address: Address };
  moveInDate: string;
  signatureDate?: string | undefined;
  productId?: string | undefined;
  estimatedAnnualConsumptionKwh?: number | undefined;
  /** estimates the consumption when no kWh are given */
  householdSize?: number | undefined;
  /** the meter's index at move-in, as a decimal string */
  meterReadingAtMoveIn?: string | undefined;
  advanceFrequency?: AdvanceFrequency | undefined;
  advanceAmount?: string | undefined;
  firstAdvanceStartDate?: string | undefined;
  endDate?: string | undefined;
  iban?: string | undefined;
  directDebitConsent?: boolean | undefined;
};

/** What accepting a move-in may do besides creating its contract. */
export type MoveInOptions = { endPreviousContract?: boolean | undefined };
