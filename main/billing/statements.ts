/**
 * Statement PDFs (§4.25), saved locally: the whole body is buffered, checked to be a non-empty PDF
 * (`%PDF-`) before anything is written, then written to a temporary file and renamed, so an empty or
 * broken download never leaves a file (the bug peers shipped). Every download is listed in SQLite:
 * the statement library, which works offline and shows a file moved or deleted outside the app as
 * missing.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeskFailure } from '../ipc/failure';
import type { AppDatabase } from '../database';
import { defaultBudgetOptions, type PartnerCenterClient, type RequestPriority } from '../partner-center';

/** Statement calls fail often when short: .NET's SDK waits 3 minutes (§4.25). */
export const STATEMENT_TIMEOUT_MS = 180_000;

/** The invoice facts a statement file is named and listed by. */
export interface StatementInvoice {
  readonly id: string;
  readonly invoiceDate?: string | undefined;
  readonly totalCharges?: number | undefined;
  readonly currencyCode?: string | undefined;
}

/** One entry of the statement library. */
export interface StatementEntry {
  readonly invoiceId: string;
  readonly invoiceDate: string | null;
  readonly amount: number | null;
  readonly currency: string | null;
  readonly filePath: string;
  readonly bytes: number;
  readonly downloadedAt: number;
  /** The file is no longer where it was saved: download it again. */
  readonly missing: boolean;
}

/** `Invoice_G000024130_2026-10-08.pdf`: number and date, safe on every file system. */
export function statementFileName(invoice: StatementInvoice): string {
  const safeId = invoice.id.replace(/[^A-Za-z0-9_-]/g, '_');
  const day = /^\d{4}-\d{2}-\d{2}/.exec(invoice.invoiceDate ?? '')?.[0];
  return day ? `Invoice_${safeId}_${day}.pdf` : `Invoice_${safeId}.pdf`;
}

/** Whether bytes are a PDF worth saving: non-empty and starting with `%PDF-`. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** Writes bytes atomically: a temporary file in the same folder, renamed over the target. */
export async function writeFileAtomic(filePath: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temp = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.partial`,
  );
  try {
    await writeFile(temp, bytes);
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function readAll(body: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Downloads one statement into `folder` and records it in the library. */
export async function downloadStatement(input: {
  readonly db: AppDatabase;
  readonly profileId: string;
  readonly partnerCenter: PartnerCenterClient;
  readonly folder: string;
  readonly invoice: StatementInvoice;
  readonly signal?: AbortSignal;
  /** `background` for bulk downloads, so that the user's own clicks go first. */
  readonly priority?: RequestPriority;
}): Promise<StatementEntry> {
  const { invoice } = input;
  const response = await input.partnerCenter.getInvoiceStatement(invoice.id, {
    timeoutMs: STATEMENT_TIMEOUT_MS,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.priority ? { priority: input.priority } : {}),
  });
  // Buffer first: the stream must be read before the response is gone (PowerShell #117).
  const bytes = await readAll(response.body);
  if (!isPdf(bytes)) {
    throw new DeskFailure(
      'PARTNER_CENTER',
      `Partner Center sent an empty or unreadable statement for invoice ${invoice.id}; nothing was saved. Try again later.`,
      { invoiceId: invoice.id, correlationId: response.info.correlationId },
    );
  }
  const filePath = path.join(input.folder, statementFileName(invoice));
  await writeFileAtomic(filePath, bytes);
  const downloadedAt = Date.now();
  input.db
    .prepare(
      `INSERT INTO billing_statements (profile_id, invoice_id, invoice_date, amount, currency, file_path, bytes, downloaded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, invoice_id) DO UPDATE SET invoice_date = excluded.invoice_date, amount = excluded.amount,
         currency = excluded.currency, file_path = excluded.file_path, bytes = excluded.bytes, downloaded_at = excluded.downloaded_at`,
    )
    .run(
      input.profileId,
      invoice.id,
      invoice.invoiceDate ?? null,
      invoice.totalCharges ?? null,
      invoice.currencyCode ?? null,
      filePath,
      bytes.length,
      downloadedAt,
    );
  return {
    invoiceId: invoice.id,
    invoiceDate: invoice.invoiceDate ?? null,
    amount: invoice.totalCharges ?? null,
    currency: invoice.currencyCode ?? null,
    filePath,
    bytes: bytes.length,
    downloadedAt,
    missing: false,
  };
}

/** The statement library of a profile, newest invoice first; files are checked on disk. */
export function statementLibrary(db: AppDatabase, profileId: string): StatementEntry[] {
  const rows = db
    .prepare(
      `SELECT invoice_id, invoice_date, amount, currency, file_path, bytes, downloaded_at
       FROM billing_statements WHERE profile_id = ? ORDER BY invoice_date DESC, invoice_id`,
    )
    .all(profileId) as Array<{
    invoice_id: string;
    invoice_date: string | null;
    amount: number | null;
    currency: string | null;
    file_path: string;
    bytes: number;
    downloaded_at: number;
  }>;
  return rows.map((row) => ({
    invoiceId: row.invoice_id,
    invoiceDate: row.invoice_date,
    amount: row.amount,
    currency: row.currency,
    filePath: row.file_path,
    bytes: row.bytes,
    downloadedAt: row.downloaded_at,
    missing: !existsSync(row.file_path),
  }));
}

/** Which statements a bulk download still needs: those not in the library with their file present. */
export function statementsToFetch(
  db: AppDatabase,
  profileId: string,
  invoices: ReadonlyArray<StatementInvoice>,
): StatementInvoice[] {
  const present = new Set(
    statementLibrary(db, profileId)
      .filter((e) => !e.missing)
      .map((e) => e.invoiceId),
  );
  return invoices.filter((invoice) => !present.has(invoice.id));
}

/**
 * Downloads every statement of a set (a period or a currency), skipping those already saved: running
 * it again after a cancel or a crash is the resume. They go as background requests, as many at once
 * as the tenant's request budget lets background work have (the budget holds back the rest, and keeps
 * a slot for the user); `concurrency` only caps how many bodies are in memory at once.
 */
export async function downloadStatements(input: {
  readonly db: AppDatabase;
  readonly profileId: string;
  readonly partnerCenter: PartnerCenterClient;
  readonly folder: string;
  readonly invoices: ReadonlyArray<StatementInvoice>;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly progress?: (update: { done: number; total: number }) => void;
}): Promise<{ downloaded: number; skipped: number; failed: string[] }> {
  const todo = statementsToFetch(input.db, input.profileId, input.invoices);
  const total = input.invoices.length;
  let done = total - todo.length;
  const failed: string[] = [];
  let next = 0;
  input.progress?.({ done, total });
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      input.signal?.throwIfAborted();
      const invoice = todo[next++]!;
      try {
        await downloadStatement({ ...input, invoice, priority: 'background' });
      } catch (error) {
        if (input.signal?.aborted) throw error;
        failed.push(invoice.id);
      }
      done++;
      input.progress?.({ done, total });
    }
  };
  await Promise.all(
    Array.from(
      {
        length: Math.max(1, Math.min(input.concurrency ?? defaultBudgetOptions.maxConcurrency, todo.length)),
      },
      worker,
    ),
  );
  return { downloaded: todo.length - failed.length, skipped: total - todo.length, failed };
}
