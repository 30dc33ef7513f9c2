/**
 * Billing (§4.20–§4.25): balance, per-currency summaries, invoices (offset paging), invoice by id,
 * line items (seek paging for OneTime, offset paging for the legacy providers; query and path
 * forms) and statement PDFs. Reservations bought through the sandbox land on a OneTime invoice per
 * month and currency, and the balance and summaries include them.
 */
import type { Readable } from 'node:stream';
import { currencyInfo, toMajor } from '../data/wire';
import type { Invoice, InvoiceLineItem, InvoiceSummary, LineItemProvider } from '../data/model';
import type { Reply, Route, RouteContext } from './router';
import type { Services } from './services';
import type { StoredOrder } from './state';
import { renderInvoiceStatement } from './statement';
import type { LoadedWorld } from './world';
import {
  ApiError,
  badRequest,
  intParam,
  link,
  offsetPage,
  queryParam,
  seekEnvelope,
  seekPage,
  seekShape,
  wireDate,
  type SeekShape,
  type Sliceable,
} from './wire';

/** Largest and default seek page for line items (§1.5). */
const MAX_LINE_ITEM_PAGE = 2000;
/** Default page of `GET /invoices` (the documented example asks for 200). */
const DEFAULT_INVOICE_PAGE = 200;

interface SandboxInvoice {
  readonly invoice: Invoice;
  readonly lines: InvoiceLineItem[];
  readonly totalMinor: number;
}

/** OneTime invoices for sandbox purchases: one per month and currency, newest first. */
function sandboxInvoices(services: Services): SandboxInvoice[] {
  const orders = Object.values(services.store.data.orders).sort((a, b) => a.createdAtMs - b.createdAtMs);
  const byKey = new Map<string, StoredOrder[]>();
  for (const order of orders) {
    const month = new Date(order.createdAtMs).toISOString().slice(0, 7);
    const key = `${month}|${order.currencyCode}`;
    byKey.set(key, [...(byKey.get(key) ?? []), order]);
  }
  const out: SandboxInvoice[] = [];
  for (const [key, group] of byKey) {
    const [month = '', code = 'USD'] = key.split('|');
    const currency = currencyInfo(code);
    // `G9` + yyyymm + currency letters: stable, and distinct from the generated history's ids.
    const id = `G9${month.replace('-', '')}${code}`;
    const start = Date.parse(`${month}-01T00:00:00Z`);
    const endDate = new Date(start);
    endDate.setUTCMonth(endDate.getUTCMonth() + 1);
    const end = endDate.getTime() - 1000;
    const lines: InvoiceLineItem[] = [];
    let totalMinor = 0;
    for (const order of group) {
      for (const line of order.lines) {
        const subtotalMinor = line.unitPriceMinor * line.quantity;
        totalMinor += subtotalMinor;
        const customer = services.world.customersById.get(order.customerId);
        const termEnd = new Date(order.createdAtMs);
        termEnd.setUTCFullYear(termEnd.getUTCFullYear() + (line.termDuration === 'P3Y' ? 3 : 1));
        const unit = toMajor(line.unitPriceMinor, currency);
        lines.push({
          partnerId: services.world.partner.id,
          customerId: order.customerId,
          customerName: customer?.companyProfile.companyName ?? '',
          customerDomainName: customer?.companyProfile.domain ?? '',
          customerCountry: order.country,
          invoiceNumber: id,
          mpnId: services.world.partner.mpnId,
          resellerMpnId: 0,
          orderId: order.id,
          orderDate: wireDate(order.createdAtMs),
          productId: line.productId,
          skuId: line.skuId,
          availabilityId: line.availabilityId,
          productName: line.productName,
          skuName: line.skuName,
          productQualifiers: [],
          chargeType: 'new',
          unitPrice: unit,
          effectiveUnitPrice: unit,
          unitType: '',
          quantity: line.quantity,
          subtotal: toMajor(subtotalMinor, currency),
          taxTotal: 0,
          totalForCustomer: toMajor(subtotalMinor, currency),
          currency: currency.code,
          publisherName: 'Microsoft Corporation',
          publisherId: '',
          subscriptionDescription: line.friendlyName,
          subscriptionId: line.subscriptionId,
          subscriptionStartDate: wireDate(order.createdAtMs),
          subscriptionEndDate: wireDate(termEnd.getTime()),
          chargeStartDate: wireDate(order.createdAtMs),
          chargeEndDate: wireDate(termEnd.getTime()),
          termAndBillingCycle: `${line.termDuration === 'P3Y' ? '3 Years' : '1 Year'} Prepaid`,
          alternateId: order.alternateId,
          referenceId: `${order.id}-${line.lineItemNumber}`,
          priceAdjustmentDescription: '',
          discountDetails: '',
          pricingCurrency: currency.code,
          pcToBCExchangeRate: 1,
          pcToBCExchangeRateDate: wireDate(start),
          billableQuantity: line.quantity,
          meterDescription: '',
          billingFrequency: '',
          reservationOrderId: `${order.alternateId}-${line.lineItemNumber}`,
          creditReasonCode: '',
          promotionId: '',
          invoiceLineItemType: 'billing_line_items',
          billingProvider: 'one_time',
          attributes: { objectType: 'OneTimeInvoiceLineItem' },
        });
      }
    }
    const last = group[group.length - 1]!;
    out.push({
      totalMinor,
      lines,
      invoice: {
        id,
        invoiceDate: wireDate(last.createdAtMs),
        billingPeriodStartDate: wireDate(start),
        billingPeriodEndDate: wireDate(end),
        totalCharges: toMajor(totalMinor, currency),
        paidAmount: 0,
        currencyCode: currency.code,
        currencySymbol: currency.symbol,
        pdfDownloadLink: `/invoices/${id}/documents/statement`,
        taxReceipts: [],
        invoiceDetails: [
          {
            invoiceLineItemType: 'billing_line_items',
            billingProvider: 'one_time',
            links: { self: link(`/invoices/OneTime-${id}/lineitems/OneTime/BillingLineItems`) },
            attributes: { objectType: 'InvoiceDetail' },
          },
        ],
        amendments: [],
        documentType: 'invoice',
        invoiceType: 'OneTime',
        links: { self: link(`/invoices/OneTime-${id}`) },
        attributes: { objectType: 'Invoice' },
      },
    });
  }
  return out.sort((a, b) => b.invoice.invoiceDate.localeCompare(a.invoice.invoiceDate));
}

