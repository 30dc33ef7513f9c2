/**
 * Where a sync's SKU pages are read and stored: on the calling thread, or on two worker threads.
 *
 * Why threads: a full catalog is ~50 MB of JSON and 50,000 rows. Reading and storing it costs
 * seconds of CPU; on the thread that also drives the requests that delays every response behind it
 * (the sync becomes CPU-bound instead of network-bound) and, in Electron, it blocks the main process
 * and thus every IPC call while it runs. Why two: reading (parse, normalize) and storing (SQLite)
 * each take about as long as the whole network part of a sync, so one thread doing both falls
 * behind; as a pipeline they keep up. Main hands the reader each page as received bytes
 * (transferred, not copied), the reader hands the writer plain rows, and the writer answers main.
 * WAL lets the writer's connection write while main's keeps reading the live catalog.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import {
  closeMessage,
  readSkuPage,
  type MaintainMessage,
  type SkuPageMessage,
  type SkuPageReply,
  type SkuPageResult,
} from './sku-page';
import type { CatalogStore } from './store';
import type { CatalogProduct } from './types';

export type { SkuPageResult } from './sku-page';

/** Stores product SKU pages in a staging generation. */
export interface SkuWriter {
  /**
   * Reads one product's SKU page (the response body as received) and stores its SKUs, replacing
   * what the generation held for that product. The page's buffer may be transferred to another
   * thread: the caller must not use it afterwards. Rejects only for storage failures.
   */
  write(generationId: number, product: CatalogProduct, page: Uint8Array): Promise<SkuPageResult>;
  /** After a sync: the catalog's derived data and WAL checkpoint (`CatalogStore.maintain`). */
  maintain(): Promise<void>;
  /** Stops the writer; pending work finishes first. */
  close(): Promise<void>;
}

/** Reads and writes on the calling thread, through the store's own connection. */
export function inProcessSkuWriter(store: CatalogStore): SkuWriter {
  return {
    write(generationId, product, page) {
      const reading = readSkuPage(product, page);
      if (!reading.ok) return Promise.resolve(reading);
      return Promise.resolve({ ok: true, count: store.storeSkuRows(generationId, product, reading.rows) });
    },
    // On the next turn, so whoever awaited the sync gets its result first.
    maintain: () =>
      new Promise<void>((resolve) => {
        setTimeout(() => {
          if (store.db.open) store.maintain();
          resolve();
        }, 0).unref();
      }),
    close: () => Promise.resolve(),
  };
}

/**
 * A writer whose threads are still starting (a moment in the app, seconds under tsx): until they
 * are ready, pages are read and stored by `fallback` on this thread, so a first sync's first rows
 * do not wait for them; after that, and if they cannot start, every call goes where it can.
 */
export function writerWhenReady(pending: Promise<SkuWriter | undefined>, fallback: SkuWriter): SkuWriter {
  let started: SkuWriter | undefined;
  const ready = pending.then(
    (writer) => (started = writer ?? fallback),
    () => (started = fallback),
  );
  return {
    write: (generationId, product, page) => (started ?? fallback).write(generationId, product, page),
    maintain: async () => (await ready).maintain(),
    close: async () => (await ready).close(),
  };
}

/** Options of the threaded writer. */
export interface WorkerSkuWriterOptions {
  /** The database file (`AppDatabase.name`); migrations must already have run. */
  readonly file: string;
  /**
   * The threads' scripts. By default the sibling `sku-reader-worker` and `sku-writer-worker` modules,
   * loaded through tsx when they are TypeScript (development, tests, benchmarks); a bundled build
   * passes its own entries.
   */
  readonly workerUrls?: SkuWorkerUrls;
}

/** The scripts of the reader and writer threads. */
export interface SkuWorkerUrls {
  readonly reader: URL;
  readonly writer: URL;
  /** The thread that counts facets off the main thread (`search-thread.ts`). */
  readonly search: URL;
}

/** Where the build puts the thread scripts: next to the entry (see `electron.vite.config.ts`). */
export function bundledSkuWorkerUrls(entryUrl: string | URL): SkuWorkerUrls {
  return {
    reader: new URL('./sku-reader-worker.js', entryUrl),
    writer: new URL('./sku-writer-worker.js', entryUrl),
    search: new URL('./catalog-search-worker.js', entryUrl),
  };
}

