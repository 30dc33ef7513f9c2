/**
 * Reading a one-page collection: Partner Center wraps lists as `{totalCount, items, links}`, and most
 * operations want only the items of one GET.
 */
import type { z } from 'zod';
import type { CallOptions, HttpPipeline, RequestSpec } from '../http';
import { collectionSchema } from '../models/common';

/** GETs a collection and returns its items, each validated with `item`. */
export async function getItems<T extends z.ZodType>(
  http: HttpPipeline,
  request: Pick<RequestSpec, 'operation' | 'path' | 'query'>,
  item: T,
  options?: CallOptions,
): Promise<Array<z.output<T>>> {
  const { data } = await http.json({ ...request, method: 'GET' }, collectionSchema(item), options);
  return data.items;
}
