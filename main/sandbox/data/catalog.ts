/**
 * The reservation catalog: generation from `catalog-spec.ts`, and the functions that turn stored
 * records into wire objects for one country and reservation scope (what the server serves).
 */
import { marketName, reservationsSoldIn } from '../../markets/index';
import { PRODUCT_SPECS, type ProductSpec } from './catalog-spec';
import type {
  Availability,
  AzureRegion,
  Catalog,
  InventoryItem,
  InventoryRestriction,
  InventoryVariable,
  Pricing,
  Product,
  ProductRecord,
  ProvisioningVariable,
  PurchasePrerequisite,
  ReservationScope,
  ReservationTargetView,
  Sku,
  SkuDynamicAttributes,
  SkuRecord,
  TermDuration,
  World,
} from './model';
import { AZURE_REGIONS, SMALL_CATALOG_REGION_COUNT, regionPriceFactor } from './regions';
import { base36, hashOf, ID_ALPHABET } from './random';
import { currencyForCountry, currencyInfo, currencyRef, getLink, toMajor, usdCentsTo } from './wire';

/** Key of a SKU in `Catalog.skusByKey` and `Catalog.restrictedRegions`. */
export function skuKey(productId: string, skuId: string): string {
  return `${productId}:${skuId}`;
}

/** Splits a `catalogItemId` (`product:sku:availability`) into its parts, or undefined if malformed. */
export function parseCatalogItemId(
  catalogItemId: string,
): { productId: string; skuId: string; availabilityId: string } | undefined {
  const parts = catalogItemId.split(':');
  if (parts.length !== 3 || parts.some((part) => part.length === 0)) return undefined;
  const [productId = '', skuId = '', availabilityId = ''] = parts;
  return { productId, skuId, availabilityId };
}

/** `duration` attribute for a term. */
function durationOf(term: TermDuration): '1Year' | '3Years' {
  return term === 'P1Y' ? '1Year' : '3Years';
}

/** Human term, as in SKU titles (`1 Year`, `3 Years`). */
export function termTitle(term: TermDuration): string {
  return term === 'P1Y' ? '1 Year' : '3 Years';
}

/** Id-looking string of `length` characters from a hash (Partner Center ids are 12 uppercase chars). */
function idFromHash(hash: number, length: number): string {
  let out = '';
  let h = hash;
  for (let i = 0; i < length; i++) {
    out += ID_ALPHABET[h % ID_ALPHABET.length];
    h = Math.floor(h / ID_ALPHABET.length);
    // Re-mix once the hash's digits are used up so long ids do not end in zeros.
    if (h === 0) h = hashOf(hash, i);
  }
  return out;
}

/** Generates the catalog for a seed. Product ids do not depend on the seed (so caches and bookmarks survive). */
export function generateCatalog(seed: number, size: 'small' | 'full'): Catalog {
  const specs = size === 'full' ? PRODUCT_SPECS : PRODUCT_SPECS.filter((spec) => spec.small);
  const regions = size === 'full' ? AZURE_REGIONS : AZURE_REGIONS.slice(0, SMALL_CATALOG_REGION_COUNT);
  const products: ProductRecord[] = [];
  const productsById = new Map<string, ProductRecord>();
  const skusByProduct = new Map<string, SkuRecord[]>();
  const skusByKey = new Map<string, SkuRecord>();
  const restrictedRegions = new Map<string, ReadonlyArray<string>>();
  let skuCount = 0;

  for (const spec of specs) {
    let productId = `DZH318Z0${idFromHash(hashOf('product', spec.key), 4)}`;
    for (let bump = 1; productsById.has(productId); bump++) {
      productId = `DZH318Z0${idFromHash(hashOf('product', spec.key, bump), 4)}`;
    }
    const product: ProductRecord = {
      id: productId,
      title: spec.title,
      description: spec.description,
      productType: {
        id: 'Azure',
        displayName: 'Azure',
        subType: { id: spec.subType, displayName: spec.subType },
      },
      reservationType: spec.reservationType,
      targetViews: spec.targetViews,
      scopes: spec.scopes,
    };
    products.push(product);
    productsById.set(productId, product);
    const skus = buildSkus(seed, size, spec, productId, regions, restrictedRegions);
    skusByProduct.set(productId, skus);
    for (const sku of skus) skusByKey.set(skuKey(productId, sku.id), sku);
    skuCount += skus.length;
  }
  return { size, regions, products, productsById, skusByProduct, skusByKey, skuCount, restrictedRegions };
}

