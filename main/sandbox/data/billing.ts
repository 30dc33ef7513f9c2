/**
 * A year of partner invoices in several currencies, their amendments (credit notes), balances,
 * and invoice line items. Line items are generated lazily by index from a per-item random stream,
 * so a 100,000-line invoice costs one pass of cheap arithmetic to total and nothing more until paged.
 * Money is integer minor units until it is written to a wire object, so sums add up exactly.
 */
import { unitPriceMinor } from './catalog';
import type {
  BillingWorld,
  Catalog,
  Customer,
  Invoice,
  InvoiceDetail,
  InvoiceLineItem,
  InvoiceSummary,
  InvoiceSummaryDetail,
  InvoiceType,
  LicenseBasedLineItem,
  LineItemPlan,
  LineItemProvider,
  OneTimeInvoiceLineItem,
  PartnerProfile,
  SkuRecord,
  UsageBasedLineItem,
  World,
} from './model';
import { createRandom, hashOf, mix32, type Random } from './random';
import {
  addDays,
  addYears,
  currencyForCountry,
  currencyInfo,
  type CurrencyInfo,
  EMPTY_DATE,
  getLink,
  toMajor,
  usdCentsTo,
  wireDate,
  wireDay,
} from './wire';

/** Currencies the partner is invoiced in. */
export const INVOICE_CURRENCIES: ReadonlyArray<string> = ['USD', 'EUR', 'GBP', 'SEK'];

/** Tax rate per invoice currency (what the statement and line items show). */
const TAX_RATES: Readonly<Record<string, number>> = { USD: 0, EUR: 0.21, GBP: 0.2, SEK: 0.25 };

/** Invoices older than this are paid. */
const PAID_AFTER_DAYS = 40;

/** Everything a line item needs besides its invoice; built once per world. */
export interface BillingContext {
  readonly seed: number;
  readonly partner: PartnerProfile;
  /** Customers whose billing currency maps to each invoice currency (others bill in USD). */
  readonly customersByCurrency: ReadonlyMap<string, ReadonlyArray<Customer>>;
  /** Every SKU, flat, so a line can pick one by index. */
  readonly skus: ReadonlyArray<SkuRecord>;
  readonly catalog: Catalog;
}

/** The fixed facts of one invoice that its line items derive from. */
interface InvoiceFacts {
  readonly id: string;
  readonly currency: CurrencyInfo;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly invoiceDate: Date;
  /** Credit note: lines are negative cancellations. */
  readonly credit: boolean;
  /** Hash of (seed, invoice id): line item `i` of provider `p` draws from a stream seeded by mixing it with `p` and `i`. */
  readonly salt: number;
}

const PROVIDER_SALT: Readonly<Record<LineItemProvider, number>> = { one_time: 1, azure: 2, office: 3 };

/** Builds the per-world billing context. */
export function billingContext(
  seed: number,
  partner: PartnerProfile,
  catalog: Catalog,
  customers: ReadonlyArray<Customer>,
): BillingContext {
  const customersByCurrency = new Map<string, Customer[]>();
  for (const code of INVOICE_CURRENCIES) customersByCurrency.set(code, []);
  for (const customer of customers) {
    const own = currencyForCountry(customer.billingProfile.defaultAddress.country).code;
    const code = INVOICE_CURRENCIES.includes(own) ? own : 'USD';
    customersByCurrency.get(code)?.push(customer);
  }
  const skus: SkuRecord[] = [];
  for (const list of catalog.skusByProduct.values()) skus.push(...list);
  return { seed, partner, customersByCurrency, skus, catalog };
}

// ---------------------------------------------------------------------------------------------------
// Line-item draws: the money part of a line, cheap enough to run over every line when totalling
// ---------------------------------------------------------------------------------------------------

