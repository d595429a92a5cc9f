import type { Db } from '../db/connection.js';
import type { OrgScope } from '../db/scope.js';
import { saveSchedules } from '../db/repositories/schedule-repo.js';
import * as seed from '../db/repositories/seed-repo.js';
import { hasAdvancePeriods } from '../domain/advance-frequency.js';
import { contractSchedule } from '../domain/billing-schedule.js';
import { addDays, type CalendarDate } from '../domain/calendar-date.js';
import { PAYMENT_REFERENCE_SEQUENCE } from '../domain/invoice-numbering.js';
import { advanceLineDescription } from '../domain/invoice-texts.js';
import { organizationSettings, type SupplierIdentity } from '../domain/organization-settings.js';
import { sellerParty } from './advance-invoices.js';
import { advanceInvoiceAmounts, settlementInvoiceAmounts, type InvoiceAmounts } from '../domain/invoice-amounts.js';
import { estimatedConsumptionKwh } from '../domain/load-profile.js';
import { formatMoney, money } from '../domain/money.js';
import { BUILT_IN_ROLES } from '../domain/permissions.js';
import { structuredCommunication } from '../domain/structured-communication.js';
import { DEMO_PRODUCTS, costOfPeriod, proposedAdvanceAmount, type Product } from '../domain/tariff.js';
import { demoContracts, periodOutcomes, type DemoContract, type DemoRegion } from './demo/demo-plan.js';
import { hashPassword } from './sessions.js';

export const DEMO_SEED = 20261203;
const PAYMENT_TERM_DAYS = 15;

type DemoOrganization = { name: string; region: DemoRegion; contracts: number; productCodes: string[]; supplier: DemoSupplier };
type DemoSupplier = Partial<SupplierIdentity> & { legalName: string };
type DemoUser = { email: string; name: string; password: string; role: keyof typeof BUILT_IN_ROLES };
type DemoTenant = { name: string; plan: 'basic' | 'professional'; organizations: DemoOrganization[]; users: DemoUser[] };

export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    name: 'Demo Energy Group',
    plan: 'professional',
    organizations: [
      {
        name: 'Wattbill Energie Vlaanderen',
        region: 'flanders',
        contracts: 320,
        productCodes: ['EL-VAR-FL-2026-10', 'EL-FLEX-FL-2026-10', 'GAS-VAR-FL-2026-10'],
        supplier: {
          legalName: 'Wattbill Energie Vlaanderen NV',
          vatNumber: 'BE0123456749',
          companyNumber: '0123.456.749',
          address: { line1: 'Frankrijklei 100', postalCode: '2000', city: 'Antwerpen', country: 'BE' },
          iban: 'BE68539007547034',
          bic: 'GKCCBEBB',
          email: 'klanten@energie-vlaanderen.example',
          phone: '+32 3 123 45 67',
        },
      },
      {
        name: 'Wattbill Gaz Wallonie',
        region: 'wallonia',
        contracts: 180,
        productCodes: ['GAS-FLEX-WAL-2026-10'],
        supplier: {
          legalName: 'Wattbill Gaz Wallonie SA',
          vatNumber: 'BE0987654394',
          companyNumber: '0987.654.394',
          address: { line1: 'Boulevard de la Sauvenière 10', postalCode: '4000', city: 'Liège', country: 'BE' },
          iban: 'BE71096123456769',
          bic: 'GKCCBEBB',
          email: 'clients@gaz-wallonie.example',
          phone: '+32 4 123 45 67',
        },
      },
    ],
    users: [
      { email: 'admin@demo.example', name: 'Demo Admin', password: 'demo-admin', role: 'Admin' },
      { email: 'viewer@demo.example', name: 'Demo Viewer', password: 'demo-viewer', role: 'Read-only' },
    ],
  },
  {
    name: 'Basic Power',
    plan: 'basic',
    organizations: [
      {
        name: 'Basic Power Energie',
        region: 'flanders',
        contracts: 12,
        productCodes: ['EL-VAR-FL-2026-10', 'GAS-VAR-FL-2026-10'],
        supplier: { legalName: 'Basic Power Energie BV', iban: 'BE68539007547034' },
      },
    ],
    users: [{ email: 'admin@basic.example', name: 'Basic Admin', password: 'demo-admin', role: 'Admin' }],
  },
];

