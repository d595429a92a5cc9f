import type { AdvanceFrequency } from '../domain/advance-frequency.js';
import type { Energy } from '../domain/tariff.js';

export type Address = { line1: string; postalCode: string; city: string; country: string };

/** A move-in as it comes in (API.md `POST /move-ins`), already checked for shape by the HTTP edge. */
export type MoveInRequest = {
  source: 'move_request' | 'manual';
  customer:
    | { customerId: string }
    | { name: string; email?: string | undefined; language?: 'en' | 'fr' | 'nl' | undefined; vatNumber?: string | undefined };
  connection: { ean: string; energy: Energy; address: Address };
  moveInDate: string;
  signatureDate: string;
  productId: string;
  estimatedAnnualConsumptionKwh: number;
  advanceFrequency: AdvanceFrequency;
  advanceAmount?: string | undefined;
  firstAdvanceStartDate?: string | undefined;
  endDate?: string | undefined;
  iban?: string | undefined;
};