/** A summary with sandbox purchases in its currency added to the balance and the OneTime detail. */
function withPurchases(summary: InvoiceSummary, extras: ReadonlyArray<SandboxInvoice>): InvoiceSummary {
  const mine = extras.filter((e) => e.invoice.currencyCode === summary.currencyCode);
  if (mine.length === 0) return summary;
  const currency = currencyInfo(summary.currencyCode);
  const extraMinor = mine.reduce((sum, e) => sum + e.totalMinor, 0);
  const add = (amount: number): number =>
    toMajor(Math.round(amount * 10 ** currency.decimals) + extraMinor, currency);
  const latest = mine[0]!.invoice.invoiceDate;
  const details = [...(summary.details ?? [])];
  const index = details.findIndex((d) => d.invoiceType === 'OneTime');
  if (index >= 0) {
    const detail = details[index]!;
    details[index] = {
      invoiceType: 'OneTime',
      summary: {
        ...detail.summary,
        balanceAmount: add(detail.summary.balanceAmount),
        latestInvoiceDate: latest,
      },
    };
  } else {
    details.push({
      invoiceType: 'OneTime',
      summary: {
        balanceAmount: toMajor(extraMinor, currency),
        currencyCode: currency.code,
        currencySymbol: currency.symbol,
        accountingDate: latest,
        firstInvoiceCreationDate: mine[mine.length - 1]!.invoice.invoiceDate,
        lastPaymentDate: '0001-01-01T00:00:00',
        lastPaymentAmount: 0,
        latestInvoiceDate: latest,
        attributes: { objectType: 'InvoiceSummary' },
      },
    });
  }
  return { ...summary, balanceAmount: add(summary.balanceAmount), latestInvoiceDate: latest, details };
}