/** Seeds the demo tenants once (deterministic for a given today); answers false when they exist already. */
export async function seedDemo(db: Db, today: CalendarDate): Promise<boolean> {
  if (await seed.demoExists(db, DEMO_TENANTS[0]!.users[0]!.email)) return false;
  const passwords = new Map<string, string>();
  for (const user of DEMO_TENANTS.flatMap((t) => t.users))
    passwords.set(user.password, passwords.get(user.password) ?? (await hashPassword(user.password)));
  await db.transaction().execute(async (tx) => {
    let serial = 0;
    for (const [t, tenant] of DEMO_TENANTS.entries()) {
      const tenantId = await seed.insertTenant(tx, { name: tenant.name, plan: tenant.plan });
      const roleIds = new Map<string, string>();
      for (const [name, permissions] of Object.entries(BUILT_IN_ROLES))
        roleIds.set(name, await seed.insertRole(tx, tenantId, { name, builtIn: true, permissions }));
      const userIds = [];
      for (const user of tenant.users) {
        userIds.push({
          id: await seed.insertUser(tx, tenantId, { email: user.email, name: user.name, passwordHash: passwords.get(user.password)! }),
          role: user.role,
        });
      }
      for (const [o, organization] of tenant.organizations.entries()) {
        serial++;
        const organizationId = await seed.insertOrganization(tx, tenantId, organization.name, { supplier: organization.supplier });
        for (const user of userIds)
          await seed.insertMembership(tx, tenantId, { userId: user.id, organizationId, roleId: roleIds.get(user.role)! });
        const contracts = demoContracts(DEMO_SEED + t * 100 + o, organization.contracts, organization.region, today, serial * 100_000);
        await seedOrganization(tx, { tenantId, organizationId }, serial, organization, contracts, userIds[0]!.id, today);
      }
    }
  });
  return true;
}

