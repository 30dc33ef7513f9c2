/**
 * A fast, lenient reader for SKU pages.
 *
 * The client's zod `skuSchema` costs about 180 µs per SKU here, i.e. ~9 s of main-thread CPU for the
 * 50,000-SKU catalog, which alone would be several times the network time of a sync. This reader
 * applies the same leniency (numbers as strings, enum casing, nulls, unknown values kept) by hand
 * and keeps only what the catalog stores, so the sync is bound by the network as it should be.
 */
import { z } from 'zod';
import { billingCycleValues, enumKey, purchasePrerequisiteValues } from '../partner-center/index';
import type { NormalizedSku } from './types';

const prerequisiteByKey = new Map(
  purchasePrerequisiteValues.map((value) => [enumKey(value), value as string]),
);
const billingCycleByKey = new Map(billingCycleValues.map((value) => [enumKey(value), value as string]));

/**
 * Canonical spelling of an enum value, memoized per raw spelling: a catalog repeats the same few
 * spellings tens of thousands of times, and the regex in `enumKey` would dominate otherwise.
 */
function canonical(byKey: ReadonlyMap<string, string>, memo: Map<string, string>, raw: string): string {
  let value = memo.get(raw);
  if (value === undefined) {
    value = byKey.get(enumKey(raw)) ?? raw;
    if (memo.size < 1_000) memo.set(raw, value);
  }
  return value;
}
const prerequisiteMemo = new Map<string, string>();
const billingCycleMemo = new Map<string, string>();
const termMemo = new Map<string, string | undefined>();

/** A string, or a number as a string; anything else is undefined. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A trimmed non-empty string or undefined. */
function nonEmpty(value: unknown): string | undefined {
  const raw = text(value)?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/** A number, or a numeric string (`"16"`, `" 8.5 "`, `"224 GB"` reads as 224). */
export function lenientNumberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const plain = Number(value);
  if (value.trim() !== '' && Number.isFinite(plain)) return plain;
  const match = /^\s*(-?\d+(?:\.\d+)?)/.exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    const raw = text(item);
    if (raw !== undefined) out.push(raw);
  }
  return out;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The ISO 8601 term of a duration attribute: `1Year`, `3Years`, `3Year`, `3years`, `P1Y`, `36 Months`
 * (sources disagree on the spelling, contract §12 #3).
 */
export function termOf(duration: string | undefined): string | undefined {
  if (duration === undefined) return undefined;
  const raw = duration.trim();
  const iso = /^P(\d+)([YM])$/i.exec(raw);
  if (iso) return `P${iso[1]}${iso[2]!.toUpperCase()}`;
  const words = /^(\d+)\s*(year|yr|month|mo)/i.exec(raw);
  if (!words) return undefined;
  const n = Number(words[1]);
  const unit = words[2]!.toLowerCase();
  if (unit.startsWith('y')) return `P${n}Y`;
  return n % 12 === 0 ? `P${n / 12}Y` : `P${n}M`;
}

function memoTerm(duration: string): string | undefined {
  if (termMemo.has(duration)) return termMemo.get(duration);
  const term = termOf(duration);
  if (termMemo.size < 1_000) termMemo.set(duration, term);
  return term;
}

/**
 * Reads one wire SKU of `productId`'s page; undefined when it has no id (such an item cannot be
 * stored or bought). The SKU is filed under the product it was listed for, whatever its own
 * `productId` field says, so a page can never write into another product's rows.
 */
export function normalizeSku(raw: unknown, productId: string): NormalizedSku | undefined {
  const sku = record(raw);
  const skuId = sku === undefined ? undefined : nonEmpty(sku.id);
  if (sku === undefined || skuId === undefined) return undefined;
  const attributes = record(sku.dynamicAttributes) ?? {};
  const prerequisites = stringList(sku.purchasePrerequisites).map((value) =>
    canonical(prerequisiteByKey, prerequisiteMemo, value),
  );
  const duration = nonEmpty(attributes.duration);
  const title = text(sku.title) ?? '';
  return {
    productId,
    skuId,
    title,
    description: text(sku.description) ?? title,
    armSkuName: nonEmpty(attributes.armSkuName),
    skuDisplayName: nonEmpty(attributes.skuDisplayName),
    region: nonEmpty(attributes.region),
    armRegionName: nonEmpty(attributes.armRegionName)?.toLowerCase(),
    cores: lenientNumberOf(attributes.cores),
    ramGb: lenientNumberOf(attributes.ram),
    term: duration === undefined ? undefined : memoTerm(duration),
    duration,
    category: nonEmpty(attributes.category),
    diskType: nonEmpty(attributes.diskType),
    vmSeries: nonEmpty(attributes.vmSeries),
    reservationType: nonEmpty(attributes.reservationType),
    needsInventoryCheck: prerequisites.includes('InventoryCheck'),
    prerequisites,
    inventoryVariables: stringList(sku.inventoryVariables),
    provisioningVariables: stringList(sku.provisioningVariables),
    billingCycles: stringList(sku.supportedBillingCycles).map((value) =>
      canonical(billingCycleByKey, billingCycleMemo, value),
    ),
    minimumQuantity: lenientNumberOf(sku.minimumQuantity),
    maximumQuantity: lenientNumberOf(sku.maximumQuantity),
    attributes,
  };
}

/**
 * The schema a SKU page is read with: only checks that the body is a collection (anything else is a
 * malformed response, retried like one) and returns its raw items, which `normalizeSkus` then reads.
 */
export const skuCollectionSchema = z.unknown().transform((body, ctx): unknown[] => {
  const page = record(body);
  const items = page?.items;
  if (page === undefined || (items !== undefined && items !== null && !Array.isArray(items))) {
    ctx.addIssue({ code: 'custom', message: 'expected a collection with an items array' });
    return z.NEVER;
  }
  return Array.isArray(items) ? (items as unknown[]) : [];
});

/** Reads a page's raw items into SKUs of `productId`, skipping items without an id. */
export function normalizeSkus(items: ReadonlyArray<unknown>, productId: string): NormalizedSku[] {
  const out: NormalizedSku[] = [];
  for (const item of items) {
    const sku = normalizeSku(item, productId);
    if (sku !== undefined) out.push(sku);
  }
  return out;
}

/** `skuCollectionSchema` and `normalizeSkus` in one schema (tests, tools). */
export function skuPageSchema(productId: string) {
  return skuCollectionSchema.transform((items) => normalizeSkus(items, productId));
}
