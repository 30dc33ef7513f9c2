/**
 * One spelling for line-item fields from either source (§14.8): keys are matched case-insensitively
 * to the v1 camelCase names, the documented renames are aliases (`Total` → `totalForCustomer`,
 * percentages → fractions), `onetime`/`one_time`/`OneTime` read as one provider, and unknown fields
 * are kept under the name they came with.
 */

/** The v1 `OneTimeInvoiceLineItem` fields, in the order the CSV lists them. */
export const KNOWN_FIELDS: ReadonlyArray<string> = [
  'invoiceNumber',
  'partnerId',
  'customerId',
  'customerName',
  'customerDomainName',
  'customerCountry',
  'mpnId',
  'resellerMpnId',
  'orderId',
  'orderDate',
  'productId',
  'skuId',
  'availabilityId',
  'productName',
  'skuName',
  'chargeType',
  'unitPrice',
  'effectiveUnitPrice',
  'unitType',
  'unitOfMeasure',
  'quantity',
  'billableQuantity',
  'subtotal',
  'taxTotal',
  'totalForCustomer',
  'currency',
  'pricingCurrency',
  'pcToBCExchangeRate',
  'pcToBCExchangeRateDate',
  'subscriptionId',
  'subscriptionDescription',
  'subscriptionStartDate',
  'subscriptionEndDate',
  'chargeStartDate',
  'chargeEndDate',
  'termAndBillingCycle',
  'reservationOrderId',
  'alternateId',
  'referenceId',
  'publisherName',
  'publisherId',
  'billingFrequency',
  'meterDescription',
  'priceAdjustmentDescription',
  'discountDetails',
  'promotionId',
  'creditReasonCode',
  'rateOfPartnerEarnedCredit',
  'rateOfCredit',
  'productQualifiers',
  'invoiceLineItemType',
  'billingProvider',
];

/** Older names (§14.8) → newer name, and whether the value is a percent to turn into a fraction. */
const ALIASES: ReadonlyMap<string, { readonly name: string; readonly percent: boolean }> = new Map([
  ['total', { name: 'totalForCustomer', percent: false }],
  ['tier2mpnid', { name: 'resellerMpnId', percent: false }],
  ['unit', { name: 'unitOfMeasure', percent: false }],
  ['partnerearnedcreditpercentage', { name: 'rateOfPartnerEarnedCredit', percent: true }],
  ['creditpercentage', { name: 'rateOfCredit', percent: true }],
]);

const CANONICAL: ReadonlyMap<string, string> = new Map(
  KNOWN_FIELDS.map((name) => [name.toLowerCase(), name]),
);

/** Dropped: Partner Center's envelope, not data. */
const ENVELOPE = new Set(['attributes', 'links']);

/** `onetime`, `one_time`, `OneTime` → `one_time` (§4.24); other providers lower-cased. */
export function normalizeProvider(value: string): string {
  const squashed = value.toLowerCase().replace(/[_\s-]/g, '');
  return squashed === 'onetime' ? 'one_time' : value.toLowerCase();
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** What a raw key becomes: dropped, an alias, or a (canonical or kept) name. */
type KeyPlan =
  | { readonly drop: true }
  | { readonly alias: { name: string; percent: boolean } }
  | { readonly name: string };

// Every record of an export repeats the same keys: decide once per spelling (200,000 rows × 50 keys).
const plans = new Map<string, KeyPlan>();

function planFor(key: string): KeyPlan {
  let plan = plans.get(key);
  if (!plan) {
    const lower = key.toLowerCase();
    const alias = ALIASES.get(lower);
    plan = ENVELOPE.has(lower) ? { drop: true } : alias ? { alias } : { name: CANONICAL.get(lower) ?? key };
    if (plans.size < 10_000) plans.set(key, plan);
  }
  return plan;
}

/** A record with canonical keys; unknown keys kept as they came. */
export function normalizeRecord(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in raw) {
    const value = raw[key];
    const plan = planFor(key);
    if ('drop' in plan) continue;
    if ('alias' in plan) {
      const alias = plan.alias;
      const number = toNumber(value);
      // The newer name wins when both came (they carry the same value).
      if (!(alias.name in out))
        out[alias.name] = alias.percent && number !== undefined ? number / 100 : value;
      continue;
    }
    const name = plan.name;
    out[name] = name === 'billingProvider' && typeof value === 'string' ? normalizeProvider(value) : value;
  }
  return out;
}

/** Whether `normalizeRecord` would change anything (most exports need nothing: v1 names, no envelope). */
export function needsNormalizing(raw: Readonly<Record<string, unknown>>): boolean {
  for (const key in raw) {
    const plan = planFor(key);
    if (!('name' in plan) || plan.name !== key) return true;
    const value = raw[key];
    if (key === 'billingProvider' && typeof value === 'string' && normalizeProvider(value) !== value)
      return true;
  }
  return false;
}

/** A field as text for an indexed column, or null. */
export function textOf(record: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = record[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

/** A numeric field, or null. */
export function numberOf(record: Readonly<Record<string, unknown>>, name: string): number | null {
  return toNumber(record[name]) ?? null;
}
