/**
 * The Partner Center API client: one typed method per operation of the wire contract (§4, §13).
 *
 * Plain Node: no Electron. Authentication is injected (`getAccessToken`), and so is the tenant's
 * request budget, which must be the one shared by everything in the app (`budgetForTenant`).
 */
import {
  HttpPipeline,
  type CallOptions,
  type HttpPipelineOptions,
  type OriginCredential,
  type StreamResponse,
  type WriteOptions,
} from './http';
import type { Availability, InventoryCheckRequest, InventoryItem, Product, Sku } from './models/catalog';
import type { Cart, CartCheckoutResult, CartInput } from './models/carts';
import type { Link } from './models/common';
import type { Customer, RegistrationStatus, Subscription } from './models/customers';
import type { Entitlement, ReservationDetails } from './models/entitlements';
import type { Invoice, InvoiceLineItem, InvoiceSummary } from './models/billing';
import type { LineItemProvisioningStatus, Order } from './models/orders';
import * as billing from './operations/billing';
import * as buying from './operations/buying';
import * as carts from './operations/carts';
import * as catalog from './operations/catalog';
import * as customers from './operations/customers';
import * as entitlements from './operations/entitlements';
import * as orders from './operations/orders';
import type { PagedCollection } from './paging';

export * from './budget';
export type { Clock } from './clock';
export { systemClock } from './clock';
export * from './errors';
export * from './json-body';
export {
  HttpPipeline,
  defaultRetryPolicy,
  isRetryableStatus,
  malformedResponseError,
  parseRetryAfter,
  type BytesResponse,
  type CallOptions,
  type HttpPipelineOptions,
  type JsonResponse,
  type OriginCredential,
  type RequestSpec,
  type ResponseInfo,
  type RetryPolicy,
  type StreamResponse,
  type WriteOptions,
} from './http';
export * from './models/billing';
export * from './models/carts';
export * from './models/catalog';
export {
  billingCycleValues,
  enumKey,
  isKnownEnum,
  parsePartnerCenterDate,
  type BillingCycle,
  type Lenient,
  type Link,
  type LinkHeader,
  type Pricing,
} from './models/common';
export * from './models/customers';
export * from './models/entitlements';
export * from './models/orders';
export { SAVINGS_PLAN_PRODUCT_ID } from './operations/buying';
export type { CatalogScope, InventoryQuery, ProductQuery, SegmentedCatalogScope } from './operations/catalog';
export type { RegistrationAccepted } from './operations/customers';
export type { EntitlementQuery } from './operations/entitlements';
export type { InvoiceLineItemQuery } from './operations/billing';
export type { OrderBillingType, OrderQuery } from './operations/orders';
export { nextRequest, paginate, type Page, type PagedCollection } from './paging';

/** How to reach Partner Center and as whom: the request pipeline's options. */
export type PartnerCenterClientOptions = HttpPipelineOptions;

/** A Partner Center API client for one partner tenant. */
export class PartnerCenterClient {
  /** The request pipeline, for operations added outside this class. */
  readonly http: HttpPipeline;

  constructor(options: PartnerCenterClientOptions) {
    this.http = new HttpPipeline(options);
  }

  // Customers and registration (§13, §4.1–4.2)

  /** Lists the partner's customers (seek-paged). */
  listCustomers(query?: { readonly size?: number }, options?: CallOptions): PagedCollection<Customer> {
    return customers.customerCalls.listCustomers(this.http, query ?? {}, options);
  }

  /** Gets one customer. */
  getCustomer(customerId: string, options?: CallOptions): Promise<Customer> {
    return customers.customerCalls.getCustomer(this.http, { customerId }, options);
  }

  /** Lists a customer's subscriptions. */
  listSubscriptions(customerId: string, options?: CallOptions): Promise<Subscription[]> {
    return customers.customerCalls.listSubscriptions(this.http, { customerId }, options);
  }

  /** Gets one of a customer's subscriptions. */
  getSubscription(customerId: string, subscriptionId: string, options?: CallOptions): Promise<Subscription> {
    return customers.customerCalls.getSubscription(this.http, { customerId, subscriptionId }, options);
  }