// Shared, frozen arrays: every SKU points at one of these instead of allocating its own.
const WITH_INVENTORY_CHECK: ReadonlyArray<PurchasePrerequisite> = Object.freeze([
  'AzureSubscriptionRegistration',
  'InventoryCheck',
] as const);
const REGISTRATION_ONLY: ReadonlyArray<PurchasePrerequisite> = Object.freeze([
  'AzureSubscriptionRegistration',
] as const);
const INVENTORY_VARIABLES: ReadonlyArray<InventoryVariable> = Object.freeze([
  'CustomerId',
  'AzureSubscriptionId',
  'ArmRegionName',
] as const);
const NO_VARIABLES: ReadonlyArray<InventoryVariable> = Object.freeze([]);

function buildSkus(
  seed: number,
  size: 'small' | 'full',
  spec: ProductSpec,
  productId: string,
  regions: ReadonlyArray<AzureRegion>,
  restrictedRegions: Map<string, ReadonlyArray<string>>,
): SkuRecord[] {
  // The small catalog keeps every region it has and a few sizes, so tests see every feature quickly.
  const variants = size === 'full' ? spec.variants : spec.variants.slice(0, 3);
  const sold = regions.filter(
    (region, index) =>
      index === 0 ||
      size === 'small' ||
      hashOf(seed, spec.key, region.armName) / 4294967296 < spec.regionShare,
  );
  const skus: SkuRecord[] = [];
  let next = 1;
  for (const variant of variants) {
    for (const region of sold) {
      for (const term of spec.terms) {
        const id = base36(next++, 4);
        const h = hashOf(seed, productId, id);
        const needsInventoryCheck = (h % 1000) / 1000 < spec.inventoryShare;
        if (needsInventoryCheck && (h >>> 10) % 5 === 0) {
          // One in five inventory-checked SKUs is out of stock in its region.
          restrictedRegions.set(skuKey(productId, id), [region.armName]);
        }
        const years = term === 'P1Y' ? 1 : 3;
        const discount = term === 'P1Y' ? 0.6 : 0.4;
        const jitter = 0.97 + ((h >>> 3) % 61) / 1000;
        const unitPriceUsdCents = Math.round(
          variant.usdPerYear * years * discount * regionPriceFactor(region) * jitter * 100,
        );
        // Built by assignment rather than conditional spreads: 50,000 SKUs make allocation the hot spot.
        const attributes: Record<string, string> = {
          armSkuName: variant.armSkuName,
          skuDisplayName: variant.skuDisplayName,
          category: spec.category,
          armRegionName: region.armName,
          region: region.displayName,
          duration: durationOf(term),
          reservationType: spec.reservationType,
        };
        if (variant.cores !== undefined) attributes.cores = String(variant.cores);
        if (variant.ramGb !== undefined) attributes.ram = String(variant.ramGb);
        if (variant.diskType !== undefined) attributes.diskType = variant.diskType;
        if (spec.vmSeries !== undefined) {
          attributes.vmSeries = spec.vmSeries;
          attributes.instanceFlexibilityGroup = `${spec.vmSeries} Series`;
        }
        if (variant.capacity !== undefined) attributes.capacity = variant.capacity;
        if (variant.capacityUnit !== undefined) attributes.capacityUnit = variant.capacityUnit;
        const dynamicAttributes = attributes as unknown as SkuDynamicAttributes;
        const availabilityIds: Partial<Record<ReservationScope, string>> = {};
        for (const scope of spec.scopes) {
          availabilityIds[scope] = `DZH318${idFromHash(hashOf(seed, productId, id, scope), 6)}`;
        }
        skus.push({
          id,
          productId,
          title: `${spec.titlePrefix}, ${variant.label}, ${region.displayName}, ${termTitle(term)}`,
          description: `${spec.descriptionPrefix}, ${variant.label}, ${region.displayName}, ${termTitle(term)}`,
          term,
          dynamicAttributes,
          purchasePrerequisites: needsInventoryCheck ? WITH_INVENTORY_CHECK : REGISTRATION_ONLY,
          inventoryVariables: needsInventoryCheck ? INVENTORY_VARIABLES : NO_VARIABLES,
          maximumQuantity: spec.reservationType === 'virtualmachines' ? 999_999_999 : 100_000,
          availabilityIds,
          unitPriceUsdCents,
        });
      }
    }
  }
  return skus;
}

// ---------------------------------------------------------------------------------------------------
// Wire views (per country and scope)
// ---------------------------------------------------------------------------------------------------