const OFFICE_OFFERS: ReadonlyArray<readonly [offerId: string, name: string, usdCents: number]> = [
  ['796B6B5F-613C-4E24-A17C-EBA730D49C02', 'Office 365 E3', 2300],
  ['C6C6A1B8-9B5C-4D8D-8C5A-3E9F1F5A4E1D', 'Office 365 E5', 3800],
  ['A4E376BD-C61E-4618-9C54-D7B7D2B4C3E2', 'Microsoft 365 Business Premium', 2200],
  ['195416C1-3447-423A-B37B-EE59A99A19C4', 'Exchange Online (Plan 1)', 400],
  ['3451A3B0-8CDA-44A7-BAD7-C30BE81C4AAA', 'Microsoft Teams Essentials', 400],
  ['5D9C9D9F-5A5A-4B5B-9E0E-4F0E2E1D1C1B', 'Power BI Pro', 1000],
  ['E2D3C1B0-1A2B-4C3D-8E4F-5A6B7C8D9E0F', 'Project Plan 3', 3000],
];

const AZURE_METERS: ReadonlyArray<
  readonly [service: string, type: string, sku: string, usdMicroPerUnit: number]
> = [
  ['Virtual Machines', 'Dv5/DSv5 Series', 'D4s v5', 192_000],
  ['Virtual Machines', 'Ev5/ESv5 Series', 'E8s v5', 504_000],
  ['Storage', 'Standard Page Blob', 'LRS Data Stored', 45_000],
  ['Storage', 'Tables', 'GRS Data Stored', 60_000],
  ['SQL Database', 'General Purpose - Compute Gen5', 'vCore', 252_000],
  ['Bandwidth', 'Data Transfer Out', 'Zone 1', 87_000],
  ['Azure App Service', 'Premium v3 Plan', 'P1 v3', 250_000],
  ['Networking', 'Load Balancer', 'Standard Data Processed', 5_000],
];

interface Draw {
  readonly random: Random;
  readonly customer: Customer;
  /** What was bought: a SKU (one_time), an Office offer or an Azure meter. */
  readonly sku?: SkuRecord;
  readonly offer?: (typeof OFFICE_OFFERS)[number];
  readonly meter?: (typeof AZURE_METERS)[number];
  readonly quantity: number;
  readonly unitMinor: number;
  readonly subtotalMinor: number;
  readonly taxMinor: number;
}

function taxOf(subtotalMinor: number, currency: CurrencyInfo): number {
  const rate = TAX_RATES[currency.code] ?? 0;
  return Math.sign(subtotalMinor) * Math.round(Math.abs(subtotalMinor) * rate);
}

function drawLine(
  context: BillingContext,
  facts: InvoiceFacts,
  provider: LineItemProvider,
  index: number,
): Draw {
  const random = createRandom(mix32(mix32(facts.salt, PROVIDER_SALT[provider]), index));
  const pool = context.customersByCurrency.get(facts.currency.code) ?? [];
  const customer =
    pool.length > 0 ? random.pick(pool) : random.pick(context.customersByCurrency.get('USD') ?? []);
  const sign = facts.credit ? -1 : 1;
  let quantity: number;
  let unitMinor: number;
  let subtotalMinor: number;
  let picked: Pick<Draw, 'sku' | 'offer' | 'meter'>;
  if (provider === 'one_time') {
    const sku = random.pick(context.skus);
    picked = { sku };
    quantity = random.chance(0.7) ? 1 : random.int(2, 5);
    unitMinor = unitPriceMinor(sku, facts.currency.code);
    // Credit notes cancel whole units: negative quantity, positive unit price (as reconciliation files show).
    quantity *= sign;
    subtotalMinor = unitMinor * quantity;
  } else if (provider === 'office') {
    const offer = random.pick(OFFICE_OFFERS);
    picked = { offer };
    quantity = random.int(1, 300) * sign;
    unitMinor = usdCentsTo(facts.currency, offer[2]);
    subtotalMinor = unitMinor * quantity;
  } else {
    const meter = random.pick(AZURE_METERS);
    picked = { meter };
    // Usage quantity with 4 decimals; charge rounds once, to minor units.
    quantity = random.int(1, 2_000_000) / 10_000;
    const rateMicroUsd = meter[3];
    unitMinor = usdCentsTo(facts.currency, rateMicroUsd / 10_000);
    const major = (quantity * rateMicroUsd * facts.currency.perUsd) / 1_000_000;
    subtotalMinor = sign * Math.max(1, Math.round(major * 10 ** facts.currency.decimals));
  }
  return {
    random,
    customer,
    ...picked,
    quantity,
    unitMinor,
    subtotalMinor,
    taxMinor: taxOf(subtotalMinor, facts.currency),
  };
}

