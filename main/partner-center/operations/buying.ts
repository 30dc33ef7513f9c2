/**
 * What buying needs beyond carts: the customer-scoped savings plan availabilities (§15) and the
 * partner price sheet (§16).
 */
import type { CallOptions, HttpPipeline } from '../http';
import { availabilitySchema, type Availability } from '../models/catalog';
import { collectionSchema } from '../models/common';
import { segment } from './path';

/** The savings plan product (§15): fixed id, SKUs `0001` (1 year) and `0002` (3 years). */
export const SAVINGS_PLAN_PRODUCT_ID = 'DZH318Z09V6F';

/** A SKU's availabilities for one customer (savings plans are discovered per customer, App+User). */
export async function getCustomerAvailabilities(
  http: HttpPipeline,
  customerId: string,
  productId: string,
  skuId: string,
  options?: CallOptions,
): Promise<Availability[]> {
  const operation = 'getCustomerAvailabilities';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/products/${segment(operation, 'productId', productId)}/skus/${segment(operation, 'skuId', skuId)}/availabilities`;
  const { data } = await http.json(
    { operation, method: 'GET', path },
    collectionSchema(availabilitySchema),
    options,
  );
  return data.items;
}

/**
 * Downloads the partner price sheet of a market (App+User only) as CSV text. The sheet lives on
 * its own host (`https://api.partner.microsoft.com`, §16), given as `sheetOrigin`; the pipeline only
 * sends its token there when that origin is its own (the sandbox), and refuses otherwise.
 */
export async function getPriceSheet(
  http: HttpPipeline,
  sheetOrigin: string,
  market: string,
  view: 'azure_reservations' = 'azure_reservations',
  options?: CallOptions,
): Promise<string> {
  const operation = 'getPriceSheet';
  const code = segment(operation, 'market', market.toUpperCase());
  const path = `${sheetOrigin.replace(/\/+$/, '')}/v1.0/sales/pricesheets(Market='${code}',PricesheetView='${view}')/$value`;
  const { body } = await http.bytes(
    {
      operation,
      method: 'GET',
      path,
      query: { timeline: 'current' },
      accept: 'text/csv, application/octet-stream',
    },
    options,
  );
  return new TextDecoder().decode(body);
}
