/**
 * A US Government profile end to end, over the real dispatcher, against a sandbox playing that cloud
 * (`--cloud usgov`): it signs in at the US Government authority, its invoices' line items come from
 * v1 with a note saying why (Graph reconciliation is global-only), unbilled line items say they
 * cannot be read, and the review says why there is no price. Nothing ever asks for Graph.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import { DEMO_CUSTOMERS, DEMO_SUBSCRIPTIONS } from '../../../main/sandbox/data/customers';
import type {
  CartReview,
  CatalogSearchResult,
  InvoiceList,
  ProfileView,
  TrackTaskStarted,
} from '../../../preload/contract';
import { startTestApp, type TestApp } from './app-core';

const GRAPH_NOTE =
  "Microsoft Graph reconciliation is not offered in the US Government cloud, so line items come from Partner Center's invoice line items (v1), page by page.";

const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-usgov-'));
const paths: string[] = [];
let sandbox: RunningSandbox;
let app: TestApp;
let profile: ProfileView;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    catalog: 'small',
    lineItems: 300,
    autoApprove: true,
    cloud: 'usgov',
    onRequest: (request) => paths.push(request.path),
  });
  app = startTestApp(dataDir, { cloudStandIn: { cloud: 'usgov', endpoint: sandbox } });
  profile = await app.value<ProfileView>('profiles.create', {
    name: 'Contoso Federal',
    tenantId: sandbox.tenantId,
    appId: sandbox.clientId,
    authMode: 'app-user',
    cloud: 'usgov',
  });
  await app.value('auth.signIn', { profileId: profile.id, method: 'device-code' });
});
afterAll(async () => {
  await app?.close();
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a US Government profile against the sandbox in usgov mode', () => {
  it('is stored with its cloud and signed in at the US Government authority', async () => {
    expect(profile.cloud).toBe('usgov');
    const status = await app.value<{ state: string }>('auth.status', { profileId: profile.id });
    expect(status.state).toBe('signed-in');
    expect(paths.some((p) => p.startsWith('/login.microsoftonline.us/'))).toBe(true);
  });

  it("reads new-commerce invoices' line items from v1, with a note saying why", async () => {
    const invoices = await app.value<InvoiceList>('billing.invoices', { profileId: profile.id });
    expect(invoices.items.every((invoice) => invoice.lineItemSource === 'v1')).toBe(true);
    const noted = invoices.items.filter((invoice) => invoice.lineItemNote);
    expect(noted.length).toBeGreaterThan(0);
    expect(noted.every((invoice) => invoice.lineItemNote === GRAPH_NOTE)).toBe(true);

    const invoice = noted[0]!;
    const started = await app.value<TrackTaskStarted>('billing.exportLineItems', {
      profileId: profile.id,
      subject: { kind: 'invoice', invoiceId: invoice.id },
    });
    const finished = await app.taskFinished(started.taskId);
    expect(finished).toMatchObject({ outcome: 'completed', summary: { source: 'v1' } });
    expect(Number(finished.summary?.rows)).toBeGreaterThan(0);
    expect(finished.message).toContain(invoice.id);
    expect(finished.message).toContain(GRAPH_NOTE);
  });

  it('says unbilled line items cannot be read in this cloud, instead of failing on the network', async () => {
    const result = await app.call('billing.exportLineItems', {
      profileId: profile.id,
      subject: { kind: 'unbilled', currencyCode: 'USD', period: 'current' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message:
          "Unbilled line items come only from Microsoft Graph reconciliation, which this profile's cloud does not offer.",
      },
    });
  });

  it('reviews a cart without a price sheet and says why', async () => {
    const catalog = { profileId: profile.id, country: 'US', scope: 'AzurePlan' };
    const { taskId } = await app.value<{ taskId: string }>('catalog.sync', catalog);
    expect((await app.taskFinished(taskId)).outcome).toBe('completed');
    const found = await app.value<CatalogSearchResult>('catalog.search', { catalog, limit: 200 });
    const row = found.rows.find((r) => !r.needsInventoryCheck && (r.term === 'P1Y' || r.term === 'P3Y'))!;
    const ref = { profileId: profile.id, customerId: DEMO_CUSTOMERS.azurePlan };
    await app.value('cart.addReservation', {
      ...ref,
      line: {
        catalogScope: 'AzurePlan',
        productId: row.productId,
        skuId: row.skuId,
        termDuration: row.term,
        quantity: 1,
        scope: 'shared',
        subscriptionId: DEMO_SUBSCRIPTIONS.azurePlan,
      },
    });
    const review = await app.value<CartReview>('cart.review', ref);
    expect(review.canCheckout).toBe(true);
    const line = review.cart.lines[0]!;
    expect(line.price).toBeNull();
    expect(line.priceNote).toMatch(
      /^No price: Partner Center's price sheet is not offered in the US Government cloud/,
    );
  });

  it('never asked for Graph, a blob or the price sheet', () => {
    expect(paths.filter((p) => /^\/(graph|blob|v1\.0)\//i.test(p))).toEqual([]);
    expect(app.unexpected).toEqual([]);
  });

  it('signs out when moved to another cloud: its sign-in belongs to the old authority', async () => {
    await app.value('profiles.update', { profileId: profile.id, changes: { cloud: 'global' } });
    const status = await app.value<{ state: string }>('auth.status', { profileId: profile.id });
    expect(status.state).toBe('signed-out');
  });
});