// ---------------------------------------------------------------------------------------------------
// Full line items
// ---------------------------------------------------------------------------------------------------

function oneTimeLine(context: BillingContext, facts: InvoiceFacts, index: number): OneTimeInvoiceLineItem {
  const draw = drawLine(context, facts, 'one_time', index);
  const { random, customer } = draw;
  const currency = facts.currency;
  const record = draw.sku;
  if (!record) throw new Error('one-time draw without a SKU');
  const product = context.catalog.productsById.get(record.productId);
  const scope = record.availabilityIds.AzurePlan ? 'AzurePlan' : 'Legacy';
  const availabilityId = record.availabilityIds[scope] ?? '';
  const orderDate = addDays(facts.periodStart, random.int(0, 27) + random.next());
  const chargeStart = new Date(
    Date.UTC(orderDate.getUTCFullYear(), orderDate.getUTCMonth(), orderDate.getUTCDate()),
  );
  const chargeEnd = addDays(addYears(chargeStart, record.term === 'P1Y' ? 1 : 3), -1);
  const subscriptionId = random.guid();
  const country = customer.billingProfile.defaultAddress.country;
  const termTitle = record.term === 'P1Y' ? '1 Year' : '3 Years';
  return {
    partnerId: context.partner.id,
    customerId: customer.id,
    customerName: customer.companyProfile.companyName,
    customerDomainName: customer.companyProfile.domain,
    customerCountry: country,
    invoiceNumber: facts.id,
    mpnId: context.partner.mpnId,
    resellerMpnId: 0,
    orderId: random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 33),
    orderDate: wireDate(orderDate),
    productId: record.productId,
    skuId: record.id,
    availabilityId,
    productName: `${product?.title ?? record.productId}, ${record.dynamicAttributes.region}`,
    skuName: `${record.dynamicAttributes.armSkuName} ${termTitle}`,
    productQualifiers: [],
    chargeType: facts.credit ? 'cancel' : 'new',
    unitPrice: toMajor(draw.unitMinor, currency),
    effectiveUnitPrice: toMajor(draw.unitMinor, currency),
    unitType: '',
    quantity: draw.quantity,
    subtotal: toMajor(draw.subtotalMinor, currency),
    taxTotal: toMajor(draw.taxMinor, currency),
    totalForCustomer: toMajor(draw.subtotalMinor + draw.taxMinor, currency),
    currency: currency.code,
    publisherName: 'Microsoft Corporation',
    publisherId: '',
    subscriptionDescription: record.title,
    subscriptionId,
    subscriptionStartDate: wireDate(chargeStart),
    subscriptionEndDate: wireDate(chargeEnd),
    chargeStartDate: wireDate(chargeStart),
    chargeEndDate: wireDate(chargeEnd),
    termAndBillingCycle: `${termTitle} Prepaid`,
    alternateId: random.hex(12),
    referenceId: random.guid(),
    priceAdjustmentDescription: '',
    discountDetails: '',
    pricingCurrency: currency.code,
    pcToBCExchangeRate: 1,
    pcToBCExchangeRateDate: wireDay(facts.periodStart),
    billableQuantity: draw.quantity,
    meterDescription: '',
    billingFrequency: '',
    reservationOrderId: random.guid(),
    creditReasonCode: facts.credit ? 'Customer cancellation' : '',
    promotionId: '',
    invoiceLineItemType: 'billing_line_items',
    billingProvider: 'one_time',
    attributes: { objectType: 'OneTimeInvoiceLineItem' },
  };
}

