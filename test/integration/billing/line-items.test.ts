/**
 * Line items from both sources over real HTTP against the sandbox, into real SQLite: v2 with both
 * status words and both manifest forms, several blobs, 410 and expired SAS handled by starting
 * again, resume after a restart mid-export; v1 seek paging with resume. The CSV file written as the
 * rows arrive holds each row once, in SQLite's order, on every one of those paths.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runLineItemExport,
  sourceFor,
  type LineItemExportDeps,
} from '../../../main/billing/line-item-export';
import type { AppDatabase } from '../../../main/database/index';
import { ReconciliationError } from '../../../main/partner-center/reconciliation';
import { largestInvoiceId, startBillingFixture, type BillingFixture } from './helpers';

const LINES = 2_500;

function rowsOf(db: AppDatabase, exportId: number): { count: number; distinctRefs: number; keys: string[] } {
  const count = (
    db.prepare('SELECT count(*) AS n FROM billing_line_items WHERE export_id = ?').get(exportId) as {
      n: number;
    }
  ).n;
  const records = db.prepare('SELECT record FROM billing_line_items WHERE export_id = ?').all(exportId) as {
    record: string;
  }[];
  const refs = new Set(
    records.map(
      (r) =>
        (JSON.parse(r.record) as { referenceId?: string; alternateId?: string; seq?: number }).referenceId,
    ),
  );
  const first = records[0] ? Object.keys(JSON.parse(records[0].record) as object) : [];
  return { count, distinctRefs: refs.size, keys: first };
}

/** The `referenceId` of every row in SQLite, in export order. */
function refsInDb(db: AppDatabase, exportId: number): string[] {
  const rows = db
    .prepare(
      "SELECT json_extract(record, '$.referenceId') AS ref FROM billing_line_items WHERE export_id = ? ORDER BY seq",
    )
    .all(exportId) as { ref: string }[];
  return rows.map((r) => r.ref);
}

/** The `referenceId` of every row of a CSV file, in file order (BOM and header checked). */
function refsInCsv(file: string): string[] {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse<Record<string, string>>(bytes, { bom: true, columns: true }).map((row) => row.referenceId!);
}

