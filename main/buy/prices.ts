/**
 * Prices before purchase: the partner price sheet (§16) parsed from CSV, and each line's price for
 * its whole term. A line without a matching row has no price, with a note saying why; a price is
 * never made up from anything else.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { LinePrice } from '../../preload/contract';
import type { LineFields } from './model';

/** Bytes as they arrive (a response body), or all at once. */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** One price sheet row the app uses. */
export interface PriceRow {
  readonly productId: string;
  readonly skuId: string;
  readonly term: string;
  readonly currency: string;
  readonly unitPrice: number;
  readonly effectiveStart: string | null;
}

/** The columns the app reads, by their normalized header names. */
const COLUMNS = {
  productId: 'productid',
  skuId: 'skuid',
  term: 'termduration',
  currency: 'currency',
  unitPrice: 'unitprice',
  effectiveStart: 'effectivestartdate',
} as const;

/** A header name as compared: no quotes of any kind (the sheet's "ERP Price" ends in ”), no spaces, lower case. */
function headerKey(name: string): string {
  return name.replace(/["\u201C\u201D\s]/g, '').toLowerCase();
}

/**
 * The sheet as text, with typographic quotes in the header line made plain: a header that opens a
 * field with `"` and closes it with `”` would otherwise swallow the whole sheet into one field.
 */
async function* sheetText(source: ByteSource | string): AsyncGenerator<string> {
  let inHeader = true;
  const plainHeader = (text: string): string => {
    if (!inHeader) return text;
    const end = text.indexOf('\n');
    if (end >= 0) inHeader = false;
    const header = end >= 0 ? text.slice(0, end) : text;
    return header.replace(/[\u201C\u201D]/g, '"') + (end >= 0 ? text.slice(end) : '');
  };
  if (typeof source === 'string') {
    yield plainHeader(source);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield plainHeader(text);
  }
  const rest = decoder.decode();
  if (rest) yield plainHeader(rest);
}

/**
 * Reads a price sheet as it arrives (a 42 MB sheet is never held whole), mapping columns by header
 * name case-insensitively; rows without a usable price are skipped, and a sheet without the needed
 * columns gives no rows.
 */
export async function readPriceSheet(source: ByteSource | string): Promise<PriceRow[]> {
  const rows: PriceRow[] = [];
  const parser = parse({
    bom: true,
    columns: (names: string[]) => names.map(headerKey),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
  });
  await pipeline(Readable.from(sheetText(source)), parser, async (records: AsyncIterable<unknown>) => {
    for await (const record of records) {
      const row = priceRow(record as Readonly<Record<string, string | undefined>>);
      if (row) rows.push(row);
    }
  });
  return rows;
}

function priceRow(record: Readonly<Record<string, string | undefined>>): PriceRow | undefined {
  const productId = record[COLUMNS.productId];
  const skuId = record[COLUMNS.skuId];
  const currency = record[COLUMNS.currency];
  const unitPrice = Number(record[COLUMNS.unitPrice] ?? '');
  if (!productId || !skuId || !currency || !Number.isFinite(unitPrice) || record[COLUMNS.unitPrice] === '')
    return undefined;
  return {
    productId,
    skuId,
    term: (record[COLUMNS.term] ?? '').toUpperCase(),
    currency: currency.toUpperCase(),
    unitPrice,
    effectiveStart: record[COLUMNS.effectiveStart] || null,
  };
}

/** Hours in a term, for a savings plan's hourly commitment (§15: 0.05 × 8,760 = 438 a year). */
export function hoursIn(term: string): number {
  const years = term === 'P3Y' ? 3 : term === 'P5Y' ? 5 : 1;
  return years * 8_760;
}

/** Rounds money to cents for display and totals. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** A savings plan's commitment for its whole term, in the customer's currency. */
export function savingsPlanPrice(
  fields: Extract<LineFields, { kind: 'savings-plan' }>,
  currency: string,
  asOf: number,
): LinePrice {
  const termTotal = roundMoney(fields.hourlyCommitment * hoursIn(fields.termDuration));
  return {
    unitPrice: termTotal,
    termTotal,
    currency,
    asOf: new Date(asOf).toISOString(),
    source: 'commitment',
  };
}

/** A reservation's price for its whole term from a sheet row: unit price × quantity. */
export function reservationPrice(
  unitPrice: number,
  quantity: number,
  currency: string,
  asOf: number,
): LinePrice {
  return {
    unitPrice,
    termTotal: roundMoney(unitPrice * quantity),
    currency,
    asOf: new Date(asOf).toISOString(),
    source: 'price-sheet',
  };
}

/** The total of priced lines when every line has a price in one currency, else null with why. */
export function cartTotal(prices: ReadonlyArray<LinePrice | null>): {
  total: { amount: number; currency: string } | null;
  note: string | null;
} {
  if (prices.length === 0) return { total: null, note: 'The cart is empty.' };
  if (prices.some((price) => price === null)) {
    return { total: null, note: 'No total: at least one line has no price (see the line).' };
  }
  const currencies = new Set(prices.map((price) => price!.currency));
  if (currencies.size > 1) {
    return {
      total: null,
      note: `No total: the lines are priced in different currencies (${[...currencies].join(', ')}).`,
    };
  }
  const amount = roundMoney(prices.reduce((sum, price) => sum + price!.termTotal, 0));
  return { total: { amount, currency: [...currencies][0]! }, note: null };
}
