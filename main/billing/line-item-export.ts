/**
 * An invoice's line items, from the right source, into SQLite, resumable (issue 13):
 * - v2 (Graph export) for new-commerce invoices whose billing period starts in February 2024 or later;
 * - v1 (seek paging) for legacy commerce and earlier periods (§14.1).
 * Where an export stands is committed with its rows (v2: operation URL and blobs done; v1: the next
 * page), so a restart continues it. An expired operation (410) starts a new export cleanly; a refused
 * SAS (403) reads the manifest again. Rows go in batches: memory stays bounded at any size.
 * When asked for a CSV file, each batch goes to it right after its transaction, so the file is written
 * while the rows arrive instead of in a second pass over SQLite.
 */
import type { AppDatabase } from '../database';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  malformedResponseError,
  nextRequest,
  readJsonBody,
  type BytesResponse,
  type Invoice,
  type PartnerCenterClient,
  type RequestSpec,
} from '../partner-center';
import { collectionSchema } from '../partner-center/models/common';
import {
  ReconciliationError,
  type BlobRecord,
  type ReconciliationClient,
} from '../partner-center/reconciliation';
import { LineItemCsvStream, writeLineItemsCsv } from './csv-export';
import { withExportConnection } from './export-connection';
import { needsNormalizing, normalizeRecord, numberOf, textOf } from './line-item-fields';
import { guessNextRequest, sameRequest } from './v1-read-ahead';

/** From this billing period on, new-commerce line items live only in the v2 export (§14.1). */
export const V2_FROM = Date.UTC(2024, 1, 1);

/** Which source an invoice's line items come from. */
export type LineItemSource = 'v1' | 'v2';

/** The rule of §14.1: legacy providers or a period before Feb 2024 → v1; anything else → v2. */
export function sourceFor(
  invoice: Pick<Invoice, 'billingPeriodStartDate' | 'invoiceDate' | 'invoiceDetails'>,
): LineItemSource {
  const providers = invoice.invoiceDetails.map((d) => String(d.billingProvider ?? '').toLowerCase());
  const legacy = providers.length > 0 && providers.every((p) => p === 'azure' || p === 'office');
  if (legacy) return 'v1';
  const start = Date.parse(invoice.billingPeriodStartDate ?? invoice.invoiceDate ?? '');
  return Number.isFinite(start) && start < V2_FROM ? 'v1' : 'v2';
}

/** What an export works on. */
export type ExportSubject =
  | {
      readonly kind: 'invoice';
      readonly invoiceId: string;
      readonly source: LineItemSource;
      /** The invoice's billing providers when known (else read by id, which is App+User only). */
      readonly providers?: ReadonlyArray<string>;
    }
  | { readonly kind: 'unbilled'; readonly currencyCode: string; readonly period: 'current' | 'last' };

export function subjectKey(subject: ExportSubject): string {
  return subject.kind === 'invoice'
    ? `invoice:${subject.invoiceId}`
    : `unbilled:${subject.currencyCode.toUpperCase()}:${subject.period}`;
}

/** What an export run needs. */
export interface LineItemExportDeps {
  readonly db: AppDatabase;
  readonly profileId: string;
  readonly partnerCenter: PartnerCenterClient;
  /** Needed by v2 exports only: a cloud without Graph reconciliation has none (§14.2). */
  readonly reconciliation?: ReconciliationClient;
  readonly signal?: AbortSignal;
  readonly progress?: (update: { done: number; total?: number; phase: string }) => void;
  /**
   * v2 rows per transaction and CSV write (default 500). Small batches die young: a batch of 2,000
   * parsed rows outlived the young generation, and the old one then grew to hundreds of MB of garbage
   * (live data stays near 20 MB) before V8 collected it.
   */
  readonly batchSize?: number;
  /** New exports after a 410 before giving up (default 2). */
  readonly maxRestarts?: number;
  /** Where to write the rows as CSV too (atomically: nothing there until the export has finished). */
  readonly csvPath?: string;
}

/** How an export ended. */
export interface LineItemExportResult {
  readonly exportId: number;
  readonly source: LineItemSource;
  readonly rows: number;
  /** Whether it continued a run interrupted earlier. */
  readonly resumed: boolean;
  /** New exports started because an operation expired (410). */
  readonly restarts: number;
  /** Whether the CSV file (when asked for) was written from SQLite at the end instead of streamed (always for v1). */
  readonly csvRebuilt: boolean;
}

interface ExportRow {
  id: number;
  source: LineItemSource;
  state: string;
  operation_url: string | null;
  blobs_done: number;
  next_page: string | null;
  rows_done: number;
  columns: string;
  restarts: number;
}

