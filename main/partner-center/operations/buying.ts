/**
 * What buying needs beyond carts: the customer-scoped savings plan availabilities (§15) and the
 * partner price sheet (§16).
 */
import type { CallOptions, HttpPipeline, OriginCredential } from '../http';
import { availabilitySchema } from '../models/catalog';
import { unzippedIfZip } from '../zipped-body';
import { list, named } from './define';
import { segment } from './path';

/** The savings plan product (§15): fixed id, SKUs `0001` (1 year) and `0002` (3 years). */
export const SAVINGS_PLAN_PRODUCT_ID = 'DZH318Z09V6F';

/** Calls of what a customer can buy. */
export const buyingCalls = named({
  /** A SKU's availabilities for one customer (savings plans are discovered per customer, App+User). */
  getCustomerAvailabilities: list(
    '/customers/{customerId}/products/{productId}/skus/{skuId}/availabilities',
    availabilitySchema,
  ),
});

/**
 * Downloads the partner price sheet of a market (App+User only) as CSV bytes, as they arrive. The
 * sheet lives on its own host with its own token audience (`https://api.partner.microsoft.com`,
 * §16): `sheet` names that origin and the token for it, so the Partner Center token never goes
 * there. It asks for a zipped sheet (`Accept-Encoding: deflate`) and unzips it when the body starts
 * like a zip, whatever the headers say.
 */
export async function getPriceSheet(
  http: HttpPipeline,
  sheet: OriginCredential,
  market: string,
  view: 'azure_reservations' = 'azure_reservations',
  options?: CallOptions,
): Promise<AsyncIterable<Uint8Array>> {
  const operation = 'getPriceSheet';
  const code = segment(operation, 'market', market.toUpperCase());
  const path = `${sheet.origin.replace(/\/+$/, '')}/v1.0/sales/pricesheets(Market='${code}',PricesheetView='${view}')/$value`;
  const { body } = await http.stream(
    {
      operation,
      method: 'GET',
      path,
      query: { timeline: 'current' },
      accept: 'text/csv, application/octet-stream',
      headers: [{ key: 'Accept-Encoding', value: 'deflate' }],
      credential: sheet,
    },
    [],
    options,
  );
  return unzippedIfZip(body);
}
