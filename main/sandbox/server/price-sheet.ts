/**
 * The partner price sheet (§16), App+User only, as CSV: one row per purchasable reservation SKU of
 * the market (unit price for the whole term, in the market's currency). Served on this origin under
 * `/v1.0/sales/pricesheets(Market='US',PricesheetView='azure_reservations')/$value`; the path's
 * quotes, parentheses and dollar sign may come literal or percent-encoded.
 *
 * Like the real service it takes only tokens of the partner API audience (a Partner Center token
 * gets 401), and answers `Accept-Encoding: deflate` with a zip archive holding `sheets.csv`, with the
 * same headers as the plain sheet: clients must know a zip by its bytes.
 */
import { strToU8, zipSync } from 'fflate';
import { currencyForCountry, toMajor, usdCentsTo } from '../data/wire';
import type { IdentityProvider } from './identity';
import type { RouteContext, Route } from './router';
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
  // As in Microsoft's example sheet: opened with a plain quote, closed with a typographic one.
  '"ERP Price\u201D',
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

/** Refuses a token that is not a signed-in user's token of the partner API audience. */
async function authorize(identity: IdentityProvider, ctx: RouteContext): Promise<void> {
  const checked = await identity.checkPriceSheet(ctx.header('authorization'));
  if (!checked.ok) {
    throw new ApiError(
      401,
      0,
      checked.reason === 'audience'
        ? 'Access denied: the token audience is not https://api.partner.microsoft.com.'
        : 'Access denied: the access token is missing, expired or not valid.',
      [],
      { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    );
  }
  if (checked.caller.appOnly) {
    throw new ApiError(403, 0, 'Application-only access is not supported for price sheets.');
  }
}

/** The price sheet route. */
export function priceSheetRoutes(services: Services, identity: IdentityProvider): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1.0/sales/:sheet/:value',
      // Checked in the handler: this host takes its own audience, not Partner Center's.
      auth: 'none',
      handler: async (ctx) => {
        await authorize(identity, ctx);
        const zipped = /\bdeflate\b/i.test(ctx.header('accept-encoding') ?? '');
        const csvReply = (lines: ReadonlyArray<string>) => sheetReply(lines, zipped);
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
                price,
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

function sheetReply(lines: ReadonlyArray<string>, zipped: boolean) {
  const csv = `${lines.join('\n')}\n`;
  return {
    status: 200,
    body: zipped ? Buffer.from(zipSync({ 'sheets.csv': strToU8(csv) })) : csv,
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': 'attachment; filename=sheets.csv',
    },
  };
}
