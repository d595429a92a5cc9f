import type { AdvanceFrequency, Energy, FieldIssue, Language, MoveInDraft, MoveInRequest, MoveInSource } from '../../api/types.js';

/** What the move-in form edits: text as typed, turned into a request only when sent. */
export type MoveInFormValues = {
  /** A move request may name a customer who already exists; then the customer fields don't apply. */
  existingCustomerId: string | null;
  customerName: string;
  email: string;
  phone: string;
  language: Language | '';
  vatNumber: string;
  ean: string;
  energy: Energy;
  line1: string;
  postalCode: string;
  city: string;
  country: string;
  moveInDate: string;
  signatureDate: string;
  meterReadingAtMoveIn: string;
  estimatedAnnualConsumptionKwh: string;
  householdSize: string;
  productId: string;
  advanceFrequency: AdvanceFrequency | '';
  /** Only sent once staff changed it: otherwise the server applies its proposal, which the form shows. */
  advanceAmount: string;
  advanceAmountEdited: boolean;
  endDate: string;
  iban: string;
  directDebitConsent: boolean;
  firstAdvanceStartDate: string;
};

export type MoveInField = Exclude<keyof MoveInFormValues, 'existingCustomerId' | 'advanceAmountEdited'>;

export const EMPTY_MOVE_IN_FORM: MoveInFormValues = {
  existingCustomerId: null,
  customerName: '',
  email: '',
  phone: '',
  language: '',
  vatNumber: '',
  ean: '',
  energy: 'electricity',
  line1: '',
  postalCode: '',
  city: '',
  country: 'BE',
  moveInDate: '',
  signatureDate: '',
  meterReadingAtMoveIn: '',
  estimatedAnnualConsumptionKwh: '',
  householdSize: '',
  productId: '',
  advanceFrequency: '',
  advanceAmount: '',
  advanceAmountEdited: false,
  endDate: '',
  iban: '',
  directDebitConsent: false,
  firstAdvanceStartDate: '',
};

/** Where each field sits in a MoveInRequest, as `validation_failed` details and `problems` name it. */
const FIELD_PATHS: Record<MoveInField, string> = {
  customerName: 'customer.name',
  email: 'customer.email',
  phone: 'customer.phone',
  language: 'customer.language',
  vatNumber: 'customer.vatNumber',
  ean: 'connection.ean',
  energy: 'connection.energy',
  line1: 'connection.address.line1',
  postalCode: 'connection.address.postalCode',
  city: 'connection.address.city',
  country: 'connection.address.country',
  moveInDate: 'moveInDate',
  signatureDate: 'signatureDate',
  meterReadingAtMoveIn: 'meterReadingAtMoveIn',
  estimatedAnnualConsumptionKwh: 'estimatedAnnualConsumptionKwh',
  householdSize: 'householdSize',
  productId: 'productId',
  advanceFrequency: 'advanceFrequency',
  advanceAmount: 'advanceAmount',
  endDate: 'endDate',
  iban: 'iban',
  directDebitConsent: 'directDebitConsent',
  firstAdvanceStartDate: 'firstAdvanceStartDate',
};

const FIELD_OF_PATH = new Map(Object.entries(FIELD_PATHS).map(([field, path]) => [path, field as MoveInField]));

/** The field an issue names: its own path, else the closest one above it (`connection.address` -> none, `customer` -> the name). */
export function fieldOfPath(path: string): MoveInField | undefined {
  if (path === 'customer') return 'customerName';
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const field = FIELD_OF_PATH.get(parts.join('.'));
    if (field) return field;
  }
  return undefined;
}

/** A field's error: the server's message, or this key for a required field left empty (translated when shown). */
export type FieldErrors = Partial<Record<MoveInField, string>>;
export const REQUIRED_FIELD = 'moveInForm.required';

/** Whether a field's error is one of the form's own messages (a translation key) rather than the server's text. */
export function isFormMessage(error: string): boolean {
  return error.startsWith('moveInForm.');
}

/** Dates that contradict each other, as the server would refuse them; ISO dates compare as text. */
export function dateOrderErrors(values: MoveInFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const { moveInDate, signatureDate, endDate, firstAdvanceStartDate } = values;
  if (moveInDate && signatureDate && signatureDate > moveInDate) errors.signatureDate = 'moveInForm.dateErrors.signatureAfterMoveIn';
  if (moveInDate && endDate && endDate < moveInDate) errors.endDate = 'moveInForm.dateErrors.endBeforeMoveIn';
  if (hasAdvances(values.advanceFrequency) && firstAdvanceStartDate) {
    if (moveInDate && firstAdvanceStartDate < moveInDate) errors.firstAdvanceStartDate = 'moveInForm.dateErrors.firstAdvanceBeforeMoveIn';
    else if (endDate && firstAdvanceStartDate > endDate) errors.firstAdvanceStartDate = 'moveInForm.dateErrors.firstAdvanceAfterEnd';
  }
  return errors;
}

/** The issues shown on their fields (the first per field), and those no field of the form names. */
export function issuesByField(issues: FieldIssue[]): { fields: FieldErrors; other: FieldIssue[] } {
  const fields: FieldErrors = {};
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    if (!field) other.push(issue);
    else fields[field] ??= issue.message;
  }
  return { fields, other };
}

/** The field label for an issue's path, or undefined when no field has it. */
export function pathLabelKey(path: string): string | undefined {
  const field = fieldOfPath(path);
  return field && `moveInForm.${field}`;
}

