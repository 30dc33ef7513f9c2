/**
 * Types of the sandbox's generated world.
 *
 * Wire-shaped types (`Product`, `Sku`, `Availability`, `Customer`, `Subscription`, `Order`, `Entitlement`,
 * `Invoice`, line items, summaries) use exactly the property names, nesting and enum values of the wire
 * contract (`shared/partner-center-api.md` §4, §5, §6, §13), so the server can serve them as they are.
 * `*Record` types are the sandbox's own country-neutral storage; the `catalog` helpers turn them into
 * wire objects for one country and reservation scope (links carry `?country=`).
 */

// ---------------------------------------------------------------------------------------------------
// Common wire pieces (§1.3)
// ---------------------------------------------------------------------------------------------------

/** HTTP method of a `Link`. */
export type LinkMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One header carried by a `Link` (e.g. `MS-ContinuationToken` on seek paging). */
export interface LinkHeader {
  readonly key: string;
  readonly value: string;
}

/** A hypermedia link; `uri` is relative to `/v1` (no host, no `/v1`). */
export interface Link {
  readonly uri: string;
  readonly method: LinkMethod;
  readonly headers: ReadonlyArray<LinkHeader>;
}

/** `attributes` present on every resource. */
export interface ResourceAttributes {
  readonly objectType: string;
  readonly etag?: string;
}

/** A Partner Center ISO-8601 date-time string (UTC, `Z`, 7 fractional digits when generated here). */
export type WireDate = string;

/** A currency as it appears on availabilities: `{ code, symbol }`. */
export interface CurrencyRef {
  readonly code: string;
  readonly symbol: string;
}

// ---------------------------------------------------------------------------------------------------
// Enums (§6), wire values
// ---------------------------------------------------------------------------------------------------

/** BillingCycleType wire values. */
export type BillingCycle = 'unknown' | 'monthly' | 'annual' | 'none' | 'one_time' | 'triennial' | 'biennial';

/** Reservation scope of the catalog: `AzurePlan` (`reservationScope=AzurePlan`) or legacy MS-AZR-0145P (omitted). */
export type ReservationScope = 'AzurePlan' | 'Legacy';

/** `targetView` values that list reservation products (others give an empty list in the sandbox). */
export type ReservationTargetView =
  'AzureReservations' | 'AzureReservationsVM' | 'AzureReservationsSQL' | 'AzureReservationsCosmosDb';

/** Market segment. */
export type Segment = 'commercial' | 'education' | 'government' | 'nonprofit';

/** SKU purchase prerequisites relevant to reservations. */
export type PurchasePrerequisite = 'AzureSubscriptionRegistration' | 'InventoryCheck';

/** Keys a SKU asks for in an inventory-check context. */
export type InventoryVariable = 'CustomerId' | 'AzureSubscriptionId' | 'ArmRegionName';

/** Keys a SKU asks for in a cart line's provisioning context. */
export type ProvisioningVariable = 'Scope' | 'SubscriptionId' | 'Duration';

/** Reservation term as an ISO-8601 duration. */
export type TermDuration = 'P1Y' | 'P3Y';

/** Reservation term as written in SKU `dynamicAttributes.duration` (legacy RIs). */
export type DurationAttribute = '1Year' | '3Years';

/** Order status wire values. */
export type OrderStatus = 'unknown' | 'completed' | 'pending' | 'cancelled';

/** Order transaction type. */
export type OrderTransactionType = 'UserPurchase' | 'SystemPurchase' | 'SystemBilling';

/** Line provisioning status (§4.17; emitted lowercase like the doc example). */
export type ProvisioningStatus = 'fulfilled' | 'unfulfilled' | 'prefulfillmentpending';

/** Subscription registration state for reservations (§4.2). */
export type RegistrationState = 'Registered' | 'Registering' | 'NotRegistered';

/** Subscription status (§13). */
export type SubscriptionStatus = 'active' | 'suspended' | 'deleted' | 'expired' | 'disabled';