describe('invoice line items', () => {
  let f: BillingFixture;
  let db: AppDatabase;
  let invoiceId: string;
  let deps: LineItemExportDeps;
  beforeAll(async () => {
    f = await startBillingFixture({ lineItems: LINES });
    db = f.openDb();
    invoiceId = largestInvoiceId(f.sandbox);
    deps = { db, profileId: 'p1', partnerCenter: f.partnerCenter, reconciliation: f.reconciliation };
  });
  afterAll(() => f.close());

  /** Exports the largest invoice's line items from `source` for `profileId`, `more` deps on top. */
  const exportInvoice = (profileId: string, source: 'v1' | 'v2', more: Partial<LineItemExportDeps> = {}) =>
    runLineItemExport({ ...deps, profileId, ...more }, { kind: 'invoice', invoiceId, source });
  /** The same export, stopped as an app closing would stop it once its progress reaches `closesAt`. */
  const exportClosedAt = (profileId: string, source: 'v1' | 'v2', closesAt: (phase: string) => boolean) => {
    const controller = new AbortController();
    return exportInvoice(profileId, source, {
      signal: controller.signal,
      progress: (p) => {
        if (closesAt(p.phase)) controller.abort(new Error('app closed'));
      },
    });
  };

  it('chooses v2 for new commerce from February 2024 and v1 for legacy providers or older periods', () => {
    const oneTime = [
      { billingProvider: 'one_time' as const, invoiceLineItemType: 'billing_line_items' as const, links: {} },
    ];
    const legacy = [
      { billingProvider: 'office' as const, invoiceLineItemType: 'billing_line_items' as const, links: {} },
    ];
    const base = { invoiceDate: undefined };
    expect(
      sourceFor({ ...base, billingPeriodStartDate: '2024-02-01T00:00:00Z', invoiceDetails: oneTime }),
    ).toBe('v2');
    expect(
      sourceFor({ ...base, billingPeriodStartDate: '2024-01-01T00:00:00Z', invoiceDetails: oneTime }),
    ).toBe('v1');
    expect(
      sourceFor({ ...base, billingPeriodStartDate: '2025-06-01T00:00:00Z', invoiceDetails: legacy }),
    ).toBe('v1');
  });

  it('reads a v2 export with a linked manifest of several blobs (status "succeeded")', async () => {
    Object.assign(f.sandbox.reconciliation.settings, {
      statusWord: 'succeeded',
      manifestForm: 'link',
      keyCasing: 'camel',
    });
    const served = f.sandbox.reconciliation.blobsServed();
    const csvPath = path.join(f.dir, 'linked', 'lines.csv');
    const result = await runLineItemExport(
      { ...deps, profileId: 'linked', csvPath },
      { kind: 'invoice', invoiceId, source: 'v2' },
    );
    expect(result).toMatchObject({ source: 'v2', rows: LINES, resumed: false, restarts: 0 });
    expect(f.sandbox.reconciliation.blobsServed() - served).toBe(3);
    const rows = rowsOf(db, result.exportId);
    expect(rows.count).toBe(LINES);
    expect(rows.distinctRefs).toBe(LINES);
    // Written while the rows arrived, not read back from SQLite afterwards.
    expect(result.csvRebuilt).toBe(false);
    expect(refsInCsv(csvPath)).toEqual(refsInDb(db, result.exportId));
    expect(readdirSync(path.dirname(csvPath))).toEqual(['lines.csv']);
  });

  it('reads an inline manifest with status "completed" and PascalCase keys, renamed fields as aliases', async () => {
    Object.assign(f.sandbox.reconciliation.settings, {
      statusWord: 'completed',
      manifestForm: 'inline',
      keyCasing: 'pascal',
    });
    try {
      const result = await exportInvoice('inline', 'v2');
      expect(result.rows).toBe(LINES);
      const keys = rowsOf(db, result.exportId).keys;
      expect(keys).toContain('totalForCustomer');
      expect(keys).toContain('resellerMpnId');
      expect(keys).not.toContain('Total');
      expect(keys).toContain('customerName');
      const provider = db
        .prepare(
          "SELECT json_extract(record, '$.billingProvider') AS p FROM billing_line_items WHERE export_id = ? LIMIT 1",
        )
        .get(result.exportId) as { p: string };
      expect(provider.p).toBe('one_time');
    } finally {
      Object.assign(f.sandbox.reconciliation.settings, {
        statusWord: 'succeeded',
        manifestForm: 'link',
        keyCasing: 'camel',
      });
    }
  });

  it('starts a new export when the operation has expired (410), without counting rows twice', async () => {
    const before = f.sandbox.reconciliation.exportsStarted();
    f.sandbox.reconciliation.faults.gone = 1;
    const csvPath = path.join(f.dir, 'gone', 'lines.csv');
    const result = await runLineItemExport(
      { ...deps, profileId: 'gone', csvPath },
      { kind: 'invoice', invoiceId, source: 'v2' },
    );
    expect(result.restarts).toBe(1);
    expect(f.sandbox.reconciliation.exportsStarted() - before).toBe(2);
    expect(rowsOf(db, result.exportId).count).toBe(LINES);
    expect(refsInCsv(csvPath)).toEqual(refsInDb(db, result.exportId));
  });

  it('reads the manifest again when storage refuses an expired SAS (403)', async () => {
    f.sandbox.reconciliation.faults.expiredSas = 1;
    const csvPath = path.join(f.dir, 'sas', 'lines.csv');
    const result = await runLineItemExport(
      { ...deps, profileId: 'sas', csvPath },
      { kind: 'invoice', invoiceId, source: 'v2' },
    );
    expect(f.sandbox.reconciliation.faults.expiredSas).toBe(0);
    expect(rowsOf(db, result.exportId)).toMatchObject({ count: LINES, distinctRefs: LINES });
    expect(refsInCsv(csvPath)).toEqual(refsInDb(db, result.exportId));
    expect(readdirSync(path.dirname(csvPath))).toEqual(['lines.csv']);
  });

  it('reports "no data" for a failed export with code 5000', async () => {
    f.sandbox.reconciliation.faults.failed = 1;
    const error = await exportInvoice('failed', 'v2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReconciliationError);
    expect((error as ReconciliationError).kind).toBe('no-data');
    expect((error as ReconciliationError).message).not.toMatch(/5000|operation/i);
  });

  it('resumes a v2 export after a restart in the middle, from the blob it was on', async () => {
    const controller = new AbortController();
    const csvPath = path.join(f.dir, 'resume', 'lines.csv');
    const first = runLineItemExport(
      {
        ...deps,
        profileId: 'resume',
        csvPath,
        signal: controller.signal,
        progress: (p) => {
          if (p.phase.startsWith('Downloaded file 1')) controller.abort(new Error('app closed'));
        },
      },
      { kind: 'invoice', invoiceId, source: 'v2' },
    );
    await expect(first).rejects.toThrow();
    // The cancelled run removed the CSV it had begun: no partial file, no final one.
    expect(readdirSync(path.dirname(csvPath))).toEqual([]);
    const started = f.sandbox.reconciliation.exportsStarted();
    // The app restarts: a new connection to the same file.
    const again = f.openDb();
    const result = await runLineItemExport(
      { ...deps, db: again, profileId: 'resume', csvPath },
      { kind: 'invoice', invoiceId, source: 'v2' },
    );
    expect(result.resumed).toBe(true);
    expect(f.sandbox.reconciliation.exportsStarted()).toBe(started);
    expect(rowsOf(again, result.exportId)).toMatchObject({ count: LINES, distinctRefs: LINES });
    // The rows of the first run are in no file: the CSV is rebuilt from SQLite, complete.
    expect(result.csvRebuilt).toBe(true);
    expect(refsInCsv(csvPath)).toEqual(refsInDb(again, result.exportId));
  });

  it('reads v1 seek pages and resumes from the stored continuation', async () => {
    const first = exportClosedAt('v1', 'v1', (phase) => phase === 'Reading page 1');
    await expect(first).rejects.toThrow();
    const csvPath = path.join(f.dir, 'v1', 'lines.csv');
    const result = await runLineItemExport(
      { ...deps, profileId: 'v1', csvPath },
      { kind: 'invoice', invoiceId, source: 'v1' },
    );
    expect(result).toMatchObject({ source: 'v1', rows: LINES, resumed: true });
    expect(rowsOf(db, result.exportId)).toMatchObject({ count: LINES, distinctRefs: LINES });
    expect(refsInCsv(csvPath)).toEqual(refsInDb(db, result.exportId));
  });

  it('exports unbilled estimates per currency through v2', async () => {
    const result = await runLineItemExport(
      { ...deps, profileId: 'unbilled' },
      { kind: 'unbilled', currencyCode: 'EUR', period: 'current' },
    );
    expect(result.source).toBe('v2');
    expect(result.rows).toBeGreaterThan(0);
  });
});
