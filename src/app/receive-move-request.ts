import type { Db } from '../db/connection.js';
import { insertMoveIn } from '../db/repositories/move-ins-repo.js';
import { findPublicOrganization, organizationEnergies } from '../db/repositories/organizations-repo.js';
import { countRequest } from '../db/repositories/rate-limits-repo.js';
import { addDays, calendarDate, type CalendarDate } from '../domain/calendar-date.js';
import { DomainError } from '../domain/domain-error.js';
import { normalizedIban } from '../domain/iban.js';
import { moveInProblems, type FieldProblem } from '../domain/move-in-rules.js';
import { PUBLIC_FORM_LIMIT, PUBLIC_MOVE_IN_DAYS, rateLimitRetryAfter } from '../domain/public-form-limits.js';
import type { Energy } from '../domain/tariff.js';
import { invalidMoveIn } from './create-contract-from-move-in.js';
import type { Address } from '../domain/party.js';
import type { MoveInRequest } from './move-in-request.js';

/** What a prospective customer fills in on an organization's public move-in form. */
export type PublicMoveRequest = {
  name: string;
  email: string;
  phone?: string | undefined;
  language: 'en' | 'fr' | 'nl';
  address: Address;
  ean: string;
  energy: Energy;
  moveInDate: string;
  meterReadingAtMoveIn?: string | undefined;
  estimatedAnnualConsumptionKwh?: number | undefined;
  householdSize?: number | undefined;
  iban: string;
  directDebitConsent: boolean;
  /** the honeypot: people never see it, bots fill it in */
  website?: string | undefined;
};

async function publicOrganization(db: Db, organizationId: string) {
  const org = await findPublicOrganization(db, organizationId);
  if (!org) throw new DomainError('not_found', 'No such move-in form.');
  return org;
}

/** What the public form shows of the organization. */
export async function describeMoveInForm(db: Db, organizationId: string) {
  const org = await publicOrganization(db, organizationId);
  return { organizationName: org.name, energies: await organizationEnergies(db, { tenantId: org.tenant_id, organizationId: org.id }) };
}

/**
 * Files a move request from the public form for staff to review. The answer is the same whether the
 * email or EAN is known or not, and for a bot caught by the honeypot: the form checks formats only.
 */
export async function receiveMoveRequest(db: Db, today: CalendarDate, organizationId: string, form: PublicMoveRequest, from: string) {
  const org = await publicOrganization(db, organizationId);
  const now = new Date();
  const { hits, window_started_at } = await countRequest(db, `move-request:${from}`, now, PUBLIC_FORM_LIMIT.windowMs);
  const retryAfter = rateLimitRetryAfter(hits, new Date(window_started_at).getTime(), now.getTime());
  if (retryAfter !== null)
    throw new DomainError('rate_limited', 'Too many move requests from this address: try again later.', { retryAfterSeconds: retryAfter });
  if (form.website) return;

  const problems = formProblems(today, form);
  if (problems.length > 0) throw invalidMoveIn(problems);
  const request: MoveInRequest = {
    source: 'move_request',
    customer: { name: form.name, email: form.email.toLowerCase(), phone: form.phone, language: form.language },
    connection: { ean: form.ean, energy: form.energy, address: form.address },
    moveInDate: form.moveInDate,
    estimatedAnnualConsumptionKwh: form.estimatedAnnualConsumptionKwh,
    householdSize: form.householdSize,
    meterReadingAtMoveIn: form.meterReadingAtMoveIn,
    iban: normalizedIban(form.iban)!,
    directDebitConsent: form.directDebitConsent,
  };
  await insertMoveIn(
    db,
    { tenantId: org.tenant_id, organizationId: org.id },
    {
      source: 'move_request',
      status: 'new',
      request,
      contractId: null,
      createdBy: null,
    },
  );
}

function formProblems(today: CalendarDate, form: PublicMoveRequest): FieldProblem[] {
  const moveInDate = calendarDate(form.moveInDate);
  const problems = moveInProblems(today, {
    ean: form.ean,
    country: form.address.country,
    moveInDate,
    signatureDate: null,
    endDate: null,
    advanceFrequency: null,
    advanceAmount: null,
    firstAdvanceStartDate: null,
    iban: form.iban,
    directDebitConsent: form.directDebitConsent,
  }).map((p) => ({ ...p, path: p.path === 'connection.ean' ? 'ean' : p.path }));
  if (moveInDate < addDays(today, -PUBLIC_MOVE_IN_DAYS.past) || moveInDate > addDays(today, PUBLIC_MOVE_IN_DAYS.future))
    problems.push({
      path: 'moveInDate',
      message: `The move-in date must lie between ${PUBLIC_MOVE_IN_DAYS.past} days ago and a year from now.`,
    });
  if (form.estimatedAnnualConsumptionKwh === undefined && form.householdSize === undefined)
    problems.push({ path: 'estimatedAnnualConsumptionKwh', message: 'Give your yearly consumption or the size of your household.' });
  return problems;
}