/** Invoice type. */
export type InvoiceType = 'Recurring' | 'OneTime';

/** Invoice document type. */
export type DocumentType = 'none' | 'invoice' | 'void_note' | 'adjustment_note';

/** Billing provider of an invoice detail or line item. */
export type BillingProvider = 'none' | 'office' | 'azure' | 'one_time' | 'marketplace' | 'all';

/** Invoice line item type. */
export type InvoiceLineItemType = 'none' | 'usage_line_items' | 'billing_line_items';

/** Reservation `scopeType` on reservation details. */
export type ReservationScopeType = 'Shared' | 'Single';

// ---------------------------------------------------------------------------------------------------
// Catalog, wire shapes (§4.3–4.9, §5)
// ---------------------------------------------------------------------------------------------------

/** Product type (`ItemType`). */
export interface ItemType {
  readonly id: string;
  readonly displayName: string;
  readonly subType?: ItemType;
}

/** A reservation product as served by `GET /products`. */
export interface Product {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly productType: ItemType;
  readonly isMicrosoftProduct: boolean;
  readonly publisherName: string;
  readonly links: { readonly skus: Link; readonly self: Link };
  readonly attributes: ResourceAttributes;
}

/**
 * SKU `dynamicAttributes` (all values are strings on the wire, e.g. `"cores": "12"`).
 * VM SKUs carry `cores`/`ram`/`diskType`; other services carry their own capacity keys.
 */
export interface SkuDynamicAttributes {
  readonly armSkuName: string;
  readonly skuDisplayName: string;
  readonly category: string;
  readonly armRegionName: string;
  readonly region: string;
  readonly duration: DurationAttribute;
  readonly reservationType: string;
  readonly cores?: string;
  readonly ram?: string;
  readonly diskType?: string;
  readonly vmSeries?: string;
  readonly instanceFlexibilityGroup?: string;
  readonly capacityUnit?: string;
  readonly capacity?: string;
  readonly [key: string]: string | undefined;
}

/** A SKU as served by `GET /products/{id}/skus`. */
export interface Sku {
  readonly id: string;
  readonly productId: string;
  readonly title: string;
  readonly description: string;
  readonly minimumQuantity: number;
  readonly maximumQuantity: number;
  readonly isTrial: boolean;
  readonly supportedBillingCycles: ReadonlyArray<BillingCycle>;
  readonly purchasePrerequisites: ReadonlyArray<PurchasePrerequisite>;
  readonly inventoryVariables: ReadonlyArray<InventoryVariable>;
  readonly provisioningVariables: ReadonlyArray<ProvisioningVariable>;
  readonly dynamicAttributes: SkuDynamicAttributes;
  readonly links: { readonly availabilities: Link; readonly self: Link };
  readonly attributes: ResourceAttributes;
}

/** An availability term. */
export interface AvailabilityTerm {
  readonly duration: TermDuration;
  readonly description: string;
}

/** An availability as served by `GET .../availabilities`; `catalogItemId` = `product:sku:availability`. */
export interface Availability {
  readonly id: string;
  readonly productId: string;
  readonly skuId: string;
  readonly catalogItemId: string;
  readonly defaultCurrency: CurrencyRef;
  readonly segment: Segment;
  readonly country: string;
  readonly isPurchasable: boolean;
  readonly isRenewable: boolean;
  readonly terms: ReadonlyArray<AvailabilityTerm>;
  readonly product: Product;
  readonly sku: Sku;
  readonly links: { readonly self: Link };
  readonly attributes: ResourceAttributes;
}

/** One restriction in a check-inventory answer. */
export interface InventoryRestriction {
  readonly reasonCode: string;
  readonly description: string;
  readonly properties: Readonly<Record<string, string>>;
}

/** One item of the check-inventory answer (bare array on the wire). */
export interface InventoryItem {
  readonly productId: string;
  readonly skuId: string;
  readonly isRestricted: boolean;
  readonly restrictions: ReadonlyArray<InventoryRestriction>;
}

