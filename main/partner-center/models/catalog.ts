/**
 * Catalog resources: products, SKUs, availabilities and inventory checks (contract §4.3–4.9, §5).
 */
import { z } from 'zod';
import {
  attributeMap,
  billingCycleSchema,
  type Lenient,
  lenientBoolean,
  lenientEnum,
  lenientNumber,
  lenientString,
  list,
  opt,
  resourceFields,
} from './common';

/** A product type and its optional sub type. */
export interface ItemType {
  readonly id: string;
  readonly displayName: string | undefined;
  readonly subType: ItemType | undefined;
}

/** A product type and its optional sub type. */
export const itemTypeSchema: z.ZodType<ItemType, unknown> = z.lazy(() =>
  z.object({
    id: lenientString,
    displayName: opt(z.string()),
    subType: opt(itemTypeSchema),
  }),
);

/** A catalog product, e.g. "Virtual Machines DSv2 Series". */
export const productSchema = z.object({
  id: lenientString,
  title: opt(z.string()),
  description: opt(z.string()),
  productType: opt(itemTypeSchema),
  isMicrosoftProduct: opt(lenientBoolean),
  publisherName: opt(z.string()),
  ...resourceFields,
});
/** A catalog product. */
export type Product = z.output<typeof productSchema>;

/** Purchase prerequisites of a SKU. */
export const purchasePrerequisiteValues = [
  'InventoryCheck',
  'AzureSubscriptionRegistration',
  'MicrosoftCloudAgreement',
] as const;
/** A purchase prerequisite of a SKU. */
export type PurchasePrerequisite = Lenient<(typeof purchasePrerequisiteValues)[number]>;

/** A SKU of a product; for reservations one region × size × term. */
export const skuSchema = z.object({
  id: lenientString,
  productId: opt(lenientString),
  title: opt(z.string()),
  description: opt(z.string()),
  minimumQuantity: opt(lenientNumber),
  maximumQuantity: opt(lenientNumber),
  isTrial: opt(lenientBoolean),
  supportedBillingCycles: list(billingCycleSchema),
  purchasePrerequisites: list(lenientEnum(purchasePrerequisiteValues)),
  inventoryVariables: list(z.string()),
  provisioningVariables: list(z.string()),
  dynamicAttributes: attributeMap,
  ...resourceFields,
});
/** A SKU of a product. */
export type Sku = z.output<typeof skuSchema>;

/** Customer segments (contract §6). */
export const segmentValues = ['commercial', 'education', 'government', 'nonprofit'] as const;
/** A customer segment. */
export type Segment = Lenient<(typeof segmentValues)[number]>;

/** A term an availability can be bought for, e.g. `P1Y` "1 Year Prepaid". */
export const availabilityTermSchema = z.object({
  duration: opt(z.string()),
  description: opt(z.string()),
  billingCycle: opt(billingCycleSchema),
});
/** A term an availability can be bought for. */
export type AvailabilityTerm = z.output<typeof availabilityTermSchema>;

/** A purchasable configuration of a SKU; its `catalogItemId` goes on the cart line. */
export const availabilitySchema = z.object({
  id: lenientString,
  productId: opt(lenientString),
  skuId: opt(lenientString),
  catalogItemId: z.string(),
  defaultCurrency: opt(z.object({ code: opt(z.string()), symbol: opt(z.string()) })),
  segment: opt(lenientEnum(segmentValues)),
  country: opt(z.string()),
  isPurchasable: opt(lenientBoolean),
  isRenewable: opt(lenientBoolean),
  terms: list(availabilityTermSchema),
  product: opt(productSchema.partial({ id: true })),
  sku: opt(skuSchema.partial({ id: true })),
  ...resourceFields,
});
/** A purchasable configuration of a SKU. */
export type Availability = z.output<typeof availabilitySchema>;

