/**
 * Catalog contract: products, SKUs, availabilities, check inventory, their documented errors,
 * case-insensitive paths and query names, scopes, and empty catalogs in unavailable markets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unavailable from '../../../main/markets/unavailable-markets.json' with { type: 'json' };
import { at, itemsOf, startTestSandbox, type TestSandbox } from './sandbox-helpers';

describe('sandbox catalog', () => {
  let t: TestSandbox;
  let productId: string;
  let sku: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestSandbox();
    const products = itemsOf(
      (await t.call('/v1/products?country=US&targetView=AzureReservationsVM&reservationScope=AzurePlan'))
        .json,
    );
    productId = String(products[0]!.id);
    sku = itemsOf(
      (await t.call(`/v1/products/${productId}/skus?country=US&reservationScope=AzurePlan`)).json,
    )[0]!;
  });
  afterAll(() => t.close());

  it('lists products for the documented example request, with links and a Collection shape', async () => {
    const response = await t.call(
      '/v1/products?country=US&targetView=AzureReservationsVM&reservationScope=AzurePlan',
      {
        token: t.appToken,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = response.json as Record<string, unknown>;
    expect(at(body, 'attributes', 'objectType')).toBe('Collection');
    expect(body.totalCount).toBe(itemsOf(body).length);
    expect(at(body, 'links', 'self', 'uri')).toBe(
      '/products?country=US&targetView=AzureReservationsVM&reservationScope=AzurePlan',
    );
    const product = itemsOf(body)[0]!;
    expect(product).toMatchObject({ isMicrosoftProduct: true, publisherName: 'Microsoft' });
    expect(at(product, 'productType', 'subType', 'id')).toBe('VirtualMachines');
    expect(at(product, 'links', 'skus', 'uri')).toContain(`/products/${String(product.id)}/skus?country=US`);
    expect(at(product, 'links', 'skus', 'method')).toBe('GET');
    expect(at(product, 'links', 'skus', 'headers')).toEqual([]);
    const all = itemsOf(
      (await t.call('/v1/products?country=US&targetView=AzureReservations&reservationScope=AzurePlan')).json,
    );
    expect(all.length).toBeGreaterThan(itemsOf(body).length);
  });

  it('matches paths and query names case-insensitively', async () => {
    const lower = await t.call(
      '/v1/products?country=US&targetView=AzureReservationsVM&reservationScope=AzurePlan',
    );
    const mixed = await t.call(
      '/V1/Products?COUNTRY=us&TargetView=azurereservationsvm&ReservationScope=azureplan',
    );
    expect(mixed.status).toBe(200);
    expect(itemsOf(mixed.json).map((p) => p.id)).toEqual(itemsOf(lower.json).map((p) => p.id));
  });

  it('serves SKUs with reservation attributes, a SKU by id, and 404s with 400013/400018', async () => {
    expect(sku).toMatchObject({
      productId,
      minimumQuantity: 1,
      isTrial: false,
      supportedBillingCycles: ['one_time'],
    });
    expect(sku.purchasePrerequisites).toContain('AzureSubscriptionRegistration');
    expect(sku.provisioningVariables).toEqual(['Scope', 'SubscriptionId']);
    for (const key of ['armSkuName', 'armRegionName', 'region', 'duration', 'cores', 'ram']) {
      expect(at(sku, 'dynamicAttributes', key), key).toEqual(expect.any(String));
    }
    const legacy = itemsOf((await t.call(`/v1/products/${productId}/skus?country=US`)).json)[0];
    if (legacy) expect(legacy.provisioningVariables).toEqual(['Scope', 'SubscriptionId', 'Duration']);
    const byId = await t.call(
      `/v1/products/${productId}/skus/${String(sku.id)}?country=US&reservationScope=AzurePlan`,
    );
    expect(byId.json).toEqual(sku);
    const noProduct = await t.call('/v1/products/DZH318Z0XXXX?country=US');
    expect(noProduct.status).toBe(404);
    expect(at(noProduct.json, 'code')).toBe(400013);
    expect(noProduct.json).toMatchObject({ data: [], source: 'PartnerFD' });
    const noSku = await t.call(`/v1/products/${productId}/skus/ZZZZ?country=US&reservationScope=AzurePlan`);
    expect(noSku.status).toBe(404);
    expect(at(noSku.json, 'code')).toBe(400018);
  });

  it('serves availabilities whose catalogItemId is product:sku:availability, different per scope', async () => {
    const base = `/v1/products/${productId}/skus/${String(sku.id)}/availabilities`;
    const plan = itemsOf((await t.call(`${base}?country=US&reservationScope=AzurePlan`)).json)[0]!;
    expect(plan.catalogItemId).toBe(`${productId}:${String(sku.id)}:${String(plan.id)}`);
    expect(plan).toMatchObject({
      country: 'US',
      segment: 'commercial',
      isPurchasable: true,
      defaultCurrency: { code: 'USD', symbol: '$' },
    });
    expect(at(plan, 'terms', 0, 'duration')).toMatch(/^P[13]Y$/);
    expect(at(plan, 'sku', 'id')).toBe(sku.id);
    const legacy = itemsOf((await t.call(`${base}?country=US`)).json)[0];
    if (legacy) expect(legacy.id).not.toBe(plan.id);
    const one = await t.call(`${base}/${String(plan.id)}?country=US&reservationScope=AzurePlan`);
    expect(at(one.json, 'catalogItemId')).toBe(plan.catalogItemId);
    const missing = await t.call(`${base}/DZH318NOPE00?country=US&reservationScope=AzurePlan`);
    expect(missing.status).toBe(404);
    expect(at(missing.json, 'code')).toBe(400019);
    const eur = itemsOf((await t.call(`${base}?country=DE&reservationScope=AzurePlan`)).json)[0]!;
    expect(at(eur, 'defaultCurrency', 'code')).toBe('EUR');
    const education = itemsOf(
      (await t.call(`${base}?country=US&reservationScope=AzurePlan&targetSegment=education`)).json,
    )[0]!;
    expect(education.segment).toBe('education');
  });

  it('refuses bad target views and segments with 403 and a missing country with 400', async () => {
    const view = await t.call('/v1/products?country=US&targetView=NotAView');
    expect(view.status).toBe(403);
    expect(at(view.json, 'code')).toBe(400036);
    const segment = await t.call(
      '/v1/products?country=US&targetView=AzureReservations&targetSegment=pirates',
    );
    expect(segment.status).toBe(403);
    expect(at(segment.json, 'code')).toBe(400030);
    const noCountry = await t.call('/v1/products?targetView=AzureReservations');
    expect(noCountry.status).toBe(400);
    const software = await t.call('/v1/products?country=US&targetView=Software');
    expect(software.status).toBe(200);
    expect(itemsOf(software.json)).toEqual([]);
  });

  it('lists no reservation products in any market where reservations are not sold', async () => {
    expect(unavailable.isoCodes.length).toBeGreaterThan(100);
    for (const code of unavailable.isoCodes) {
      for (const scope of ['', '&reservationScope=AzurePlan']) {
        const response = await t.call(`/v1/products?country=${code}&targetView=AzureReservations${scope}`);
        expect(response.status, code).toBe(200);
        expect(at(response.json, 'totalCount'), code).toBe(0);
      }
    }
    const sold = await t.call('/v1/products?country=GB&targetView=AzureReservations');
    expect(at(sold.json, 'totalCount')).toBeGreaterThan(0);
    const productInBrazil = await t.call(`/v1/products/${productId}?country=BR&reservationScope=AzurePlan`);
    expect(productInBrazil.status).toBe(404);
  });

  it('checks inventory at the lowercase documented path: bare array, restrictions, unknown items left out', async () => {
    // Find a SKU with the InventoryCheck prerequisite.
    let target: Record<string, unknown> | undefined;
    for (const product of itemsOf(
      (await t.call('/v1/products?country=US&targetView=AzureReservations&reservationScope=AzurePlan')).json,
    )) {
      const skus = itemsOf(
        (await t.call(`/v1/products/${String(product.id)}/skus?country=US&reservationScope=AzurePlan`)).json,
      );
      target = skus.find((s) => (s.purchasePrerequisites as string[]).includes('InventoryCheck'));
      if (target) break;
    }
    expect(target).toBeDefined();
    expect(target!.inventoryVariables).toEqual(['CustomerId', 'AzureSubscriptionId', 'ArmRegionName']);
    const region = String(at(target, 'dynamicAttributes', 'armRegionName'));
    const response = await t.call('/v1/extensions/product/checkinventory?country=US', {
      method: 'POST',
      body: {
        targetItems: [{ productId: target!.productId, skuId: target!.id }, { productId: 'DZH318Z0NOPE' }],
        inventoryContext: {
          customerId: 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d',
          azureSubscriptionId: '3a231fbe-37fe-4410-93fd-730d3d5d4c75',
          armRegionName: region,
        },
      },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(response.json)).toBe(true);
    const items = response.json as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ productId: target!.productId, skuId: target!.id });
    if (items[0]!.isRestricted) {
      expect(at(items[0], 'restrictions', 0, 'properties')).toEqual({ type: 'Location', values: region });
    } else {
      expect(items[0]!.restrictions).toEqual([]);
    }
    const camel = await t.call('/v1/extensions/product/checkInventory?country=US', {
      method: 'POST',
      body: {
        targetItems: [{ productId: target!.productId, skuId: target!.id }],
        inventoryContext: { armRegionName: region },
      },
    });
    expect(camel.status).toBe(400);
  });
});