/** Price of one unit of a SKU in one currency (order/cart `pricing`; not on availabilities). */
export interface Pricing {
  readonly listPrice: number;
  readonly discountedPrice: number;
  readonly proratedPrice: number;
  readonly price: number;
  readonly extendedPrice: number;
}

// ---------------------------------------------------------------------------------------------------
// Catalog, sandbox storage (country-neutral)
// ---------------------------------------------------------------------------------------------------

/** An Azure region: ARM name (`westus2`) and display name (`US West 2`). */
export interface AzureRegion {
  readonly armName: string;
  readonly displayName: string;
  /** Geography, used to vary availability and inventory by area. */
  readonly geography: string;
}

/** A stored reservation product. */
export interface ProductRecord {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly productType: ItemType;
  /** `dynamicAttributes.reservationType` of its SKUs and artifacts (`virtualmachines`, `sqldatabases`, …). */
  readonly reservationType: string;
  /** Target views that list this product (always includes `AzureReservations`). */
  readonly targetViews: ReadonlyArray<ReservationTargetView>;
  /** Scopes it is sold in (some newer products are Azure-plan only). */
  readonly scopes: ReadonlyArray<ReservationScope>;
}

/** A stored SKU: one (size, region, term) of a product. */
export interface SkuRecord {
  readonly id: string;
  readonly productId: string;
  readonly title: string;
  readonly description: string;
  readonly term: TermDuration;
  readonly dynamicAttributes: SkuDynamicAttributes;
  readonly purchasePrerequisites: ReadonlyArray<PurchasePrerequisite>;
  readonly inventoryVariables: ReadonlyArray<InventoryVariable>;
  readonly maximumQuantity: number;
  /** Availability id per scope it is sold in; ids differ per scope (§8). */
  readonly availabilityIds: Readonly<Partial<Record<ReservationScope, string>>>;
  /** Price of one unit for the whole term, in US cents. */
  readonly unitPriceUsdCents: number;
}

/** The stored catalog plus its indexes. */
export interface Catalog {
  readonly size: 'small' | 'full';
  readonly regions: ReadonlyArray<AzureRegion>;
  readonly products: ReadonlyArray<ProductRecord>;
  readonly productsById: ReadonlyMap<string, ProductRecord>;
  /** SKUs of each product, in id order. */
  readonly skusByProduct: ReadonlyMap<string, ReadonlyArray<SkuRecord>>;
  /** SKUs by `skuKey(productId, skuId)`. */
  readonly skusByKey: ReadonlyMap<string, SkuRecord>;
  /** Total SKU count. */
  readonly skuCount: number;
  /** ARM region names where a SKU is out of inventory, by `skuKey(productId, skuId)` (only InventoryCheck SKUs). */
  readonly restrictedRegions: ReadonlyMap<string, ReadonlyArray<string>>;
}

// ---------------------------------------------------------------------------------------------------
// Customers and subscriptions (§13)
// ---------------------------------------------------------------------------------------------------

/** A postal address in a company or billing profile. */
export interface Address {
  readonly country: string;
  readonly region?: string;
  readonly state?: string;
  readonly city: string;
  readonly addressLine1: string;
  readonly postalCode: string;
  readonly phoneNumber?: string;
  readonly firstName?: string;
  readonly lastName?: string;
}

/** `companyProfile` of a customer. */
export interface CompanyProfile {
  readonly tenantId: string;
  readonly domain: string;
  readonly companyName: string;
  readonly email?: string;
  readonly address?: Address;
  readonly attributes: ResourceAttributes;
}

/** `billingProfile` of a customer; its `defaultAddress.country` picks the catalog. */
export interface BillingProfile {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly culture: string;
  readonly language: string;
  readonly companyName: string;
  readonly defaultAddress: Address;
  readonly attributes: ResourceAttributes;
}

