import type { Page } from 'playwright-core';
import type { AdvancePeriod, BillingAnalysis, Contract, Page as ListPage } from '../../web/api/types.js';
import { apiJson } from './browser.js';

export type ContractWithPeriods = { contract: Contract; skippable: AdvancePeriod; invoiced: AdvancePeriod };

/**
 * A contract with a missing advance period that may be skipped and an invoiced one, found through the API
 * (the seeded demo data has both, but which contract has them is the seed's business, not the test's).
 */
export async function findContractToSkipIn(page: Page, orgId: string): Promise<ContractWithPeriods> {
  let cursor: string | null = null;
  for (let pageNumber = 0; pageNumber < 10; pageNumber++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const contracts: ListPage<Contract> = await apiJson(page, 'GET', `/organizations/${orgId}/contracts?limit=100${query}`);
    for (const contract of contracts.items.filter((c) => c.missingCount > 0)) {
      const analysis = await apiJson<BillingAnalysis>(page, 'GET', `/organizations/${orgId}/contracts/${contract.id}/billing-analysis`);
      const periods = analysis.billingPeriods.flatMap((billingPeriod) => billingPeriod.advancePeriods);
      const skippable = periods.find((p) => p.missing && p.skipRefusal === null);
      const invoiced = periods.find((p) => p.status === 'invoiced' && p.skipRefusal === 'invoice_exists');
      if (skippable && invoiced) return { contract, skippable, invoiced };
    }
    cursor = contracts.nextCursor;
    if (!cursor) break;
  }
  throw new Error('the demo data has no contract with both a skippable missing period and an invoiced one');
}