function officeLine(context: BillingContext, facts: InvoiceFacts, index: number): LicenseBasedLineItem {
  const draw = drawLine(context, facts, 'office', index);
  const { random, customer, offer } = draw;
  if (!offer) throw new Error('office draw without an offer');
  const currency = facts.currency;
  return {
    partnerId: context.partner.id,
    customerId: customer.id,
    customerName: customer.companyProfile.companyName,
    mpnId: Number(context.partner.mpnId),
    tier2MpnId: 0,
    orderId: random.guid().toUpperCase(),
    subscriptionId: random.guid().toUpperCase(),
    syndicationPartnerSubscriptionNumber: '',
    offerId: offer[0],
    durableOfferId: offer[0],
    offerName: offer[1],
    domainName: customer.companyProfile.domain,
    billingCycleType: 'Monthly',
    subscriptionName: offer[1],
    subscriptionDescription: offer[1],
    orderDate: wireDate(addDays(facts.periodStart, -random.int(30, 700))),
    chargeStartDate: wireDate(facts.periodStart),
    chargeEndDate: wireDate(facts.periodEnd),
    chargeType: facts.credit ? 'Prorate fees when cancel' : 'Cycle fee',
    unitPrice: toMajor(draw.unitMinor, currency),
    quantity: draw.quantity,
    amount: toMajor(draw.subtotalMinor, currency),
    totalOtherDiscount: 0,
    subtotal: toMajor(draw.subtotalMinor, currency),
    tax: toMajor(draw.taxMinor, currency),
    totalForCustomer: toMajor(draw.subtotalMinor + draw.taxMinor, currency),
    currency: currency.code,
    invoiceLineItemType: 'billing_line_items',
    billingProvider: 'office',
    attributes: { objectType: 'LicenseBasedLineItem' },
  };
}

function azureLine(context: BillingContext, facts: InvoiceFacts, index: number): UsageBasedLineItem {
  const draw = drawLine(context, facts, 'azure', index);
  const { random, customer, meter } = draw;
  if (!meter) throw new Error('azure draw without a meter');
  const currency = facts.currency;
  const region = random.pick(context.catalog.regions);
  const pretax = draw.subtotalMinor;
  const post = draw.subtotalMinor + draw.taxMinor;
  return {
    partnerId: context.partner.id,
    partnerName: context.partner.companyName,
    partnerBillableAccountId: `US-${context.partner.mpnId}`,
    customerCompanyName: customer.companyProfile.companyName,
    mpnId: Number(context.partner.mpnId),
    tier2MpnId: 0,
    invoiceNumber: facts.id,
    subscriptionId: random.guid(),
    subscriptionName: 'Microsoft Azure',
    subscriptionDescription: 'Microsoft Azure',
    orderId: random.guid().toUpperCase(),
    serviceName: meter[0],
    serviceType: meter[1],
    resourceGuid: random.guid(),
    resourceName: `${meter[2]} - ${region.displayName}`,
    region: region.displayName,
    sku: meter[2],
    detailLineItemId: index,
    consumedQuantity: draw.quantity,
    includedQuantity: 0,
    overageQuantity: draw.quantity,
    listPrice: toMajor(draw.unitMinor, currency),
    pretaxCharges: toMajor(pretax, currency),
    taxAmount: toMajor(draw.taxMinor, currency),
    postTaxTotal: toMajor(post, currency),
    currency: currency.code,
    pretaxEffectiveRate: toMajor(draw.unitMinor, currency),
    postTaxEffectiveRate: toMajor(draw.unitMinor, currency),
    chargeType: facts.credit ? 'Credit' : 'Usage',
    chargeStartDate: wireDate(facts.periodStart),
    chargeEndDate: wireDate(facts.periodEnd),
    customerId: customer.id,
    domainName: customer.companyProfile.domain,
    invoiceLineItemType: 'billing_line_items',
    billingProvider: 'azure',
    attributes: { objectType: 'UsageBasedLineItem' },
  };
}

// ---------------------------------------------------------------------------------------------------
// Invoices
// ---------------------------------------------------------------------------------------------------

/** Facts of every invoice and amendment, kept beside the world for lazy line items. */
const factsByWorld = new WeakMap<
  World,
  { context: BillingContext; facts: ReadonlyMap<string, InvoiceFacts> }
>();
const pendingFacts = new WeakMap<
  BillingWorld,
  { context: BillingContext; facts: ReadonlyMap<string, InvoiceFacts> }
>();

/** Ties lazily generated line items to a finished world (called once by `generateWorld`). */
export function attachBilling(world: World, billing: BillingWorld): void {
  const facts = pendingFacts.get(billing);
  if (!facts) throw new Error('billing was not generated by generateBilling');
  factsByWorld.set(world, facts);
}