/** A customer by ID (the list view carries only `id`, `companyProfile` basics, `relationshipToPartner`). */
export interface Customer {
  readonly id: string;
  readonly commerceId: string;
  readonly companyProfile: CompanyProfile;
  readonly billingProfile: BillingProfile;
  readonly relationshipToPartner: 'reseller' | 'advisor' | 'none';
  readonly allowDelegatedAccess: boolean;
  readonly customDomains: ReadonlyArray<string>;
  readonly links: { readonly self: Link };
  readonly attributes: ResourceAttributes;
}

/** A customer's subscription: an Azure plan, a legacy MS-AZR-0145P subscription, or something else. */
export interface Subscription {
  readonly id: string;
  readonly offerId: string;
  readonly offerName: string;
  readonly friendlyName: string;
  readonly productType: ItemType;
  readonly quantity: number;
  readonly unitType: string;
  readonly hasPurchasableAddons: boolean;
  readonly creationDate: WireDate;
  readonly effectiveStartDate: WireDate;
  readonly commitmentEndDate: WireDate;
  readonly status: SubscriptionStatus;
  readonly autoRenewEnabled: boolean;
  readonly isTrial: boolean;
  readonly billingType: 'license' | 'usage' | 'none';
  readonly billingCycle: BillingCycle;
  readonly termDuration?: string;
  readonly contractType: 'subscription';
  readonly orderId: string;
  readonly publisherName: string;
  readonly links: {
    readonly self: Link;
    readonly product?: Link;
    readonly sku?: Link;
    readonly availability?: Link;
  };
  readonly attributes: ResourceAttributes;
}

/** Registration status resource (§4.2). */
export interface SubscriptionRegistrationStatus {
  readonly subscriptionId: string;
  readonly status: RegistrationState;
  readonly attributes: ResourceAttributes;
}

// ---------------------------------------------------------------------------------------------------
// Orders (§4.13–4.17)
// ---------------------------------------------------------------------------------------------------

/** A line of an order. `pricing` is served only with `include_price=true`. */
export interface OrderLineItem {
  readonly lineItemNumber: number;
  readonly offerId: string;
  readonly subscriptionId?: string;
  readonly termDuration: TermDuration;
  readonly transactionType: 'New';
  readonly friendlyName: string;
  readonly quantity: number;
  readonly provisioningContext?: Readonly<Record<string, string>>;
  readonly pricing?: Pricing;
  readonly links: { readonly sku: Link; readonly product?: Link; readonly availability?: Link };
}

/** An order. `totalPrice` is served only with `include_price=true`. */
export interface Order {
  readonly id: string;
  readonly alternateId: string;
  readonly referenceCustomerId: string;
  readonly billingCycle: BillingCycle;
  readonly currencyCode: string;
  readonly currencySymbol: string;
  readonly lineItems: ReadonlyArray<OrderLineItem>;
  readonly creationDate: WireDate;
  readonly status: OrderStatus;
  readonly transactionType: OrderTransactionType;
  readonly totalPrice?: number;
  readonly links: { readonly self: Link; readonly provisioningStatus: Link };
  readonly attributes: ResourceAttributes;
}

/** Provisioning status of one order line (§4.17). */
export interface OrderLineItemProvisioningStatus {
  readonly orderLineItemId: number;
  readonly lineItemNumber: number;
  readonly status: ProvisioningStatus;
  readonly quantityProvisioningInformation: ReadonlyArray<{
    readonly quantity: number;
    readonly status: ProvisioningStatus;
  }>;
}

// ---------------------------------------------------------------------------------------------------
// Entitlements and reservations (§4.18, §4.19)
// ---------------------------------------------------------------------------------------------------

/** A reserved-instance artifact of an entitlement; `link` leads to the reservation details. */
export interface ReservedInstanceArtifact {
  readonly artifactType: 'reservedinstance';
  readonly dynamicAttributes: Readonly<Record<string, string>>;
  readonly resourceId: string;
  readonly link: Link;
}

