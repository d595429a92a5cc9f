import { insertAudit } from '../db/repositories/audit-repo.js';
import { findOrCreateConnectionPoint } from '../db/repositories/connection-points-repo.js';
import { insertContract, overlappingContracts } from '../db/repositories/contracts-repo.js';
import { findCustomer, insertCustomer } from '../db/repositories/customers-repo.js';
import { findProduct } from '../db/repositories/products-repo.js';
import { saveSchedules } from '../db/repositories/schedule-repo.js';
import type { Db } from '../db/connection.js';
import { contractSchedule, type ScheduleTerms } from '../domain/billing-schedule.js';
import { calendarDate } from '../domain/calendar-date.js';
import { DomainError } from '../domain/domain-error.js';
import { formatMoney } from '../domain/money.js';
import { moveInProblems, type FieldProblem } from '../domain/move-in-rules.js';
import { proposedAdvanceAmount, type ProductPrices } from '../domain/tariff.js';
import type { OrgContext } from './context.js';
import type { MoveInRequest } from './move-in-request.js';

function scheduleTerms(request: MoveInRequest): ScheduleTerms {
  return {
    moveInDate: calendarDate(request.moveInDate),
    signatureDate: calendarDate(request.signatureDate),
    endDate: request.endDate ? calendarDate(request.endDate) : null,
    firstAdvanceStartDate: request.firstAdvanceStartDate ? calendarDate(request.firstAdvanceStartDate) : null,
    advanceFrequency: request.advanceFrequency,
  };
}

/**
 * Checks a move-in against the rules of DOMAIN.md and that the product and customer it names exist in
 * the organization, before anything is written. Answers the product.
 */
export async function assertValidMoveIn(ctx: OrgContext, tx: Db, request: MoveInRequest) {
  const problems = moveInProblems(ctx.today, {
    ...scheduleTerms(request),
    ean: request.connection.ean,
    country: request.connection.address.country,
    advanceAmount: request.advanceAmount ?? null,
  });
  if (problems.length > 0) throw invalid(problems);
  const product = await findProduct(tx, ctx.scope, request.productId);
  if (!product) throw invalid([{ path: 'productId', message: 'No such product in this organization.' }]);
  if (product.energy !== request.connection.energy) {
    throw invalid([
      { path: 'productId', message: `The product is for ${product.energy}, the connection is ${request.connection.energy}.` },
    ]);
  }
  if ('customerId' in request.customer && !(await findCustomer(tx, ctx.scope, request.customer.customerId))) {
    throw invalid([{ path: 'customer.customerId', message: 'No such customer in this organization.' }]);
  }
  return product;
}

/**
 * Creates (or reuses) the customer and the connection point, and the contract with its billing and
 * advance schedule. Runs inside the caller's transaction.
 */
export async function createContractFromMoveIn(ctx: OrgContext, tx: Db, request: MoveInRequest): Promise<string> {
  const product = await assertValidMoveIn(ctx, tx, request);
  const terms = scheduleTerms(request);
  const address = request.connection.address;
  const customerId =
    'customerId' in request.customer
      ? request.customer.customerId
      : (
          await insertCustomer(tx, ctx.scope, {
            name: request.customer.name,
            email: request.customer.email?.toLowerCase() ?? null,
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
    throw invalid([{ path: 'connection.energy', message: `EAN ${point.ean} is a ${point.energy} connection.` }]);
  }
  const overlapping = await overlappingContracts(tx, ctx.scope, point.id, terms.moveInDate, terms.endDate);
  if (overlapping.length > 0) {
    throw new DomainError('connection_already_supplied', 'Another contract supplies this connection point on these dates.', {
      contractIds: overlapping.map((c) => c.id),
    });
  }

  const advanceAmount =
    request.advanceFrequency === 'none'
      ? null
      : (request.advanceAmount ??
        formatMoney(
          proposedAdvanceAmount(product.prices as ProductPrices, request.estimatedAnnualConsumptionKwh, request.advanceFrequency),
        ));
  const contractId = await insertContract(tx, ctx.scope, {
    customer_id: customerId,
    connection_point_id: point.id,
    product_id: product.id,
    move_in_date: terms.moveInDate,
    signature_date: terms.signatureDate,
    end_date: terms.endDate,
    advance_frequency: terms.advanceFrequency,
    advance_amount: advanceAmount,
    first_advance_start_date: terms.firstAdvanceStartDate,
    estimated_annual_consumption_kwh: request.estimatedAnnualConsumptionKwh,
  });
  await saveSchedules(tx, ctx.scope, [{ contractId, schedule: contractSchedule(terms, ctx.today), advanceAmount }]);
  await insertAudit(tx, ctx.scope, {
    actorUserId: ctx.actor.userId,
    entity: 'contract',
    entityId: contractId,
    action: 'create',
    after: { ...terms, advanceAmount },
  });
  return contractId;
}

function invalid(problems: FieldProblem[]): DomainError {
  return new DomainError('validation_failed', problems.map((p) => p.message).join(' '), problems);
}
