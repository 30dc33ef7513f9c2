/**
 * Where a sync's SKU pages are written: on the calling thread, or on a worker thread with its own
 * SQLite connection.
 *
 * Why a worker: storing the 50,000-SKU catalog costs seconds of CPU. On the thread that also reads
 * the responses it delays every response behind it (the sync becomes CPU-bound instead of
 * network-bound) and, in Electron, it blocks the main process and thus every IPC call while it runs.
 * WAL lets the worker write while the main connection keeps reading the live catalog.
 */
import { Worker } from 'node:worker_threads';
import type { CatalogStore } from './store';
import type { CatalogProduct, NormalizedSku } from './types';

/** Stores one product's SKUs in a staging generation (see `CatalogStore.storeProductSkus`). */
export interface SkuWriter {
  write(generationId: number, product: CatalogProduct, skus: ReadonlyArray<NormalizedSku>): Promise<number>;
  /** Stops the writer; pending writes finish first. */
  close(): Promise<void>;
}

/** Writes on the calling thread, through the store's own connection. */
export function inProcessSkuWriter(store: CatalogStore): SkuWriter {
  return {
    write: (generationId, product, skus) =>
      Promise.resolve(store.storeProductSkus(generationId, product, skus)),
    close: () => Promise.resolve(),
  };
}

/** A request to the worker. */
export interface SkuWriteRequest {
  readonly id: number;
  readonly generationId: number;
  readonly product: CatalogProduct;
  readonly skus: ReadonlyArray<NormalizedSku>;
}

/** The worker's answer. */
export type SkuWriteReply =
  { readonly id: number; readonly count: number } | { readonly id: number; readonly error: string };

/** Options of the worker writer. */
export interface WorkerSkuWriterOptions {
  /** The database file (`AppDatabase.name`); migrations must already have run. */
  readonly file: string;
  /**
   * The worker script. By default the sibling `sku-writer-worker` module, loaded through tsx when
   * it is TypeScript (development, tests, benchmarks); a bundled build passes its own entry.
   */
  readonly workerUrl?: URL;
}

/** Starts a writer thread and resolves once its connection is open. */
export async function startWorkerSkuWriter(options: WorkerSkuWriterOptions): Promise<SkuWriter> {
  const url = options.workerUrl ?? new URL('./sku-writer-worker.ts', import.meta.url);
  const worker = url.pathname.endsWith('.ts')
    ? // Node cannot load TypeScript in a worker by itself: register tsx first, then the module.
      new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
        { eval: true, workerData: { file: options.file } },
      )
    : new Worker(url, { workerData: { file: options.file } });
  const pending = new Map<number, { resolve: (count: number) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failed: Error | undefined;
  const fail = (error: Error): void => {
    failed = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (message: unknown) =>
      message === 'ready' ? resolve() : reject(new Error('bad start')),
    );
    worker.once('error', reject);
  });
  worker.on('message', (reply: SkuWriteReply) => {
    const waiter = pending.get(reply.id);
    if (waiter === undefined) return;
    pending.delete(reply.id);
    if ('error' in reply) waiter.reject(new Error(reply.error));
    else waiter.resolve(reply.count);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the SKU writer thread exited (${code})`)));
  return {
    write(generationId, product, skus) {
      if (failed !== undefined) return Promise.reject(failed);
      const id = nextId++;
      return new Promise<number>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: SkuWriteRequest = { id, generationId, product, skus };
        worker.postMessage(request);
      });
    },
    async close() {
      worker.postMessage('close');
      await new Promise<void>((resolve) => {
        if (failed !== undefined) resolve();
        else worker.once('exit', () => resolve());
      });
    },
  };
}
