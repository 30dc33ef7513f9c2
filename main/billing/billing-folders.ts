/**
 * Where a profile's statements and CSV exports go: a folder the user chose (stored per profile in
 * the settings), or `<dataDir>/statements|exports/<profileId>`. The desktop app asks with the native
 * dialog; the web build takes a typed path. Either way main checks the folder exists or can be made
 * and can be written to before it is stored, so a download never fails later for that reason.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BillingFolders, BillingFolderKind } from '../../preload/contract';
import { DeskFailure } from '../ipc/failure';
import { BillingFolderSchema, findProfile, type Settings, type SettingsStore } from '../settings';
import type { DesktopShell } from '../system/desktop-shell';

export interface BillingFoldersOptions {
  readonly settings: Pick<SettingsStore, 'read' | 'update'>;
  readonly dataDir: string;
  /** The desktop app's native dialog; absent in the web build. */
  readonly desktop?: DesktopShell | undefined;
}

const WHAT: Record<BillingFolderKind, string> = {
  statements: 'statement PDFs',
  exports: 'CSV exports',
};

/** A profile's folders with one kind set (a path) or back to its default (null). Pure. */
export function withBillingFolder(
  settings: Settings,
  profileId: string,
  kind: BillingFolderKind,
  folder: string | null,
): Settings {
  const { [kind]: _previous, ...others } = settings.billingFolders[profileId] ?? {};
  const mine = folder === null ? others : { ...others, [kind]: folder };
  const { [profileId]: _old, ...rest } = settings.billingFolders;
  return {
    ...settings,
    billingFolders: Object.keys(mine).length > 0 ? { ...rest, [profileId]: mine } : rest,
  };
}

/** Makes the folder if needed and proves it takes a file; throws a sentence for people otherwise. */
export async function checkWritableFolder(folder: string, kind: BillingFolderKind): Promise<string> {
  const parsed = BillingFolderSchema.safeParse(folder);
  if (!parsed.success) {
    throw new DeskFailure(
      'INVALID_INPUT',
      `Enter the full path of a folder for ${WHAT[kind]}, such as ${path.join(path.sep, 'home', 'you', 'Statements')}.`,
      { field: 'folder' },
    );
  }
  const resolved = path.resolve(parsed.data);
  const probe = path.join(resolved, `.reservation-desk-${randomBytes(4).toString('hex')}.probe`);
  try {
    await mkdir(resolved, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch {
    throw new DeskFailure(
      'INVALID_INPUT',
      `The folder ${resolved} cannot be created or written to. Choose a folder you can save files in.`,
      { field: 'folder' },
    );
  }
  return resolved;
}

/** Creates the folder settings of billing. */
export function createBillingFolders(options: BillingFoldersOptions) {
  const { settings, desktop } = options;
  const chosen = (profileId: string, kind: BillingFolderKind): string | undefined =>
    settings.read().billingFolders[profileId]?.[kind];
  const folderOf = (profileId: string, kind: BillingFolderKind): string =>
    chosen(profileId, kind) ?? path.join(options.dataDir, kind, profileId);
  const view = (profileId: string): BillingFolders => ({
    statements: {
      folder: folderOf(profileId, 'statements'),
      chosen: chosen(profileId, 'statements') !== undefined,
    },
    exports: { folder: folderOf(profileId, 'exports'), chosen: chosen(profileId, 'exports') !== undefined },
    nativeDialog: desktop !== undefined,
  });
  const requireProfile = (profileId: string): void => {
    if (!findProfile(settings.read(), profileId))
      throw new DeskFailure('NOT_FOUND', 'This profile no longer exists. Pick another one.');
  };
  const store = async (profileId: string, kind: BillingFolderKind, folder: string | null) => {
    requireProfile(profileId);
    const checked = folder === null ? null : await checkWritableFolder(folder, kind);
    settings.update((current) => withBillingFolder(current, profileId, kind, checked));
    return view(profileId);
  };

  return {
    /** Where a profile's statements or exports go now. */
    folderOf,
    /** Both folders and whether a native dialog is there to choose them. */
    view(profileId: string): BillingFolders {
      requireProfile(profileId);
      return view(profileId);
    },
    /** Stores a typed folder after checking it; null goes back to the default. */
    set: store,
    /** Asks with the native dialog (desktop app only); a cancelled dialog changes nothing. */
    async choose(profileId: string, kind: BillingFolderKind): Promise<BillingFolders> {
      requireProfile(profileId);
      if (!desktop) {
        throw new DeskFailure(
          'MISCONFIGURED',
          'This window cannot open a folder dialog. Type the folder’s full path in the field instead.',
        );
      }
      const picked = await desktop.chooseFolder({
        title: `Folder for ${WHAT[kind]}`,
        defaultPath: folderOf(profileId, kind),
      });
      return picked === null ? view(profileId) : store(profileId, kind, picked);
    },
  };
}

export type BillingFolderService = ReturnType<typeof createBillingFolders>;
