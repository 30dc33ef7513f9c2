/**
 * One measured run of the billing bench (`billing.bench.ts`), in a process of its own so that its peak
 * RSS (`process.resourceUsage().maxRSS`) belongs to that run alone: the job comes as JSON on stdin
 * (not in argv, where any process list would show its tokens), the result goes to stdout as one JSON
 * line. Timing starts at the first request, after the imports.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { writeLineItemsCsv } from '../../main/billing/csv-export';
import { runLineItemExport } from '../../main/billing/line-item-export';
import { openDatabase } from '../../main/database/index';
import { PartnerCenterClient, RequestBudget, defaultBudgetOptions } from '../../main/partner-center';
import { ReconciliationClient } from '../../main/partner-center/reconciliation';

/** What the parent asks for. */
export interface ExportJob {
  /**
   * `raw`: the v2 baseline (export, wait, download and gunzip); `raw-v1`: every v1 page fetched and
   * parsed, nothing else (what the sandbox itself takes per page); `v2`/`v1`: the app's export and CSV.
   */
  readonly phase: 'raw' | 'raw-v1' | 'v2' | 'v1';
  readonly baseUrl: string;
  readonly graphBaseUrl: string;
  readonly blobBaseUrl: string;
  readonly pcToken: string;
  readonly graphToken: string;
  readonly invoiceId: string;
  readonly dir: string;
}

/** What the child answers. */
export interface ExportRun {
  readonly rows: number;
  /**
   * From the first request to the rows in SQLite (v2: and its CSV file in place, written as the rows
   * arrive; raw: to the last blob gunzipped).
   */
  readonly ms: number;
  /** v1: writing its CSV file from SQLite afterwards (0 for the others). */
  readonly csvMs: number;
  /** Peak RSS of the whole process, in MB. */
  readonly peakRssMb: number;
  /** RSS just before the run started (runtime, modules, clients), in MB. */
  readonly startRssMb: number;
}

/** The baseline: the same export and wait, then every blob fetched, gunzipped and its lines counted. */
async function rawDownload(recon: ReconciliationClient, invoiceId: string): Promise<number> {
  const manifest = await recon.waitForManifest(await recon.startBilledExport(invoiceId));
  let lines = 0;
  for (let i = 0; i < manifest.blobs.length; i++) {
    const response = await fetch(recon.blobUrl(manifest, i));
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>).pipe(createGunzip());
    for await (const chunk of body as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    }
  }
  return lines;
}

/** Every v1 page of the invoice, fetched and parsed, following the continuation token. */
async function rawPaging(job: ExportJob): Promise<number> {
  const first = `${job.baseUrl}/v1/invoices/${job.invoiceId}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=2000`;
  let rows = 0;
  for (let token: string | undefined; ;) {
    const response = await fetch(token ? `${first}&seekOperation=Next` : first, {
      headers: {
        Authorization: `Bearer ${job.pcToken}`,
        Accept: 'application/json',
        ...(token ? { 'MS-ContinuationToken': token } : {}),
      },
    });
    const page = (await response.json()) as { items: unknown[]; continuationToken?: string };
    rows += page.items.length;
    if (!page.continuationToken) return rows;
    token = page.continuationToken;
  }
}

async function run(job: ExportJob): Promise<ExportRun> {
  const partnerCenter = new PartnerCenterClient({
    baseUrl: job.baseUrl,
    getAccessToken: () => Promise.resolve(job.pcToken),
    locale: 'en-US',
    appName: 'Reservation Desk (bench)',
    budget: new RequestBudget(defaultBudgetOptions),
  });
  const reconciliation = new ReconciliationClient({
    graphBaseUrl: job.graphBaseUrl,
    blobBaseUrl: job.blobBaseUrl,
    getGraphToken: () => Promise.resolve(job.graphToken),
  });
  const db = openDatabase({ dataDir: job.dir });
  try {
    const startRssMb = process.memoryUsage.rss() / 2 ** 20;
    const started = performance.now();
    let rows: number;
    let ms: number;
    let csvMs = 0;
    if (job.phase === 'raw' || job.phase === 'raw-v1') {
      rows = job.phase === 'raw' ? await rawDownload(reconciliation, job.invoiceId) : await rawPaging(job);
      ms = performance.now() - started;
    } else {
      const csvPath = path.join(job.dir, `${job.phase}.csv`);
      // v2 streams its CSV while the rows arrive, so its time includes the file; v1 pages into SQLite
      // only (paging is what its bound is about) and the app writes its file afterwards, timed apart.
      const result = await runLineItemExport(
        { db, profileId: 'bench', partnerCenter, reconciliation, ...(job.phase === 'v2' ? { csvPath } : {}) },
        job.phase === 'v2'
          ? { kind: 'invoice', invoiceId: job.invoiceId, source: 'v2' }
          : { kind: 'invoice', invoiceId: job.invoiceId, source: 'v1', providers: ['one_time'] },
      );
      ms = performance.now() - started;
      if (job.phase === 'v2') {
        // A fresh export streams its CSV; a rebuild from SQLite would mean the bench measured the slow path.
        if (result.csvRebuilt || statSync(csvPath).size === 0) throw new Error('the CSV was not streamed');
      } else {
        const written = await writeLineItemsCsv(db, result.exportId, csvPath);
        if (written !== result.rows) throw new Error(`CSV has ${written} rows, SQLite ${result.rows}`);
        csvMs = performance.now() - started - ms;
      }
      rows = result.rows;
    }
    return { rows, ms, csvMs, peakRssMb: process.resourceUsage().maxRSS / 1024, startRssMb };
  } finally {
    db.close();
  }
}

let input = '';
for await (const chunk of process.stdin) input += String(chunk);
const job = JSON.parse(input) as ExportJob;
process.stdout.write(`${JSON.stringify(await run(job))}\n`);