function newSummary(extras: ReadonlyArray<SandboxInvoice>, code: string): InvoiceSummary {
  const base: InvoiceSummary = {
    balanceAmount: 0,
    currencyCode: code,
    currencySymbol: currencyInfo(code).symbol,
    accountingDate: '0001-01-01T00:00:00',
    firstInvoiceCreationDate: '0001-01-01T00:00:00',
    lastPaymentDate: '0001-01-01T00:00:00',
    lastPaymentAmount: 0,
    latestInvoiceDate: '0001-01-01T00:00:00',
    details: [],
    links: { self: link('/invoices/summary') },
    attributes: { objectType: 'InvoiceSummary' },
  };
  return withPurchases(base, extras);
}

/** Normalizes `provider` (§4.24): `onetime`, `OneTime`, `one_time`, `azure`, `office`. */
function parseProvider(value: string): LineItemProvider {
  const lower = value.toLowerCase().replace(/[_\s-]/g, '');
  if (lower === 'onetime') return 'one_time';
  if (lower === 'azure') return 'azure';
  if (lower === 'office') return 'office';
  throw badRequest(`The provider '${value}' is not supported. Use OneTime, Azure or Office.`, 3000);
}

function parseLineItemType(value: string): 'billing' | 'usage' {
  const lower = value.toLowerCase().replace(/[_\s-]/g, '');
  if (lower === 'billinglineitems') return 'billing';
  if (lower === 'usagelineitems') return 'usage';
  throw badRequest(`The invoiceLineItemType '${value}' is not supported.`, 3000);
}

/** Invoice ids appear bare and with a type prefix in self links (`OneTime-G000024130`). */
function bareInvoiceId(id: string): string {
  return id.replace(/^(onetime|recurring)-/i, '');
}

/** An invoice by id (bare or type-prefixed), sandbox purchases included; undefined when unknown. */
export function lookupInvoice(
  services: Services,
  rawId: string,
): { invoice: Invoice; sandbox?: SandboxInvoice } | undefined {
  const id = bareInvoiceId(rawId);
  const sandbox = sandboxInvoices(services).find((s) => s.invoice.id.toLowerCase() === id.toLowerCase());
  if (sandbox) return { invoice: sandbox.invoice, sandbox };
  const invoice = services.world.invoicesById.get(id) ?? services.world.invoicesById.get(id.toUpperCase());
  return invoice ? { invoice } : undefined;
}

/** An invoice's OneTime (new commerce) line items, generated lazily: what the v2 export serves. */
export function oneTimeLines(
  found: { invoice: Invoice; sandbox?: SandboxInvoice },
  loaded: LoadedWorld,
): Sliceable {
  if (found.sandbox) return found.sandbox.lines;
  const id = found.invoice.id;
  return {
    length: loaded.lineItemCount(id, 'one_time'),
    slice: (start, end) => loaded.lineItems(id, 'one_time', start, end - start),
  };
}

const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' } as const;

/** Seek pages produced ahead per listing, lines drawn per step, listings followed at once. */
const READ_AHEAD_PAGES = 3;
const DRAW_STEP_LINES = 200;
const READ_AHEAD_LISTINGS = 8;
/**
 * Pages kept once produced, in bytes over all listings: a 200,000-line invoice is about 340 MB of
 * pages. Partner Center serves stored rows; beyond this the sandbox only produces pages ahead.
 */
const STORED_PAGE_BYTES = 512 * 2 ** 20;

type SeekQuery = Pick<RouteContext, 'query' | 'header'>;

/** A listing the read-ahead can serve: its lines and the shape of the page a query asks for. */
interface SeekListing {
  readonly scope: string;
  readonly lines: Sliceable;
  readonly shapeOf: (query: SeekQuery) => SeekShape;
}

/** The bytes of a page: the envelope of `seekEnvelope`, its items spliced in as they are drawn. */
function pageText(shape: SeekShape, items: string): string {
  const envelope = JSON.stringify({ ...seekEnvelope(shape, []), totalCount: shape.end - shape.start });
  const at = envelope.indexOf('"items":[') + '"items":['.length;
  return `${envelope.slice(0, at)}${items}${envelope.slice(at)}`;
}

