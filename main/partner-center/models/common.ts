/**
 * Lenient building blocks for Partner Center response schemas.
 *
 * Partner Center is inconsistent on the wire (contract §1.3, §12): enum casing varies (`one_time`,
 * `OneTime`, `Registered`, `registered`), numbers sometimes arrive as strings, nulls appear where fields
 * are optional, and new enum values show up without notice. These helpers accept all of that and
 * normalise it, so a response only fails validation when something we actually rely on is missing.
 * Unknown properties are stripped by zod's default object behaviour.
 */
import { z } from 'zod';

/** A value of a known enum, or the raw string when Partner Center sent something new. */
export type Lenient<Known extends string> = Known | (string & { readonly __unknownEnumValue?: never });

/** Lower case without separators, so `one_time`, `OneTime` and `ONE-TIME` compare equal. */
export function enumKey(value: string): string {
  return value.replace(/[\s_-]/g, '').toLowerCase();
}

/**
 * An enum read case- and separator-insensitively into its canonical spelling; an unknown value is kept
 * as the raw string rather than failing the whole response.
 */
export function lenientEnum<const Known extends string>(values: ReadonlyArray<Known>) {
  const byKey = new Map(values.map((value) => [enumKey(value), value] as const));
  return z.string().transform((raw): Lenient<Known> => byKey.get(enumKey(raw)) ?? raw);
}

/** True when `value` is one of `values` (i.e. not an unknown value kept raw). */
export function isKnownEnum<const Known extends string>(
  values: ReadonlyArray<Known>,
  value: string | undefined,
): value is Known {
  return value !== undefined && (values as ReadonlyArray<string>).includes(value);
}

/** A number that may arrive as a JSON number or a numeric string (`"16"`, `" 8093.2 "`). */
export const lenientNumber = z.union([z.number(), z.string()]).transform((raw, ctx): number => {
  if (typeof raw === 'number') return raw;
  const trimmed = raw.trim();
  const parsed = trimmed === '' ? Number.NaN : Number(trimmed);
  if (Number.isNaN(parsed)) {
    ctx.addIssue({ code: 'custom', message: 'expected a number or a numeric string' });
    return z.NEVER;
  }
  return parsed;
});

/** A boolean that may arrive as `true`/`false` or `"true"`/`"false"`. */
export const lenientBoolean = z.union([z.boolean(), z.string()]).transform((raw, ctx): boolean => {
  if (typeof raw === 'boolean') return raw;
  const key = raw.trim().toLowerCase();
  if (key === 'true') return true;
  if (key === 'false') return false;
  ctx.addIssue({ code: 'custom', message: 'expected a boolean' });
  return z.NEVER;
});

/** A string that may arrive as a number (ids such as `mpnId` or `resellerMpnId`). */
export const lenientString = z.union([z.string(), z.number()]).transform((raw): string => String(raw));

/** An optional field that may also be `null`; both read as `undefined`. */
export function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value): z.output<T> | undefined => value ?? undefined);
}

/** A list that may be missing or `null`; both read as empty. */
export function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((value): Array<z.output<T>> => value ?? []);
}

/** A string map of arbitrary values (`dynamicAttributes`, `provisioningContext`). */
export const attributeMap = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((value): Record<string, unknown> => value ?? {});

/** A header carried by a link: `{"key": "MS-ContinuationToken", "value": "..."}`. */
export const linkHeaderSchema = z.object({ key: z.string(), value: lenientString });
/** A header carried by a link. */
export type LinkHeader = z.output<typeof linkHeaderSchema>;

/** A link to another resource; `uri` is relative to `/v1` (sometimes with the `/v1` prefix). */
export const linkSchema = z.object({
  uri: z.string(),
  method: opt(z.string()),
  headers: list(linkHeaderSchema),
});
/** A link to another resource. */
export type Link = z.output<typeof linkSchema>;

/** A resource's `links` map: any names, each a link. Malformed entries are dropped, not fatal. */
export const linksSchema = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((raw): Record<string, Link> => {
    const out: Record<string, Link> = {};
    for (const [name, value] of Object.entries(raw ?? {})) {
      const parsed = linkSchema.safeParse(value);
      if (parsed.success) out[name] = parsed.data;
    }
    return out;
  });

/** `attributes: {objectType, etag}` present on every resource. */
export const resourceAttributesSchema = opt(z.object({ objectType: opt(z.string()), etag: opt(z.string()) }));

/** The fields every Partner Center resource carries: its links and its `attributes` (object type, etag). */
export const resourceFields = { links: linksSchema, attributes: resourceAttributesSchema };

/** Reads a Partner Center date; its "empty" value `0001-01-01T00:00:00` reads as `undefined`. */
export function parsePartnerCenterDate(value: string | undefined): Date | undefined {
  if (value === undefined || value === '' || value.startsWith('0001-01-01')) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A collection wrapper: `{totalCount, items, links, continuationToken}`. */
export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.object({
    totalCount: opt(lenientNumber),
    items: list(item),
    links: linksSchema,
    continuationToken: opt(z.string()),
  });
}

/** One page of a collection. */
export interface Collection<T> {
  readonly totalCount: number | undefined;
  readonly items: ReadonlyArray<T>;
  readonly links: Readonly<Record<string, Link>>;
  readonly continuationToken: string | undefined;
}

/** Billing cycles (contract §6). */
export const billingCycleValues = [
  'unknown',
  'monthly',
  'annual',
  'none',
  'one_time',
  'triennial',
  'biennial',
] as const;
/** A billing cycle as it appears on the wire. */
export type BillingCycle = Lenient<(typeof billingCycleValues)[number]>;
/** Reads a billing cycle leniently (`OneTime` → `one_time`). */
export const billingCycleSchema = lenientEnum(billingCycleValues);

/** The currency an amount is in, as invoices, balances and orders name it. */
export const currencyFields = { currencyCode: opt(z.string()), currencySymbol: opt(z.string()) };

/** A price block on cart and order lines. */
export const pricingSchema = z.object({
  listPrice: opt(lenientNumber),
  discountedPrice: opt(lenientNumber),
  proratedPrice: opt(lenientNumber),
  price: opt(lenientNumber),
  extendedPrice: opt(lenientNumber),
});
/** A price block on cart and order lines. */
export type Pricing = z.output<typeof pricingSchema>;