/** Starts the reader and writer threads and resolves once both are ready. */
export async function startWorkerSkuWriter(options: WorkerSkuWriterOptions): Promise<SkuWriter> {
  const urls = options.workerUrls ?? {
    reader: new URL('./sku-reader-worker.ts', import.meta.url),
    writer: new URL('./sku-writer-worker.ts', import.meta.url),
  };
  const channel = new MessageChannel();
  const writer = startThread(urls.writer, { file: options.file, reader: channel.port2 }, [channel.port2]);
  const reader = startThread(urls.reader, { writer: channel.port1 }, [channel.port1]);
  const threads = [writer, reader];
  try {
    await Promise.all(threads.map(ready));
  } catch (error) {
    await Promise.all(threads.map((thread) => thread.terminate()));
    throw error;
  }

  const pending = new Map<number, Waiter>();
  const inFlight = new Set<Promise<SkuPageResult>>();
  let nextId = 1;
  let failed: Error | undefined;
  let closing = false;
  const fail = (error: Error): void => {
    failed ??= error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    for (const thread of threads) void thread.terminate();
  };
  // Idle between syncs the threads must not keep the process alive; with work pending they must.
  const keepAlive = (on: boolean): void => {
    for (const thread of threads) {
      if (on) thread.ref();
      else thread.unref();
    }
  };
  for (const thread of threads) {
    thread.on('message', (reply: SkuPageReply) => {
      const waiter = pending.get(reply.id);
      if (waiter === undefined) return;
      pending.delete(reply.id);
      if (pending.size === 0) keepAlive(false);
      if ('error' in reply) waiter.reject(Object.assign(new Error(reply.error), { code: reply.code }));
      else waiter.resolve(reply.result);
    });
    thread.on('error', fail);
    thread.on('exit', (code) => {
      if (!closing) fail(new Error(`a SKU writer thread exited (${code})`));
    });
  }
  keepAlive(false);

  /** Sends one request to a thread and waits for its reply. */
  const send = (post: (id: number) => void): Promise<SkuPageResult> => {
    if (failed !== undefined) return Promise.reject(failed);
    if (closing) return Promise.reject(new Error('the SKU writer is closed'));
    const id = nextId++;
    const done = new Promise<SkuPageResult>((resolve, reject) => {
      if (pending.size === 0) keepAlive(true);
      pending.set(id, { resolve, reject });
    });
    inFlight.add(done);
    const forget = (): void => void inFlight.delete(done);
    done.then(forget, forget);
    post(id);
    return done;
  };

  return {
    write(generationId, product, page) {
      // Transfer the bytes when they own their whole buffer; copy them otherwise.
      const owned =
        page.byteOffset === 0 &&
        page.buffer instanceof ArrayBuffer &&
        page.byteLength === page.buffer.byteLength
          ? page
          : page.slice();
      return send((id) => {
        const message: SkuPageMessage = { id, generationId, product, page: owned };
        reader.postMessage(message, [owned.buffer as ArrayBuffer]);
      });
    },
    async maintain() {
      await send((id) => writer.postMessage({ id, maintain: true } satisfies MaintainMessage));
    },
    async close() {
      if (failed !== undefined || closing) return;
      closing = true;
      await Promise.allSettled(inFlight);
      const exited = threads.map(
        (thread) => new Promise<void>((resolve) => thread.once('exit', () => resolve())),
      );
      // The reader passes the close on to the writer after the pages before it.
      reader.postMessage(closeMessage);
      await Promise.all(exited);
    },
  };
}

/** A request waiting for its thread's reply. */
interface Waiter {
  readonly resolve: (result: SkuPageResult) => void;
  readonly reject: (error: Error) => void;
}

/** Starts a thread; TypeScript sources go through tsx, which Node cannot do in a worker by itself. */
export function startThread(url: URL, workerData: unknown, transferList: ReadonlyArray<MessagePort>): Worker {
  const options = { workerData, transferList: [...transferList] };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(
    `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
    { ...options, eval: true },
  );
}

/** Resolves when a thread says it is ready; rejects if it fails or exits first. */
export function ready(thread: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    thread.once('message', (message: unknown) =>
      message === 'ready' ? resolve() : reject(new Error('a SKU writer thread did not start')),
    );
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`a SKU writer thread exited (${code})`)));
  });
}
