/**
 * Inventory checks by resource type (§4.9) against the sandbox over real HTTP: the client asks the
 * route that replaced `checkInventory`, with a resource type read from each product's own data; it
 * falls back to the retired route only when the new one answers 404, and any other answer stands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerCenterClient } from '../../../main/partner-center';
import {
  inventoryResourceType,
  PartnerCenterError,
  reservationSkuAttributes,
  type InventoryCheckRequest,
  type Product,
  type Sku,
} from '../../../main/partner-center';
import { startSandbox, type InventoryRoutes, type RunningSandbox } from '../../../main/sandbox';
import { appOnlyToken, sandboxClient } from '../catalog/helpers';

const country = 'US';
const catalogScope = { country, reservationScope: 'AzurePlan' as const };
const newRoute = '/v1/extensions/product/checkinventorybyresourcetype';
const oldRoute = '/v1/extensions/product/checkInventory';

interface Sent {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly status: number;
}

interface Target {
  readonly sandbox: RunningSandbox;
  readonly client: PartnerCenterClient;
  readonly sent: Sent[];
  readonly token: string;
}

const targets = new Map<InventoryRoutes, Target>();

async function target(inventoryRoutes: InventoryRoutes): Promise<Target> {
  const sandbox = await startSandbox({ catalog: 'small', seed: 3, lineItems: 10, inventoryRoutes });
  const token = await appOnlyToken(sandbox);
  const sent: Sent[] = [];
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    sent.push({ path: url.pathname, query: url.searchParams, status: response.status });
    return response;
  };
  return { sandbox, client: sandboxClient(sandbox.baseUrl, token, { fetch: recording }), sent, token };
}

beforeAll(async () => {
  for (const routes of ['both', 'by-resource-type', 'legacy'] as const)
    targets.set(routes, await target(routes));
});
afterAll(async () => {
  for (const t of targets.values()) await t.sandbox.close();
});

function on(routes: InventoryRoutes): Target {
  const t = targets.get(routes);
  if (t === undefined) throw new Error(`no sandbox for ${routes}`);
  t.sent.length = 0;
  return t;
}

function checkOf(sku: Sku): InventoryCheckRequest {
  return {
    targetItems: [{ productId: sku.productId ?? '', skuId: sku.id }],
    inventoryContext: {
      customerId: '0b5e0a3a-3b8e-4d0f-9a5e-6f1c2d3e4f50',
      azureSubscriptionId: '5d7c3e1a-2b4f-4c6d-8e9f-0a1b2c3d4e5f',
      armRegionName: reservationSkuAttributes(sku).armRegionName ?? '',
    },
  };
}

function resourceTypeOf(product: Product, sku: Sku): string {
  const type = inventoryResourceType(
    product.productType?.subType?.id,
    reservationSkuAttributes(sku).reservationType,
  );
  if (type === undefined) throw new Error(`product ${product.id} has no resource type`);
  return type;
}

/** One SKU with the InventoryCheck prerequisite per product, as the catalog lists them. */
async function checkedSkus(client: PartnerCenterClient): Promise<Array<{ product: Product; sku: Sku }>> {
  const out: Array<{ product: Product; sku: Sku }> = [];
  for (const product of await client.getProducts({ ...catalogScope, targetView: 'AzureReservations' })) {
    const skus = await client.getSkus(product.id, catalogScope);
    const sku = skus.find((s) => s.purchasePrerequisites.includes('InventoryCheck')) ?? skus[0];
    if (sku !== undefined) out.push({ product, sku });
  }
  return out;
}

async function firstCheckedSku(client: PartnerCenterClient): Promise<{ product: Product; sku: Sku }> {
  const [first] = await checkedSkus(client);
  if (first === undefined) throw new Error('the sandbox lists no SKU');
  return first;
}

describe('inventory check by resource type', () => {
  it('asks the new route with a resource type read from every product, and never the retired one', async () => {
    const t = on('both');
    const pairs = await checkedSkus(t.client);
    const types = new Set<string>();
    for (const { product, sku } of pairs) {
      const resourceType = resourceTypeOf(product, sku);
      types.add(resourceType);
      t.sent.length = 0;
      const items = await t.client.checkInventory({ country, resourceType }, checkOf(sku));
      expect(items.map((item) => item.skuId)).toEqual([sku.id]);
      expect(t.sent.map((s) => [s.path, s.query.get('resourceType'), s.query.get('country')])).toEqual([
        [newRoute, resourceType, country],
      ]);
    }
    // Read from the data: storage products say only "Storage", their SKUs say which storage.
    expect(types).toContain('VirtualMachines');
    expect(types).toContain('blockblob');
    expect(types).not.toContain('Storage');
  });

  it('falls back to the retired route only when the new one answers 404', async () => {
    const t = on('legacy');
    const { product, sku } = await firstCheckedSku(t.client);
    t.sent.length = 0;
    const items = await t.client.checkInventory(
      { country, resourceType: resourceTypeOf(product, sku) },
      checkOf(sku),
    );
    expect(items.map((item) => item.skuId)).toEqual([sku.id]);
    expect(t.sent.map((s) => [s.path, s.status])).toEqual([
      [newRoute, 404],
      [oldRoute, 200],
    ]);
    // The same answer as the new route gives where it exists.
    const both = on('both');
    expect(
      await both.client.checkInventory({ country, resourceType: resourceTypeOf(product, sku) }, checkOf(sku)),
    ).toEqual(items);
  });

  it('needs nothing of the retired route once Partner Center has removed it', async () => {
    const t = on('by-resource-type');
    const { product, sku } = await firstCheckedSku(t.client);
    t.sent.length = 0;
    await t.client.checkInventory({ country, resourceType: resourceTypeOf(product, sku) }, checkOf(sku));
    expect(t.sent.map((s) => [s.path, s.status])).toEqual([[newRoute, 200]]);
    const retired = await fetch(`${t.sandbox.baseUrl}${oldRoute}?country=${country}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(checkOf(sku)),
    });
    expect(retired.status).toBe(404);
  });

  it('lets any other answer from the new route stand: a wrong resource type is a 400, not a fallback', async () => {
    const t = on('both');
    const { sku } = await firstCheckedSku(t.client);
    t.sent.length = 0;
    const error = await t.client
      .checkInventory({ country, resourceType: 'FabricCapacity' }, checkOf(sku))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(PartnerCenterError);
    expect((error as PartnerCenterError).status).toBe(400);
    expect(t.sent.map((s) => s.path)).toEqual([newRoute]);
  });

  it('is refused by the sandbox without a resource type, as the route requires one', async () => {
    const t = on('both');
    const { sku } = await firstCheckedSku(t.client);
    const response = await fetch(`${t.sandbox.baseUrl}${newRoute}?country=${country}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(checkOf(sku)),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { description: string }).description).toMatch(/resourceType/);
  });
});

describe('the resource type of a SKU', () => {
  it('comes from the SKU attribute, in the sub type spelling when both agree, else the sub type', () => {
    expect(inventoryResourceType('VirtualMachines', 'virtualmachines')).toBe('VirtualMachines');
    expect(inventoryResourceType('Storage', 'blockblob')).toBe('blockblob');
    expect(inventoryResourceType('FabricCapacity', undefined)).toBe('FabricCapacity');
    expect(inventoryResourceType(' ', 'OpenAIPTU')).toBe('OpenAIPTU');
    expect(inventoryResourceType(undefined, '')).toBeUndefined();
  });
});
