/**
 * The sandbox's data: a generated Partner Center world (catalog, customers, orders, entitlements,
 * invoices) and statement PDFs. The server (`main/sandbox/server/`) serves these objects.
 */
export type * from './model';
export { generateWorld, worldToJson } from './generate';
export {
  availabilitiesFor,
  checkInventory,
  countryName,
  inventoryRestrictions,
  isSold,
  parseCatalogItemId,
  pricingFor,
  productFor,
  productsFor,
  resolveCatalogItem,
  skuFor,
  skuKey,
  skusFor,
  termTitle,
  toAvailability,
  toProduct,
  toSku,
  unitPriceMinor,
} from './catalog';
export {
  AZURE_PLAN_OFFER_ID,
  AZURE_PLAN_PRODUCT_ID,
  CUSTOMER_COUNT,
  customerCountry,
  DEMO_CUSTOMERS,
  DEMO_SUBSCRIPTIONS,
  isAzureSubscription,
  LEGACY_AZURE_OFFER_ID,
  reservationScopeOf,
} from './customers';
export {
  allInvoiceLineItems,
  INVOICE_CURRENCIES,
  invoiceLineItemAt,
  invoiceLineItemCount,
  invoiceLineItems,
  lineItemTotalMinor,
} from './billing';
export { AZURE_REGIONS } from './regions';
export { currencyForCountry, currencyInfo, toMajor, toMinor, wireDate, type CurrencyInfo } from './wire';
export { renderStatementPdf, type StatementOptions } from './statement-pdf';