/** Reads and writes one export's rows and checkpoint, and its CSV file when asked for one. */
class ExportWriter {
  readonly columns: string[];
  private readonly seen: Set<string>;
  private readonly insert;
  private seq: number;
  private csv: LineItemCsvStream | undefined;
  /**
   * Whether the streamed CSV no longer matches the rows in SQLite, so the file must be rebuilt from
   * SQLite at the end. That is the case only on resume (the rows of the earlier run are in no file we
   * can trust: its temporary file may end mid-record after a crash), when a blob or page already
   * written is read again (SAS expired), or when a field appears after the header was written. And
   * always for v1 (`streams` false): its paging is sequential and paced by the network, so each page's
   * work is kept to SQLite, and the file is written from SQLite once the pages are in.
   */
  private csvStale: boolean;

  constructor(
    private readonly db: AppDatabase,
    readonly row: ExportRow,
    private readonly csvPath: string | undefined,
    private readonly streams: boolean,
  ) {
    this.columns = JSON.parse(row.columns) as string[];
    this.seen = new Set(this.columns);
    this.seq = row.rows_done;
    this.csvStale = this.seq > 0 || !streams;
    this.insert = db.prepare(
      `INSERT INTO billing_line_items (export_id, seq, part, customer_id, customer_name, product_name,
         reservation_order_id, charge_type, currency, total, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  get rows(): number {
    return this.seq;
  }

  /**
   * Inserts a batch and moves the checkpoint in one transaction. A record that needs no renaming is
   * stored as the text it came in, when given, instead of being serialized again. Then the batch goes
   * to the CSV file; this waits while the file falls behind, which slows the download down to it.
   */
  async commit(part: number, rows: ReadonlyArray<BlobRecord>, checkpoint: Partial<ExportRow>): Promise<void> {
    const records: Record<string, unknown>[] = [];
    this.db.transaction(() => {
      for (const row of rows) {
        const record = needsNormalizing(row.record) ? normalizeRecord(row.record) : row.record;
        records.push(record);
        for (const key in record) {
          if (!this.seen.has(key)) {
            this.seen.add(key);
            this.columns.push(key);
          }
        }
        this.insert.run(
          this.row.id,
          this.seq++,
          part,
          textOf(record, 'customerId'),
          textOf(record, 'customerName'),
          textOf(record, 'productName'),
          textOf(record, 'reservationOrderId'),
          textOf(record, 'chargeType'),
          textOf(record, 'currency'),
          numberOf(record, 'totalForCustomer'),
          record === row.record && row.text !== undefined ? row.text : JSON.stringify(record),
        );
      }
      this.update({ ...checkpoint, rows_done: this.seq, columns: JSON.stringify(this.columns) });
    })();
    await this.streamCsv(records);
  }

  private async streamCsv(records: ReadonlyArray<Record<string, unknown>>): Promise<void> {
    if (this.csvPath === undefined || this.csvStale || records.length === 0) return;
    this.csv ??= await LineItemCsvStream.open(this.csvPath, this.columns);
    if (this.csv.columns.length !== this.columns.length) {
      // A field first seen now has no column in the header already written.
      await this.staleCsv();
      return;
    }
    await this.csv.write(records);
  }

  private async staleCsv(): Promise<void> {
    this.csvStale = true;
    await this.discardCsv();
  }

  /** Removes the CSV file being written (a cancel or a failure): no partial file stays. */
  async discardCsv(): Promise<void> {
    const csv = this.csv;
    this.csv = undefined;
    await csv?.discard();
  }

  /** Puts the CSV file in place: the streamed one, or one rebuilt from SQLite when that went stale. */
  async finishCsv(signal: AbortSignal | undefined, progress: LineItemExportDeps['progress']): Promise<void> {
    if (this.csvPath === undefined) return;
    if (this.csv && !this.csvStale) {
      await this.csv.finish();
      this.csv = undefined;
      return;
    }
    await this.discardCsv();
    this.csvStale = true;
    progress?.({ done: this.seq, total: this.seq, phase: 'Writing the CSV file' });
    await writeLineItemsCsv(this.db, this.row.id, this.csvPath, signal);
  }

  get csvRebuilt(): boolean {
    return this.csvPath !== undefined && this.csvStale;
  }

  /**
   * Drops rows from `part` on (a blob or page that was not finished) and resets the row count. The
   * CSV file starts over with the rows when none are left, and goes stale when rows it has are gone.
   */
  async dropFrom(part: number): Promise<void> {
    this.db
      .prepare('DELETE FROM billing_line_items WHERE export_id = ? AND part >= ?')
      .run(this.row.id, part);
    const count = this.db
      .prepare('SELECT count(*) AS n FROM billing_line_items WHERE export_id = ?')
      .get(this.row.id) as {
      n: number;
    };
    this.seq = count.n === 0 ? 0 : this.maxSeq() + 1;
    this.update({ rows_done: this.seq });
    if (this.seq === 0) {
      this.csvStale = !this.streams;
      await this.discardCsv();
    } else if (this.csv && this.csv.rows !== this.seq) {
      await this.staleCsv();
    }
  }

  update(fields: Partial<ExportRow> & { completed_at?: number }): void {
    const entries = Object.entries(fields).filter(([key]) => key !== 'id');
    if (entries.length === 0) return;
    this.db
      .prepare(`UPDATE billing_exports SET ${entries.map(([key]) => `${key} = ?`).join(', ')} WHERE id = ?`)
      .run(...entries.map(([, value]) => value), this.row.id);
    Object.assign(this.row, fields);
  }

  private maxSeq(): number {
    const row = this.db
      .prepare('SELECT max(seq) AS m FROM billing_line_items WHERE export_id = ?')
      .get(this.row.id) as {
      m: number | null;
    };
    return row.m ?? -1;
  }
}

/** The export row of a subject: continued when running, started afresh otherwise. */
function openExport(
  db: AppDatabase,
  profileId: string,
  subject: ExportSubject,
  source: LineItemSource,
): { row: ExportRow; resumed: boolean } {
  const key = subjectKey(subject);
  const existing = db
    .prepare('SELECT * FROM billing_exports WHERE profile_id = ? AND subject = ?')
    .get(profileId, key) as ExportRow | undefined;
  if (existing && existing.state === 'running' && existing.source === source) {
    return {
      row: existing,
      resumed: existing.operation_url !== null || existing.next_page !== null || existing.rows_done > 0,
    };
  }
  db.transaction(() => {
    if (existing) db.prepare('DELETE FROM billing_exports WHERE id = ?').run(existing.id);
    db.prepare(
      `INSERT INTO billing_exports (profile_id, subject, source, state, started_at) VALUES (?, ?, ?, 'running', ?)`,
    ).run(profileId, key, source, Date.now());
  })();
  const row = db
    .prepare('SELECT * FROM billing_exports WHERE profile_id = ? AND subject = ?')
    .get(profileId, key) as ExportRow;
  return { row, resumed: false };
}

/**
 * Runs (or resumes) a line-item export into SQLite, through a connection of its own with a small
 * cache (`withExportConnection`).
 */
export async function runLineItemExport(
  deps: LineItemExportDeps,
  subject: ExportSubject,
): Promise<LineItemExportResult> {
  return withExportConnection(deps.db, (db) => runWith(db, deps, subject));
}

async function runWith(
  db: AppDatabase,
  deps: LineItemExportDeps,
  subject: ExportSubject,
): Promise<LineItemExportResult> {
  const source: LineItemSource = subject.kind === 'unbilled' ? 'v2' : subject.source;
  const { row, resumed } = openExport(db, deps.profileId, subject, source);
  const writer = new ExportWriter(db, row, deps.csvPath, source === 'v2');
  try {
    if (source === 'v2') await runV2(deps, subject, writer);
    else if (subject.kind === 'invoice') await runV1(deps, subject.invoiceId, subject.providers, writer);
    // Before the export counts as completed: should this fail, the next run finds no rows left to
    // read and rebuilds the file from SQLite.
    await writer.finishCsv(deps.signal, deps.progress);
  } catch (error) {
    await writer.discardCsv();
    // A cancel or a crash keeps the checkpoint (resume later); a real failure ends the export.
    if (
      !(deps.signal?.aborted ?? false) &&
      !(error instanceof ReconciliationError && error.kind === 'deadline')
    ) {
      writer.update({ state: 'failed' });
    }
    throw error;
  }
  writer.update({ state: 'completed', next_page: null, completed_at: Date.now() });
  return {
    exportId: row.id,
    source,
    rows: writer.rows,
    resumed,
    restarts: writer.row.restarts,
    csvRebuilt: writer.csvRebuilt,
  };
}

async function runV2(deps: LineItemExportDeps, subject: ExportSubject, writer: ExportWriter): Promise<void> {
  const recon = deps.reconciliation;
  if (!recon) throw new Error('A v2 export needs the reconciliation client.');
  const signal = deps.signal;
  const batchSize = deps.batchSize ?? 500;
  const maxRestarts = deps.maxRestarts ?? 2;
  for (;;) {
    try {
      if (!writer.row.operation_url) {
        deps.progress?.({ done: writer.rows, phase: 'Asking Microsoft to prepare the export' });
        const url =
          subject.kind === 'invoice'
            ? await recon.startBilledExport(subject.invoiceId, signal)
            : await recon.startUnbilledExport(subject.currencyCode, subject.period, signal);
        writer.update({ operation_url: url });
      }
      const operationUrl = writer.row.operation_url!;
      let manifest = await recon.waitForManifest(operationUrl, signal, () =>
        deps.progress?.({ done: writer.rows, phase: 'Microsoft is preparing the export' }),
      );
      // A blob cut short by a cancel or crash is read again from its start.
      await writer.dropFrom(writer.row.blobs_done);
      let sasRetries = 0;
      for (let index = writer.row.blobs_done; index < manifest.blobs.length;) {
        try {
          let batch: BlobRecord[] = [];
          for await (const records of recon.blobBatches(manifest, index, signal)) {
            for (const record of records) batch.push(record);
            if (batch.length >= batchSize) {
              await writer.commit(index, batch, {});
              batch = [];
              deps.progress?.({
                done: writer.rows,
                phase: `Downloading file ${index + 1} of ${manifest.blobs.length}`,
              });
            }
          }
          await writer.commit(index, batch, { blobs_done: index + 1 });
          deps.progress?.({
            done: writer.rows,
            phase: `Downloaded file ${index + 1} of ${manifest.blobs.length}`,
          });
          index++;
        } catch (error) {
          if (!(error instanceof ReconciliationError && error.kind === 'sas-rejected') || sasRetries >= 2)
            throw error;
          // The SAS expired: a fresh manifest read gives a new one; that blob starts over.
          sasRetries++;
          await writer.dropFrom(index);
          manifest = await recon.waitForManifest(operationUrl, signal);
        }
      }
      return;
    } catch (error) {
      if (
        !(error instanceof ReconciliationError && error.kind === 'expired') ||
        writer.row.restarts >= maxRestarts
      ) {
        throw error;
      }
      // The operation or manifest expired: start again from nothing, so no rows are counted twice.
      await writer.dropFrom(0);
      writer.update({ operation_url: null, blobs_done: 0, restarts: writer.row.restarts + 1 });
    }
  }
}

/** Where a v1 read stands: which provider of the invoice, and the next page request. */
interface V1Checkpoint {
  readonly providerIndex: number;
  readonly spec: RequestSpec;
}

async function runV1(
  deps: LineItemExportDeps,
  invoiceId: string,
  known: ReadonlyArray<string> | undefined,
  writer: ExportWriter,
): Promise<void> {
  const options = deps.signal ? { signal: deps.signal } : {};
  const providers =
    known ??
    (await deps.partnerCenter.getInvoice(invoiceId, options)).invoiceDetails.map((d) =>
      String(d.billingProvider ?? ''),
    );
  const legacy = providers.map((p) => p.toLowerCase()).filter((p) => p === 'azure' || p === 'office');
  // New commerce is seek-paged (`provider=onetime`, never `one_time` in a query); legacy offset-paged.
  const queried = legacy.length > 0 ? legacy : ['onetime'];
  const specFor = (provider: string): RequestSpec => ({
    operation: 'listInvoiceLineItems',
    method: 'GET',
    path: `/invoices/${encodeURIComponent(invoiceId)}/lineitems`,
    query: { provider, invoicelineitemtype: 'billinglineitems', size: 2000 },
  });
  const stored = writer.row.next_page ? (JSON.parse(writer.row.next_page) as V1Checkpoint) : undefined;
  // A page is committed with its checkpoint, so nothing partial can exist; `part` counts pages.
  let part = writer.row.blobs_done;
  if (!stored && part > 0) return; // completed earlier: nothing left
  // A page cut short by a cancel or crash is read again from its start.
  await writer.dropFrom(part);
  let checkpoint: V1Checkpoint | undefined = stored ?? { providerIndex: 0, spec: specFor(queried[0]!) };
  const callOptions = { ...options, correlationId: randomUUID() };
  const fetchPage = (spec: RequestSpec): Promise<V1Response> =>
    deps.partnerCenter.http.bytes(spec, callOptions).then((response) => ({ spec, ...response }));
  const seen = new Set<string>();
  // Seek paging is sequential in its requests, not in their processing: page n+1 is asked for as
  // soon as page n's bytes are here, and page n is parsed and committed while that request is on the
  // wire. Its token is read from the start of the bytes (where Partner Center writes it) and the
  // guess is checked against the parsed page, which asks again when they differ.
  let pending: Promise<V1Response> | undefined = fetchPage(checkpoint.spec);
  while (pending && checkpoint) {
    const { page, guess, ahead } = await receive(pending, fetchPage);
    const next: V1Checkpoint | undefined = page.next
      ? { providerIndex: checkpoint.providerIndex, spec: page.next }
      : checkpoint.providerIndex + 1 < queried.length
        ? {
            providerIndex: checkpoint.providerIndex + 1,
            spec: specFor(queried[checkpoint.providerIndex + 1]!),
          }
        : undefined;
    if (next) {
      const key = `${next.providerIndex}\n${next.spec.path}\n${JSON.stringify(next.spec.headers ?? [])}`;
      if (seen.has(key)) throw new Error('Partner Center returned the same page of line items twice.');
      seen.add(key);
    }
    pending = next
      ? ahead && guess && sameRequest(guess, next.spec)
        ? ahead
        : fetchPage(next.spec)
      : undefined;
    pending?.catch(() => undefined);
    // The page is stored in slices with a turn of the event loop between them, so the request for
    // the next page really goes out, and its bytes are read, while this one is stored (one long
    // synchronous write would hold it back until the end). The continuation point moves only with
    // the last slice; a page stored in part before a crash is dropped when the export resumes.
    for (let from = 0; ; from += V1_SLICE_ROWS) {
      // A cancel stops here even when the next page's bytes are already in.
      deps.signal?.throwIfAborted();
      const last = from + V1_SLICE_ROWS >= page.items.length;
      const checkpointed = { next_page: next ? JSON.stringify(next) : null, blobs_done: part + 1 };
      await writer.commit(part, page.items.slice(from, from + V1_SLICE_ROWS), last ? checkpointed : {});
      if (last) break;
      await nextTurn();
    }
    part++;
    checkpoint = next;
    deps.progress?.({ done: writer.rows, phase: `Reading page ${part}` });
  }
}

/**
 * Waits for a page, asks for the one its first bytes name (`guessNextRequest`) and parses it. Apart
 * from the loop so that the page's bytes are not kept while its rows are stored.
 */
async function receive(
  pending: Promise<V1Response>,
  fetchPage: (spec: RequestSpec) => Promise<V1Response>,
): Promise<{ page: V1Page; guess?: RequestSpec; ahead?: Promise<V1Response> }> {
  const response = await pending;
  const guess = guessNextRequest(response.spec, response.body);
  if (!guess) return { page: readV1Page(response) };
  const ahead = fetchPage(guess);
  // Nobody awaits it if the guess is wrong or this page fails: keep its failure from going unhandled.
  ahead.catch(() => undefined);
  // One turn for the request to leave before the page is parsed (tens of milliseconds of CPU).
  await nextTurn();
  return { page: readV1Page(response), guess, ahead };
}

/** Rows of a v1 page stored in one transaction before the event loop gets a turn. */
const V1_SLICE_ROWS = 500;

/** A turn of the event loop: pending I/O (a request to send, bytes to read) runs. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A v1 page as received: the request it answers and its bytes, not yet parsed. */
interface V1Response extends BytesResponse {
  readonly spec: RequestSpec;
}

/** One v1 page: its raw items (normalized like v2 records, §14.8) and the request for the next. */
interface V1Page {
  readonly items: ReadonlyArray<BlobRecord>;
  readonly next: RequestSpec | undefined;
}

/**
 * The page envelope is checked; items stay the parsed objects, normalized by `normalizeRecord` as v2's
 * records are. (Validating, and so copying, every field of 2,000 items per page with the typed schema
 * cost more than the page's round trip, and the export keeps every field as it came anyway.)
 */
const v1PageSchema = collectionSchema(z.unknown());

/** Parses a page's bytes: its items and the request for the next page (as `http.json` would). */
function readV1Page(response: V1Response): V1Page {
  const reading = readJsonBody(response.body, v1PageSchema);
  if (!reading.ok) throw malformedResponseError(response.spec.operation, response.info, reading.reason);
  const data = reading.value;
  const token = data.continuationToken ?? tokenOf(response.info.headers);
  return {
    items: data.items.filter(isRecord).map((record) => ({ record })),
    next: nextRequest(response.spec.operation, data.links.next, token),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tokenOf(headers: Headers): string | undefined {
  return headers.get('MS-ContinuationToken') ?? undefined;
}