  /** Registers a subscription for reservation purchases. */
  registerSubscription(
    customerId: string,
    subscriptionId: string,
    options?: WriteOptions,
  ): Promise<customers.RegistrationAccepted> {
    return customers.registerSubscription(this.http, { customerId, subscriptionId }, options);
  }

  /** Gets a subscription's reservation registration status. */
  getRegistrationStatus(
    customerId: string,
    subscriptionId: string,
    options?: CallOptions,
  ): Promise<RegistrationStatus> {
    return customers.customerCalls.getRegistrationStatus(this.http, { customerId, subscriptionId }, options);
  }

  // Catalog (§4.3–4.9)

  /** Lists products for a country and target view. */
  getProducts(query: catalog.ProductQuery, options?: CallOptions): Promise<Product[]> {
    return catalog.catalogCalls.getProducts(this.http, query, options);
  }

  /** Gets one product. */
  getProduct(productId: string, scope: catalog.CatalogScope, options?: CallOptions): Promise<Product> {
    return catalog.catalogCalls.getProduct(this.http, { productId, scope }, options);
  }

  /** Lists a product's SKUs. */
  getSkus(productId: string, scope: catalog.SegmentedCatalogScope, options?: CallOptions): Promise<Sku[]> {
    return catalog.catalogCalls.getSkus(this.http, { productId, scope }, options);
  }

  /** Gets one SKU. */
  getSku(productId: string, skuId: string, scope: catalog.CatalogScope, options?: CallOptions): Promise<Sku> {
    return catalog.catalogCalls.getSku(this.http, { productId, skuId, scope }, options);
  }

  /** Lists a SKU's availabilities. */
  getAvailabilities(
    productId: string,
    skuId: string,
    scope: catalog.SegmentedCatalogScope,
    options?: CallOptions,
  ): Promise<Availability[]> {
    return catalog.catalogCalls.getAvailabilities(this.http, { productId, skuId, scope }, options);
  }

  /** Gets one availability. */
  getAvailability(
    productId: string,
    skuId: string,
    availabilityId: string,
    scope: catalog.CatalogScope,
    options?: CallOptions,
  ): Promise<Availability> {
    return catalog.catalogCalls.getAvailability(
      this.http,
      { productId, skuId, availabilityId, scope },
      options,
    );
  }

  /** Checks inventory for SKUs with the `InventoryCheck` prerequisite (by resource type, §4.9). */
  checkInventory(
    query: catalog.InventoryQuery,
    request: InventoryCheckRequest,
    options?: CallOptions,
  ): Promise<InventoryItem[]> {
    return catalog.checkInventory(this.http, query, request, options);
  }

  /** A SKU's availabilities for one customer (savings plans, §15; App+User). */
  getCustomerAvailabilities(
    customerId: string,
    productId: string,
    skuId: string,
    options?: CallOptions,
  ): Promise<Availability[]> {
    return buying.buyingCalls.getCustomerAvailabilities(this.http, { customerId, productId, skuId }, options);
  }

  /**
   * The partner price sheet of a market as CSV bytes, unzipped as they arrive (§16; App+User), from
   * the sheet's own origin with a token of its own audience.
   */
  getPriceSheet(
    sheet: OriginCredential,
    market: string,
    options?: CallOptions,
  ): Promise<AsyncIterable<Uint8Array>> {
    return buying.getPriceSheet(this.http, sheet, market, 'azure_reservations', options);
  }

  // Carts (§4.10–4.13)

  /** Creates a cart. */
  createCart(customerId: string, cart: CartInput, options?: WriteOptions): Promise<Cart> {
    return carts.cartCalls.createCart(this.http, { customerId, cart }, options);
  }

  /** Gets a cart. */
  getCart(customerId: string, cartId: string, options?: CallOptions): Promise<Cart> {
    return carts.cartCalls.getCart(this.http, { customerId, cartId }, options);
  }

  /** Replaces a cart's line items. */
  updateCart(customerId: string, cartId: string, cart: CartInput, options?: WriteOptions): Promise<Cart> {
    return carts.cartCalls.updateCart(this.http, { customerId, cartId, cart }, options);
  }

