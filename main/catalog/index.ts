/**
 * The offline reservation catalog: SQLite store, search, sync engine and on-demand availabilities.
 * Plain Node; the bridge handlers and the Catalog screen use it through this module only.
 */
export * from './types';
export * from './market';
export * from './store';
export * from './search';
export * from './sync';
export * from './availability';
export * from './sku-writer';
export { normalizeSku, normalizeSkus, skuCollectionSchema, skuPageSchema, termOf } from './normalize';
