/**
 * A sandbox with fast reconciliation exports, a Partner Center client and a v2 client pointed at it,
 * and a fresh SQLite database with the billing tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type AppDatabase } from '../../../main/database/index';
import type { PartnerCenterClient } from '../../../main/partner-center';
import { ReconciliationClient } from '../../../main/partner-center/reconciliation';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/sandbox/index';
import { testClient } from '../partner-center/support/client';

export interface BillingFixture {
  readonly sandbox: RunningSandbox;
  readonly partnerCenter: PartnerCenterClient;
  readonly reconciliation: ReconciliationClient;
  readonly dir: string;
  /** Opens (again) the database in `dir`: a second call is what an app restart does. */
  openDb(): AppDatabase;
  close(): Promise<void>;
}

export async function startBillingFixture(options: SandboxOptions = {}): Promise<BillingFixture> {
  const sandbox = await startSandbox({
    catalog: 'small',
    lineItems: 2_500,
    ...options,
    reconciliation: { runningMs: 200, retryAfterSeconds: 1, linesPerBlob: 1_000, ...options.reconciliation },
  });
  const pcToken = await sandbox.issueToken();
  const graphToken = await sandbox.issueToken({
    audience: 'https://graph.microsoft.com',
    scopes: ['PartnerBilling.Read.All'],
  });
  const partnerCenter = testClient(sandbox.baseUrl, { getAccessToken: () => Promise.resolve(pcToken) });
  const reconciliation = new ReconciliationClient({
    graphBaseUrl: sandbox.graphBaseUrl,
    blobBaseUrl: sandbox.blobBaseUrl,
    getGraphToken: () => Promise.resolve(graphToken),
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-billing-'));
  const dbs: AppDatabase[] = [];
  return {
    sandbox,
    partnerCenter,
    reconciliation,
    dir,
    openDb() {
      const db = openDatabase({ dataDir: dir });
      dbs.push(db);
      return db;
    },
    async close() {
      for (const db of dbs) db.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The sandbox's largest invoice (the USD OneTime one `lineItems` sizes). */
export function largestInvoiceId(sandbox: RunningSandbox): string {
  return sandbox.world.invoices.find((i) => i.invoiceType === 'OneTime' && i.currencyCode === 'USD')!.id;
}
