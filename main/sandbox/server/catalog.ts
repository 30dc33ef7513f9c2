/**
 * Catalog routes (§4.3–§4.9): products, SKUs and availabilities by country, target view, segment and
 * reservation scope, plus check inventory. The catalog never changes while the sandbox runs, so each
 * answer is serialized once and served from a cache: the catalog sync benchmark then measures the
 * client, not the simulator.
 */
import type { ProductRecord, ReservationScope, SkuRecord } from '../data/model';
import { toAvailability, toProduct, toSku } from '../data/catalog';
import type { Reply, Route, RouteContext } from './router';
import { marketSellsReservations, productInScope, scopeFromQuery, skuOf, type Services } from './services';
import {
  ApiError,
  badRequest,
  collection,
  isRecord,
  prop,
  queryParam,
  requiredQuery,
  stringProp,
} from './wire';

const RESERVATION_VIEWS = new Map<string, string>([
  ['azurereservations', 'AzureReservations'],
  ['azurereservationsvm', 'AzureReservationsVM'],
  ['azurereservationssql', 'AzureReservationsSQL'],
  ['azurereservationscosmosdb', 'AzureReservationsCosmosDb'],
]);
/** Views Partner Center knows that list no reservations: valid, and empty in the sandbox. */
const OTHER_VIEWS = new Set([
  'azure',
  'microsoftazure',
  'onlineservices',
  'software',
  'softwaresuselinux',
  'softwareperpetual',
  'softwaresubscriptions',
  'specializedoffers',
  'marketplacesaas',
]);
const SEGMENTS = new Set(['commercial', 'education', 'government', 'nonprofit']);

/** Serialized answers by normalized URL; bounded so odd query strings cannot grow it forever. */
class ReplyCache {
  private readonly entries = new Map<string, Buffer>();

  get(key: string, build: () => unknown): Reply {
    let body = this.entries.get(key);
    if (body === undefined) {
      body = Buffer.from(JSON.stringify(build()));
      if (this.entries.size >= 5_000) this.entries.clear();
      this.entries.set(key, body);
    }
    return { status: 200, body, headers: { 'Content-Type': 'application/json; charset=utf-8' } };
  }
}

/**
 * Which inventory-check routes are served (§4.9): both (the default), only the one by resource type
 * (after the old route's retirement on 25 Sep 2026), or only the old one (a Partner Center without
 * the new route, which exercises the client's fallback). A route not served answers 404.
 */
export type InventoryRoutes = 'both' | 'by-resource-type' | 'legacy';

/** The catalog route table. */
export function catalogRoutes(services: Services, inventoryRoutes: InventoryRoutes = 'both'): Route[] {
  const cache = new ReplyCache();
  // Casing never changes a catalog answer, so the lower-cased URL is a safe key.
  const cacheKey = (ctx: RouteContext): string => ctx.url.toLowerCase();
  const base = { auth: 'any' as const };
  /** A GET route answered once per URL: `answer` builds the body from the route's catalog query. */
  const cachedGet = (
    path: string,
    answer: (ctx: RouteContext, params: CatalogParams) => unknown,
    needsView = false,
  ): Route => ({
    ...base,
    method: 'GET',
    path,
    handler: (ctx) => {
      const params = catalogParams(ctx, needsView);
      return cache.get(cacheKey(ctx), () => answer(ctx, params));
    },
  });
  return [
    cachedGet('/v1/products', (_ctx, params) => listProducts(services, params), true),
    cachedGet('/v1/products/:productId', (ctx, params) =>
      productWire(requireProduct(services, ctx.params.productId!, params), params),
    ),
    cachedGet('/v1/products/:productId/skus', (ctx, params) => {
      const product = requireProduct(services, ctx.params.productId!, params);
      const skus = skusInScope(services, product, params.scope).map((sku) => skuWire(sku, params));
      return collection(skus, `/products/${product.id}/skus?${scopeQuery(params)}`);
    }),
    cachedGet('/v1/products/:productId/skus/:skuId', (ctx, params) => {
      const product = requireProduct(services, ctx.params.productId!, params);
      return skuWire(requireSku(services, product, ctx.params.skuId!, params.scope), params);
    }),
    cachedGet('/v1/products/:productId/skus/:skuId/availabilities', (ctx, params) => {
      const product = requireProduct(services, ctx.params.productId!, params);
      const sku = requireSku(services, product, ctx.params.skuId!, params.scope);
      const segments = params.segment ? [params.segment] : ['commercial'];
      const items = segments.map((segment) => availabilityWire(product, sku, { ...params, segment }));
      return collection(items, `/products/${product.id}/skus/${sku.id}/availabilities?${scopeQuery(params)}`);
    }),
    cachedGet('/v1/products/:productId/skus/:skuId/availabilities/:availabilityId', (ctx, params) => {
      const product = requireProduct(services, ctx.params.productId!, params);
      const sku = requireSku(services, product, ctx.params.skuId!, params.scope);
      const wanted = ctx.params.availabilityId!.toLowerCase();
      const scope = (Object.keys(sku.availabilityIds) as ReservationScope[]).find(
        (s) => sku.availabilityIds[s]?.toLowerCase() === wanted,
      );
      if (!scope)
        throw new ApiError(404, 400019, `Availability ${ctx.params.availabilityId!} was not found.`);
      return availabilityWire(product, sku, {
        ...params,
        scope,
        segment: params.segment ?? 'commercial',
      });
    }),
    ...(inventoryRoutes === 'legacy'
      ? []
      : [
          {
            ...base,
            method: 'POST' as const,
            path: '/v1/extensions/product/checkinventorybyresourcetype',
            handler: (ctx: RouteContext) => checkInventory(services, ctx, requiredQuery(ctx, 'resourceType')),
          },
        ]),
    ...(inventoryRoutes === 'by-resource-type'
      ? []
      : [
          {
            ...base,
            method: 'POST' as const,
            path: '/v1/extensions/product/checkInventory',
            handler: (ctx: RouteContext) => checkInventory(services, ctx, undefined),
          },
        ]),
  ];
}

