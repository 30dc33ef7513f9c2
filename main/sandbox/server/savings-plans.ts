/**
 * Azure savings plans (§15): the fixed product `DZH318Z09V6F`, its two SKUs, customer-scoped
 * discovery (App+User only), and the check of a savings plan cart line (`purchaseCommitment`).
 */
import type { Customer } from '../data/model';
import { currencyForCountry, currencyRef } from '../data/wire';
import type { Route } from './router';
import { customerCountry, requireCustomer, type Services } from './services';
import { ApiError, collection, isRecord, link, prop, stringProp } from './wire';

export const SAVINGS_PLAN_PRODUCT_ID = 'DZH318Z09V6F';
const MINIMUM_HOURLY = 0.001;

interface SavingsPlanSku {
  readonly id: string;
  readonly title: string;
  readonly term: 'P1Y' | 'P3Y';
  readonly duration: string;
  readonly availabilityId: string;
}

export const SAVINGS_PLAN_SKUS: ReadonlyArray<SavingsPlanSku> = [
  {
    id: '0001',
    title: 'Compute savings plan, 1 Year',
    term: 'P1Y',
    duration: '1year',
    availabilityId: 'DZH318Z0BLD3',
  },
  {
    id: '0002',
    title: 'Compute savings plan, 3 Years',
    term: 'P3Y',
    duration: '3years',
    availabilityId: 'DZH318Z0BLD4',
  },
];

/** Hours in a savings plan term: the commitment is hourly (§15: 438 = 0.05 × 8,760). */
export function hoursInTerm(term: string): number {
  return (term.toUpperCase() === 'P3Y' ? 3 : 1) * 8_760;
}

/** The savings plan SKU a catalog item ID names, or undefined. */
export function savingsPlanSkuOf(catalogItemId: string): SavingsPlanSku | undefined {
  const [productId = '', skuId = '', availabilityId = ''] = catalogItemId.split(':');
  if (productId.toUpperCase() !== SAVINGS_PLAN_PRODUCT_ID) return undefined;
  return SAVINGS_PLAN_SKUS.find(
    (sku) => sku.id === skuId && sku.availabilityId.toUpperCase() === availabilityId.toUpperCase(),
  );
}

function skuWire(customer: Customer, sku: SavingsPlanSku): Record<string, unknown> {
  const currency = currencyForCountry(customerCountry(customer));
  return {
    id: sku.id,
    productId: SAVINGS_PLAN_PRODUCT_ID,
    title: sku.title,
    description: sku.title,
    minimumQuantity: 1,
    maximumQuantity: 1,
    minimumPurchaseCommitment: {
      grain: 'Hourly',
      currencyCode: currencyRef(currency),
      amount: String(MINIMUM_HOURLY),
    },
    isTrial: false,
    supportedBillingCycles: ['one_time', 'monthly'],
    purchasePrerequisites: ['MicrosoftCloudAgreement'],
    inventoryVariables: [],
    provisioningVariables: [],
    actions: ['Refund'],
    dynamicAttributes: { armSkuName: 'Compute_Savings_Plan', duration: sku.duration, termDuration: sku.term },
    links: { self: link(`/customers/${customer.id}/products/${SAVINGS_PLAN_PRODUCT_ID}/skus/${sku.id}`) },
    attributes: { objectType: 'Sku' },
  };
}

function availabilityWire(customer: Customer, sku: SavingsPlanSku): Record<string, unknown> {
  const country = customerCountry(customer);
  return {
    id: sku.availabilityId,
    productId: SAVINGS_PLAN_PRODUCT_ID,
    skuId: sku.id,
    catalogItemId: `${SAVINGS_PLAN_PRODUCT_ID}:${sku.id}:${sku.availabilityId}`,
    defaultCurrency: currencyRef(currencyForCountry(country)),
    segment: 'commercial',
    country,
    isPurchasable: true,
    isRenewable: false,
    terms: [{ duration: sku.term, description: sku.duration }],
    links: {
      self: link(
        `/customers/${customer.id}/products/${SAVINGS_PLAN_PRODUCT_ID}/skus/${sku.id}/availabilities/${sku.availabilityId}`,
      ),
    },
    attributes: { objectType: 'Availability' },
  };
}

function requireSku(skuId: string): SavingsPlanSku {
  const sku = SAVINGS_PLAN_SKUS.find((s) => s.id === skuId);
  if (!sku) throw new ApiError(404, 400018, `SKU ${skuId} was not found.`);
  return sku;
}

function requireProduct(productId: string): void {
  if (productId.toUpperCase() !== SAVINGS_PLAN_PRODUCT_ID) {
    throw new ApiError(404, 400013, `Product ${productId} was not found for this customer.`);
  }
}

/** Customer-scoped discovery of the savings plan product (§15): App+User only. */
export function savingsPlanRoutes(services: Services): Route[] {
  const base = { auth: 'user' as const, method: 'GET' as const };
  return [
    {
      ...base,
      path: '/v1/customers/:customerId/products/:productId/skus',
      handler: (ctx) => {
        const customer = requireCustomer(services, ctx.params.customerId!);
        requireProduct(ctx.params.productId!);
        const items = SAVINGS_PLAN_SKUS.map((sku) => skuWire(customer, sku));
        return { status: 200, json: collection(items, ctx.url.replace(/^\/v1/i, '')) };
      },
    },
    {
      ...base,
      path: '/v1/customers/:customerId/products/:productId/skus/:skuId/availabilities',
      handler: (ctx) => {
        const customer = requireCustomer(services, ctx.params.customerId!);
        requireProduct(ctx.params.productId!);
        const sku = requireSku(ctx.params.skuId!);
        return {
          status: 200,
          json: collection([availabilityWire(customer, sku)], ctx.url.replace(/^\/v1/i, '')),
        };
      },
    },
  ];
}

/** What is wrong with a savings plan line's commitment, or undefined (§15). */
export function savingsPlanCommitmentError(
  customer: Customer,
  raw: Record<string, unknown>,
): string | undefined {
  const commitment = prop(raw, 'purchaseCommitment');
  if (!isRecord(commitment)) return 'A savings plan line needs a purchaseCommitment (amount per hour).';
  const amount = Number(prop(commitment, 'amount'));
  if (!Number.isFinite(amount) || amount < MINIMUM_HOURLY) {
    return `The hourly commitment must be at least ${MINIMUM_HOURLY}.`;
  }
  const grain = stringProp(commitment, 'grain')?.toLowerCase();
  if (grain !== undefined && grain !== 'hourly') return 'The commitment grain must be hourly.';
  const currency = stringProp(commitment, 'currency')?.toUpperCase();
  const expected = currencyForCountry(customerCountry(customer)).code;
  if (currency !== undefined && currency !== expected) {
    return `The commitment must be in the customer's currency (${expected}).`;
  }
  return undefined;
}
