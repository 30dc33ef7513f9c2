/**
 * Billing for one app: balance, per-currency summaries and invoices (with amendments) cached in
 * SQLite per profile with their age, so the screen opens at once and offline; line items and
 * statements as resumable jobs. Jobs are written against the task engine's API (`run(ctx)` with
 * `ctx.signal` and `ctx.progress`), so wiring them is `tasks.start({ kind, key, label, run })`.
 */
import path from 'node:path';
import type { AppDatabase } from '../database';
import type { Invoice, InvoiceSummary, PartnerCenterClient } from '../partner-center';
import type { ReconciliationClient } from '../partner-center/reconciliation';
import { runLineItemExport, sourceFor, subjectKey, type ExportSubject } from './line-item-export';
import { downloadStatements, statementLibrary, type StatementEntry } from './statements';

/** A cached value and when it was read from Partner Center. */
export interface Cached<T> {
  readonly value: T;
  readonly fetchedAt: number;
  /** Partner Center could not be reached: this is the last copy. */
  readonly offline: boolean;
}

/** The engine's view of a running job (see common-context.md). */
export interface JobContext {
  readonly signal: AbortSignal;
  progress(update: { done: number; total?: number; phase?: string }): void;
}

/** Filters of the invoice list. */
export interface InvoiceFilter {
  /** `yyyy-mm`: invoices whose billing period starts in that month. */
  readonly period?: string;
  readonly invoiceType?: 'Recurring' | 'OneTime';
  readonly currencyCode?: string;
  /** Part of the invoice number. */
  readonly search?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/** Filters of an export's line items table. */
export interface LineItemFilter {
  readonly customer?: string;
  readonly product?: string;
  readonly reservationOrderId?: string;
  readonly chargeType?: string;
  readonly offset?: number;
  readonly limit?: number;
}

export interface BillingServiceOptions {
  readonly db: AppDatabase;
  readonly clientFor: (profileId: string) => Promise<PartnerCenterClient>;
  readonly reconciliationFor: (profileId: string) => Promise<ReconciliationClient>;
  /** Where statements go: the folder setting (the desktop app asks with a native dialog first). */
  readonly statementFolder: (profileId: string) => string;
  /** Where CSV exports go when the user did not pick a file. */
  readonly exportFolder: (profileId: string) => string;
  readonly now?: () => number;
}

/** True for failures that mean "Partner Center is out of reach", where the cache is served instead. */
/** The billing period (`yyyy-mm`) an invoice belongs to: its period's start, else its date. */
function periodOf(invoice: Invoice): string {
  return (invoice.billingPeriodStartDate ?? invoice.invoiceDate ?? '').slice(0, 7);
}

function isOffline(error: unknown): boolean {
  const kind = (error as { kind?: unknown } | null)?.kind;
  return (
    kind === 'network' || kind === 'timeout' || (error instanceof TypeError && /fetch/i.test(error.message))
  );
}

/** Creates the billing service. */
export function createBillingService(options: BillingServiceOptions) {
  const { db } = options;
  const now = options.now ?? Date.now;
  const read = db.prepare('SELECT value, fetched_at FROM billing_cache WHERE profile_id = ? AND key = ?');
  const write = db.prepare(
    `INSERT INTO billing_cache (profile_id, key, value, fetched_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value, fetched_at = excluded.fetched_at`,
  );

  /** Fresh from Partner Center when reachable (and stored), else the stored copy; throws when neither. */
  async function cached<T>(
    profileId: string,
    key: string,
    fetchFresh: () => Promise<T>,
    refresh: boolean,
  ): Promise<Cached<T>> {
    const stored = read.get(profileId, key) as { value: string; fetched_at: number } | undefined;
    if (stored && !refresh)
      return { value: JSON.parse(stored.value) as T, fetchedAt: stored.fetched_at, offline: false };
    try {
      const value = await fetchFresh();
      const fetchedAt = now();
      write.run(profileId, key, JSON.stringify(value), fetchedAt);
      return { value, fetchedAt, offline: false };
    } catch (error) {
      if (stored && isOffline(error)) {
        return { value: JSON.parse(stored.value) as T, fetchedAt: stored.fetched_at, offline: true };
      }
      throw error;
    }
  }

  const allInvoices = (profileId: string, refresh: boolean): Promise<Cached<Invoice[]>> =>
    cached(
      profileId,
      'invoices',
      async () => (await options.clientFor(profileId)).listInvoices({ size: 200 }).toArray(),
      refresh,
    );

  return {
    /** Balance in the partner's default currency (Recurring and OneTime in `details`). */
    balance(profileId: string, refresh = false): Promise<Cached<InvoiceSummary>> {
      return cached(
        profileId,
        'balance',
        async () => (await options.clientFor(profileId)).getBalance(),
        refresh,
      );
    },

    /** One summary per currency. */
    summaries(profileId: string, refresh = false): Promise<Cached<InvoiceSummary[]>> {
      return cached(
        profileId,
        'summaries',
        async () => (await options.clientFor(profileId)).getInvoiceSummaries(),
        refresh,
      );
    },

    /**
     * A page of invoices, newest first, filtered; amendments ride along on each invoice. The whole list
     * is read once (Partner Center may ignore `size` for modern invoices, §4.24) and filtered here.
     */
    async invoices(profileId: string, filter: InvoiceFilter = {}, refresh = false) {
      const all = await allInvoices(profileId, refresh);
      const search = filter.search?.trim().toLowerCase();
      const matches = all.value.filter(
        (invoice) =>
          (!filter.period || periodOf(invoice) === filter.period) &&
          (!filter.invoiceType || invoice.invoiceType === filter.invoiceType) &&
          (!filter.currencyCode || invoice.currencyCode === filter.currencyCode) &&
          (!search ||
            invoice.id.toLowerCase().includes(search) ||
            invoice.amendments.some((a) => a.id.toLowerCase().includes(search))),
      );
      const offset = filter.offset ?? 0;
      const limit = filter.limit ?? 50;
      const periods = new Set(all.value.map((invoice) => periodOf(invoice)).filter(Boolean));
      return {
        items: matches
          .slice(offset, offset + limit)
          .map((invoice) => ({ ...invoice, lineItemSource: sourceFor(invoice) })),
        total: matches.length,
        periods: [...periods].sort().reverse(),
        fetchedAt: all.fetchedAt,
        offline: all.offline,
      };
    },

    /** The job that reads an invoice's (or an unbilled period's) line items into SQLite and CSV. */
    lineItemsJob(profileId: string, subject: ExportSubject, csvPath?: string) {
      const key = `${profileId}:${subjectKey(subject)}`;
      return {
        key,
        run: async (ctx: JobContext) => {
          const file =
            csvPath ??
            path.join(
              options.exportFolder(profileId),
              `${subjectKey(subject).replace(/[^A-Za-z0-9_-]+/g, '_')}.csv`,
            );
          // The CSV file is written as the rows arrive and put in place when the export ends.
          const result = await runLineItemExport(
            {
              db,
              profileId,
              partnerCenter: await options.clientFor(profileId),
              // Only v2 reads Graph: a v1 export works in a cloud that has no reconciliation v2.
              ...(subject.kind === 'unbilled' || subject.source === 'v2'
                ? { reconciliation: await options.reconciliationFor(profileId) }
                : {}),
              signal: ctx.signal,
              progress: (p) => ctx.progress(p),
              csvPath: file,
            },
            subject,
          );
          return { rows: result.rows, source: result.source, file, resumed: result.resumed };
        },
      };
    },

    /** Rows of an export for the table, filtered, with totals per customer and currency. */
    lineItems(profileId: string, subject: ExportSubject, filter: LineItemFilter = {}) {
      const exportRow = db
        .prepare('SELECT id, state, rows_done FROM billing_exports WHERE profile_id = ? AND subject = ?')
        .get(profileId, subjectKey(subject)) as { id: number; state: string; rows_done: number } | undefined;
      if (!exportRow) return { state: 'none' as const, rows: [], total: 0, totals: [] };
      const where = ['export_id = ?'];
      const args: (string | number)[] = [exportRow.id];
      const like = (column: string, value: string | undefined): void => {
        if (!value) return;
        where.push(`${column} LIKE ? ESCAPE '\\'`);
        args.push(`%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      };
      like('customer_name', filter.customer);
      like('product_name', filter.product);
      like('reservation_order_id', filter.reservationOrderId);
      if (filter.chargeType) {
        where.push('lower(charge_type) = lower(?)');
        args.push(filter.chargeType);
      }
      const clause = where.join(' AND ');
      const rows = db
        .prepare(`SELECT record FROM billing_line_items WHERE ${clause} ORDER BY seq LIMIT ? OFFSET ?`)
        .all(...args, filter.limit ?? 100, filter.offset ?? 0) as { record: string }[];
      const total = (
        db.prepare(`SELECT count(*) AS n FROM billing_line_items WHERE ${clause}`).get(...args) as {
          n: number;
        }
      ).n;
      const totals = db
        .prepare(
          `SELECT customer_id AS customerId, customer_name AS customerName, currency, sum(total) AS amount, count(*) AS lines
           FROM billing_line_items WHERE ${clause} GROUP BY customer_id, currency ORDER BY amount DESC LIMIT 200`,
        )
        .all(...args) as {
        customerId: string;
        customerName: string;
        currency: string;
        amount: number;
        lines: number;
      }[];
      return {
        state: exportRow.state,
        rows: rows.map((r) => JSON.parse(r.record) as Record<string, unknown>),
        total,
        totals,
      };
    },

    /** The job that downloads every statement of a set of invoices (a period or a currency). */
    statementsJob(profileId: string, invoices: ReadonlyArray<Invoice>, label: string) {
      return {
        key: `${profileId}:statements:${label}`,
        run: async (ctx: JobContext) =>
          downloadStatements({
            db,
            profileId,
            partnerCenter: await options.clientFor(profileId),
            folder: options.statementFolder(profileId),
            invoices,
            signal: ctx.signal,
            progress: (p) => ctx.progress({ ...p, phase: 'Downloading statements' }),
          }),
      };
    },

    /** Forgets everything billing keeps for a profile (files on disk stay: they are the user's). */
    removeProfileData(profileId: string): void {
      db.transaction(() => {
        db.prepare(
          'DELETE FROM billing_line_items WHERE export_id IN (SELECT id FROM billing_exports WHERE profile_id = ?)',
        ).run(profileId);
        for (const table of ['billing_exports', 'billing_cache', 'billing_statements'])
          db.prepare(`DELETE FROM ${table} WHERE profile_id = ?`).run(profileId);
      })();
    },

    /** The statement library (works offline). */
    library(profileId: string): StatementEntry[] {
      return statementLibrary(db, profileId);
    },
  };
}

/** The billing service. */
export type BillingService = ReturnType<typeof createBillingService>;