  /** Checks out a cart; pass a journaled `requestId` so a retry can never buy twice. */
  checkoutCart(customerId: string, cartId: string, options?: WriteOptions): Promise<CartCheckoutResult> {
    return carts.cartCalls.checkoutCart(this.http, { customerId, cartId }, options);
  }

  // Orders (§4.14–4.17)

  /** Gets one order. */
  getOrder(
    customerId: string,
    orderId: string,
    query?: orders.OrderQuery,
    options?: CallOptions,
  ): Promise<Order> {
    return orders.orderCalls.getOrder(this.http, { ...query, customerId, orderId }, options);
  }

  /** Lists a customer's orders. */
  listOrders(customerId: string, query?: orders.OrderQuery, options?: CallOptions): Promise<Order[]> {
    return orders.orderCalls.listOrders(this.http, { ...query, customerId }, options);
  }

  /** Lists a customer's orders of one billing cycle type (`OneTime` for reservations). */
  listOrdersByBillingType(
    customerId: string,
    billingType: orders.OrderBillingType,
    query?: orders.OrderQuery,
    options?: CallOptions,
  ): Promise<Order[]> {
    return orders.orderCalls.listOrdersByBillingType(
      this.http,
      { ...query, customerId, billingType },
      options,
    );
  }

  /** Gets the provisioning status of an order's lines. */
  getProvisioningStatus(
    customerId: string,
    orderId: string,
    options?: CallOptions,
  ): Promise<LineItemProvisioningStatus[]> {
    return orders.orderCalls.getProvisioningStatus(this.http, { customerId, orderId }, options);
  }

  // Entitlements (§4.18–4.19)

  /** Lists a customer's entitlements. */
  listEntitlements(
    customerId: string,
    query?: entitlements.EntitlementQuery,
    options?: CallOptions,
  ): Promise<Entitlement[]> {
    return entitlements.entitlementCalls.listEntitlements(this.http, { ...query, customerId }, options);
  }

  /** Follows an artifact link to its reservation details. */
  getReservationDetails(artifactLink: Link | string, options?: CallOptions): Promise<ReservationDetails> {
    return entitlements.getReservationDetails(this.http, artifactLink, options);
  }

  // Billing (§4.20–4.25)

  /** Gets the current account balance. */
  getBalance(options?: CallOptions): Promise<InvoiceSummary> {
    return billing.billingCalls.getBalance(this.http, {}, options);
  }

  /** Lists the account balance per currency. */
  getInvoiceSummaries(options?: CallOptions): Promise<InvoiceSummary[]> {
    return billing.billingCalls.getInvoiceSummaries(this.http, {}, options);
  }

  /** Lists invoices (offset-paged). */
  listInvoices(
    query?: { readonly size?: number; readonly offset?: number },
    options?: CallOptions,
  ): PagedCollection<Invoice> {
    return billing.billingCalls.listInvoices(this.http, query ?? {}, options);
  }

  /** Gets one invoice. */
  getInvoice(invoiceId: string, options?: CallOptions): Promise<Invoice> {
    return billing.billingCalls.getInvoice(this.http, { invoiceId }, options);
  }

  /** Lists an invoice's line items (seek-paged for OneTime, offset-paged otherwise). */
  listInvoiceLineItems(
    invoiceId: string,
    query: billing.InvoiceLineItemQuery,
    options?: CallOptions,
  ): PagedCollection<InvoiceLineItem> {
    return billing.billingCalls.listInvoiceLineItems(this.http, { ...query, invoiceId }, options);
  }

  /** Streams an invoice's statement PDF. */
  getInvoiceStatement(invoiceId: string, options?: CallOptions): Promise<StreamResponse> {
    return billing.getInvoiceStatement(this.http, { invoiceId }, options);
  }

  /** Streams a tax receipt's PDF. */
  getTaxReceiptStatement(
    invoiceId: string,
    receiptId: string,
    options?: CallOptions,
  ): Promise<StreamResponse> {
    return billing.getTaxReceiptStatement(this.http, { invoiceId, receiptId }, options);
  }
}
