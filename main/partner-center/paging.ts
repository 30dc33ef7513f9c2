/**
 * Paged collections as async iterators.
 *
 * Both of Partner Center's paging kinds (contract §1.5) are driven by the response's `links.next`:
 * - offset paging: `links.next.uri` carries the next `offset`;
 * - seek paging: `links.next` carries `seekOperation=Next` and an `MS-ContinuationToken` header, and the
 *   body a `continuationToken`. When a link forgets either, we add it from the body's token, since
 *   the docs' own examples show such broken links.
 * Each page is a separate logical call (its own `MS-RequestId`) under one `MS-CorrelationId`. Pages are
 * fetched lazily, one at a time, so breaking out of a `for await` stops the paging.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { PartnerCenterError } from './errors';
import type { CallOptions, HttpPipeline, RequestSpec } from './http';
import { collectionSchema, type Collection, type Link, type LinkHeader } from './models/common';

const continuationHeader = 'MS-ContinuationToken';

/** One page of a paged collection. */
export interface Page<T> extends Collection<T> {
  /** 0-based index of this page. */
  readonly index: number;
}

/** A paged collection: iterate items with `for await`, or pages with `pages()`. */
export interface PagedCollection<T> extends AsyncIterable<T> {
  /** Iterates page by page. */
  pages(): AsyncIterableIterator<Page<T>>;
  /** Collects every item (or the first `limit`); mind the size of what you ask for. */
  toArray(limit?: number): Promise<T[]>;
}

/** A paged collection starting at `first`, whose items are validated by `item`. */
export function paginate<S extends z.ZodType>(
  http: HttpPipeline,
  first: RequestSpec,
  item: S,
  options: CallOptions = {},
): PagedCollection<z.output<S>> {
  const schema = collectionSchema(item);
  // Every page of one listing shares a correlation id, so the service can trace it as one operation.
  const callOptions: CallOptions = { ...options, correlationId: options.correlationId ?? randomUUID() };

  async function* pages(): AsyncIterableIterator<Page<z.output<S>>> {
    let spec: RequestSpec | undefined = first;
    const seen = new Set<string>();
    for (let index = 0; spec !== undefined; index += 1) {
      const { data, info } = await http.json(spec, schema, callOptions);
      yield { ...data, index };
      const next = nextRequest(
        first.operation,
        data.links.next,
        data.continuationToken ?? headerToken(info.headers),
      );
      if (next !== undefined) {
        const key = `${next.path}\n${JSON.stringify(next.headers ?? [])}`;
        if (seen.has(key)) {
          throw new PartnerCenterError({
            kind: 'malformed-response',
            operation: first.operation,
            requestId: info.requestId,
            correlationId: info.correlationId,
            retryable: false,
            description: 'the service returned the same next page twice',
          });
        }
        seen.add(key);
      }
      spec = next;
    }
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
    async toArray(limit = Number.POSITIVE_INFINITY) {
      const out: Array<z.output<S>> = [];
      if (limit <= 0) return out;
      for await (const page of pages()) {
        for (const value of page.items) {
          out.push(value);
          if (out.length >= limit) return out;
        }
      }
      return out;
    },
  };
}

/** The request for the page after this one, or undefined on the last page (exported for resumable readers). */
export function nextRequest(
  operation: string,
  next: Link | undefined,
  token: string | undefined,
): RequestSpec | undefined {
  if (next === undefined || next.uri.trim() === '') return undefined;
  const headers: LinkHeader[] = [...next.headers];
  let path = next.uri;
  const hasTokenHeader = headers.some(
    (header) => header.key.toLowerCase() === continuationHeader.toLowerCase(),
  );
  const isSeek = hasTokenHeader || token !== undefined || /[?&]seekoperation=/i.test(path);
  if (isSeek) {
    if (!hasTokenHeader && token !== undefined) headers.push({ key: continuationHeader, value: token });
    if (!/[?&]seekoperation=/i.test(path)) path += `${path.includes('?') ? '&' : '?'}seekOperation=Next`;
  }
  return { operation, method: 'GET', path, headers };
}

function headerToken(headers: Headers): string | undefined {
  return headers.get(continuationHeader) ?? undefined;
}