/** The catalog query every catalog route takes. */
export interface CatalogParams {
  readonly country: string;
  readonly scope: ReservationScope;
  readonly segment?: string;
  readonly view?: string;
}

function catalogParams(ctx: RouteContext, needsView: boolean): CatalogParams {
  const country = requiredQuery(ctx, 'country').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    throw badRequest(`The country '${country}' is not a valid ISO 3166 code.`, 3000);
  const segmentRaw = queryParam(ctx, 'targetSegment');
  const segment = segmentRaw?.toLowerCase();
  if (segment !== undefined && !SEGMENTS.has(segment)) {
    throw new ApiError(403, 400030, `Requested targetSegment '${segmentRaw ?? ''}' is not allowed.`);
  }
  const scope = scopeFromQuery(queryParam(ctx, 'reservationScope'));
  let view: string | undefined;
  if (needsView) {
    const raw = requiredQuery(ctx, 'targetView');
    const lower = raw.toLowerCase();
    if (!RESERVATION_VIEWS.has(lower) && !OTHER_VIEWS.has(lower)) {
      throw new ApiError(403, 400036, `Requested targetView '${raw}' is not allowed.`);
    }
    view = RESERVATION_VIEWS.get(lower) ?? raw;
  }
  return {
    country,
    scope,
    ...(segment !== undefined ? { segment } : {}),
    ...(view !== undefined ? { view } : {}),
  };
}

function scopeQuery(params: CatalogParams): string {
  return `country=${params.country}${params.scope === 'AzurePlan' ? '&reservationScope=AzurePlan' : ''}`;
}

function listProducts(services: Services, params: CatalogParams): unknown {
  const view = params.view ?? 'AzureReservations';
  let query = `country=${params.country}&targetView=${view}`;
  if (params.segment) query += `&targetSegment=${params.segment}`;
  if (params.scope === 'AzurePlan') query += '&reservationScope=AzurePlan';
  const isReservationView = RESERVATION_VIEWS.has(view.toLowerCase());
  // Unavailable markets get an empty list rather than an error (§12 #16: undocumented; our choice).
  const products =
    isReservationView && marketSellsReservations(params.country)
      ? services.world.catalog.products.filter(
          (product) =>
            product.scopes.includes(params.scope) &&
            (view === 'AzureReservations' || (product.targetViews as ReadonlyArray<string>).includes(view)),
        )
      : [];
  return collection(
    products.map((product) => productWire(product, params)),
    `/products?${query}`,
  );
}

function requireProduct(services: Services, productId: string, params: CatalogParams): ProductRecord {
  const product = marketSellsReservations(params.country)
    ? productInScope(services, productId, params.scope)
    : undefined;
  if (!product) throw new ApiError(404, 400013, `Product ${productId} was not found.`);
  return product;
}

function skusInScope(services: Services, product: ProductRecord, scope: ReservationScope): SkuRecord[] {
  return (services.world.catalog.skusByProduct.get(product.id) ?? []).filter(
    (sku) => sku.availabilityIds[scope],
  );
}

function requireSku(
  services: Services,
  product: ProductRecord,
  skuId: string,
  scope: ReservationScope,
): SkuRecord {
  const sku = skuOf(services, product.id, skuId);
  if (!sku || !sku.availabilityIds[scope]) throw new ApiError(404, 400018, `SKU ${skuId} was not found.`);
  return sku;
}

