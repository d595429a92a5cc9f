import type { Page } from 'playwright-core';
import type { AdvancePeriod, BillingAnalysis, Contract, Page as ListPage } from '../../web/api/types.js';
import { apiJson } from './browser.js';

export type ContractWithPeriods = { contract: Contract; advancePeriods: AdvancePeriod[] };

/**
 * The first contract whose advance periods satisfy `accept`, found through the API: the seeded demo data
 * has every kind of contract, but which one has which periods is the seed's business, not the test's.
 */
export async function findContract(
  page: Page,
  orgId: string,
  accept: (advancePeriods: AdvancePeriod[]) => boolean,
): Promise<ContractWithPeriods> {
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const contracts: ListPage<Contract> = await apiJson(page, 'GET', `/organizations/${orgId}/contracts?limit=100${query}`);
    for (const contract of contracts.items.filter((c) => c.missingCount > 0)) {
      const analysis = await apiJson<BillingAnalysis>(page, 'GET', `/organizations/${orgId}/contracts/${contract.id}/billing-analysis`);
      const advancePeriods = analysis.billingPeriods.flatMap((billingPeriod) => billingPeriod.advancePeriods);
      if (accept(advancePeriods)) return { contract, advancePeriods };
    }
    cursor = contracts.nextCursor;
  } while (cursor);
  throw new Error('no contract of the demo data has the advance periods this test needs');
}

export const isSkippableMissing = (period: AdvancePeriod) => period.missing && period.skipRefusal === null;
export const isInvoiced = (period: AdvancePeriod) => period.status === 'invoiced';

/** An EAN-18 no demo contract uses (the demo's start with 5414): 549, 14 digits of `seed`, and its GS1 check digit. */
export function uniqueEan(seed: number): string {
  const body = `549${String(seed).padStart(14, '0').slice(-14)}`;
  let total = 0;
  for (let i = 0; i < body.length; i++) total += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return body + ((10 - (total % 10)) % 10);
}
