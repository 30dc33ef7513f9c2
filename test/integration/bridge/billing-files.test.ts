/**
 * Billing files over the real dispatcher and the embedded sandbox (web build: no desktop shell): a
 * typed statements folder is checked and used, a saved statement is read back in slices for the
 * in-page viewer, and the unbilled export of a currency runs as a task into the line-item table.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  BillingFolders,
  InvoiceList,
  LineItemPage,
  StatementChunk,
  StatementLibrary,
  StatementOpened,
  TrackTaskStarted,
} from '../../../preload/contract';
import { appPerFile, billingSandbox } from './app-core';

const app = appPerFile('desk-billing-files-', { sandbox: billingSandbox(600) });

describe('billing files', () => {
  it('saves a statement in the typed folder and reads it back in slices for the page', async () => {
    const folder = path.join(app.dataDir, 'Chosen', 'Statements');
    const refused = await app.call('billing.setFolder', {
      profileId: 'demo',
      kind: 'statements',
      folder: 'relative/path',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const folders = await app.value<BillingFolders>('billing.setFolder', {
      profileId: 'demo',
      kind: 'statements',
      folder,
    });
    expect(folders).toMatchObject({ statements: { folder, chosen: true }, nativeDialog: false });
    // The web build has no folder dialog: it says to type the folder instead.
    expect(await app.call('billing.chooseFolder', { profileId: 'demo', kind: 'exports' })).toMatchObject({
      ok: false,
    });

    const invoice = (await app.value<InvoiceList>('billing.invoices', { profileId: 'demo' })).items[0]!;
    const started = await app.value<TrackTaskStarted>('billing.downloadStatement', {
      profileId: 'demo',
      invoiceId: invoice.id,
    });
    expect(await app.taskFinished(started.taskId)).toMatchObject({ outcome: 'completed' });
    const library = await app.value<StatementLibrary>('billing.library', { profileId: 'demo' });
    expect(library.folder).toBe(folder);
    const entry = library.statements.find((statement) => statement.invoiceId === invoice.id)!;
    const onDisk = readFileSync(path.join(folder, entry.fileName));

    const opened = await app.value<StatementOpened>('billing.openStatement', {
      profileId: 'demo',
      invoiceId: invoice.id,
    });
    expect(opened).toMatchObject({ viewer: 'in-page', fileName: entry.fileName, bytes: onDisk.length });
    const parts: Buffer[] = [];
    for (let offset = 0; offset < onDisk.length;) {
      const chunk = await app.value<StatementChunk>('billing.statementChunk', {
        profileId: 'demo',
        invoiceId: invoice.id,
        offset,
      });
      const part = Buffer.from(chunk.base64, 'base64');
      parts.push(part);
      offset += part.length;
    }
    expect(Buffer.concat(parts).equals(onDisk)).toBe(true);

    rmSync(path.join(folder, entry.fileName));
    expect(
      await app.call('billing.openStatement', { profileId: 'demo', invoiceId: invoice.id }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('exports the unbilled line items of a currency as a task, into the table with totals', async () => {
    const subject = { kind: 'unbilled', currencyCode: 'USD', period: 'current' } as const;
    const started = await app.value<TrackTaskStarted>('billing.exportLineItems', {
      profileId: 'demo',
      subject,
    });
    expect(await app.taskFinished(started.taskId)).toMatchObject({ outcome: 'completed' });
    const page = await app.value<LineItemPage>('billing.lineItems', {
      profileId: 'demo',
      subject,
      limit: 50,
    });
    expect(page.state).toBe('completed');
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.length).toBe(Math.min(50, page.total));
    expect(page.totals.length).toBeGreaterThan(0);
  });
});
