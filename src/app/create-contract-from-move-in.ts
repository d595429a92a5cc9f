import { insertAudit } from '../db/repositories/audit-repo.js';
import { findOrCreateConnectionPoint } from '../db/repositories/connection-points-repo.js';
import { insertContract, overlappingContracts } from '../db/repositories/contracts-repo.js';
import { findCustomer, insertCustomer } from '../db/repositories/customers-repo.js';
import { insertMeterReadings } from '../db/repositories/meter-readings-repo.js';
import { findProduct } from '../db/repositories/products-repo.js';
import { saveSchedules } from '../db/repositories/schedule-repo.js';
import type { Db } from '../db/connection.js';
import type { AdvanceFrequency } from '../domain/advance-frequency.js';
import { contractSchedule, type ScheduleTerms } from '../domain/billing-schedule.js';
import { addDays, calendarDate } from '../domain/calendar-date.js';
import { DomainError } from '../domain/domain-error.js';
import { householdConsumptionKwh } from '../domain/household-consumption.js';
import { normalizedIban } from '../domain/iban.js';
import { formatMoney } from '../domain/money.js';
import { missingMoveInFields, moveInProblems, type FieldProblem } from '../domain/move-in-rules.js';
import { proposedAdvanceAmount, type Energy, type ProductPrices } from '../domain/tariff.js';
import type { OrgContext } from './context.js';
import { endContract } from './end-contract.js';
import type { MoveInOptions, MoveInRequest } from './move-in-request.js';

const dateOrNull = (value: string | undefined) => (value ? calendarDate(value) : null);

/** The consumption a move-in gives, or estimates from the household size. */
export function consumptionOf(request: Pick<MoveInRequest, 'estimatedAnnualConsumptionKwh' | 'householdSize'>, energy: Energy) {
  if (request.estimatedAnnualConsumptionKwh !== undefined) return request.estimatedAnnualConsumptionKwh;
  return request.householdSize === undefined ? undefined : householdConsumptionKwh(energy, request.householdSize);
}

/**
 * Every problem of a move-in: the rules of DOMAIN.md, the product and customer it names in the
 * organization, and, to accept it, what it still lacks. Answers the product too.
 */
export async function moveInProblemsIn(ctx: OrgContext, db: Db, request: MoveInRequest, toAccept: boolean) {
  const problems: FieldProblem[] = moveInProblems(ctx.today, {
    ean: request.connection.ean,
    country: request.connection.address.country,
    moveInDate: calendarDate(request.moveInDate),
    signatureDate: dateOrNull(request.signatureDate),
    endDate: dateOrNull(request.endDate),
    advanceFrequency: request.advanceFrequency ?? null,
    advanceAmount: request.advanceAmount ?? null,
    firstAdvanceStartDate: dateOrNull(request.firstAdvanceStartDate),
    iban: request.iban ?? null,
    directDebitConsent: request.directDebitConsent ?? false,
  });
  if (toAccept) {
    problems.push(
      ...missingMoveInFields({
        signatureDate: request.signatureDate !== undefined,
        productId: request.productId !== undefined,
        advanceFrequency: request.advanceFrequency !== undefined,
        consumption: consumptionOf(request, request.connection.energy) !== undefined,
      }),
    );
  }
  const product = request.productId ? await findProduct(db, ctx.scope, request.productId) : undefined;
  if (request.productId && !product) problems.push({ path: 'productId', message: 'No such product in this organization.' });
  if (product && product.energy !== request.connection.energy)
    problems.push({ path: 'productId', message: `The product is for ${product.energy}, the connection is ${request.connection.energy}.` });
  if ('customerId' in request.customer && !(await findCustomer(db, ctx.scope, request.customer.customerId)))
    problems.push({ path: 'customer.customerId', message: 'No such customer in this organization.' });
  return { problems, product };
}

/**
 * Creates (or reuses) the customer and the connection point, and the contract with its billing and
 * advance schedule; with `endPreviousContract`, ends the previous occupant's contract the day before.
 * Runs inside the caller's transaction.
 */
