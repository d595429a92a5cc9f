import { addDays, type CalendarDate } from './calendar-date.js';
import type { InvoicingSettings } from './organization-settings.js';
import { structuredCommunication } from './structured-communication.js';

/** The sequence a final invoice takes its number from: one per prefix, and per year when the number carries it. */
export function invoiceSeries(settings: Pick<InvoicingSettings, 'numberPrefix' | 'numberWithYear'>, issueDate: CalendarDate): string {
  return settings.numberWithYear ? `${settings.numberPrefix}-${issueDate.slice(0, 4)}` : settings.numberPrefix;
}

/** `AC-2026-000123`: the series and the number in it, at least 6 digits. */
export function invoiceNumber(series: string, n: number): string {
  return `${series}-${String(n).padStart(6, '0')}`;
}

/** The name of an organization's counter of payment references. */
export const PAYMENT_REFERENCE_SEQUENCE = 'payment-reference';

/** The n-th payment reference of an organization: a Belgian structured communication. */
export function paymentReference(n: number): string {
  return structuredCommunication(String(n).padStart(10, '0'));
}

export function dueDate(issueDate: CalendarDate, settings: Pick<InvoicingSettings, 'paymentTermDays'>): CalendarDate {
  return addDays(issueDate, settings.paymentTermDays);
}
