/**
 * Opening a saved statement: the desktop app shows it in the system viewer (a sentence says so); the
 * web build shows it in a dialog, its bytes read from main in slices. Pure pieces here, tested
 * without React; `statement-viewer-store.ts` binds them to the bridge.
 */
import type { DeskError, DeskResult, StatementChunk } from '../../../preload/contract';

/** The statement shown in the page. */
export type StatementView =
  | { readonly status: 'loading'; readonly invoiceId: string; readonly fileName: string }
  | {
      readonly status: 'ready';
      readonly invoiceId: string;
      readonly fileName: string;
      readonly bytes: Uint8Array;
    }
  | {
      readonly status: 'error';
      readonly invoiceId: string;
      readonly fileName: string;
      readonly error: DeskError;
    };

/** What the library row says after an open: opened elsewhere, or why it could not be. */
export interface OpenNotice {
  readonly invoiceId: string;
  readonly outcome: 'opened' | 'failed';
  readonly message: string;
}

/** Reads every slice of a file, in order, into one array; the first failure ends it. */
export async function readAllChunks(
  read: (offset: number) => Promise<DeskResult<StatementChunk>>,
): Promise<DeskResult<Uint8Array>> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    const result = await read(offset);
    if (!result.ok) return result;
    const part = Uint8Array.from(atob(result.value.base64), (c) => c.charCodeAt(0));
    parts.push(part);
    offset += part.length;
    if (part.length === 0 || offset >= result.value.total) break;
  }
  const bytes = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { ok: true, value: bytes };
}