export function hasAdvances(frequency: AdvanceFrequency | ''): frequency is Exclude<AdvanceFrequency, 'none'> {
  return frequency !== '' && frequency !== 'none';
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));
/** Decimal strings with a point, whatever the person typed (`1234,5`). */
const optionalDecimal = (text: string) => optional(text)?.replace(',', '.');

/** The request the form sends; empty fields are left out, and so is what the advance frequency makes irrelevant. */
export function toMoveInRequest(values: MoveInFormValues, source: MoveInSource, proposedAmount: string | null): MoveInRequest {
  const advances = hasAdvances(values.advanceFrequency);
  const kwh = optionalNumber(values.estimatedAnnualConsumptionKwh);
  const request: MoveInRequest = {
    source,
    customer: values.existingCustomerId
      ? { customerId: values.existingCustomerId }
      : {
          name: values.customerName.trim(),
          email: optional(values.email),
          phone: optional(values.phone),
          language: values.language || undefined,
          vatNumber: optional(values.vatNumber),
        },
    connection: {
      ean: values.ean.replace(/\s/g, ''),
      energy: values.energy,
      address: { line1: values.line1.trim(), postalCode: values.postalCode.trim(), city: values.city.trim(), country: values.country },
    },
    moveInDate: values.moveInDate,
    signatureDate: optional(values.signatureDate),
    productId: optional(values.productId),
    estimatedAnnualConsumptionKwh: kwh,
    householdSize: kwh === undefined ? optionalNumber(values.householdSize) : undefined,
    meterReadingAtMoveIn: optionalDecimal(values.meterReadingAtMoveIn),
    advanceFrequency: values.advanceFrequency || undefined,
    advanceAmount: advances && values.advanceAmountEdited ? optionalDecimal(values.advanceAmount) : undefined,
    firstAdvanceStartDate: advances ? optional(values.firstAdvanceStartDate) : undefined,
    endDate: optional(values.endDate),
    iban: optional(values.iban)?.replace(/\s/g, '').toUpperCase(),
    directDebitConsent: values.directDebitConsent || undefined,
  };
  // An amount equal to the proposal is the proposal: leave it to the server, which keeps it in step.
  if (request.advanceAmount !== undefined && request.advanceAmount === proposedAmount) delete request.advanceAmount;
  return JSON.parse(JSON.stringify(request)) as MoveInRequest; // drops the undefined keys
}

/** The draft staff save: the request without its source, which stays as received. */
export function toMoveInDraft(values: MoveInFormValues, proposedAmount: string | null): MoveInDraft {
  const draft: Partial<MoveInRequest> = toMoveInRequest(values, 'move_request', proposedAmount);
  delete draft.source;
  return draft as MoveInDraft;
}

/** The form of a stored request, e.g. a move request to complete. */
export function fromMoveInRequest(request: Partial<MoveInDraft>): MoveInFormValues {
  const customer = request.customer;
  const existingCustomerId = customer && 'customerId' in customer ? customer.customerId : null;
  const newCustomer = customer && !('customerId' in customer) ? customer : undefined;
  const address = request.connection?.address;
  return {
    existingCustomerId,
    customerName: newCustomer?.name ?? '',
    email: newCustomer?.email ?? '',
    phone: newCustomer?.phone ?? '',
    language: newCustomer?.language ?? '',
    vatNumber: newCustomer?.vatNumber ?? '',
    ean: request.connection?.ean ?? '',
    energy: request.connection?.energy ?? 'electricity',
    line1: address?.line1 ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    country: address?.country ?? 'BE',
    moveInDate: request.moveInDate ?? '',
    signatureDate: request.signatureDate ?? '',
    meterReadingAtMoveIn: request.meterReadingAtMoveIn ?? '',
    estimatedAnnualConsumptionKwh: request.estimatedAnnualConsumptionKwh?.toString() ?? '',
    householdSize: request.householdSize?.toString() ?? '',
    productId: request.productId ?? '',
    advanceFrequency: request.advanceFrequency ?? '',
    advanceAmount: request.advanceAmount ?? '',
    advanceAmountEdited: request.advanceAmount !== undefined,
    endDate: request.endDate ?? '',
    iban: request.iban ?? '',
    directDebitConsent: request.directDebitConsent ?? false,
    firstAdvanceStartDate: request.firstAdvanceStartDate ?? '',
  };
}

/** The errors still standing once the person changed some fields: a changed field may be right now. */
export function withoutChangedFields(errors: FieldErrors, before: MoveInFormValues, after: MoveInFormValues): FieldErrors {
  const kept: FieldErrors = {};
  for (const [field, message] of Object.entries(errors) as [MoveInField, string][]) {
    if (before[field] === after[field]) kept[field] = message;
  }
  return kept;
}

/** The required fields left empty, checked before sending so the person gets the message in their language. */
export function missingFields(values: MoveInFormValues, requireContractFields: boolean): MoveInField[] {
  const required: MoveInField[] = ['ean', 'line1', 'postalCode', 'city', 'moveInDate'];
  if (!values.existingCustomerId) required.unshift('customerName');
  if (requireContractFields) {
    required.push('signatureDate', 'productId', 'advanceFrequency');
    if (values.householdSize === '') required.push('estimatedAnnualConsumptionKwh');
  }
  return required.filter((field) => String(values[field]).trim() === '');
}