/** An entitlement. `expiryDate` is served only with `showExpiry=true`. */
export interface Entitlement {
  readonly includedEntitlements: ReadonlyArray<Entitlement>;
  readonly referenceOrder: { readonly id: string; readonly lineItemId: string; readonly alternateId: string };
  readonly productId: string;
  readonly skuId: string;
  readonly quantity: number;
  readonly quantityDetails: ReadonlyArray<{ readonly quantity: number; readonly status: string }>;
  readonly entitlementType: 'reservedinstance';
  readonly fulfillmentState: string;
  readonly entitledArtifacts: ReadonlyArray<ReservedInstanceArtifact>;
  readonly expiryDate: WireDate;
  readonly attributes: ResourceAttributes;
}

/** One Azure reservation. */
export interface Reservation {
  readonly reservationId: string;
  readonly displayName: string;
  readonly appliedScopes?: ReadonlyArray<string>;
  readonly scopeType: ReservationScopeType;
  readonly quantity: number;
  readonly expiryDateTime: WireDate;
  readonly effectiveDateTime: WireDate;
  readonly provisioningState: 'Created' | 'Succeeded' | 'Expired' | 'Cancelled';
}

/** Reservation details behind an artifact link. */
export interface ReservedInstanceArtifactDetails {
  readonly type: 'reservedinstance';
  readonly reservations: ReadonlyArray<Reservation>;
  readonly attributes: ResourceAttributes;
}

// ---------------------------------------------------------------------------------------------------
// Billing (§4.20–4.25)
// ---------------------------------------------------------------------------------------------------

/** One line-item family of an invoice. */
export interface InvoiceDetail {
  readonly invoiceLineItemType: InvoiceLineItemType;
  readonly billingProvider: BillingProvider;
  readonly links: { readonly self: Link };
  readonly attributes: ResourceAttributes;
}

/** A tax receipt of an invoice. */
export interface TaxReceipt {
  readonly id: string;
  readonly taxReceiptPdfDownloadLink: string;
}

/** An invoice or an amendment (credit note: `documentType: adjustment_note`, negative `totalCharges`). */
export interface Invoice {
  readonly id: string;
  readonly invoiceDate: WireDate;
  readonly billingPeriodStartDate: WireDate;
  readonly billingPeriodEndDate: WireDate;
  readonly totalCharges: number;
  readonly paidAmount: number;
  readonly currencyCode: string;
  readonly currencySymbol: string;
  readonly pdfDownloadLink: string;
  readonly taxReceipts: ReadonlyArray<TaxReceipt>;
  readonly invoiceDetails: ReadonlyArray<InvoiceDetail>;
  readonly amendments: ReadonlyArray<Invoice>;
  readonly documentType: DocumentType;
  readonly amendsOf?: string;
  readonly invoiceType: InvoiceType;
  readonly links: { readonly self: Link };
  readonly attributes: ResourceAttributes;
}

/** One `details` entry of an invoice summary. */
export interface InvoiceSummaryDetail {
  readonly invoiceType: InvoiceType;
  readonly summary: InvoiceSummary;
}

/** Account balance for one currency (`/invoices/summary`, items of `/invoices/summaries`). */
export interface InvoiceSummary {
  readonly balanceAmount: number;
  readonly currencyCode: string;
  readonly currencySymbol: string;
  readonly accountingDate: WireDate;
  readonly firstInvoiceCreationDate: WireDate;
  readonly lastPaymentDate: WireDate;
  readonly lastPaymentAmount: number;
  readonly latestInvoiceDate: WireDate;
  readonly details?: ReadonlyArray<InvoiceSummaryDetail>;
  readonly links?: { readonly self: Link };
  readonly attributes: ResourceAttributes;
}

/** Fields shared by every invoice line item. */
interface LineItemBase {
  readonly invoiceLineItemType: InvoiceLineItemType;
  readonly billingProvider: BillingProvider;
  readonly attributes: ResourceAttributes;
}

