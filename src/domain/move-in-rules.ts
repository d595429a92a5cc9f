import type { AdvanceFrequency } from './advance-frequency.js';
import { addMonths, type CalendarDate } from './calendar-date.js';
import { eanProblem } from './ean.js';
import { normalizedIban } from './iban.js';

export type FieldProblem = { path: string; message: string };

export type MoveInTerms = {
  ean: string;
  country: string;
  moveInDate: CalendarDate;
  /** null: not given yet (a move request that staff complete) */
  signatureDate: CalendarDate | null;
  endDate: CalendarDate | null;
  /** null: not given yet */
  advanceFrequency: AdvanceFrequency | null;
  advanceAmount: string | null;
  firstAdvanceStartDate: CalendarDate | null;
  iban: string | null;
  directDebitConsent: boolean;
};

/** What a move-in must name before it can be accepted (a move request may come without them). */
export type MoveInCompleteness = {
  signatureDate: boolean;
  productId: boolean;
  advanceFrequency: boolean;
  consumption: boolean;
};

const REQUIRED_TO_ACCEPT: Record<keyof MoveInCompleteness, FieldProblem> = {
  signatureDate: { path: 'signatureDate', message: 'A signature date is needed.' },
  productId: { path: 'productId', message: 'A product is needed.' },
  advanceFrequency: { path: 'advanceFrequency', message: 'An advance frequency is needed.' },
  consumption: {
    path: 'estimatedAnnualConsumptionKwh',
    message: 'An estimated annual consumption (or a household size to estimate it) is needed.',
  },
};

/** The fields a move-in still lacks to be accepted, as field problems. */
export function missingMoveInFields(given: MoveInCompleteness): FieldProblem[] {
  return (Object.keys(REQUIRED_TO_ACCEPT) as (keyof MoveInCompleteness)[]).filter((k) => !given[k]).map((k) => REQUIRED_TO_ACCEPT[k]);
}

export const EAN_MESSAGES = {
  length: 'An EAN has 18 digits.',
  check_digit: 'The EAN check digit is wrong.',
  belgian_prefix: 'A Belgian EAN starts with 54.',
} as const;

/** A connection's yearly consumption at most (a large industrial site), against typing errors. */
export const MAX_ANNUAL_CONSUMPTION_KWH = 100_000_000;

/** How far back an advance schedule may start: older history is for a custom first advance start date to leave out. */
export const MAX_HISTORIC_SCHEDULE_YEARS = 10;

/** Every rule of DOMAIN.md a move-in's terms break, as field problems (empty when the terms are valid). */
export function moveInProblems(today: CalendarDate, terms: MoveInTerms): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ean = eanProblem(terms.ean, terms.country);
  if (ean) problems.push({ path: 'connection.ean', message: EAN_MESSAGES[ean] });
  if (terms.signatureDate !== null && terms.signatureDate > terms.moveInDate)
    problems.push({ path: 'signatureDate', message: 'The signature date may not lie after the move-in date.' });
  if (terms.endDate !== null && terms.endDate < terms.moveInDate)
    problems.push({ path: 'endDate', message: 'The end date may not lie before the move-in date.' });
  if (terms.advanceFrequency === 'none') {
    if (terms.firstAdvanceStartDate !== null)
      problems.push({ path: 'firstAdvanceStartDate', message: 'A first advance start date needs an advance frequency other than none.' });
    if (terms.advanceAmount !== null)
      problems.push({ path: 'advanceAmount', message: 'An advance amount needs an advance frequency other than none.' });
  } else if (terms.advanceFrequency === null) {
    if (terms.firstAdvanceStartDate !== null && terms.firstAdvanceStartDate < terms.moveInDate)
      problems.push({ path: 'firstAdvanceStartDate', message: 'The first advance start date may not lie before the move-in date.' });
  } else if (terms.firstAdvanceStartDate !== null) {
    if (terms.firstAdvanceStartDate < terms.moveInDate)
      problems.push({ path: 'firstAdvanceStartDate', message: 'The first advance start date may not lie before the move-in date.' });
    if (terms.endDate !== null && terms.firstAdvanceStartDate > terms.endDate)
      problems.push({ path: 'firstAdvanceStartDate', message: 'The first advance start date may not lie after the contract end.' });
  }
  const anchor = terms.firstAdvanceStartDate ?? terms.signatureDate;
  if (terms.advanceFrequency !== 'none' && anchor !== null && anchor < addMonths(today, -12 * MAX_HISTORIC_SCHEDULE_YEARS)) {
    problems.push({
      path: terms.firstAdvanceStartDate ? 'firstAdvanceStartDate' : 'signatureDate',
      message: `The advance schedule would start more than ${MAX_HISTORIC_SCHEDULE_YEARS} years ago; set a later custom first advance start date.`,
    });
  }
  if (terms.iban !== null && normalizedIban(terms.iban) === null) problems.push({ path: 'iban', message: 'This is not a valid IBAN.' });
  if (terms.directDebitConsent && terms.iban === null) problems.push({ path: 'iban', message: 'A direct debit needs an IBAN.' });
  return problems;
}