/** A page drawn at once (a request nobody read ahead for): the same bytes as `produce`. */
function drawNow(listing: SeekListing, shape: SeekShape): Buffer {
  return Buffer.from(
    pageText(shape, JSON.stringify(listing.lines.slice(shape.start, shape.end)).slice(1, -1)),
  );
}

/**
 * A page drawn a few lines at a time, giving the event loop back between steps: requests that
 * arrive meanwhile are read at once, so their latency runs while the page is being produced.
 */
async function produce(listing: SeekListing, shape: SeekShape): Promise<Buffer> {
  const parts: string[] = [];
  for (let from = shape.start; from < shape.end; from += DRAW_STEP_LINES) {
    await new Promise((resolve) => setImmediate(resolve));
    const json = JSON.stringify(listing.lines.slice(from, Math.min(shape.end, from + DRAW_STEP_LINES)));
    parts.push(json.slice(1, -1));
  }
  return Buffer.from(pageText(shape, parts.join(',')));
}

/**
 * Read-ahead for the seek-paged line items of generated invoices. `--latency-ms` stands for Partner
 * Center's whole response time, and Partner Center serves stored rows; the sandbox draws each
 * 2,000-line page (tens of milliseconds of CPU), so when a page is served the next few are produced
 * in the background, in small steps, and every page produced is kept (up to `STORED_PAGE_BYTES`).
 * Producing in steps matters: a page drawn in one go blocks the event loop, and the next request's
 * latency would only start after it. The same bytes as drawing on demand: generated invoices never
 * change.
 */
function seekReadAhead() {
  interface Upcoming {
    readonly token: string;
    readonly next: string | undefined;
    readonly body: Promise<Buffer>;
  }
  const listings = new Map<string, Upcoming[]>();
  const stored = new Map<string, Buffer>();
  let storedBytes = 0;
  const storeKey = (listing: SeekListing, shape: SeekShape): string => `${listing.scope}\n${shape.start}`;
  const keep = (listing: SeekListing, shape: SeekShape, body: Buffer): Buffer => {
    const key = storeKey(listing, shape);
    if (!stored.has(key) && storedBytes + body.length <= STORED_PAGE_BYTES) {
      stored.set(key, body);
      storedBytes += body.length;
    }
    return body;
  };
  const nextQuery = (token: string): SeekQuery => ({
    query: new Map([['seekoperation', 'Next']]),
    header: (name) => (name.toLowerCase() === 'ms-continuationtoken' ? token : undefined),
  });

  /** Keeps the next pages after `next` in production, each after the one before it. */
  const topUp = (listing: SeekListing, queue: Upcoming[], next: string | undefined): void => {
    let token = queue.length > 0 ? queue[queue.length - 1]!.next : next;
    while (token !== undefined && queue.length < READ_AHEAD_PAGES) {
      const shape = listing.shapeOf(nextQuery(token));
      const ready = stored.get(storeKey(listing, shape));
      const previous = queue[queue.length - 1]?.body ?? Promise.resolve();
      const draw = (): Promise<Buffer> => produce(listing, shape).then((body) => keep(listing, shape, body));
      const body = ready ? Promise.resolve(ready) : previous.then(draw, draw);
      // Served on demand instead when it fails, where the error reaches the client.
      body.catch(() => undefined);
      queue.push({ token, next: shape.continuationToken, body });
      token = shape.continuationToken;
    }
  };

  return {
    async page(listing: SeekListing, ctx: SeekQuery): Promise<Buffer> {
      const shape = listing.shapeOf(ctx);
      const token = ctx.query.get('seekoperation') ? (ctx.header('ms-continuationtoken') ?? '') : '';
      const queue = listings.get(listing.scope) ?? [];
      listings.delete(listing.scope);
      const at = token === '' ? -1 : queue.findIndex((upcoming) => upcoming.token === token);
      const upcoming = at >= 0 ? queue[at] : undefined;
      queue.splice(0, at >= 0 ? at + 1 : queue.length);
      topUp(listing, queue, shape.continuationToken);
      listings.set(listing.scope, queue);
      if (listings.size > READ_AHEAD_LISTINGS) listings.delete(listings.keys().next().value!);
      return (
        stored.get(storeKey(listing, shape)) ??
        (await upcoming?.body.catch(() => undefined)) ??
        keep(listing, shape, drawNow(listing, shape))
      );
    },
  };
}

