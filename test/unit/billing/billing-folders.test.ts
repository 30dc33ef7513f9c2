/**
 * The web build's folder setting and in-page statement reading: a typed folder is checked (full path,
 * exists or can be made, writable) before it is stored per profile; the statement file is read in
 * slices that fit the bridge's frames.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WS_MAX_FRAME_BYTES } from '../../../preload/channels';
import { STATEMENT_CHUNK_BYTES } from '../../../preload/contract';
import { createBillingFolders } from '../../../main/billing/billing-folders';
import { createStatementViewer } from '../../../main/billing/statement-viewer';
import { createSettingsStore } from '../../../main/settings';

function setup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-folders-'));
  const settings = createSettingsStore({ cwd: dataDir });
  const add = (name: string) => {
    const added = settings.addProfile({
      name,
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      appId: '11111111-2222-3333-4444-555555555555',
      authMode: 'app-user',
    });
    if (!added.ok) throw new Error('profile not added');
    return added.profile.id;
  };
  return { dataDir, settings, add, folders: createBillingFolders({ settings, dataDir }) };
}

describe('billing folder setting (web build)', () => {
  it('defaults to the data folder, stores a typed folder per profile, and goes back to the default', async () => {
    const { dataDir, add, folders, settings } = setup();
    const first = add('Contoso');
    const second = add('Fabrikam');
    expect(folders.view(first)).toEqual({
      statements: { folder: path.join(dataDir, 'statements', first), chosen: false },
      exports: { folder: path.join(dataDir, 'exports', first), chosen: false },
      nativeDialog: false,
    });

    const wanted = path.join(dataDir, 'new', 'Statements');
    const view = await folders.set(first, 'statements', wanted);
    expect(view.statements).toEqual({ folder: wanted, chosen: true });
    expect(folders.folderOf(first, 'statements')).toBe(wanted);
    // Another profile keeps its own default; a settings file read again keeps the choice.
    expect(folders.folderOf(second, 'statements')).toBe(path.join(dataDir, 'statements', second));
    expect(createSettingsStore({ cwd: dataDir }).read().billingFolders[first]).toEqual({
      statements: wanted,
    });

    await folders.set(first, 'statements', null);
    expect(folders.view(first).statements.chosen).toBe(false);
    expect(settings.read().billingFolders).toEqual({});
  });

  it('refuses a relative path or a folder that cannot be written, in a sentence, and keeps the old one', async () => {
    const { dataDir, add, folders } = setup();
    const id = add('Contoso');
    await expect(folders.set(id, 'exports', 'exports/here')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^Enter the full path of a folder for CSV exports, such as /) as unknown,
    });
    const file = path.join(dataDir, 'plain-file');
    writeFileSync(file, '');
    await expect(folders.set(id, 'exports', path.join(file, 'sub'))).rejects.toMatchObject({
      message: `The folder ${path.join(file, 'sub')} cannot be created or written to. Choose a folder you can save files in.`,
    });
    expect(folders.view(id).exports.chosen).toBe(false);
  });

  it('has no native dialog in the web build: it says to type the folder', async () => {
    const { add, folders } = setup();
    await expect(folders.choose(add('Contoso'), 'statements')).rejects.toMatchObject({
      message: expect.stringContaining('Type the folder’s full path in the field instead.') as unknown,
    });
  });

  it('forgets a removed profile’s folders', async () => {
    const { dataDir, add, folders, settings } = setup();
    const id = add('Contoso');
    await folders.set(id, 'exports', path.join(dataDir, 'x'));
    settings.removeProfile(id);
    expect(settings.read().billingFolders).toEqual({});
  });
});

describe('statement in the page', () => {
  it('reads a statement in slices whose base64 fits one bridge frame, and reports a deleted file', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-chunks-'));
    const file = path.join(dataDir, 'Invoice_G1.pdf');
    const bytes = Buffer.alloc(STATEMENT_CHUNK_BYTES * 2 + 100, 7);
    bytes.write('%PDF-1.7', 0, 'latin1');
    writeFileSync(file, bytes);
    const entry = {
      invoiceId: 'G1',
      invoiceDate: null,
      amount: null,
      currency: null,
      filePath: file,
      bytes: bytes.length,
      downloadedAt: 1,
      missing: false,
    };
    const viewer = createStatementViewer({ library: () => [entry] });
    expect(await viewer.open('p', 'G1')).toEqual({
      viewer: 'in-page',
      invoiceId: 'G1',
      fileName: 'Invoice_G1.pdf',
      bytes: bytes.length,
    });

    const parts: Buffer[] = [];
    for (let offset = 0; offset < bytes.length;) {
      const chunk = await viewer.chunk('p', 'G1', offset);
      expect(chunk.total).toBe(bytes.length);
      expect(
        JSON.stringify({ kind: 'result', id: 1, result: { ok: true, value: chunk } }).length,
      ).toBeLessThan(WS_MAX_FRAME_BYTES);
      const part = Buffer.from(chunk.base64, 'base64');
      parts.push(part);
      offset += part.length;
    }
    expect(parts).toHaveLength(3);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);

    rmSync(file);
    await expect(viewer.chunk('p', 'G1', 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