export async function createContractFromMoveIn(
  ctx: OrgContext,
  tx: Db,
  request: MoveInRequest,
  options: MoveInOptions = {},
): Promise<string> {
  const { problems, product } = await moveInProblemsIn(ctx, tx, request, true);
  if (problems.length > 0 || !product) throw invalidMoveIn(problems);
  const advanceFrequency = request.advanceFrequency as AdvanceFrequency;
  const kwh = consumptionOf(request, request.connection.energy)!;
  const terms: ScheduleTerms = {
    moveInDate: calendarDate(request.moveInDate),
    signatureDate: calendarDate(request.signatureDate!),
    endDate: dateOrNull(request.endDate),
    firstAdvanceStartDate: dateOrNull(request.firstAdvanceStartDate),
    advanceFrequency,
  };
  const address = request.connection.address;
  const customerId =
    'customerId' in request.customer
      ? request.customer.customerId
      : (
          await insertCustomer(tx, ctx.scope, {
            name: request.customer.name,
            email: request.customer.email?.toLowerCase() ?? null,
            phone: request.customer.phone ?? null,
            language: request.customer.language ?? 'nl',
            vat_number: request.customer.vatNumber ?? null,
            address_line1: address.line1,
            postal_code: address.postalCode,
            city: address.city,
            country: address.country,
          })
        ).id;

  const point = await findOrCreateConnectionPoint(tx, ctx.scope, {
    ean: request.connection.ean,
    energy: request.connection.energy,
    address_line1: address.line1,
    postal_code: address.postalCode,
    city: address.city,
    country: address.country,
  });
  if (point.energy !== request.connection.energy) {
    throw invalidMoveIn([{ path: 'connection.energy', message: `EAN ${point.ean} is a ${point.energy} connection.` }]);
  }
  await makeRoomForSupply(ctx, tx, point.id, terms, options);

  const advanceAmount =
    advanceFrequency === 'none'
      ? null
      : (request.advanceAmount ?? formatMoney(proposedAdvanceAmount(product.prices as ProductPrices, kwh, advanceFrequency)));
  const iban = request.iban === undefined ? null : normalizedIban(request.iban);
  const contractId = await insertContract(tx, ctx.scope, {
    customer_id: customerId,
    connection_point_id: point.id,
    product_id: product.id,
    move_in_date: terms.moveInDate,
    signature_date: terms.signatureDate,
    end_date: terms.endDate,
    advance_frequency: advanceFrequency,
    advance_amount: advanceAmount,
    first_advance_start_date: terms.firstAdvanceStartDate,
    estimated_annual_consumption_kwh: kwh,
    iban,
    direct_debit_consented_at: request.directDebitConsent ? new Date() : null,
  });
  if (request.meterReadingAtMoveIn !== undefined) {
    await insertMeterReadings(tx, ctx.scope, [
      { connection_point_id: point.id, read_on: terms.moveInDate, value: request.meterReadingAtMoveIn, reason: 'move_in' },
    ]);
  }
  await saveSchedules(tx, ctx.scope, [{ contractId, schedule: contractSchedule(terms, ctx.today), advanceAmount }], {
    newContracts: true,
  });
  await insertAudit(tx, ctx.scope, {
    actorUserId: ctx.actor.userId,
    entity: 'contract',
    entityId: contractId,
    action: 'create',
    after: { ...terms, advanceAmount, estimatedAnnualConsumptionKwh: kwh },
  });
  return contractId;
}

/**
 * A connection point has one supplier contract at a time. A previous occupant's running contract
 * that started before this move-in can be ended the day before it (a change of occupant);
 * otherwise the overlap is refused, saying whether that offer exists.
 */
async function makeRoomForSupply(ctx: OrgContext, tx: Db, connectionPointId: string, terms: ScheduleTerms, options: MoveInOptions) {
  const overlapping = await overlappingContracts(tx, ctx.scope, connectionPointId, terms.moveInDate, terms.endDate);
  if (overlapping.length === 0) return;
  const previousContractEndDate = addDays(terms.moveInDate, -1);
  const endable = overlapping.every((c) => c.move_in_date < terms.moveInDate);
  if (!endable || !options.endPreviousContract) {
    throw new DomainError('connection_already_supplied', 'Another contract supplies this connection point on these dates.', {
      contractIds: overlapping.map((c) => c.id),
      previousContractEndDate: endable ? previousContractEndDate : null,
    });
  }
  for (const contract of overlapping) await endContract(ctx, tx, contract.id, previousContractEndDate);
}

export function invalidMoveIn(problems: FieldProblem[]): DomainError {
  return new DomainError('validation_failed', problems.map((p) => p.message).join(' '), problems);
}
