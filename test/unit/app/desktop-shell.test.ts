/**
 * The desktop app's folder dialog and system viewer, with a mocked `electron` (no binary here): a
 * folder chosen in the native dialog is checked and stored for the profile, a cancelled dialog
 * changes nothing, and a saved statement opens with `shell.openPath`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBillingFolders } from '../../../main/billing/billing-folders';
import { createStatementViewer } from '../../../main/billing/statement-viewer';
import { createSettingsStore } from '../../../main/settings';

const mocks = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  openPath: vi.fn(),
  focused: null as object | null,
}));

vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => mocks.focused },
  dialog: { showOpenDialog: mocks.showOpenDialog },
  shell: { openPath: mocks.openPath },
}));

const { createElectronDesktopShell } = await import('../../../main/app/desktop-shell');

function setup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-shell-'));
  const settings = createSettingsStore({ cwd: dataDir });
  const added = settings.addProfile({
    name: 'Contoso',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    appId: '11111111-2222-3333-4444-555555555555',
    authMode: 'app-user',
  });
  if (!added.ok) throw new Error('profile not added');
  const desktop = createElectronDesktopShell();
  return {
    dataDir,
    settings,
    profileId: added.profile.id,
    folders: createBillingFolders({ settings, dataDir, desktop }),
    desktop,
  };
}

beforeEach(() => {
  mocks.showOpenDialog.mockReset();
  mocks.openPath.mockReset();
  mocks.focused = { id: 1 };
});

describe('native folder dialog', () => {
  it('stores the folder picked in the dialog for that profile and creates it', async () => {
    const { folders, profileId, dataDir, settings } = setup();
    const picked = path.join(dataDir, 'Month end', 'PDFs');
    mocks.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [picked] });

    const view = await folders.choose(profileId, 'statements');

    expect(view).toMatchObject({ statements: { folder: picked, chosen: true }, nativeDialog: true });
    expect(view.exports).toEqual({ folder: path.join(dataDir, 'exports', profileId), chosen: false });
    expect(settings.read().billingFolders[profileId]).toEqual({ statements: picked });
    // The dialog is modal to the focused window and starts where statements go now.
    const [parent, options] = mocks.showOpenDialog.mock.calls[0] as [object, Record<string, unknown>];
    expect(parent).toBe(mocks.focused);
    expect(options).toMatchObject({
      defaultPath: path.join(dataDir, 'statements', profileId),
      properties: expect.arrayContaining(['openDirectory', 'createDirectory']) as unknown,
    });
  });

  it('changes nothing when the dialog is cancelled', async () => {
    const { folders, profileId, dataDir } = setup();
    mocks.focused = null;
    mocks.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });

    const view = await folders.choose(profileId, 'exports');

    expect(view.exports).toEqual({ folder: path.join(dataDir, 'exports', profileId), chosen: false });
    // Without a focused window the dialog is asked for on its own.
    expect(mocks.showOpenDialog.mock.calls[0]).toHaveLength(1);
  });

  it('refuses a picked folder that cannot take files, with a sentence', async () => {
    const { folders, profileId, dataDir } = setup();
    const file = path.join(dataDir, 'a-file');
    writeFileSync(file, 'x');
    mocks.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path.join(file, 'inside')] });

    await expect(folders.choose(profileId, 'statements')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/cannot be created or written to\. Choose a folder/) as unknown,
    });
  });
});

describe('system viewer', () => {
  const entry = (filePath: string, missing = false) => ({
    invoiceId: 'G000024130',
    invoiceDate: '2026-10-08',
    amount: 10,
    currency: 'USD',
    filePath,
    bytes: 9,
    downloadedAt: 1,
    missing,
  });
  /**
   * A viewer whose library holds one statement saved in a fresh data folder, and one (`gone`) whose
   * library says that file was deleted since.
   */
  const viewerOfOne = () => {
    const { desktop, dataDir } = setup();
    const file = path.join(dataDir, 'Invoice_G000024130_2026-10-08.pdf');
    const viewerOf = (missing: boolean) =>
      createStatementViewer({ library: () => [entry(file, missing)], desktop });
    return { file, viewer: viewerOf(false), gone: viewerOf(true) };
  };

  it('opens a saved statement with shell.openPath', async () => {
    const { file, viewer } = viewerOfOne();
    mocks.openPath.mockResolvedValue('');

    await expect(viewer.open('p1', 'G000024130')).resolves.toMatchObject({
      viewer: 'system',
      fileName: 'Invoice_G000024130_2026-10-08.pdf',
    });
    expect(mocks.openPath).toHaveBeenCalledWith(file);
  });

  it('says where the file is when no app opens it, and asks for a new download when it is gone', async () => {
    const { file, viewer, gone } = viewerOfOne();
    mocks.openPath.mockResolvedValue('No application is associated with the specified file');
    await expect(viewer.open('p1', 'G000024130')).rejects.toMatchObject({
      message: `No app on this computer opened the statement PDF. Open it from its folder: ${file}`,
    });

    await expect(gone.open('p1', 'G000024130')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('moved or deleted). Download it again.') as unknown,
    });
    expect(mocks.openPath).toHaveBeenCalledTimes(1);
  });
});
