/**
 * Invoice statement PDFs (`GET /invoices/{id}/documents/statement`), drawn with pdfkit.
 * Deterministic: the PDF's creation date is the invoice date, so the same invoice gives the same bytes.
 */
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { DocumentType, Invoice, InvoiceLineItem } from './model';
import { currencyInfo, type CurrencyInfo } from './wire';

/** The title a statement carries for each kind of document. */
const DOCUMENT_TITLES: Readonly<Record<DocumentType, string>> = {
  none: 'Invoice',
  invoice: 'Invoice',
  void_note: 'Void note',
  adjustment_note: 'Credit note',
};

/** Options of a statement. */
export interface StatementOptions {
  /** Who the invoice is addressed to (the partner): a name and address lines. */
  readonly billTo?: { readonly name: string; readonly lines?: ReadonlyArray<string> };
  /**
   * At most this many line items are printed (default 2,000, about 45 pages); the totals always cover
   * every line. Real statements summarize too: the line-item API and CSV export carry the detail.
   */
  readonly maxRows?: number;
}

/** What one table row shows. */
interface Row {
  readonly customer: string;
  readonly description: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly subtotal: number;
  readonly tax: number;
  readonly total: number;
}

function rowOf(item: InvoiceLineItem): Row {
  switch (item.billingProvider) {
    case 'one_time':
      return {
        customer: item.customerName,
        description: `${item.productName} - ${item.skuName} (${item.chargeType})`,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
        subtotal: item.subtotal,
        tax: item.taxTotal,
        total: item.totalForCustomer,
      };
    case 'office':
      return {
        customer: item.customerName,
        description: `${item.offerName} (${item.chargeType})`,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
        subtotal: item.subtotal,
        tax: item.tax,
        total: item.totalForCustomer,
      };
    case 'azure':
      return {
        customer: item.customerCompanyName,
        description: `${item.serviceName}, ${item.serviceType}, ${item.sku}, ${item.region}`,
        quantity: item.consumedQuantity,
        unitPrice: item.listPrice,
        subtotal: item.pretaxCharges,
        tax: item.taxAmount,
        total: item.postTaxTotal,
      };
  }
}

const formats = new Map<number, Intl.NumberFormat>();

/** `USD 1,234.56`; always en-US digits so statements read the same everywhere (and are byte-stable). */
function money(minor: number, currency: CurrencyInfo): string {
  let format = formats.get(currency.decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: currency.decimals,
      maximumFractionDigits: currency.decimals,
    });
    formats.set(currency.decimals, format);
  }
  return `${currency.code} ${format.format(minor / 10 ** currency.decimals)}`;
}

function amount(major: number, currency: CurrencyInfo): string {
  return money(Math.round(major * 10 ** currency.decimals), currency);
}

function day(wire: string): string {
  return wire.slice(0, 10);
}

const MARGIN = 40;
/** Table columns: x offset, width, alignment. */
const COLUMNS = [
  { key: 'n', title: '#', x: 40, width: 34, align: 'right' },
  { key: 'customer', title: 'Customer', x: 80, width: 120, align: 'left' },
  { key: 'description', title: 'Description', x: 204, width: 180, align: 'left' },
  { key: 'quantity', title: 'Qty', x: 386, width: 36, align: 'right' },
  { key: 'subtotal', title: 'Subtotal', x: 424, width: 62, align: 'right' },
  { key: 'tax', title: 'Tax', x: 488, width: 40, align: 'right' },
  { key: 'total', title: 'Total', x: 530, width: 62, align: 'right' },
] as const;