/** Query suffix the catalog links carry (`country=US[&reservationScope=AzurePlan]`). */
function catalogQuery(country: string, scope: ReservationScope): string {
  return `country=${country.toUpperCase()}${scope === 'AzurePlan' ? '&reservationScope=AzurePlan' : ''}`;
}

/** True when `product` is sold to customers of `country` in `scope`. */
export function isSold(product: ProductRecord, country: string, scope: ReservationScope): boolean {
  return reservationsSoldIn(country) && product.scopes.includes(scope);
}

/** The wire `Product` for a stored product, with links for one country and scope. */
export function toProduct(record: ProductRecord, country: string, scope: ReservationScope): Product {
  const query = catalogQuery(country, scope);
  return {
    id: record.id,
    title: record.title,
    description: record.description,
    productType: record.productType,
    isMicrosoftProduct: true,
    publisherName: 'Microsoft',
    links: {
      skus: getLink(`/products/${record.id}/skus?${query}`),
      self: getLink(`/products/${record.id}?${query}`),
    },
    attributes: { objectType: 'Product' },
  };
}

/** The wire `Sku` for a stored SKU, with links for one country and scope. */
export function toSku(record: SkuRecord, country: string, scope: ReservationScope): Sku {
  const query = catalogQuery(country, scope);
  const base = `/products/${record.productId}/skus/${record.id}`;
  // Legacy (MS-AZR-0145P) RIs carry the term as a provisioning variable; Azure plan lines carry termDuration (§8).
  const provisioningVariables: ReadonlyArray<ProvisioningVariable> =
    scope === 'Legacy' ? ['Scope', 'SubscriptionId', 'Duration'] : ['Scope', 'SubscriptionId'];
  return {
    id: record.id,
    productId: record.productId,
    title: record.title,
    description: record.description,
    minimumQuantity: 1,
    maximumQuantity: record.maximumQuantity,
    isTrial: false,
    supportedBillingCycles: ['one_time'],
    purchasePrerequisites: record.purchasePrerequisites,
    inventoryVariables: record.inventoryVariables,
    provisioningVariables,
    dynamicAttributes: record.dynamicAttributes,
    links: { availabilities: getLink(`${base}/availabilities?${query}`), self: getLink(`${base}?${query}`) },
    attributes: { objectType: 'Sku' },
  };
}

/** Products listed for `country`, `targetView` and scope: empty where reservations are not sold. */
export function productsFor(
  world: World,
  country: string,
  scope: ReservationScope,
  targetView: ReservationTargetView = 'AzureReservations',
): Product[] {
  if (!reservationsSoldIn(country)) return [];
  return world.catalog.products
    .filter((product) => product.scopes.includes(scope) && product.targetViews.includes(targetView))
    .map((product) => toProduct(product, country, scope));
}

/** One product for `country` and scope, or undefined when not found or not sold there. */
export function productFor(
  world: World,
  country: string,
  scope: ReservationScope,
  productId: string,
): Product | undefined {
  const record = world.catalog.productsById.get(productId);
  return record && isSold(record, country, scope) ? toProduct(record, country, scope) : undefined;
}

/** SKUs of a product for `country` and scope (undefined when the product is not found or not sold there). */
export function skusFor(
  world: World,
  country: string,
  scope: ReservationScope,
  productId: string,
): Sku[] | undefined {
  const record = world.catalog.productsById.get(productId);
  if (!record || !isSold(record, country, scope)) return undefined;
  return (world.catalog.skusByProduct.get(productId) ?? []).map((sku) => toSku(sku, country, scope));
}

/** One SKU for `country` and scope, or undefined. */
export function skuFor(
  world: World,
  country: string,
  scope: ReservationScope,
  productId: string,
  skuId: string,
): Sku | undefined {
  const product = world.catalog.productsById.get(productId);
  const sku = world.catalog.skusByKey.get(skuKey(productId, skuId));
  return product && sku && isSold(product, country, scope) ? toSku(sku, country, scope) : undefined;
}

/** The wire availability of a stored SKU in `scope` for `country`, or undefined if it has none there. */
export function toAvailability(
  product: ProductRecord,
  sku: SkuRecord,
  country: string,
  scope: ReservationScope,
): Availability | undefined {
  const id = sku.availabilityIds[scope];
  if (id === undefined || !isSold(product, country, scope)) return undefined;
  const upper = country.toUpperCase();
  return {
    id,
    productId: product.id,
    skuId: sku.id,
    catalogItemId: `${product.id}:${sku.id}:${id}`,
    defaultCurrency: currencyRef(currencyForCountry(upper)),
    segment: 'commercial',
    country: upper,
    isPurchasable: true,
    // Azure-plan reservations can be set to auto-renew; legacy ones cannot.
    isRenewable: scope === 'AzurePlan',
    terms: [{ duration: sku.term, description: `${termTitle(sku.term)} Prepaid` }],
    product: toProduct(product, upper, scope),
    sku: toSku(sku, upper, scope),
    links: {
      self: getLink(
        `/products/${product.id}/skus/${sku.id}/availabilities/${id}?${catalogQuery(upper, scope)}`,
      ),
    },
    attributes: { objectType: 'Availability' },
  };
}

