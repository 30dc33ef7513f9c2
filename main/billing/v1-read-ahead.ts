/**
 * Guessing the next v1 line-item page's request before its page is parsed (seek paging, §1.5).
 * Partner Center writes `continuationToken` as the first field of a seek page, and `links.next`
 * repeats the request with that token in `MS-ContinuationToken`. So once a page's bytes are here, the
 * next request is the current one with the new token, and it can go out while this page is parsed
 * and stored. A guess is only a guess: the caller compares it with the parsed page's `links.next`
 * (`sameRequest`) and asks again when they differ.
 */
import type { RequestSpec } from '../partner-center';

const CONTINUATION_HEADER = 'ms-continuationtoken';

/** Bytes read from a page's start to find its token: the token is short and comes first. */
const TOKEN_WINDOW_BYTES = 4_096;

/**
 * A token written as the first field of the page's JSON object; undefined when it is not there or
 * holds anything but plain printable ASCII (an escape, say), which parsing will handle instead.
 */
export function leadingContinuationToken(body: Uint8Array): string | undefined {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, TOKEN_WINDOW_BYTES))
    .toString('latin1')
    .replace(/^\u00EF\u00BB\u00BF/, '');
  return /^\s*\{\s*"continuationToken"\s*:\s*"([\x20\x21\x23-\x5B\x5D-\x7E]+)"/.exec(head)?.[1];
}

/**
 * The request for the page after `spec`, guessed from the token at the start of `body`. Only for a
 * request that already carries a continuation header (the first page's link is not known yet).
 */
export function guessNextRequest(spec: RequestSpec, body: Uint8Array): RequestSpec | undefined {
  const headers = spec.headers ?? [];
  if (!headers.some((header) => header.key.toLowerCase() === CONTINUATION_HEADER)) return undefined;
  const token = leadingContinuationToken(body);
  if (token === undefined) return undefined;
  return {
    ...spec,
    headers: headers.map((header) =>
      header.key.toLowerCase() === CONTINUATION_HEADER ? { key: header.key, value: token } : header,
    ),
  };
}

/** Whether two requests are the same call: method, path, query and headers. */
export function sameRequest(a: RequestSpec, b: RequestSpec): boolean {
  return (
    a.operation === b.operation &&
    a.method === b.method &&
    a.path === b.path &&
    JSON.stringify(a.query ?? {}) === JSON.stringify(b.query ?? {}) &&
    JSON.stringify(a.headers ?? []) === JSON.stringify(b.headers ?? []) &&
    a.body === undefined &&
    b.body === undefined
  );
}
