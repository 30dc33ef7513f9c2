/**
 * Billing at size (issue 13), against the sandbox in its own process (so RSS is the client's) with
 * `--latency-ms 100` and an invoice of 200,000 line items:
 * - v2 export to SQLite and CSV vs a plain download-and-gunzip of the same blobs after the same wait;
 * - v1 seek paging vs `pages × latency` (paging is sequential by nature);
 * - peak RSS of this process during both;
 * - 24 statements vs `ceil(24 / concurrency) × latency`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { writeLineItemsCsv } from '../../main/billing/csv-export';
import { runLineItemExport } from '../../main/billing/line-item-export';
import { downloadStatements } from '../../main/billing/statements';
import { openDatabase } from '../../main/database/index';
import { PartnerCenterClient, RequestBudget } from '../../main/partner-center';
import { ReconciliationClient } from '../../main/partner-center/reconciliation';
import type { Benchmark, Figure } from './run';

const LINES = 200_000;
const LATENCY_MS = 100;
const PAGE = 2_000;
const STATEMENTS = 24;
const CONCURRENCY = 4;
const root = path.resolve(import.meta.dirname, '..', '..');

interface Ready {
  baseUrl: string;
  graphBaseUrl: string;
  blobBaseUrl: string;
  authority: string;
  clientId: string;
  clientSecret: string;
}

async function startSandboxProcess(): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [
      'main/sandbox/cli.ts',
      '--catalog',
      'small',
      '--line-items',
      String(LINES),
      '--latency-ms',
      String(LATENCY_MS),
      '--export-running-ms',
      '1000',
      '--auto-approve',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const parsed = JSON.parse(line) as Ready & { event: string };
    if (parsed.event === 'ready') return { child, ready: parsed };
  }
  throw new Error('sandbox exited before it was ready');
}

async function appToken(ready: Ready, scope: string): Promise<string> {
  const response = await fetch(`${ready.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: ready.clientId,
      client_secret: ready.clientSecret,
      scope,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** An App+User token through the device-code grant (the sandbox approves it itself): statements need one. */