function invoiceDetail(id: string, provider: LineItemProvider): InvoiceDetail {
  const path =
    provider === 'one_time'
      ? `/invoices/${id}/lineitems?provider=OneTime&invoicelineitemtype=BillingLineItems`
      : `/invoices/${id}/lineitems/${provider === 'azure' ? 'Azure' : 'Office'}/BillingLineItems`;
  return {
    invoiceLineItemType: 'billing_line_items',
    billingProvider: provider,
    links: { self: getLink(path) },
    attributes: { objectType: 'InvoiceDetail' },
  };
}

interface Ledger {
  invoiceType: InvoiceType;
  currency: CurrencyInfo;
  date: Date;
  totalMinor: number;
  paidMinor: number;
}

/** Generates a year of invoices before `now`; the newest USD OneTime invoice has `largestLineItems` lines. */
export function generateBilling(context: BillingContext, now: Date, largestLineItems: number): BillingWorld {
  const random = createRandom(context.seed ^ 0xb111);
  const largest = Math.max(0, Math.floor(largestLineItems));
  const invoices: Invoice[] = [];
  const invoicesById = new Map<string, Invoice>();
  const lineItemPlans = new Map<string, LineItemPlan>();
  const facts = new Map<string, InvoiceFacts>();
  const ledger: Ledger[] = [];
  let recurringNumber = 2_005_000_000 + random.int(0, 999_999);
  let oneTimeNumber = 24_000 + random.int(0, 99_999);
  let largestInvoiceId = '';
  const smallCount = (max: number): number => Math.min(largest, random.int(3, max));

  const total = (invoiceFacts: InvoiceFacts, counts: Partial<Record<LineItemProvider, number>>): number => {
    let sum = 0;
    for (const [provider, count] of Object.entries(counts) as Array<[LineItemProvider, number]>) {
      for (let i = 0; i < count; i++) {
        const draw = drawLine(context, invoiceFacts, provider, i);
        sum += draw.subtotalMinor + draw.taxMinor;
      }
    }
    return sum;
  };

  const makeInvoice = (
    id: string,
    invoiceType: InvoiceType,
    invoiceFacts: InvoiceFacts,
    counts: Partial<Record<LineItemProvider, number>>,
    amendsOf: string | undefined,
  ): { invoice: Invoice; totalMinor: number; paidMinor: number } => {
    facts.set(id, invoiceFacts);
    lineItemPlans.set(id, { invoiceId: id, counts });
    const totalMinor = total(invoiceFacts, counts);
    const paid = now.getTime() - invoiceFacts.invoiceDate.getTime() > PAID_AFTER_DAYS * 86_400_000;
    const paidMinor = paid ? totalMinor : 0;
    const currency = invoiceFacts.currency;
    const invoice: Invoice = {
      id,
      invoiceDate: wireDate(invoiceFacts.invoiceDate),
      billingPeriodStartDate: wireDate(invoiceFacts.periodStart),
      billingPeriodEndDate: wireDate(invoiceFacts.periodEnd),
      totalCharges: toMajor(totalMinor, currency),
      paidAmount: toMajor(paidMinor, currency),
      currencyCode: currency.code,
      currencySymbol: currency.symbol,
      pdfDownloadLink: `/invoices/${id}/documents/statement`,
      taxReceipts: [],
      invoiceDetails: (Object.keys(counts) as LineItemProvider[]).map((provider) =>
        invoiceDetail(id, provider),
      ),
      amendments: [],
      documentType: amendsOf === undefined ? 'invoice' : 'adjustment_note',
      ...(amendsOf === undefined ? {} : { amendsOf }),
      invoiceType,
      links: { self: getLink(`/invoices/${invoiceType}-${id}`) },
      attributes: { objectType: 'Invoice' },
    };
    ledger.push({ invoiceType, currency, date: invoiceFacts.invoiceDate, totalMinor, paidMinor });
    return { invoice, totalMinor, paidMinor };
  };

  // Month k = 1 is last month; its invoices are dated the 8th of the current month (if that has passed).
  for (let k = 1; k <= 13; k++) {
    const periodStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1));
    const periodEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k + 1, 0, 23, 59, 59));
    const invoiceDate = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k + 1, 8, 1, 22, 47, 603),
    );
    if (invoiceDate.getTime() > now.getTime()) continue;
    if (now.getTime() - invoiceDate.getTime() > 366 * 86_400_000) continue;
    for (const code of INVOICE_CURRENCIES) {
      const currency = currencyInfo(code);
      for (const invoiceType of ['Recurring', 'OneTime'] as const) {
        const id =
          invoiceType === 'Recurring'
            ? `D0${(recurringNumber++).toString(36).toUpperCase().padStart(8, '0')}`
            : `G${String(oneTimeNumber++).padStart(9, '0')}`;
        const isLargest = largestInvoiceId === '' && invoiceType === 'OneTime' && code === 'USD';
        const counts: Partial<Record<LineItemProvider, number>> =
          invoiceType === 'OneTime'
            ? { one_time: isLargest ? largest : smallCount(250) }
            : { azure: Math.floor(smallCount(160) / 2), office: Math.ceil(smallCount(80) / 2) };
        if (isLargest) largestInvoiceId = id;
        const invoiceFacts: InvoiceFacts = {
          id,
          currency,
          periodStart,
          periodEnd,
          invoiceDate,
          credit: false,
          salt: hashOf(context.seed, id),
        };
        const made = makeInvoice(id, invoiceType, invoiceFacts, counts, undefined);
        let invoice = made.invoice;

        // Credit notes: on about a quarter of older invoices, and always on the oldest month's OneTime invoices.
        const wantsAmendment = k >= 2 && (random.chance(0.25) || (k === 12 && invoiceType === 'OneTime'));
        if (wantsAmendment && largest > 0) {
          const amendmentId =
            invoiceType === 'Recurring'
              ? `D0${(recurringNumber++).toString(36).toUpperCase().padStart(8, '0')}`
              : `G${String(oneTimeNumber++).padStart(9, '0')}`;
          const amendmentFacts: InvoiceFacts = {
            id: amendmentId,
            currency,
            periodStart,
            periodEnd,
            invoiceDate: addDays(invoiceDate, random.int(3, 20)),
            credit: true,
            salt: hashOf(context.seed, amendmentId),
          };
          const amendmentCounts: Partial<Record<LineItemProvider, number>> =
            invoiceType === 'OneTime'
              ? { one_time: Math.min(largest, random.int(1, 3)) }
              : { office: Math.min(largest, random.int(1, 3)) };
          const amendment = makeInvoice(
            amendmentId,
            invoiceType,
            amendmentFacts,
            amendmentCounts,
            id,
          ).invoice;
          invoicesById.set(amendmentId, amendment);
          invoice = { ...invoice, amendments: [amendment] };
        }
        invoices.push(invoice);
        invoicesById.set(id, invoice);
      }
    }
  }
  invoices.sort((a, b) => b.invoiceDate.localeCompare(a.invoiceDate) || b.id.localeCompare(a.id));

  const invoiceSummaries = INVOICE_CURRENCIES.map((code) =>
    summarize(
      currencyInfo(code),
      ledger.filter((entry) => entry.currency.code === code),
      now,
    ),
  );
  const accountBalance = invoiceSummaries.find(
    (summary) => summary.currencyCode === context.partner.defaultCurrency,
  );
  if (!accountBalance) throw new Error('partner default currency has no summary');
  const billing: BillingWorld = {
    invoices,
    invoicesById,
    lineItemPlans,
    largestInvoiceId,
    invoiceSummaries,
    accountBalance: { ...accountBalance, links: { self: getLink('/invoices/summary') } },
  };
  pendingFacts.set(billing, { context, facts });
  return billing;
}

