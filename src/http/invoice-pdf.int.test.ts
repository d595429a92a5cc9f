import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApi, type DemoApi } from '../../test/support/test-api.js';

let demo: DemoApi;
beforeAll(async () => {
  demo = await openDemoApi();
});
afterAll(() => demo.handle.close());

const pdfOf = async (orgId: string, invoiceId: string) => {
  const answer = await demo.api.app.request(`/api/v1/organizations/${orgId}/invoices/${invoiceId}/pdf`, {
    headers: { authorization: `Bearer ${demo.admin}` },
  });
  return { status: answer.status, type: answer.headers.get('content-type'), bytes: Buffer.from(await answer.arrayBuffer()) };
};

describe('invoice PDFs', () => {
  it("renders a final invoice as a PDF in the customer's language", async () => {
    const orgs = (await demo.api.call('GET', '/api/v1/organizations', { token: demo.admin })).json.items;
    for (const [i, org] of orgs.entries()) {
      const invoice = (await demo.api.call('GET', `/api/v1/organizations/${org.id}/invoices?status=final&limit=1`, { token: demo.admin }))
        .json.items[0];
      const pdf = await pdfOf(org.id, invoice.id);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.bytes.subarray(-6).toString()).toContain('%%EOF');
      if (process.env.WATTBILL_PDF_DIR) fs.writeFileSync(`${process.env.WATTBILL_PDF_DIR}/invoice-${i}.pdf`, pdf.bytes);
    }
  });

  it("answers 404 for another organization's invoice and for garbage ids", async () => {
    const orgs = (await demo.api.call('GET', '/api/v1/organizations', { token: demo.admin })).json.items;
    const invoice = (await demo.api.call('GET', `/api/v1/organizations/${orgs[0].id}/invoices?limit=1`, { token: demo.admin })).json
      .items[0];
    expect((await pdfOf(orgs[1].id, invoice.id)).status).toBe(404);
    expect((await pdfOf(orgs[0].id, 'nope')).status).toBe(404);
  });
});
