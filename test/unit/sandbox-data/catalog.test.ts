import { describe, expect, it } from 'vitest';
import unavailable from '../../../main/markets/unavailable-markets.json' with { type: 'json' };
import {
  availabilitiesFor,
  checkInventory,
  inventoryRestrictions,
  productsFor,
  resolveCatalogItem,
  skuFor,
  skusFor,
  type ReservationTargetView,
  type SkuRecord,
} from '../../../main/sandbox/data/index';
import { fullWorld, smallWorld } from './fixtures';

const allSkus = (world: ReturnType<typeof fullWorld>): SkuRecord[] => [...world.catalog.skusByKey.values()];

describe('full catalog', () => {
  it('meets the size floors', () => {
    const { catalog } = fullWorld();
    expect(catalog.products.length).toBeGreaterThanOrEqual(100);
    expect(catalog.skuCount).toBeGreaterThanOrEqual(30_000);
    expect(catalog.skusByKey.size).toBe(catalog.skuCount);
    const regionsUsed = new Set(allSkus(fullWorld()).map((sku) => sku.dynamicAttributes.armRegionName));
    expect(regionsUsed.size).toBeGreaterThanOrEqual(40);
    expect(regionsUsed).toContain('westus2');
    expect(regionsUsed).toContain('swedencentral');
  });

  it('covers VMs and the other reservation services', () => {
    const titles = fullWorld().catalog.products.map((product) => product.title);
    for (const expected of [
      'Virtual Machines Dv5 Series',
      'Virtual Machines Esv5 Series',
      'Virtual Machines Fsv2 Series',
      'Virtual Machines NCasT4_v3 Series',
    ]) {
      expect(titles).toContain(expected);
    }
    for (const service of [
      'SQL Database',
      'SQL Managed Instance',
      'Cosmos DB',
      'Blob Storage',
      'App Service',
      'MySQL',
      'PostgreSQL',
      'Redis',
      'Databricks',
      'Synapse',
    ]) {
      expect(
        titles.some((title) => title.includes(service)),
        service,
      ).toBe(true);
    }
  });

  it('gives SKUs realistic dynamic attributes', () => {
    const world = fullWorld();
    const vm = allSkus(world).find((sku) => sku.dynamicAttributes.armSkuName === 'Standard_D4s_v5');
    expect(vm).toBeDefined();
    expect(vm?.dynamicAttributes).toMatchObject({
      cores: '4',
      ram: '16',
      diskType: 'Ssd',
      category: 'General purpose',
    });
    for (const sku of allSkus(world)) {
      expect(sku.dynamicAttributes.duration).toBe(sku.term === 'P1Y' ? '1Year' : '3Years');
    }
    const regionNames = new Map(world.catalog.regions.map((region) => [region.armName, region.displayName]));
    const sample = allSkus(world).filter((_, index) => index % 997 === 0);
    for (const sku of sample) {
      expect(regionNames.get(sku.dynamicAttributes.armRegionName)).toBe(sku.dynamicAttributes.region);
      expect(sku.title).toContain(sku.dynamicAttributes.region);
      expect(sku.unitPriceUsdCents).toBeGreaterThan(0);
    }
  });

  it('has unique SKU ids within each product and unique product ids', () => {
    const { catalog } = fullWorld();
    expect(new Set(catalog.products.map((product) => product.id)).size).toBe(catalog.products.length);
    for (const [productId, skus] of catalog.skusByProduct) {
      expect(new Set(skus.map((sku) => sku.id)).size, productId).toBe(skus.length);
    }
  });
});

describe('availabilities per reservation scope', () => {
  it('differ between Azure plan and MS-AZR-0145P', () => {
    const world = fullWorld();
    const product = world.catalog.products.find((candidate) => candidate.scopes.length === 2);
    const sku = product && world.catalog.skusByProduct.get(product.id)?.[0];
    if (!product || !sku) throw new Error('no product sold in both scopes');
    const plan = availabilitiesFor(world, 'US', 'AzurePlan', product.id, sku.id);
    const legacy = availabilitiesFor(world, 'US', 'Legacy', product.id, sku.id);
    expect(plan).toHaveLength(1);
    expect(legacy).toHaveLength(1);
    expect(plan?.[0]?.id).not.toBe(legacy?.[0]?.id);
    expect(plan?.[0]?.catalogItemId).toBe(`${product.id}:${sku.id}:${plan?.[0]?.id}`);
    expect(plan?.[0]?.links.self.uri).toContain('reservationScope=AzurePlan');
    expect(legacy?.[0]?.links.self.uri).not.toContain('reservationScope');
    // Legacy SKUs carry the term as a provisioning variable (§8).
    expect(skuFor(world, 'US', 'Legacy', product.id, sku.id)?.provisioningVariables).toContain('Duration');
    expect(skuFor(world, 'US', 'AzurePlan', product.id, sku.id)?.provisioningVariables).not.toContain(
      'Duration',
    );
  });

  it('sells some newer products to Azure plans only', () => {
    const world = fullWorld();
    const planOnly = world.catalog.products.filter((product) => !product.scopes.includes('Legacy'));
    expect(planOnly.length).toBeGreaterThan(0);
    const plan = productsFor(world, 'US', 'AzurePlan').map((product) => product.id);
    const legacy = productsFor(world, 'US', 'Legacy').map((product) => product.id);
    for (const product of planOnly) {
      expect(plan).toContain(product.id);
      expect(legacy).not.toContain(product.id);
    }
  });

  it('prices availabilities in the country currency and resolves catalog item ids', () => {
    const world = smallWorld();
    const product = world.catalog.products[0];
    const sku = product && world.catalog.skusByProduct.get(product.id)?.[0];
    if (!product || !sku) throw new Error('empty catalog');
    expect(availabilitiesFor(world, 'SE', 'AzurePlan', product.id, sku.id)?.[0]?.defaultCurrency.code).toBe(
      'SEK',
    );
    expect(availabilitiesFor(world, 'DE', 'AzurePlan', product.id, sku.id)?.[0]?.defaultCurrency.code).toBe(
      'EUR',
    );
    const availability = availabilitiesFor(world, 'GB', 'Legacy', product.id, sku.id)?.[0];
    expect(availability?.defaultCurrency).toEqual({ code: 'GBP', symbol: '£' });
    const resolved = resolveCatalogItem(world, 'GB', availability?.catalogItemId ?? '');
    expect(resolved?.scope).toBe('Legacy');
    expect(resolved?.sku.id).toBe(sku.id);
    expect(resolveCatalogItem(world, 'GB', `${product.id}:${sku.id}:NOTANID`)).toBeUndefined();
    expect(resolveCatalogItem(world, 'BR', availability?.catalogItemId ?? '')).toBeUndefined();
  });

  it('filters products by target view', () => {
    const world = fullWorld();
    const count = (view: ReservationTargetView): number => productsFor(world, 'US', 'AzurePlan', view).length;
    expect(count('AzureReservationsVM')).toBeGreaterThan(50);
    expect(count('AzureReservationsSQL')).toBeGreaterThan(5);
    expect(count('AzureReservationsCosmosDb')).toBe(2);
    expect(count('AzureReservations')).toBe(world.catalog.products.length);
    expect(
      productsFor(world, 'US', 'AzurePlan', 'AzureReservationsVM').every((p) =>
        p.title.startsWith('Virtual Machines'),
      ),
    ).toBe(true);
  });
});