function summarize(currency: CurrencyInfo, entries: ReadonlyArray<Ledger>, now: Date): InvoiceSummary {
  const part = (list: ReadonlyArray<Ledger>): Omit<InvoiceSummary, 'details' | 'links'> => {
    const balance = list.reduce((sum, entry) => sum + entry.totalMinor - entry.paidMinor, 0);
    const dates = list.map((entry) => entry.date.getTime()).sort((a, b) => a - b);
    const paid = list
      .filter((entry) => entry.paidMinor !== 0)
      .sort((a, b) => b.date.getTime() - a.date.getTime());
    const lastPaid = paid[0];
    const first = dates[0];
    const last = dates[dates.length - 1];
    return {
      balanceAmount: toMajor(balance, currency),
      currencyCode: currency.code,
      currencySymbol: currency.symbol,
      accountingDate: wireDay(now),
      firstInvoiceCreationDate: first === undefined ? EMPTY_DATE : wireDate(new Date(first)),
      // Payment lands 30 days after the invoice date (net-30 terms).
      lastPaymentDate: lastPaid ? wireDate(addDays(lastPaid.date, 30)) : EMPTY_DATE,
      lastPaymentAmount: lastPaid ? toMajor(lastPaid.paidMinor, currency) : 0,
      latestInvoiceDate: last === undefined ? EMPTY_DATE : wireDate(new Date(last)),
      attributes: { objectType: 'InvoiceSummary' },
    };
  };
  const details: InvoiceSummaryDetail[] = (['Recurring', 'OneTime'] as const).map((invoiceType) => ({
    invoiceType,
    summary: part(entries.filter((entry) => entry.invoiceType === invoiceType)),
  }));
  return { ...part(entries), details, links: { self: getLink('/invoices/summary') } };
}