/** Availabilities of a SKU for `country` and scope (undefined when the product or SKU is not found or not sold). */
export function availabilitiesFor(
  world: World,
  country: string,
  scope: ReservationScope,
  productId: string,
  skuId: string,
): Availability[] | undefined {
  const product = world.catalog.productsById.get(productId);
  const sku = world.catalog.skusByKey.get(skuKey(productId, skuId));
  if (!product || !sku || !isSold(product, country, scope)) return undefined;
  const availability = toAvailability(product, sku, country, scope);
  return availability ? [availability] : [];
}

/** What a `catalogItemId` refers to, in either scope, for `country`; undefined if any part is unknown or stale. */
export function resolveCatalogItem(
  world: World,
  country: string,
  catalogItemId: string,
):
  | { product: ProductRecord; sku: SkuRecord; scope: ReservationScope; availability: Availability }
  | undefined {
  const parts = parseCatalogItemId(catalogItemId);
  if (!parts) return undefined;
  const product = world.catalog.productsById.get(parts.productId);
  const sku = world.catalog.skusByKey.get(skuKey(parts.productId, parts.skuId));
  if (!product || !sku) return undefined;
  const scopes: ReadonlyArray<ReservationScope> = ['AzurePlan', 'Legacy'];
  const scope = scopes.find((candidate) => sku.availabilityIds[candidate] === parts.availabilityId);
  if (!scope) return undefined;
  const availability = toAvailability(product, sku, country, scope);
  return availability ? { product, sku, scope, availability } : undefined;
}

/** Inventory restrictions of a SKU for an ARM region (empty = in stock; SKUs without InventoryCheck are never restricted). */
export function inventoryRestrictions(
  world: World,
  productId: string,
  skuId: string,
  armRegionName: string,
): InventoryRestriction[] {
  const regions = world.catalog.restrictedRegions.get(skuKey(productId, skuId)) ?? [];
  const region = armRegionName.toLowerCase();
  if (!regions.includes(region)) return [];
  return [
    {
      reasonCode: 'NotAvailableForSubscription',
      description: `Restriction identified of type 'Location' with values '${region}'.`,
      properties: { type: 'Location', values: region },
    },
  ];
}

/**
 * Check-inventory answer for a target item (§4.9): one entry per SKU (all SKUs of the product when
 * `skuId` is omitted); unknown items are left out, as Partner Center does.
 */
export function checkInventory(
  world: World,
  target: { productId: string; skuId?: string },
  armRegionName: string,
): InventoryItem[] {
  const skus =
    target.skuId === undefined
      ? (world.catalog.skusByProduct.get(target.productId) ?? [])
      : [world.catalog.skusByKey.get(skuKey(target.productId, target.skuId))].filter(
          (sku): sku is SkuRecord => sku !== undefined,
        );
  return skus
    .filter((sku) => sku.purchasePrerequisites.includes('InventoryCheck'))
    .map((sku) => {
      const restrictions = inventoryRestrictions(world, sku.productId, sku.id, armRegionName);
      return { productId: sku.productId, skuId: sku.id, isRestricted: restrictions.length > 0, restrictions };
    });
}

/** Price of one unit of a SKU (whole term) in minor units of `currencyCode`. */
export function unitPriceMinor(sku: SkuRecord, currencyCode: string): number {
  return usdCentsTo(currencyInfo(currencyCode), sku.unitPriceUsdCents);
}

/** Order/cart `pricing` for `quantity` units of a SKU in `currencyCode` (no partner discount in the sandbox). */
export function pricingFor(sku: SkuRecord, currencyCode: string, quantity: number): Pricing {
  const currency = currencyInfo(currencyCode);
  const unit = usdCentsTo(currency, sku.unitPriceUsdCents);
  const price = toMajor(unit, currency);
  return {
    listPrice: price,
    discountedPrice: price,
    proratedPrice: price,
    price,
    extendedPrice: toMajor(unit * quantity, currency),
  };
}

/** The English market name (re-exported so the server need not import markets separately). */
export function countryName(country: string): string {
  return marketName(country);
}
