/**
 * One product's SKU page, from the bytes Partner Center sent to the rows the catalog stores, and the
 * messages the threads that do this work exchange (see `sku-writer.ts`).
 */
import { readJsonBody } from '../partner-center/json-body';
import { normalizeSkus, skuCollectionSchema } from './normalize';
import { skuRows, type SkuRowValues } from './store';
import type { CatalogProduct } from './types';

/** What became of one page: the SKUs stored, or why the page cannot be used. */
export type SkuPageResult =
  { readonly ok: true; readonly count: number } | { readonly ok: false; readonly reason: string };

/** A page read into rows, or why it cannot be used. */
export type SkuPageReading =
  { readonly ok: true; readonly rows: SkuRowValues[] } | { readonly ok: false; readonly reason: string };

/** Decodes, parses, normalizes and turns a page into rows: everything but the database. */
export function readSkuPage(product: CatalogProduct, page: Uint8Array): SkuPageReading {
  const reading = readJsonBody(page, skuCollectionSchema);
  if (!reading.ok) return reading;
  return { ok: true, rows: skuRows(product, normalizeSkus(reading.value, product.productId)) };
}

/** Main → reader thread: a page to read. */
export interface SkuPageMessage {
  readonly id: number;
  readonly generationId: number;
  readonly product: CatalogProduct;
  readonly page: Uint8Array;
}

/** Reader → writer thread: a page's rows to store. */
export interface SkuRowsMessage {
  readonly id: number;
  readonly generationId: number;
  readonly product: CatalogProduct;
  readonly rows: SkuRowValues[];
}

/** Main → writer thread: run `CatalogStore.maintain` (answered with an empty result). */
export interface MaintainMessage {
  readonly id: number;
  readonly maintain: true;
}

/** Either thread → main: a page's result, or a storage failure. */
export type SkuPageReply =
  | { readonly id: number; readonly result: SkuPageResult }
  /** `code` carries e.g. `SQLITE_FULL` across the thread boundary, so a full disk is told apart. */
  | { readonly id: number; readonly error: string; readonly code?: string };

/** Ends a thread once the messages before it are done. */
export const closeMessage = 'close';