describe('inventory checks', () => {
  it('marks some SKUs InventoryCheck and restricts some of them in their region', () => {
    const world = fullWorld();
    const checked = allSkus(world).filter((sku) => sku.purchasePrerequisites.includes('InventoryCheck'));
    expect(checked.length).toBeGreaterThan(100);
    expect(checked.length).toBeLessThan(world.catalog.skuCount);
    for (const sku of checked.slice(0, 50)) {
      expect(sku.inventoryVariables).toEqual(['CustomerId', 'AzureSubscriptionId', 'ArmRegionName']);
    }
    const restricted = checked.filter(
      (sku) =>
        inventoryRestrictions(world, sku.productId, sku.id, sku.dynamicAttributes.armRegionName).length > 0,
    );
    expect(restricted.length).toBeGreaterThan(0);
    expect(restricted.length).toBeLessThan(checked.length);
    const sku = restricted[0];
    if (!sku) throw new Error('unreachable');
    const [restriction] = inventoryRestrictions(
      world,
      sku.productId,
      sku.id,
      sku.dynamicAttributes.armRegionName.toUpperCase(),
    );
    expect(restriction?.reasonCode).toBe('NotAvailableForSubscription');
    expect(restriction?.properties).toEqual({
      type: 'Location',
      values: sku.dynamicAttributes.armRegionName,
    });
    // Another region is not restricted.
    expect(inventoryRestrictions(world, sku.productId, sku.id, 'nowhere')).toEqual([]);
  });

  it('never restricts SKUs without the prerequisite', () => {
    const world = fullWorld();
    const unchecked = allSkus(world).filter((sku) => !sku.purchasePrerequisites.includes('InventoryCheck'));
    expect(unchecked.length).toBeGreaterThan(0);
    for (const sku of unchecked) {
      expect(world.catalog.restrictedRegions.has(`${sku.productId}:${sku.id}`)).toBe(false);
    }
  });

  it('answers check-inventory per SKU, leaving out unknown items', () => {
    const world = smallWorld();
    const restrictedKey = [...world.catalog.restrictedRegions.keys()][0];
    const sku = restrictedKey ? world.catalog.skusByKey.get(restrictedKey) : undefined;
    if (!sku) throw new Error('small catalog has no restricted SKU');
    const region = sku.dynamicAttributes.armRegionName;
    const [one] = checkInventory(world, { productId: sku.productId, skuId: sku.id }, region);
    expect(one).toMatchObject({ productId: sku.productId, skuId: sku.id, isRestricted: true });
    const whole = checkInventory(world, { productId: sku.productId }, region);
    expect(whole.length).toBeGreaterThan(1);
    expect(whole.some((item) => !item.isRestricted)).toBe(true);
    expect(checkInventory(world, { productId: 'NOPE', skuId: '0001' }, region)).toEqual([]);
  });
});

describe('markets', () => {
  it('lists no products where reservations are not sold', () => {
    const world = smallWorld();
    expect(unavailable.isoCodes.length).toBeGreaterThan(100);
    for (const country of unavailable.isoCodes) {
      expect(productsFor(world, country, 'AzurePlan'), country).toEqual([]);
      expect(productsFor(world, country, 'Legacy'), country).toEqual([]);
      expect(productsFor(world, country.toLowerCase(), 'AzurePlan', 'AzureReservationsVM'), country).toEqual(
        [],
      );
    }
    const product = world.catalog.products[0];
    expect(product && skusFor(world, 'BR', 'AzurePlan', product.id)).toBeUndefined();
  });

  it('lists products in markets where they are sold', () => {
    const world = smallWorld();
    for (const country of ['US', 'GB', 'DE', 'SE', 'FR', 'JP']) {
      const products = productsFor(world, country, 'AzurePlan');
      expect(products.length, country).toBe(world.catalog.products.length);
      expect(products[0]?.links.skus.uri).toContain(`country=${country}`);
    }
  });
});