/** Why an item is restricted for a customer/subscription/region. */
export const inventoryRestrictionSchema = z.object({
  reasonCode: opt(z.string()),
  description: opt(z.string()),
  properties: attributeMap,
});
/** Why an item is restricted. */
export type InventoryRestriction = z.output<typeof inventoryRestrictionSchema>;

/** The inventory verdict for one SKU. */
export const inventoryItemSchema = z.object({
  productId: lenientString,
  skuId: opt(lenientString),
  isRestricted: opt(lenientBoolean).transform((value) => value ?? false),
  restrictions: list(inventoryRestrictionSchema),
});
/** The inventory verdict for one SKU. */
export type InventoryItem = z.output<typeof inventoryItemSchema>;

/** The body of a check-inventory response: a bare array (some gateways wrap it in `items`). */
export const inventoryCheckResponseSchema = z
  .union([z.array(inventoryItemSchema), z.object({ items: z.array(inventoryItemSchema) })])
  .transform((value): InventoryItem[] => (Array.isArray(value) ? value : value.items));

/** What to check inventory for. */
export interface InventoryCheckRequest {
  /** Products (and optionally SKUs) to check; all SKUs of a product when `skuId` is omitted. */
  readonly targetItems: ReadonlyArray<{ readonly productId: string; readonly skuId?: string }>;
  /** Keys from the SKU's `inventoryVariables`, camelCase, e.g. `customerId`, `azureSubscriptionId`, `armRegionName`. */
  readonly inventoryContext: Readonly<Record<string, string>>;
}

/** The reservation attributes of a SKU, typed (`dynamicAttributes` is a free-form map on the wire). */
export interface ReservationSkuAttributes {
  readonly armSkuName: string | undefined;
  readonly armRegionName: string | undefined;
  readonly region: string | undefined;
  readonly skuDisplayName: string | undefined;
  readonly category: string | undefined;
  /** `1Year`, `3Year` or `3Years` (spellings vary, contract §12 item 3). */
  readonly duration: string | undefined;
  readonly diskType: string | undefined;
  readonly cores: number | undefined;
  readonly ram: number | undefined;
  /** The reserved resource, e.g. `virtualmachines`, `blockblob`, `sqldatabases`. */
  readonly reservationType: string | undefined;
}

/**
 * Reads a SKU's reservation attributes: keys case-insensitively, numbers from numbers or numeric
 * strings (`"cores": "12"`), anything unreadable as `undefined`.
 */
export function reservationSkuAttributes(sku: Pick<Sku, 'dynamicAttributes'>): ReservationSkuAttributes {
  const byKey = new Map(
    Object.entries(sku.dynamicAttributes).map(([key, value]) => [key.toLowerCase(), value]),
  );
  const text = (key: string): string | undefined => {
    const value = byKey.get(key.toLowerCase());
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  };
  const number = (key: string): number | undefined => {
    const raw = text(key);
    const value = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
    return Number.isFinite(value) ? value : undefined;
  };
  return {
    armSkuName: text('armSkuName'),
    armRegionName: text('armRegionName'),
    region: text('region'),
    skuDisplayName: text('skuDisplayName'),
    category: text('category'),
    duration: text('duration'),
    diskType: text('diskType'),
    cores: number('cores'),
    ram: number('ram'),
    reservationType: text('reservationType'),
  };
}

/**
 * The `resourceType` of an inventory check (§4.9), read from the catalog's own data, never from a
 * fixed list (new families such as Fabric capacity or OpenAI PTU pass straight through): the SKU's
 * `reservationType` attribute names the reserved resource (`blockblob` where the product's sub type
 * only says `Storage`); the product's `productType.subType.id` stands in when the SKU has none.
 * When both name the same type, the sub type's spelling (`VirtualMachines`) is kept.
 */
export function inventoryResourceType(
  productSubType: string | undefined,
  reservationType: string | undefined,
): string | undefined {
  const subType = productSubType?.trim() || undefined;
  const reserved = reservationType?.trim() || undefined;
  if (reserved === undefined) return subType;
  return subType?.toLowerCase() === reserved.toLowerCase() ? subType : reserved;
}
