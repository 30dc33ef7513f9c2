/**
 * Files the user keeps: CSV exports (round-trip through a CSV parser, BOM, no file when cancelled)
 * and statement PDFs (parsed with pdf.js, empty or non-PDF bodies refused with nothing written, a
 * library that notices a file removed outside the app, bulk download that resumes).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineItemCsvStream, writeLineItemsCsv } from '../../../main/billing/csv-export';
import { downloadStatement, downloadStatements, statementLibrary } from '../../../main/billing/statements';
import type { AppDatabase } from '../../../main/database/index';
import { RequestBudget } from '../../../main/partner-center';
import { testClient } from '../partner-center/support/client';
import { largestInvoiceId, startBillingFixture, type BillingFixture } from './helpers';

async function pdfText(bytes: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 })
    .promise;
  let text = '';
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  await document.destroy();
  return text;
}

const awkward: Record<string, unknown>[] = [
  { customerName: 'Contoso, Ltd.', productName: 'Say "hello"', totalForCustomer: -1234.56, quantity: -1 },
  {
    customerName: 'Multi\nline',
    productName: '株式会社テスト',
    totalForCustomer: 12345678901234.5,
    extraField: 'kept',
  },
  {
    customerName: 'Ünïcødé Ωmega',
    productName: 'Reserved VM, 3 Years',
    totalForCustomer: 0.01,
    productQualifiers: ['a', 'b'],
  },
];

const awkwardColumns = [
  'customerName',
  'productName',
  'totalForCustomer',
  'quantity',
  'extraField',
  'productQualifiers',
];

function seedExport(db: AppDatabase, profileId: string): number {
  db.prepare(
    "INSERT INTO billing_exports (profile_id, subject, source, state, started_at, columns) VALUES (?, 'invoice:X', 'v2', 'completed', 0, ?)",
  ).run(profileId, JSON.stringify(awkwardColumns));
  const id = (
    db.prepare('SELECT id FROM billing_exports WHERE profile_id = ?').get(profileId) as { id: number }
  ).id;
  awkward.forEach((record, seq) => {
    db.prepare('INSERT INTO billing_line_items (export_id, seq, part, record) VALUES (?, ?, 0, ?)').run(
      id,
      seq,
      JSON.stringify(record),
    );
  });
  return id;
}

describe('billing files', () => {
  let f: BillingFixture;
  let db: AppDatabase;
  beforeAll(async () => {
    f = await startBillingFixture({ lineItems: 300 });
    db = f.openDb();
  });
  afterAll(() => f.close());

  it('writes a CSV that round-trips commas, quotes, newlines, non-Latin names, large and negative numbers', async () => {
    const exportId = seedExport(db, 'csv');
    const file = path.join(f.dir, 'lines.csv');
    expect(await writeLineItemsCsv(db, exportId, file)).toBe(3);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes, { bom: true, columns: true });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      customerName: 'Contoso, Ltd.',
      productName: 'Say "hello"',
      totalForCustomer: '-1234.56',
      quantity: '-1',
    });
    expect(rows[1]).toMatchObject({
      customerName: 'Multi\nline',
      productName: '株式会社テスト',
      totalForCustomer: '12345678901234.5',
      extraField: 'kept',
    });
    expect(rows[2]).toMatchObject({ customerName: 'Ünïcødé Ωmega', productQualifiers: '["a","b"]' });
    expect(readdirSync(f.dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('writes the same CSV while the rows arrive, and clears what a crashed run left behind', async () => {
    const folder = path.join(f.dir, 'streamed');
    const file = path.join(folder, 'lines.csv');
    const fromDb = path.join(folder, 'from-db.csv');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '.lines.csv.0123456789ab.partial'), 'cut sh');
    const stream = await LineItemCsvStream.open(file, awkwardColumns);
    await stream.write(awkward.slice(0, 1));
    await stream.write(awkward.slice(1));
    await stream.finish();
    const exportId = (
      db.prepare("SELECT id FROM billing_exports WHERE profile_id = 'csv'").get() as { id: number }
    ).id;
    await writeLineItemsCsv(db, exportId, fromDb);
    expect(readFileSync(file)).toEqual(readFileSync(fromDb));
    expect(readdirSync(folder).sort()).toEqual(['from-db.csv', 'lines.csv']);
  });

  it('leaves no file when a CSV written as rows arrive is discarded', async () => {
    const folder = path.join(f.dir, 'discarded');
    const stream = await LineItemCsvStream.open(path.join(folder, 'lines.csv'), awkwardColumns);
    await stream.write(awkward);
    await stream.discard();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('leaves no file, partial or final, when the CSV export is cancelled', async () => {
    const exportId = (
      db.prepare("SELECT id FROM billing_exports WHERE profile_id = 'csv'").get() as { id: number }
    ).id;
    const folder = path.join(f.dir, 'cancelled');
    const file = path.join(folder, 'lines.csv');
    mkdirSync(folder);
    const controller = new AbortController();
    controller.abort();
    await expect(writeLineItemsCsv(db, exportId, file, controller.signal)).rejects.toThrow();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('saves a statement named after the invoice number and date, which pdf.js reads', async () => {
    const invoice = f.sandbox.world.invoices.find((i) => i.id === largestInvoiceId(f.sandbox))!;
    const entry = await downloadStatement({
      db,
      profileId: 'pdf',
      partnerCenter: f.partnerCenter,
      folder: path.join(f.dir, 'pdf'),
      invoice,
    });
    expect(path.basename(entry.filePath)).toBe(
      `Invoice_${invoice.id}_${invoice.invoiceDate.slice(0, 10)}.pdf`,
    );
    expect(await pdfText(readFileSync(entry.filePath))).toContain(invoice.id);
    expect(statementLibrary(db, 'pdf')).toMatchObject([{ invoiceId: invoice.id, missing: false }]);
    rmSync(entry.filePath);
    expect(statementLibrary(db, 'pdf')).toMatchObject([{ invoiceId: invoice.id, missing: true }]);
  });

  for (const broken of ['empty', 'html']) {
    it(`refuses a ${broken} statement body and writes nothing`, async () => {
      const token = await f.sandbox.issueToken();
      const client = testClient(f.sandbox.baseUrl, {
        getAccessToken: () => Promise.resolve(token),
        budget: new RequestBudget({ maxConcurrency: 2, requestsPerMinute: 10_000 }),
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          headers.set('X-Sandbox-Statement', broken);
          return fetch(input, { ...init, headers });
        },
      });
      const folder = path.join(f.dir, `broken-${broken}`);
      const invoice = f.sandbox.world.invoices[1]!;
      await expect(
        downloadStatement({ db, profileId: 'broken', partnerCenter: client, folder, invoice }),
      ).rejects.toThrow(/nothing was saved/);
      expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
      expect(statementLibrary(db, 'broken')).toEqual([]);
    });
  }

  it('downloads every statement of a period, and a second run fetches only what is missing', async () => {
    const period = f.sandbox.world.invoices[0]!.billingPeriodStartDate;
    const invoices = f.sandbox.world.invoices.filter((i) => i.billingPeriodStartDate === period);
    const folder = path.join(f.dir, 'bulk');
    const first = await downloadStatements({
      db,
      profileId: 'bulk',
      partnerCenter: f.partnerCenter,
      folder,
      invoices,
    });
    expect(first).toMatchObject({ downloaded: invoices.length, skipped: 0, failed: [] });
    rmSync(path.join(folder, readdirSync(folder)[0]!));
    const again = await downloadStatements({
      db,
      profileId: 'bulk',
      partnerCenter: f.partnerCenter,
      folder,
      invoices,
    });
    expect(again).toMatchObject({ downloaded: 1, skipped: invoices.length - 1 });
    expect(readdirSync(folder)).toHaveLength(invoices.length);
  });
});
