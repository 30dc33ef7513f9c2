/**
 * v1 paging asks for the next page while the current one is stored, and the CSV file is written
 * while the rows arrive; neither may change what the user gets. Over real HTTP against the sandbox
 * (several seek pages), into real SQLite: a run stopped after some pages resumes from the last page
 * whose rows were committed and ends with the same rows as a run never stopped, each page asked for
 * once per run; and the streamed CSV file is byte for byte the file written from SQLite afterwards.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLineItemsCsv } from '../../../main/billing/csv-export';
import { runLineItemExport, type LineItemExportDeps } from '../../../main/billing/line-item-export';
import type { AppDatabase } from '../../../main/database/index';
import { PartnerCenterClient, RequestBudget } from '../../../main/partner-center';
import { largestInvoiceId, startBillingFixture, type BillingFixture } from './helpers';

/** Four seek pages of 2,000 lines, the last one short. */
const LINES = 7_100;
const PAGES = 4;

function refsInDb(db: AppDatabase, exportId: number): string[] {
  return (
    db
      .prepare(
        "SELECT json_extract(record, '$.referenceId') AS ref FROM billing_line_items WHERE export_id = ? ORDER BY seq",
      )
      .all(exportId) as { ref: string }[]
  ).map((row) => row.ref);
}

describe('pipelined v1 paging and the streamed CSV file', () => {
  let f: BillingFixture;
  let db: AppDatabase;
  let invoiceId: string;
  /** The continuation token of every line-item request, in order ('' for a first page). */
  const asked: string[] = [];
  let deps: LineItemExportDeps;
  beforeAll(async () => {
    f = await startBillingFixture({ lineItems: LINES });
    db = f.openDb();
    invoiceId = largestInvoiceId(f.sandbox);
    const token = await f.sandbox.issueToken();
    const counting: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (/\/lineitems/i.test(url)) {
        asked.push(new Headers(init?.headers).get('MS-ContinuationToken') ?? '');
      }
      return fetch(input, init);
    };
    const partnerCenter = new PartnerCenterClient({
      baseUrl: f.sandbox.baseUrl,
      getAccessToken: () => Promise.resolve(token),
      locale: 'en-US',
      appName: 'Reservation Desk (tests)',
      budget: new RequestBudget({ maxConcurrency: 4, requestsPerMinute: 10_000 }),
      fetch: counting,
    });
    deps = { db, profileId: 'p1', partnerCenter, reconciliation: f.reconciliation };
  });
  afterAll(() => f.close());

  it('resumes a pipelined v1 export from the last committed page, with the rows of an uninterrupted one', async () => {
    const whole = await runLineItemExport(
      { ...deps, profileId: 'whole' },
      { kind: 'invoice', invoiceId, source: 'v1', providers: ['one_time'] },
    );
    expect(whole.rows).toBe(LINES);
    // Every page asked for once: a guessed next request was used, not asked again.
    expect(asked).toHaveLength(PAGES);
    expect(new Set(asked).size).toBe(PAGES);

    const pages = [...asked];
    asked.length = 0;
    const controller = new AbortController();
    const stopped = runLineItemExport(
      {
        ...deps,
        profileId: 'stopped',
        signal: controller.signal,
        progress: (p) => {
          // Page 3 is already on the wire when page 2 is committed: the stop lands in between.
          if (p.phase === 'Reading page 2') controller.abort(new Error('app closed'));
        },
      },
      { kind: 'invoice', invoiceId, source: 'v1', providers: ['one_time'] },
    );
    await expect(stopped).rejects.toThrow();
    const checkpoint = db
      .prepare("SELECT blobs_done, rows_done, next_page FROM billing_exports WHERE profile_id = 'stopped'")
      .get() as { blobs_done: number; rows_done: number; next_page: string };
    expect(checkpoint).toMatchObject({ blobs_done: 2, rows_done: 4_000 });
    expect(checkpoint.next_page).toContain(pages[2]);
    // A crash while page 3 was being stored in slices leaves some of its rows behind the checkpoint.
    const exportId = (
      db.prepare("SELECT id FROM billing_exports WHERE profile_id = 'stopped'").get() as { id: number }
    ).id;
    db.prepare(
      'INSERT INTO billing_line_items (export_id, seq, part, record) VALUES (?, 4000, 2, \'{"partial":true}\')',
    ).run(exportId);

    const csvPath = path.join(f.dir, 'stopped', 'lines.csv');
    const resumed = await runLineItemExport(
      { ...deps, profileId: 'stopped', csvPath },
      { kind: 'invoice', invoiceId, source: 'v1', providers: ['one_time'] },
    );
    expect(resumed).toMatchObject({ rows: LINES, resumed: true });
    expect(refsInDb(db, resumed.exportId)).toEqual(refsInDb(db, whole.exportId));
    // The resumed run started at page 3 and asked for pages 3 and 4 once each.
    expect(asked.slice(-2)).toEqual(pages.slice(2));
  });

  it('streams the CSV file byte for byte as it would be written from SQLite afterwards', async () => {
    const streamed = path.join(f.dir, 'streamed', 'lines.csv');
    const result = await runLineItemExport(
      { ...deps, profileId: 'streamed', csvPath: streamed },
      { kind: 'invoice', invoiceId, source: 'v2' },
    );
    expect(result).toMatchObject({ rows: LINES, csvRebuilt: false });
    const fromSqlite = path.join(f.dir, 'streamed', 'again.csv');
    expect(await writeLineItemsCsv(db, result.exportId, fromSqlite)).toBe(LINES);
    const bytes = readFileSync(streamed);
    expect(bytes.length).toBeGreaterThan(LINES * 100);
    expect(bytes.equals(readFileSync(fromSqlite))).toBe(true);
  });
});
