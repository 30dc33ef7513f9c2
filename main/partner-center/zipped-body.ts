/**
 * Bodies that may come zipped: the partner price sheet (§16) answers `Accept-Encoding: deflate` with
 * a zip archive holding one CSV, without saying so in its headers. A zip is known by its first two
 * bytes (`PK`), and is unzipped as it arrives, so a 42 MB sheet never sits in memory whole.
 */
import { Unzip, UnzipInflate } from 'fflate';

const P = 0x50;
const K = 0x4b;

/** Whether a body starts like a zip archive (local file header `PK`). */
export function looksZipped(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === P && head[1] === K;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/**
 * The body's bytes as they arrive: unchanged, or, when they form a zip, the first file of the
 * archive, unzipped chunk by chunk. Throws when a zip is broken or holds no file.
 */
export async function* unzippedIfZip(
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  let head: Uint8Array | null = new Uint8Array(0);
  let zipped = false;
  const ready: Uint8Array[] = [];
  let failure: Error | undefined;
  let found = false;
  let finished = false;
  const unzip = new Unzip((file) => {
    // Only the first file counts: the sheet is one CSV.
    if (found) return;
    found = true;
    file.ondata = (error, data, final) => {
      if (error) failure = error;
      else if (data.length > 0) ready.push(data);
      if (final) finished = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  for await (const received of body) {
    let chunk = received;
    if (head !== null) {
      head = concat(head, chunk);
      if (head.length < 2) continue;
      zipped = looksZipped(head);
      chunk = head;
      head = null;
    }
    if (!zipped) {
      yield chunk;
      continue;
    }
    unzip.push(chunk, false);
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  if (head !== null) {
    // Fewer than two bytes in all: not a zip.
    if (head.length > 0) yield head;
    return;
  }
  if (!zipped) return;
  unzip.push(new Uint8Array(0), true);
  if (failure) throw failure;
  yield* ready.splice(0);
  if (!found || !finished) throw new Error('the zip archive ended before its first file did');
}