/** Renders an invoice statement: header, bill-to, line-item table across pages, subtotal/tax/total. */
export function renderStatementPdf(
  invoice: Invoice,
  lineItems: Iterable<InvoiceLineItem>,
  options: StatementOptions = {},
): Readable {
  const currency = currencyInfo(invoice.currencyCode);
  const maxRows = options.maxRows ?? 2000;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Invoice ${invoice.id}`,
      Author: 'Microsoft Partner Center (Reservation Desk sandbox)',
      Subject: `Statement for invoice ${invoice.id}`,
      Producer: 'Reservation Desk sandbox',
      Creator: 'Reservation Desk sandbox',
      // Fixed so the bytes (and the PDF file id derived from it) do not depend on when it is rendered.
      CreationDate: new Date(invoice.invoiceDate.replace(/(\.\d{3})\d*Z$/, '$1Z')),
    },
  });
  const pageBottom = doc.page.height - MARGIN - 24;
  let page = 1;

  const footer = (): void => {
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#666666')
      .text(`Invoice ${invoice.id} - page ${page}`, MARGIN, doc.page.height - MARGIN - 10, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      })
      .fillColor('#000000');
  };

  const tableHeader = (y: number): number => {
    doc.font('Helvetica-Bold').fontSize(7.5);
    for (const column of COLUMNS) {
      doc.text(column.title, column.x, y, { width: column.width, align: column.align, lineBreak: false });
    }
    doc
      .moveTo(MARGIN, y + 11)
      .lineTo(doc.page.width - MARGIN, y + 11)
      .lineWidth(0.5)
      .stroke();
    doc.font('Helvetica').fontSize(7);
    return y + 15;
  };

  // Header
  const documentTitle = DOCUMENT_TITLES[invoice.documentType];
  doc.font('Helvetica-Bold').fontSize(18).text(documentTitle, MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(9).fillColor('#444444').text('Microsoft Partner Center statement (sandbox)');
  doc.fillColor('#000000').moveDown(0.8);
  const facts: Array<[string, string]> = [
    ['Invoice number', invoice.id],
    ['Invoice date', day(invoice.invoiceDate)],
    ['Billing period', `${day(invoice.billingPeriodStartDate)} to ${day(invoice.billingPeriodEndDate)}`],
    ['Invoice type', invoice.invoiceType],
    ['Currency', `${currency.code}`],
    ...(invoice.amendsOf === undefined ? [] : [['Amends invoice', invoice.amendsOf] as [string, string]]),
  ];
  const factsTop = doc.y;
  for (const [label, value] of facts) {
    doc.font('Helvetica-Bold').fontSize(9).text(`${label}:`, MARGIN, doc.y, { continued: true });
    doc.font('Helvetica').text(` ${value}`);
  }
  const billTo = options.billTo ?? { name: 'Partner' };
  doc.font('Helvetica-Bold').fontSize(9).text('Bill to', 360, factsTop);
  doc.font('Helvetica').text(billTo.name, 360);
  for (const line of billTo.lines ?? []) doc.text(line, 360);
  doc.x = MARGIN;

  let y = tableHeader(Math.max(doc.y, factsTop + 80) + 14);
  let count = 0;
  let subtotalMinor = 0;
  let taxMinor = 0;
  let totalMinor = 0;
  const factor = 10 ** currency.decimals;
  for (const item of lineItems) {
    const row = rowOf(item);
    count++;
    subtotalMinor += Math.round(row.subtotal * factor);
    taxMinor += Math.round(row.tax * factor);
    totalMinor += Math.round(row.total * factor);
    if (count > maxRows) continue;
    if (y > pageBottom) {
      footer();
      doc.addPage();
      page++;
      y = tableHeader(MARGIN);
    }
    const cells: Record<(typeof COLUMNS)[number]['key'], string> = {
      n: String(count),
      customer: row.customer,
      description: row.description,
      quantity: String(row.quantity),
      subtotal: amount(row.subtotal, currency).slice(currency.code.length + 1),
      tax: amount(row.tax, currency).slice(currency.code.length + 1),
      total: amount(row.total, currency).slice(currency.code.length + 1),
    };
    for (const column of COLUMNS) {
      doc.text(cells[column.key], column.x, y, {
        width: column.width,
        align: column.align,
        lineBreak: false,
        ellipsis: true,
        height: 9,
      });
    }
    y += 10;
  }

  if (y > pageBottom - 90) {
    footer();
    doc.addPage();
    page++;
    y = MARGIN;
  }
  y += 6;
  if (count > maxRows) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(8)
      .text(
        `${count - maxRows} further line items are not printed; the invoice's line items carry every one.`,
        MARGIN,
        y,
      );
    y = doc.y + 6;
  }
  if (count === 0) {
    doc.font('Helvetica-Oblique').fontSize(8).text('This invoice has no line items.', MARGIN, y);
    y = doc.y + 6;
  }
  doc
    .moveTo(360, y)
    .lineTo(doc.page.width - MARGIN, y)
    .lineWidth(0.5)
    .stroke();
  y += 6;
  const totals: Array<[string, number]> = [
    [`Subtotal (${count} line items)`, subtotalMinor],
    ['Tax', taxMinor],
    ['Total', totalMinor],
  ];
  for (const [label, value] of totals) {
    doc.font(label === 'Total' ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    doc.text(label, 360, y, { width: 110, lineBreak: false });
    doc.text(money(value, currency), 470, y, {
      width: doc.page.width - MARGIN - 470,
      align: 'right',
      lineBreak: false,
    });
    y += 13;
  }
  footer();
  doc.end();
  return doc;
}