// ---------------------------------------------------------------------------------------------------
// Lazy line-item access (what the server pages)
// ---------------------------------------------------------------------------------------------------

function lookup(
  world: World,
  invoiceId: string,
): { context: BillingContext; facts: InvoiceFacts } | undefined {
  const entry = factsByWorld.get(world);
  const facts = entry?.facts.get(invoiceId);
  return entry && facts ? { context: entry.context, facts } : undefined;
}

/** Number of line items an invoice (or amendment) has for a provider (0 when it has none or is unknown). */
export function invoiceLineItemCount(world: World, invoiceId: string, provider: LineItemProvider): number {
  return world.lineItemPlans.get(invoiceId)?.counts[provider] ?? 0;
}

/** One line item by index, or undefined when out of range. */
export function invoiceLineItemAt(
  world: World,
  invoiceId: string,
  provider: LineItemProvider,
  index: number,
): InvoiceLineItem | undefined {
  const found = lookup(world, invoiceId);
  if (!found || index < 0 || index >= invoiceLineItemCount(world, invoiceId, provider)) return undefined;
  if (provider === 'one_time') return oneTimeLine(found.context, found.facts, index);
  if (provider === 'office') return officeLine(found.context, found.facts, index);
  return azureLine(found.context, found.facts, index);
}

/** A page of line items: `count` items from `offset` (both seek and offset paging map onto this). */
export function invoiceLineItems(
  world: World,
  invoiceId: string,
  provider: LineItemProvider,
  offset: number,
  count: number,
): InvoiceLineItem[] {
  const end = Math.min(invoiceLineItemCount(world, invoiceId, provider), offset + Math.max(0, count));
  const items: InvoiceLineItem[] = [];
  for (let i = Math.max(0, offset); i < end; i++) {
    const item = invoiceLineItemAt(world, invoiceId, provider, i);
    if (item) items.push(item);
  }
  return items;
}

/** Every line item of an invoice, all providers, lazily (for statements and exports). */
export function* allInvoiceLineItems(world: World, invoiceId: string): Generator<InvoiceLineItem> {
  const plan = world.lineItemPlans.get(invoiceId);
  if (!plan) return;
  for (const provider of ['one_time', 'azure', 'office'] as const) {
    const count = plan.counts[provider] ?? 0;
    for (let i = 0; i < count; i++) {
      const item = invoiceLineItemAt(world, invoiceId, provider, i);
      if (item) yield item;
    }
  }
}

/** Total of a line item in minor units of its currency, whatever its provider. */
export function lineItemTotalMinor(item: InvoiceLineItem): number {
  const currency = currencyInfo(item.currency);
  const major = item.billingProvider === 'azure' ? item.postTaxTotal : item.totalForCustomer;
  return Math.round(major * 10 ** currency.decimals);
}
