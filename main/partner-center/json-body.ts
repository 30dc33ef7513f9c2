/**
 * Reading a JSON response body against a schema, apart from the request that brought it.
 *
 * Kept apart so the body can be read after the request's budget slot is released, and on another
 * thread: the catalog's SKU pages are parsed on the writer thread (see `main/catalog/sku-writer.ts`).
 */
import { Buffer, isAscii } from 'node:buffer';
import type { z } from 'zod';

/** What a body says, or why it cannot be used (the reason of a `malformed-response` error). */
export type JsonBodyReading<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * Bytes as text. ASCII (what Partner Center's catalog pages are) becomes a one-byte string without a
 * UTF-8 pass, several times faster on a 50 MB catalog; anything else is decoded as UTF-8.
 */
export function decodeBody(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isAscii(buffer) ? buffer.toString('latin1') : buffer.toString('utf8');
}

/** Decodes, parses and validates a response body; never throws. */
export function readJsonBody<S extends z.ZodType>(
  body: string | Uint8Array,
  schema: S,
): JsonBodyReading<z.output<S>> {
  const parsed = parseJsonText(typeof body === 'string' ? body : decodeBody(body));
  if (!parsed.ok) return parsed;
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    return { ok: false, reason: `unexpected shape: ${summarizeIssues(result.error.issues)}` };
  }
  return { ok: true, value: result.data };
}

/** Parses a body's text (a byte-order mark and surrounding blanks allowed); never throws. */
export function parseJsonText(text: string): JsonBodyReading<unknown> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, reason: 'the response body is empty' };
  try {
    return { ok: true, value: JSON.parse(trimmed) as unknown };
  } catch {
    return { ok: false, reason: 'the response body is not valid JSON' };
  }
}

function summarizeIssues(issues: ReadonlyArray<z.core.$ZodIssue>): string {
  const shown = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`);
  return issues.length > 3 ? `${shown.join('; ')}; and ${issues.length - 3} more` : shown.join('; ');
}
