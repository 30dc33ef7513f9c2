/**
 * The partner price sheet (§16), App+User only, as CSV: one row per purchasable reservation SKU of
 * the market (unit price for the whole term, in the market's currency). Served on this origin under
 * `/v1.0/sales/pricesheets(Market='US',PricesheetView='azure_reservations')/$value`; the path's
 * quotes, parentheses and dollar sign may come literal or percent-encoded.
 */
import { currencyForCountry, toMajor, usdCentsTo } from '../data/wire';
import type { Route } from './router';
import { marketSellsReservations, type Services } from './services';
import { ApiError, queryParam } from './wire';

const HEADER = [
  'ProductTitle',
  'ProductId',
  'SkuId',
  'SkuTitle',
  'UnitOfMeasure',
  'TermDuration',
  'BillingPlan',
  'Market',
  'Currency',
  'UnitPrice',
  'EffectiveStartDate',
  'EffectiveEndDate',
];

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Parses `pricesheets(Market='US',PricesheetView='azure_reservations')`. */
function parseSheetSegment(segment: string): { market: string; view: string } | undefined {
  const decoded = decodeURIComponent(segment);
  const match =
    /^pricesheets\(\s*market\s*=\s*'([A-Za-z]{2})'\s*,\s*pricesheetview\s*=\s*'([a-z_]+)'\s*\)$/i.exec(
      decoded,
    );
  return match ? { market: match[1]!.toUpperCase(), view: match[2]!.toLowerCase() } : undefined;
}

/** The price sheet route. */
export function priceSheetRoutes(services: Services): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1.0/sales/:sheet/:value',
      auth: 'user',
      handler: (ctx) => {
        const sheet = parseSheetSegment(ctx.params.sheet!);
        if (!sheet || decodeURIComponent(ctx.params.value!) !== '$value') {
          throw new ApiError(404, 0, 'The requested resource was not found.');
        }
        const timeline = (queryParam(ctx, 'timeline') ?? 'current').toLowerCase();
        if (timeline === 'future')
          throw new ApiError(404, 0, 'There is no future price sheet for this view.');
        if (sheet.view !== 'azure_reservations' || !marketSellsReservations(sheet.market)) {
          return csvReply([HEADER.join(',')]);
        }
        const currency = currencyForCountry(sheet.market);
        const now = new Date(services.clock());
        const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
        const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString();
        const lines = [HEADER.join(',')];
        for (const product of services.world.catalog.products) {
          for (const sku of services.world.catalog.skusByProduct.get(product.id) ?? []) {
            const price = toMajor(usdCentsTo(currency, sku.unitPriceUsdCents), currency);
            lines.push(
              [
                product.title,
                product.id,
                sku.id,
                sku.title,
                '1 Hour',
                sku.term,
                'Upfront',
                sheet.market,
                currency.code,
                price,
                start,
                end,
              ]
                .map(csvField)
                .join(','),
            );
          }
        }
        return csvReply(lines);
      },
    },
  ];
}

function csvReply(lines: ReadonlyArray<string>) {
  return {
    status: 200,
    body: `${lines.join('\n')}\n`,
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': 'attachment; filename=sheets.csv',
    },
  };
}