/** Statements the sandbox keeps once drawn: invoices of at most this many lines, this many files. */
const STATEMENT_KEEP_MAX_LINES = 5_000;
const STATEMENT_KEEP_MAX_FILES = 256;

/** The billing route table. */
export function billingRoutes(services: Services, loaded: LoadedWorld): Route[] {
  const world = services.world;
  const findInvoice = (rawId: string): { invoice: Invoice; sandbox?: SandboxInvoice } => {
    const found = lookupInvoice(services, rawId);
    if (!found) throw new ApiError(404, 800002, `Invoice ${rawId} was not found.`);
    return found;
  };

  const readAhead = seekReadAhead();
  const lineItems = async (
    ctx: RouteContext,
    providerRaw: string | undefined,
    typeRaw: string | undefined,
  ): Promise<Reply> => {
    const found = findInvoice(ctx.params.invoiceId!);
    if (!providerRaw) throw badRequest('The provider query parameter is required.', 3000);
    if (!typeRaw) throw badRequest('The invoiceLineItemType query parameter is required.', 3000);
    const provider = parseProvider(providerRaw);
    const type = parseLineItemType(typeRaw);
    const id = found.invoice.id;
    let source: Sliceable;
    if (type === 'usage') {
      // The sandbox has no daily-rated usage; such pages are valid and empty.
      source = [];
    } else if (provider === 'one_time') {
      source = oneTimeLines(found, loaded);
    } else if (found.sandbox) {
      source = [];
    } else {
      const count = loaded.lineItemCount(id, provider);
      source = { length: count, slice: (start, end) => loaded.lineItems(id, provider, start, end - start) };
    }
    const wireProvider = provider === 'one_time' ? 'OneTime' : provider === 'azure' ? 'Azure' : 'Office';
    const wireType = type === 'usage' ? 'UsageLineItems' : 'BillingLineItems';
    if (provider === 'one_time') {
      const size = Math.max(1, intParam(ctx, 'size', MAX_LINE_ITEM_PAGE, MAX_LINE_ITEM_PAGE));
      const self = `/invoices/${id}/lineitems?provider=${wireProvider}&invoicelineitemtype=${wireType}&size=${size}`;
      const scope = `lineitems:${id}:${provider}:${type}:${size}`;
      if (found.sandbox || type === 'usage') {
        return { status: 200, json: seekPage(source, ctx, size, self, scope) };
      }
      const listing: SeekListing = {
        scope,
        lines: source,
        shapeOf: (query) => seekShape(source.length, query, size, self, scope),
      };
      return { status: 200, body: await readAhead.page(listing, ctx), headers: JSON_TYPE };
    }
    const size = Math.max(1, intParam(ctx, 'size', MAX_LINE_ITEM_PAGE, MAX_LINE_ITEM_PAGE));
    const offset = intParam(ctx, 'offset', 0);
    return {
      status: 200,
      json: offsetPage(
        source,
        offset,
        size,
        (o) =>
          `/invoices/${id}/lineitems?provider=${wireProvider}&invoicelineitemtype=${wireType}&size=${size}&offset=${o}`,
      ),
    };
  };

  // Partner Center serves a statement as a stored document; the sandbox draws it once and keeps it
  // (generated invoices never change), so a bulk download measures requests, not pdfkit on the
  // same CPU. Invoices bought in the sandbox change, and huge ones would fill memory: drawn each time.
  const drawn = new Map<string, Buffer>();
  const keepable = (invoiceId: string): boolean =>
    (['one_time', 'azure', 'office'] as const).reduce(
      (sum, provider) => sum + loaded.lineItemCount(invoiceId, provider),
      0,
    ) <= STATEMENT_KEEP_MAX_LINES;
  const statementBody = async (found: { invoice: Invoice; sandbox?: SandboxInvoice }) => {
    const render = (): Readable => renderInvoiceStatement(world, found.invoice, found.sandbox?.lines);
    const id = found.invoice.id;
    if (found.sandbox || !keepable(id)) return { stream: render() };
    let bytes = drawn.get(id);
    if (!bytes) {
      const chunks: Buffer[] = [];
      for await (const chunk of render()) chunks.push(Buffer.from(chunk as Uint8Array));
      bytes = Buffer.concat(chunks);
      if (drawn.size < STATEMENT_KEEP_MAX_FILES) drawn.set(id, bytes);
    }
    return { body: bytes };
  };

  const statement = async (ctx: RouteContext): Promise<Reply> => {
    const found = findInvoice(ctx.params.invoiceId!);
    // `X-Sandbox-Statement: empty | html` answers 200 with an empty or non-PDF body (§4.25's fault switches).
    const broken = ctx.header('x-sandbox-statement')?.toLowerCase();
    if (broken === 'empty') return { status: 200, body: '', headers: { 'Content-Type': 'application/pdf' } };
    if (broken === 'html') {
      return {
        status: 200,
        body: '<html><body>Service unavailable</body></html>',
        headers: { 'Content-Type': 'application/pdf' },
      };
    }
    return {
      status: 200,
      ...(await statementBody(found)),
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename=Invoice_${found.invoice.id}.pdf`,
      },
    };
  };

  // Literal routes first: the router takes the first match, and `summary` would also match `:invoiceId`.
  return [
    {
      auth: 'any',
      method: 'GET',
      path: '/v1/invoices/summary',
      handler: () => {
        const extras = sandboxInvoices(services);
        const balance = withPurchases(world.accountBalance, extras);
        return { status: 200, json: { ...balance, links: { self: link('/invoices/summary') } } };
      },
    },
    {
      auth: 'user',
      method: 'GET',
      path: '/v1/invoices/summaries',
      handler: () => {
        const extras = sandboxInvoices(services);
        const items = world.invoiceSummaries.map((summary) => withPurchases(summary, extras));
        for (const code of new Set(extras.map((e) => e.invoice.currencyCode))) {
          if (!items.some((s) => s.currencyCode === code)) items.push(newSummary(extras, code));
        }
        return {
          status: 200,
          json: {
            totalCount: items.length,
            items,
            links: { self: link('/invoices/summaries') },
            attributes: { objectType: 'Collection' },
          },
        };
      },
    },
    {
      auth: 'any',
      method: 'GET',
      path: '/v1/invoices',
      handler: (ctx) => {
        const all = [...sandboxInvoices(services).map((s) => s.invoice), ...world.invoices];
        const size = Math.max(1, intParam(ctx, 'size', DEFAULT_INVOICE_PAGE));
        const offset = intParam(ctx, 'offset', 0);
        return {
          status: 200,
          json: offsetPage(all, offset, size, (o) => `/invoices?size=${size}&offset=${o}`),
        };
      },
    },
    {
      auth: 'user',
      method: 'GET',
      path: '/v1/invoices/:invoiceId',
      handler: (ctx) => ({ status: 200, json: findInvoice(ctx.params.invoiceId!).invoice }),
    },
    {
      auth: 'any',
      method: 'GET',
      path: '/v1/invoices/:invoiceId/lineitems',
      handler: (ctx) => lineItems(ctx, queryParam(ctx, 'provider'), queryParam(ctx, 'invoiceLineItemType')),
    },
    {
      auth: 'any',
      method: 'GET',
      path: '/v1/invoices/:invoiceId/lineitems/:provider/:lineItemType',
      handler: (ctx) => lineItems(ctx, ctx.params.provider, ctx.params.lineItemType),
    },
    { auth: 'user', method: 'GET', path: '/v1/invoices/:invoiceId/documents/statement', handler: statement },
    {
      auth: 'user',
      method: 'GET',
      path: '/v1/invoices/:invoiceId/receipts/:receiptId/documents/statement',
      handler: statement,
    },
  ];
}
