/**
 * The SKU panel's inventory check through the catalog service, over real HTTP: only the requested
 * SKU's items decide whether it is restricted (Microsoft's documented answer lists four SKUs, two of
 * them restricted), and the resource type comes from the cached catalog, or from Partner Center's
 * product and SKU when the catalog is not cached.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogService } from '../../../main/catalog/catalog-service';
import { createEventHub } from '../../../main/ipc/event-hub';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { createTaskEngine } from '../../../main/tasks';
import {
  startScriptedServer,
  type RecordedRequest,
  type ScriptedServer,
} from '../partner-center/support/scripted-server';
import { testClient } from '../partner-center/support/client';
import { appOnlyToken, openTestCatalog, sandboxClient, type TestCatalog } from './helpers';

const us = { profileId: 'demo', country: 'US', scope: 'AzurePlan' } as const;
const context = {
  customerId: 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d',
  subscriptionId: '3a231fbe-37fe-4410-93fd-730d3d5d4c75',
  armRegionName: 'japanwest',
};
const japanWest = "Restriction identified of type 'Location' with values 'japanwest'.";

/** Microsoft's documented check-inventory answer (check-inventory.md): four SKUs, two restricted. */
const documentedAnswer = [
  {
    productId: 'DZH318Z0BQ3P',
    skuId: '0039',
    isRestricted: true,
    restrictions: [
      {
        reasonCode: 'NotAvailableForSubscription',
        description: japanWest,
        properties: { type: 'Location', values: 'japanwest' },
      },
    ],
  },
  {
    productId: 'DZH318Z0BQ3P',
    skuId: '0038',
    isRestricted: true,
    restrictions: [
      {
        reasonCode: 'NotAvailableForSubscription',
        description: japanWest,
        properties: { type: 'Location', values: 'japanwest' },
      },
    ],
  },
  { productId: 'DZH318Z0BQ3P', skuId: '000S', isRestricted: false, restrictions: [] },
  { productId: 'DZH318Z0BQ3P', skuId: '0011', isRestricted: false, restrictions: [] },
];

const product = {
  id: 'DZH318Z0BQ3P',
  title: 'Virtual Machines Ev3 Series',
  productType: {
    id: 'Azure',
    displayName: 'Azure',
    subType: { id: 'VirtualMachines', displayName: 'VirtualMachines' },
  },
  links: {},
  attributes: { objectType: 'Product' },
};

function sku(id: string) {
  return {
    id,
    productId: 'DZH318Z0BQ3P',
    title: `Reserved VM Instance, Standard_E2s_v3, JA West, 1 Year (${id})`,
    purchasePrerequisites: ['AzureSubscriptionRegistration', 'InventoryCheck'],
    inventoryVariables: ['CustomerId', 'AzureSubscriptionId', 'ArmRegionName'],
    dynamicAttributes: { armRegionName: 'japanwest', reservationType: 'virtualmachines', duration: '1Year' },
    links: {},
    attributes: { objectType: 'Sku' },
  };
}

function reply(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** A Partner Center that knows one product and answers every inventory check with Microsoft's example. */
function documentedPartnerCenter(request: RecordedRequest, response: ServerResponse): void {
  const skuMatch = /^\/v1\/products\/DZH318Z0BQ3P\/skus\/([^/]+)$/.exec(request.path);
  if (request.path === '/v1/products/DZH318Z0BQ3P') return reply(response, product);
  if (skuMatch?.[1] !== undefined) return reply(response, sku(skuMatch[1]));
  if (request.path.toLowerCase() === '/v1/extensions/product/checkinventorybyresourcetype') {
    return reply(response, documentedAnswer);
  }
  response.writeHead(404).end();
}

let catalog: TestCatalog | undefined;
let scripted: ScriptedServer | undefined;
afterEach(async () => {
  catalog?.dispose();
  catalog = undefined;
  await scripted?.close();
  scripted = undefined;
});

describe("the inventory check, with Microsoft's documented answer", () => {
  async function check(skuId: string) {
    catalog = openTestCatalog();
    scripted ??= await startScriptedServer(documentedPartnerCenter);
    const client = testClient(scripted.baseUrl);
    const service = createCatalogService({
      store: catalog.store,
      tasks: createTaskEngine({ events: createEventHub() }),
      clientFor: () => Promise.resolve(client),
    });
    return service.checkInventory({ catalog: us, productId: 'DZH318Z0BQ3P', skuId, ...context });
  }

  it('shows an unrestricted SKU as available, although two other SKUs in the answer are restricted', async () => {
    const result = await check('000S');
    expect(result).toMatchObject({ restricted: false, restrictions: [] });
    // Not cached: the resource type came from Partner Center's own product and SKU.
    const asked = scripted!.requests.find((r) =>
      r.path.toLowerCase().endsWith('checkinventorybyresourcetype'),
    );
    expect(asked?.query.get('resourceType')).toBe('VirtualMachines');
    expect(JSON.parse(asked?.body ?? '{}')).toMatchObject({
      targetItems: [{ productId: 'DZH318Z0BQ3P', skuId: '000S' }],
      inventoryContext: { armRegionName: 'japanwest' },
    });
  });

  it('shows a restricted SKU with its own reason only', async () => {
    expect(await check('0039')).toMatchObject({
      restricted: true,
      restrictions: [{ reasonCode: 'NotAvailableForSubscription', description: japanWest }],
    });
    expect((await check('0011')).restricted).toBe(false);
  });
});

describe('the inventory check of a cached catalog', () => {
  let sandbox: RunningSandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ catalog: 'small', lineItems: 10 });
    token = await appOnlyToken(sandbox);
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('reads the resource type from the cache and agrees with the sandbox on every checked SKU', async () => {
    catalog = openTestCatalog();
    const paths: string[] = [];
    const client = sandboxClient(sandbox.baseUrl, token, {
      fetch: (input, init) => {
        paths.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
    });
    const service = createCatalogService({
      store: catalog.store,
      tasks: createTaskEngine({ events: createEventHub() }),
      clientFor: () => Promise.resolve(client),
    });
    expect((await catalog.engine.sync({ catalog: us, client })).outcome).toBe('completed');
    const rows = catalog.search.search({ catalog: us, needsInventoryCheck: true, limit: 200 }).rows;
    const restrictedRegions = sandbox.world.catalog.restrictedRegions;
    let restrictedSeen = 0;
    for (const row of rows) {
      paths.length = 0;
      const result = await service.checkInventory({
        catalog: us,
        productId: row.productId,
        skuId: row.skuId,
        customerId: context.customerId,
        subscriptionId: context.subscriptionId,
        armRegionName: row.armRegionName ?? '',
      });
      const expected = (restrictedRegions.get(`${row.productId}:${row.skuId}`) ?? []).includes(
        row.armRegionName ?? '',
      );
      expect(result.restricted, `${row.productId}:${row.skuId}`).toBe(expected);
      if (expected) restrictedSeen += 1;
      // One request: no product or SKU lookups when the catalog has them.
      expect(paths).toEqual(['/v1/extensions/product/checkinventorybyresourcetype']);
    }
    expect(rows.length).toBeGreaterThan(0);
    expect(restrictedSeen).toBeGreaterThan(0);
  });
});