async function seedOrganization(
  db: Db,
  scope: OrgScope,
  serial: number,
  organization: DemoOrganization,
  plans: DemoContract[],
  adminId: string,
  today: CalendarDate,
) {
  const products = DEMO_PRODUCTS.filter((p) => organization.productCodes.includes(p.code));
  const productIds = await seed.insertMany(
    db,
    scope,
    'products',
    products.map((p) => ({ code: p.code, name: p.name, energy: p.energy, prices: JSON.stringify(p.prices) })),
  );
  const productOf = (plan: DemoContract): { product: Product; id: string } => {
    const candidates = products.filter((p) => p.energy === plan.energy);
    // Gent is on the Fluvius Imewo network, the rest of the demo's Flemish towns on Fluvius Antwerpen
    const product = candidates.find((p) => (plan.customer.address.city === 'Gent') === p.name.includes('Imewo')) ?? candidates[0]!;
    return { product, id: productIds[products.indexOf(product)]! };
  };

  const customerIds = await seed.insertMany(
    db,
    scope,
    'customers',
    plans.map((p) => ({
      name: p.customer.name,
      email: p.customer.email,
      language: p.customer.language,
      address_line1: p.customer.address.line1,
      postal_code: p.customer.address.postalCode,
      city: p.customer.address.city,
      country: p.customer.address.country,
    })),
  );
  const pointIds = await seed.insertMany(
    db,
    scope,
    'connection_points',
    plans.map((p) => ({
      ean: p.ean,
      energy: p.energy,
      address_line1: p.customer.address.line1,
      postal_code: p.customer.address.postalCode,
      city: p.customer.address.city,
      country: 'BE',
    })),
  );
  const amounts = plans.map((p) =>
    hasAdvancePeriods(p.advanceFrequency)
      ? formatMoney(proposedAdvanceAmount(productOf(p).product.prices, p.estimatedAnnualConsumptionKwh, p.advanceFrequency))
      : null,
  );
  const contractIds = await seed.insertMany(
    db,
    scope,
    'contracts',
    plans.map((p, i) => ({
      customer_id: customerIds[i]!,
      connection_point_id: pointIds[i]!,
      product_id: productOf(p).id,
      move_in_date: p.moveInDate,
      signature_date: p.signatureDate,
      end_date: p.endDate,
      advance_frequency: p.advanceFrequency,
      advance_amount: amounts[i]!,
      first_advance_start_date: p.firstAdvanceStartDate,
      estimated_annual_consumption_kwh: p.estimatedAnnualConsumptionKwh,
    })),
  );
  await saveSchedules(
    db,
    scope,
    plans.map((p, i) => ({ contractId: contractIds[i]!, schedule: contractSchedule(p, today), advanceAmount: amounts[i]! })),
  );

  const periods = await seed.advancePeriodIds(db, scope, contractIds);
  const invoices: {
    contractIndex: number;
    kind: 'advance' | 'settlement';
    advancePeriodId: string | null;
    issueDate: CalendarDate;
    periodStart: string;
    periodEnd: string;
    amounts: InvoiceAmounts;
  }[] = [];
  const skipped: string[] = [];
  const settled: string[] = [];
  const vatRate = money('6');
  for (const [i, plan] of plans.entries()) {
    const own = periods.filter((p) => p.contract_id === contractIds[i]);
    const firstBillingPeriod = own[0];
    const settle = plan.settleFirstBillingPeriod && firstBillingPeriod !== undefined && firstBillingPeriod.bp_end < addDays(today, -30);
    const outcomes = periodOutcomes(
      plan,
      own.map((p) => ({
        startDate: p.start_date as CalendarDate,
        settled: settle && p.billing_period_id === firstBillingPeriod!.billing_period_id,
      })),
      today,
    );
    own.forEach((p, k) => {
      if (outcomes[k] === 'skipped') skipped.push(p.id);
      if (outcomes[k] === 'invoiced') {
        const description = advanceLineDescription(plan.customer.language, plan.energy, p.start_date, p.end_date);
        invoices.push({
          contractIndex: i,
          kind: 'advance',
          advancePeriodId: p.id,
          issueDate: p.start_date as CalendarDate,
          periodStart: p.start_date,
          periodEnd: p.end_date,
          amounts: advanceInvoiceAmounts(description, money(p.amount), vatRate),
        });
      }
    });
    if (settle) {
      const bp = firstBillingPeriod!;
      const { product } = productOf(plan);
      const metered = estimatedConsumptionKwh(
        plan.energy,
        plan.estimatedAnnualConsumptionKwh,
        bp.bp_start as CalendarDate,
        bp.bp_end as CalendarDate,
        { yearStart: bp.bp_start as CalendarDate },
      )
        .times(plan.meteredToEstimate)
        .toDecimalPlaces(0);
      const advances = invoices.filter(
        (inv) =>
          inv.contractIndex === i &&
          inv.kind === 'advance' &&
          own.some((p) => p.id === inv.advancePeriodId && p.billing_period_id === bp.billing_period_id),
      );
      const amounts = settlementInvoiceAmounts(
        {
          description: `Consumption ${metered.toFixed(0)} kWh ${bp.bp_start}..${bp.bp_end}`,
          gross: costOfPeriod(product.prices, metered, bp.bp_start as CalendarDate, bp.bp_end as CalendarDate),
        },
        advances.map((a) => ({ description: `Advance invoiced ${a.periodStart}..${a.periodEnd}`, net: a.amounts.net })),
        vatRate,
      );
      invoices.push({
        contractIndex: i,
        kind: 'settlement',
        advancePeriodId: null,
        issueDate: addDays(bp.bp_end as CalendarDate, 10),
        periodStart: bp.bp_start,
        periodEnd: bp.bp_end,
        amounts,
      });
      settled.push(bp.billing_period_id);
    }
  }

  await seed.setPeriodStatus(
    db,
    scope,
    invoices.flatMap((inv) => (inv.advancePeriodId ? [inv.advancePeriodId] : [])),
    'invoiced',
    null,
  );
  await seed.setPeriodStatus(db, scope, skipped, 'skipped', adminId);
  // numbers follow the issue dates, one gapless series per kind and year
  invoices.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
  const counters = new Map<string, number>();
  // final invoices name both parties as they were (Belgian law); the demo's are as the organization and customers are now
  const seller = JSON.stringify(sellerParty(organizationSettings({ supplier: organization.supplier }, organization.name)));
  const buyer = (i: number) => {
    const { name, address } = plans[i]!.customer;
    return JSON.stringify({ name, vatNumber: null, address });
  };
  const invoiceIds = await seed.insertMany(
    db,
    scope,
    'invoices',
    invoices.map((inv, n) => {
      const series = `${inv.kind === 'advance' ? 'AC' : 'SE'}-${inv.issueDate.slice(0, 4)}`;
      const next = (counters.get(series) ?? 0) + 1;
      counters.set(series, next);
      return {
        kind: inv.kind,
        status: 'final' as const,
        customer_id: customerIds[inv.contractIndex]!,
        contract_id: contractIds[inv.contractIndex]!,
        advance_period_id: inv.advancePeriodId,
        number: `${series}-${String(next).padStart(6, '0')}`,
        issue_date: inv.issueDate,
        due_date: addDays(inv.issueDate, PAYMENT_TERM_DAYS),
        period_start: inv.periodStart,
        period_end: inv.periodEnd,
        net: formatMoney(inv.amounts.net),
        vat: formatMoney(inv.amounts.vat),
        gross: formatMoney(inv.amounts.gross),
        payment_reference: structuredCommunication(`${String(serial).padStart(2, '0')}${String(n + 1).padStart(8, '0')}`),
        seller,
        buyer: buyer(inv.contractIndex),
        language: plans[inv.contractIndex]!.customer.language,
        finalized_at: new Date(`${inv.issueDate}T08:00:00Z`),
      };
    }),
  );
  await seed.insertInvoiceLines(
    db,
    scope.tenantId,
    invoices.flatMap((inv, n) =>
      inv.amounts.lines.map((line, position) => ({
        invoice_id: invoiceIds[n]!,
        position: position + 1,
        description: line.description,
        quantity: line.quantity.toFixed(3),
        unit_price: line.unitPrice.toFixed(6),
        vat_rate: '6.00',
        net: formatMoney(line.net),
      })),
    ),
  );
  await seed.insertMany(
    db,
    scope,
    'ledger_entries',
    invoices.flatMap((inv, n) =>
      inv.amounts.gross.isZero()
        ? []
        : [
            {
              customer_id: customerIds[inv.contractIndex]!,
              invoice_id: invoiceIds[n]!,
              kind: 'invoice' as const,
              amount: formatMoney(inv.amounts.gross),
              booked_on: inv.issueDate,
            },
          ],
    ),
  );
  await seed.closeBillingPeriods(db, scope, settled);
  // the organization's counters continue after the demo's invoices
  await seed.insertSequences(db, scope, [
    ...[...counters].map(([series, last]) => ({ name: `invoice:${series}`, lastValue: last })),
    { name: PAYMENT_REFERENCE_SEQUENCE, lastValue: serial * 100_000_000 + invoices.length },
  ]);
}