/** A OneTime billing line item (reservations, software, Azure plan); seek paging. */
export interface OneTimeInvoiceLineItem extends LineItemBase {
  readonly billingProvider: 'one_time';
  readonly partnerId: string;
  readonly customerId: string;
  readonly customerName: string;
  readonly customerDomainName: string;
  readonly customerCountry: string;
  readonly invoiceNumber: string;
  readonly mpnId: string;
  readonly resellerMpnId: number;
  readonly orderId: string;
  readonly orderDate: WireDate;
  readonly productId: string;
  readonly skuId: string;
  readonly availabilityId: string;
  readonly productName: string;
  readonly skuName: string;
  readonly productQualifiers: ReadonlyArray<string>;
  readonly chargeType: 'new' | 'cancel';
  readonly unitPrice: number;
  readonly effectiveUnitPrice: number;
  readonly unitType: string;
  readonly quantity: number;
  readonly subtotal: number;
  readonly taxTotal: number;
  readonly totalForCustomer: number;
  readonly currency: string;
  readonly publisherName: string;
  readonly publisherId: string;
  readonly subscriptionDescription: string;
  readonly subscriptionId: string;
  readonly subscriptionStartDate: WireDate;
  readonly subscriptionEndDate: WireDate;
  readonly chargeStartDate: WireDate;
  readonly chargeEndDate: WireDate;
  readonly termAndBillingCycle: string;
  readonly alternateId: string;
  readonly referenceId: string;
  readonly priceAdjustmentDescription: string;
  readonly discountDetails: string;
  readonly pricingCurrency: string;
  readonly pcToBCExchangeRate: number;
  readonly pcToBCExchangeRateDate: WireDate;
  readonly billableQuantity: number;
  readonly meterDescription: string;
  readonly billingFrequency: string;
  readonly reservationOrderId: string;
  readonly creditReasonCode: string;
  readonly promotionId: string;
}

/** A legacy Azure (MS-AZR-0145P) billing line item (`provider=azure`); offset paging. */
export interface UsageBasedLineItem extends LineItemBase {
  readonly billingProvider: 'azure';
  readonly partnerId: string;
  readonly partnerName: string;
  readonly partnerBillableAccountId: string;
  readonly customerCompanyName: string;
  readonly mpnId: number;
  readonly tier2MpnId: number;
  readonly invoiceNumber: string;
  readonly subscriptionId: string;
  readonly subscriptionName: string;
  readonly subscriptionDescription: string;
  readonly orderId: string;
  readonly serviceName: string;
  readonly serviceType: string;
  readonly resourceGuid: string;
  readonly resourceName: string;
  readonly region: string;
  readonly sku: string;
  readonly detailLineItemId: number;
  readonly consumedQuantity: number;
  readonly includedQuantity: number;
  readonly overageQuantity: number;
  readonly listPrice: number;
  readonly pretaxCharges: number;
  readonly taxAmount: number;
  readonly postTaxTotal: number;
  readonly currency: string;
  readonly pretaxEffectiveRate: number;
  readonly postTaxEffectiveRate: number;
  readonly chargeType: string;
  readonly chargeStartDate: WireDate;
  readonly chargeEndDate: WireDate;
  readonly customerId: string;
  readonly domainName: string;
}

/** A legacy license-based (Office) billing line item (`provider=office`); offset paging. */
export interface LicenseBasedLineItem extends LineItemBase {
  readonly billingProvider: 'office';
  readonly partnerId: string;
  readonly customerId: string;
  readonly customerName: string;
  readonly mpnId: number;
  readonly tier2MpnId: number;
  readonly orderId: string;
  readonly subscriptionId: string;
  readonly syndicationPartnerSubscriptionNumber: string;
  readonly offerId: string;
  readonly durableOfferId: string;
  readonly offerName: string;
  readonly domainName: string;
  readonly billingCycleType: string;
  readonly subscriptionName: string;
  readonly subscriptionDescription: string;
  readonly orderDate: WireDate;
  readonly chargeStartDate: WireDate;
  readonly chargeEndDate: WireDate;
  readonly chargeType: string;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly amount: number;
  readonly totalOtherDiscount: number;
  readonly subtotal: number;
  readonly tax: number;
  readonly totalForCustomer: number;
  readonly currency: string;
}

