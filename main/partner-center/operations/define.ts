/**
 * Declaring a read once: its operation name, its path template, the response schema and the query it
 * sends. The builders turn that declaration into the function that sends it, so every read builds its
 * path, query and parse the same way. Ids fill the template's `{holes}`: each is encoded, and an empty
 * one is refused (see `segment`).
 */
import type { z } from 'zod';
import type { CallOptions, HttpPipeline, RequestSpec, WriteOptions } from '../http';
import { paginate, type PagedCollection } from '../paging';
import { getItems } from './collection';
import { segment } from './path';

/** The names of a path template's holes: `/customers/{customerId}/orders` → `customerId`. */
export type PathHoles<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathHoles<Rest>
  : never;

/** The ids a path template needs, by hole name. */
export type PathIds<P extends string> = { readonly [Name in PathHoles<P>]: string };

/** A request's query parameters; `undefined` ones are left out of the URL. */
export type Query = NonNullable<RequestSpec['query']>;

/** What a declared call takes: the ids of its path and whatever its query or body reads. */
export type CallInput<P extends string, Input> = PathIds<P> & Input;

/** Fills a path template's holes, left to right, with encoded ids; an empty id is refused. */
export function route<P extends string>(operation: string, template: P, ids: PathIds<P>): string {
  // A mapped type over the template's holes; read back by the names the template itself gives.
  const byName = ids as Readonly<Record<string, string | undefined>>;
  return template.replace(/\{(\w+)\}/g, (_hole, name: string) =>
    segment(operation, name, byName[name] ?? ''),
  );
}

function readRequest<P extends string, Input>(
  operation: string,
  template: P,
  query: ((input: Input) => Query) | undefined,
  input: CallInput<P, Input>,
): RequestSpec {
  return { operation, method: 'GET', path: route(operation, template, input), query: query?.(input) };
}

/** A call declared but not yet named: the table it stands in gives it its operation name. */
export type Unnamed<Call> = (operation: string) => Call;

/**
 * Names each call of a table after its key (the operation name errors and logs use), so a call is
 * declared in one line: `getCart: one('/customers/{customerId}/carts/{cartId}', cartSchema)`.
 */
export function named<const T extends Readonly<Record<string, Unnamed<unknown>>>>(
  table: T,
): { readonly [Name in keyof T]: ReturnType<T[Name]> } {
  const named = Object.entries(table).map(([operation, make]) => [operation, make(operation)] as const);
  // Object.fromEntries loses the keys' types; they are the table's own keys, each made by its builder.
  return Object.fromEntries(named) as { readonly [Name in keyof T]: ReturnType<T[Name]> };
}

/** A GET of one resource. */
export function one<P extends string, S extends z.ZodType, Input = unknown>(
  template: P,
  schema: S,
  query?: (input: Input) => Query,
): Unnamed<(http: HttpPipeline, input: CallInput<P, Input>, options?: CallOptions) => Promise<z.output<S>>> {
  return (operation) => async (http, input, options) =>
    (await http.json(readRequest(operation, template, query, input), schema, options)).data;
}

/** A GET of a one-page collection (`{totalCount, items, links}`); the read returns its items. */
export function list<P extends string, S extends z.ZodType, Input = unknown>(
  template: P,
  item: S,
  query?: (input: Input) => Query,
): Unnamed<
  (http: HttpPipeline, input: CallInput<P, Input>, options?: CallOptions) => Promise<Array<z.output<S>>>
> {
  return (operation) => async (http, input, options) =>
    getItems(http, readRequest(operation, template, query, input), item, options);
}

/** A GET of a paged collection, followed page by page through `links.next`. */
export function paged<P extends string, S extends z.ZodType, Input = unknown>(
  template: P,
  item: S,
  query?: (input: Input) => Query,
): Unnamed<
  (http: HttpPipeline, input: CallInput<P, Input>, options?: CallOptions) => PagedCollection<z.output<S>>
> {
  return (operation) => (http, input, options) =>
    paginate(http, readRequest(operation, template, query, input), item, options);
}

/**
 * A write (POST or PUT) answered with JSON; `body` makes its JSON body from the input (none without
 * it). It is sent as a write: retried only with the same `MS-RequestId` (pass a journaled `requestId`).
 */
export function send<P extends string, S extends z.ZodType, Input = unknown>(
  method: 'POST' | 'PUT',
  template: P,
  schema: S,
  body?: (input: Input) => unknown,
): Unnamed<(http: HttpPipeline, input: CallInput<P, Input>, options?: WriteOptions) => Promise<z.output<S>>> {
  return (operation) => async (http, input, options) => {
    const path = route(operation, template, input);
    return (await http.json({ operation, method, path, body: body?.(input), write: true }, schema, options))
      .data;
  };
}
