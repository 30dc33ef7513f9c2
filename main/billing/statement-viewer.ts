/**
 * Opening a saved statement, offline: the desktop app hands the file to the system's PDF viewer; the
 * web build shows it in the page, reading the file in slices small enough for the bridge's frames
 * (`STATEMENT_CHUNK_BYTES`). A file moved or deleted outside the app is reported as such, so the
 * library can offer to download it again.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { STATEMENT_CHUNK_BYTES, type StatementChunk, type StatementOpened } from '../../preload/contract';
import { DeskFailure } from '../ipc/failure';
import type { DesktopShell } from '../system/desktop-shell';
import type { StatementEntry } from './statements';

export interface StatementViewerOptions {
  readonly library: (profileId: string) => ReadonlyArray<StatementEntry>;
  /** The desktop app's system viewer; absent in the web build. */
  readonly desktop?: DesktopShell | undefined;
}

function missing(invoiceId: string): DeskFailure {
  return new DeskFailure(
    'NOT_FOUND',
    `The statement of invoice ${invoiceId} is no longer in its folder (moved or deleted). Download it again.`,
    { invoiceId },
  );
}

/** Creates the statement viewer. */
export function createStatementViewer(options: StatementViewerOptions) {
  const entryOf = (profileId: string, invoiceId: string): StatementEntry => {
    const entry = options.library(profileId).find((candidate) => candidate.invoiceId === invoiceId);
    if (!entry) {
      throw new DeskFailure(
        'NOT_FOUND',
        `There is no saved statement of invoice ${invoiceId}. Download it first.`,
        { invoiceId },
      );
    }
    if (entry.missing) throw missing(invoiceId);
    return entry;
  };

  return {
    /** Opens the statement in the system viewer, or tells the page to show it itself. */
    async open(profileId: string, invoiceId: string): Promise<StatementOpened> {
      const entry = entryOf(profileId, invoiceId);
      const facts = { invoiceId, fileName: path.basename(entry.filePath), bytes: entry.bytes };
      if (!options.desktop) return { viewer: 'in-page', ...facts };
      try {
        await options.desktop.openPath(entry.filePath);
      } catch {
        throw new DeskFailure(
          'MISCONFIGURED',
          `No app on this computer opened the statement PDF. Open it from its folder: ${entry.filePath}`,
          { invoiceId },
        );
      }
      return { viewer: 'system', ...facts };
    },

    /** A slice of the statement file from `offset`, base64. */
    async chunk(profileId: string, invoiceId: string, offset: number): Promise<StatementChunk> {
      const entry = entryOf(profileId, invoiceId);
      let handle;
      try {
        handle = await open(entry.filePath, 'r');
      } catch {
        throw missing(invoiceId);
      }
      try {
        const { size } = await handle.stat();
        const length = Math.max(0, Math.min(STATEMENT_CHUNK_BYTES, size - offset));
        const buffer = Buffer.alloc(length);
        const { bytesRead } = length > 0 ? await handle.read(buffer, 0, length, offset) : { bytesRead: 0 };
        return { base64: buffer.subarray(0, bytesRead).toString('base64'), offset, total: size };
      } finally {
        await handle.close();
      }
    },
  };
}

export type StatementViewer = ReturnType<typeof createStatementViewer>;