/** Any invoice line item; discriminate on `billingProvider`. */
export type InvoiceLineItem = OneTimeInvoiceLineItem | UsageBasedLineItem | LicenseBasedLineItem;

/** Line-item providers served by the sandbox. */
export type LineItemProvider = 'one_time' | 'azure' | 'office';

/**
 * How to produce one invoice's line items on demand (they are generated lazily, by index,
 * so that a 100,000-line invoice costs nothing until it is paged).
 */
export interface LineItemPlan {
  readonly invoiceId: string;
  /** Line-item count per provider of this invoice (providers absent from the invoice are absent here). */
  readonly counts: Readonly<Partial<Record<LineItemProvider, number>>>;
}

// ---------------------------------------------------------------------------------------------------
// The world
// ---------------------------------------------------------------------------------------------------

/** Options of `generateWorld`. */
export interface WorldOptions {
  readonly seed: number;
  readonly catalog: 'small' | 'full';
  /** Size of the largest invoice, in line items. */
  readonly lineItems: number;
  /** How many customers (demo customers included); `CUSTOMER_COUNT` when omitted. */
  readonly customers?: number;
  /** The sandbox's "now": all history (orders, invoices, reservations) is dated relative to it. */
  readonly now: Date;
}

/** The partner the sandbox plays. */
export interface PartnerProfile {
  readonly id: string;
  readonly tenantId: string;
  readonly mpnId: string;
  readonly companyName: string;
  readonly domain: string;
  /** Currency of `/invoices/summary`. */
  readonly defaultCurrency: string;
}

/** Customers with their subscriptions and registration states. */
export interface CustomerWorld {
  /** Customers in listing (paging) order; the special demo customers come first. */
  readonly customers: ReadonlyArray<Customer>;
  /** Subscriptions per customer id (empty array for customers without any). */
  readonly subscriptionsByCustomer: ReadonlyMap<string, ReadonlyArray<Subscription>>;
  /** Reservation registration state per subscription id (Azure plan and MS-AZR-0145P subscriptions only). */
  readonly registrations: ReadonlyMap<string, RegistrationState>;
}

/** Orders, provisioning, entitlements and reservation details of all customers. */
export interface OrderWorld {
  /** Orders per customer id, newest first. */
  readonly ordersByCustomer: ReadonlyMap<string, ReadonlyArray<Order>>;
  /** Provisioning status per order id. */
  readonly provisioningByOrder: ReadonlyMap<string, ReadonlyArray<OrderLineItemProvisioningStatus>>;
  /** Entitlements per customer id (from completed reservation orders). */
  readonly entitlementsByCustomer: ReadonlyMap<string, ReadonlyArray<Entitlement>>;
  /** Reservation details per artifact `resourceId`. */
  readonly reservationDetails: ReadonlyMap<string, ReservedInstanceArtifactDetails>;
}

/** Invoices, amendments, plans and summaries of a world. */
export interface BillingWorld {
  /** Invoices (not amendments), newest first: the order `GET /invoices` pages in. */
  readonly invoices: ReadonlyArray<Invoice>;
  /** Every invoice and amendment by id. */
  readonly invoicesById: ReadonlyMap<string, Invoice>;
  /** Lazy line-item plans per invoice or amendment id. */
  readonly lineItemPlans: ReadonlyMap<string, LineItemPlan>;
  /** Id of the invoice with `options.lineItems` line items. */
  readonly largestInvoiceId: string;
  /** One summary per currency (`/invoices/summaries`). */
  readonly invoiceSummaries: ReadonlyArray<InvoiceSummary>;
  /** The summary in the partner's default currency (`/invoices/summary`). */
  readonly accountBalance: InvoiceSummary;
}

/** Everything the sandbox serves, generated deterministically from `WorldOptions`. */
export interface World extends CustomerWorld, OrderWorld, BillingWorld {
  readonly options: WorldOptions;
  readonly partner: PartnerProfile;
  readonly catalog: Catalog;
  readonly customersById: ReadonlyMap<string, Customer>;
}
