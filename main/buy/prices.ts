/**
 * Prices before purchase: the partner price sheet (§16) parsed from CSV, and each line's price for
 * its whole term. A line without a matching row has no price, with a note saying why; a price is
 * never made up from anything else.
 */
import type { LinePrice } from '../../preload/contract';
import type { LineFields } from './model';

/** One price sheet row the app uses. */
export interface PriceRow {
  readonly productId: string;
  readonly skuId: string;
  readonly term: string;
  readonly currency: string;
  readonly unitPrice: number;
  readonly effectiveStart: string | null;
}

/** Splits one CSV line (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Parses a price sheet, mapping columns by header name (case-insensitive); skips unusable rows. */
export function parsePriceSheet(csv: string): PriceRow[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = csvFields(lines[0] ?? '').map((name) => name.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [product, sku, term, currency, price, start] = [
    col('productid'),
    col('skuid'),
    col('termduration'),
    col('currency'),
    col('unitprice'),
    col('effectivestartdate'),
  ];
  if (product < 0 || sku < 0 || currency < 0 || price < 0) return [];
  const rows: PriceRow[] = [];
  for (const line of lines.slice(1)) {
    const fields = csvFields(line);
    const unitPrice = Number(fields[price]);
    if (!Number.isFinite(unitPrice)) continue;
    rows.push({
      productId: fields[product] ?? '',
      skuId: fields[sku] ?? '',
      term: (term >= 0 ? fields[term] : '')?.toUpperCase() ?? '',
      currency: (fields[currency] ?? '').toUpperCase(),
      unitPrice,
      effectiveStart: start >= 0 ? (fields[start] ?? null) : null,
    });
  }
  return rows;
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