async function userToken(ready: Ready): Promise<string> {
  const scope = 'https://api.partnercenter.microsoft.com/user_impersonation offline_access';
  const code = (await (
    await fetch(`${ready.authority}/oauth2/v2.0/devicecode`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: ready.clientId, scope }),
    })
  ).json()) as { device_code: string };
  const response = await fetch(`${ready.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      client_id: ready.clientId,
      device_code: code.device_code,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Samples this process's RSS while `work` runs; resolves to its result, time and peak (MB). */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const started = performance.now();
  try {
    const value = await work();
    return {
      value,
      ms: performance.now() - started,
      peakMb: Math.max(peak, process.memoryUsage.rss()) / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

/** The baseline: same export and wait, then each blob fetched, gunzipped and its lines counted. */
async function rawDownload(recon: ReconciliationClient, invoiceId: string): Promise<number> {
  const operation = await recon.startBilledExport(invoiceId);
  const manifest = await recon.waitForManifest(operation);
  let lines = 0;
  for (let i = 0; i < manifest.blobs.length; i++) {
    const response = await fetch(recon.blobUrl(manifest, i));
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>).pipe(createGunzip());
    for await (const chunk of body as AsyncIterable<Buffer>) {
      for (const byte of chunk) if (byte === 10) lines++;
    }
  }
  return lines;
}

const benchmark: Benchmark = {
  title: `Billing: ${LINES.toLocaleString('en-US')} line items at ${LATENCY_MS} ms latency (v2 export, v1 paging), ${STATEMENTS} statements`,
  async run(): Promise<Figure[]> {
    const { child, ready } = await startSandboxProcess();
    const dir = mkdtempSync(path.join(tmpdir(), 'desk-billing-bench-'));
    const db = openDatabase({ dataDir: dir });
    try {
      const pcToken = await userToken(ready);
      const graphToken = await appToken(ready, 'https://graph.microsoft.com/.default');
      const partnerCenter = new PartnerCenterClient({
        baseUrl: ready.baseUrl,
        getAccessToken: () => Promise.resolve(pcToken),
        locale: 'en-US',
        appName: 'Reservation Desk (bench)',
        budget: new RequestBudget({ maxConcurrency: CONCURRENCY, requestsPerMinute: 100_000 }),
      });
      const reconciliation = new ReconciliationClient({
        graphBaseUrl: ready.graphBaseUrl,
        blobBaseUrl: ready.blobBaseUrl,
        getGraphToken: () => Promise.resolve(graphToken),
      });
      const invoices = (await partnerCenter.listInvoices({ size: 500 }).toArray()).filter(
        (i) => i.id.startsWith('G') || i.id.startsWith('D'),
      );
      // The largest invoice is the newest USD OneTime one.
      const largest = invoices.find((i) => i.invoiceType === 'OneTime' && i.currencyCode === 'USD')!;

      // What the process holds before any export (tsx, SQLite, the clients), for reading the peak.
      const rssBeforeMb = process.memoryUsage.rss() / 2 ** 20;
      const raw = await measured(() => rawDownload(reconciliation, largest.id));
      const v2 = await measured(async () => {
        const result = await runLineItemExport(
          { db, profileId: 'bench', partnerCenter, reconciliation },
          { kind: 'invoice', invoiceId: largest.id, source: 'v2' },
        );
        await writeLineItemsCsv(db, result.exportId, path.join(dir, 'v2.csv'));
        return result.rows;
      });
      const v1 = await measured(async () => {
        const result = await runLineItemExport(
          { db, profileId: 'bench', partnerCenter, reconciliation },
          { kind: 'invoice', invoiceId: largest.id, source: 'v1', providers: ['one_time'] },
        );
        return result.rows;
      });
      if (raw.value !== LINES || v2.value !== LINES || v1.value !== LINES) {
        throw new Error(`row counts differ: raw ${raw.value}, v2 ${v2.value}, v1 ${v1.value}`);
      }
      const v1Bound = Math.ceil(LINES / PAGE) * LATENCY_MS;

      // Statements of small invoices (the largest one's statement would be thousands of pages).
      const small = invoices.filter((i) => i.id !== largest.id).slice(0, STATEMENTS);
      const bulk = await measured(() =>
        downloadStatements({
          db,
          profileId: 'bench',
          partnerCenter,
          folder: path.join(dir, 'statements'),
          invoices: small,
          concurrency: CONCURRENCY,
        }),
      );
      if (bulk.value.downloaded !== STATEMENTS) throw new Error(`statements: ${JSON.stringify(bulk.value)}`);
      const bulkBound = Math.ceil(STATEMENTS / CONCURRENCY) * LATENCY_MS;

      const v2Ratio = v2.ms / raw.ms;
      const v1Ratio = v1.ms / v1Bound;
      const peak = Math.max(v2.peakMb, v1.peakMb);
      const bulkRatio = bulk.ms / bulkBound;
      return [
        {
          name: 'v2_export_200k_vs_raw_download',
          value: v2Ratio,
          unit: '×',
          goal: '≤ 1.5',
          met: v2Ratio <= 1.5,
        },
        { name: 'v2_export_200k ms', value: v2.ms, unit: 'ms' },
        { name: 'raw_download_200k ms', value: raw.ms, unit: 'ms' },
        {
          name: 'v1_paging_200k_vs_lower_bound',
          value: v1Ratio,
          unit: '×',
          goal: '≤ 1.2',
          met: v1Ratio <= 1.2,
        },
        { name: 'v1_paging_200k ms', value: v1.ms, unit: 'ms' },
        { name: 'export_peak_rss_mb', value: peak, unit: 'MB', goal: '≤ 250', met: peak <= 250 },
        { name: 'export_peak_rss_mb v2 / v1', value: v2.peakMb, unit: `MB / ${v1.peakMb.toFixed(0)} MB` },
        { name: 'rss before the exports', value: rssBeforeMb, unit: 'MB' },
        {
          name: 'bulk_statements_vs_lower_bound',
          value: bulkRatio,
          unit: '×',
          goal: '≤ 1.3',
          met: bulkRatio <= 1.3,
        },
        { name: 'bulk_statements ms', value: bulk.ms, unit: 'ms' },
      ];
    } finally {
      db.close();
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