/** A product as served for one country and scope (the data layer's wire view). */
export function productWire(product: ProductRecord, params: CatalogParams): unknown {
  return toProduct(product, params.country, params.scope);
}

/** A SKU as served for one country and scope. Legacy RI SKUs ask for `Duration` (§8). */
export function skuWire(sku: SkuRecord, params: CatalogParams): unknown {
  return toSku(sku, params.country, params.scope);
}

/** An availability as served for one country, scope and segment. */
export function availabilityWire(
  product: ProductRecord,
  sku: SkuRecord,
  params: CatalogParams & { readonly segment: string },
): unknown {
  const availability = toAvailability(product, sku, params.country, params.scope);
  if (!availability) throw new ApiError(404, 400019, `SKU ${sku.id} has no availability here.`);
  return { ...availability, segment: params.segment };
}

/**
 * Check inventory (§4.9): a bare array of InventoryItem; unknown items are left out. Asked by
 * resource type, every item checked must be of that type (the product's sub type or the SKU's
 * `reservationType`, any casing): a client that guesses the type gets a 400, as it should.
 */
function checkInventory(services: Services, ctx: RouteContext, resourceType: string | undefined): Reply {
  const country = requiredQuery(ctx, 'country').toUpperCase();
  const body = ctx.body;
  if (!isRecord(body)) throw badRequest('The request body must be an InventoryCheckRequest object.');
  const targets = prop(body, 'targetItems');
  if (!Array.isArray(targets) || targets.length === 0)
    throw badRequest('targetItems must list at least one item.', 3000);
  const contextRaw = prop(body, 'inventoryContext');
  const context = isRecord(contextRaw) ? contextRaw : {};
  const region = stringProp(context, 'armRegionName')?.toLowerCase();
  const out: Record<string, unknown>[] = [];
  if (!marketSellsReservations(country)) return { status: 200, json: out };
  for (const target of targets) {
    if (!isRecord(target)) throw badRequest('Each target item must be an object with a productId.', 3000);
    const productId = stringProp(target, 'productId');
    if (!productId) throw badRequest('Each target item needs a productId.', 3000);
    const product = services.world.catalog.products.find(
      (p) => p.id.toLowerCase() === productId.toLowerCase(),
    );
    if (!product) continue;
    const skuId = stringProp(target, 'skuId');
    let skus: SkuRecord[];
    if (skuId) {
      const sku = skuOf(services, product.id, skuId);
      skus = sku ? [sku] : [];
    } else {
      skus = [...(services.world.catalog.skusByProduct.get(product.id) ?? [])].filter(
        (sku) => region === undefined || sku.dynamicAttributes.armRegionName.toLowerCase() === region,
      );
    }
    if (resourceType !== undefined) requireResourceType(product, skus, resourceType);
    for (const sku of skus) {
      const needsCheck = sku.purchasePrerequisites.includes('InventoryCheck');
      if (needsCheck) {
        // Partner Center refuses a check that lacks the SKU's inventory variables (§4.9).
        for (const variable of sku.inventoryVariables) {
          const key = variable.charAt(0).toLowerCase() + variable.slice(1);
          if (!stringProp(context, key)) {
            throw badRequest(`The inventory context must contain '${key}' for SKU ${sku.id}.`, 3000);
          }
        }
      }
      const where = region ?? sku.dynamicAttributes.armRegionName.toLowerCase();
      const restricted =
        needsCheck && services.catalogIndex.restrictedRegions(sku.productId, sku.id).includes(where);
      out.push({
        productId: sku.productId,
        skuId: sku.id,
        isRestricted: restricted,
        restrictions: restricted
          ? [
              {
                reasonCode: 'NotAvailableForSubscription',
                description: `Restriction identified of type 'Location' with values '${where}'.`,
                properties: { type: 'Location', values: where },
              },
            ]
          : [],
      });
    }
  }
  return { status: 200, json: out };
}

function requireResourceType(
  product: ProductRecord,
  skus: ReadonlyArray<SkuRecord>,
  resourceType: string,
): void {
  const wanted = resourceType.toLowerCase();
  const matches =
    product.productType.subType?.id.toLowerCase() === wanted ||
    skus.some((sku) => sku.dynamicAttributes.reservationType.toLowerCase() === wanted);
  if (!matches) {
    throw badRequest(`The resource type '${resourceType}' does not match product ${product.id}.`, 3000);
  }
}

/** Whether a SKU is out of inventory in its own region (used by carts). */
export function skuRestricted(services: Services, sku: SkuRecord): boolean {
  return (
    sku.purchasePrerequisites.includes('InventoryCheck') &&
    services.catalogIndex
      .restrictedRegions(sku.productId, sku.id)
      .includes(sku.dynamicAttributes.armRegionName.toLowerCase())
  );
}
