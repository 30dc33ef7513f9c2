/**
 * A thread that runs catalog searches on its own read-only connection, so that the slow ones never
 * hold up the main thread.
 *
 * Why: facet counts under a free-text filter read every match (a one-letter prefix matches nearly
 * the whole catalog) and take a few hundred milliseconds. On the main thread that blocks every other
 * call behind it, above all the next keystroke's rows, and, in Electron, the whole main process. WAL
 * lets this connection read while main's reads and the writer thread's sync writes go on.
 */
import type { Worker } from 'node:worker_threads';
import type { CatalogSearchQuery, GenerationSearchResult } from './search';
import { closeMessage } from './sku-page';
import { ready, startThread } from './sku-writer';

/** Main → search thread: a search of one generation (main resolves which one is live). */
export interface SearchThreadRequest {
  readonly id: number;
  readonly generationId: number;
  readonly query: CatalogSearchQuery;
}

/** Search thread → main: what the search found, or why it failed. */
export type SearchThreadReply =
  | { readonly id: number; readonly result: GenerationSearchResult }
  | { readonly id: number; readonly error: string };

/** Searches on a thread of their own. */
export interface CatalogSearchThread {
  /** `CatalogSearch.searchGeneration`, on the thread; rejects when the thread fails or is closed. */
  searchGeneration(generationId: number, query: CatalogSearchQuery): Promise<GenerationSearchResult>;
  /** Stops the thread; searches still waiting are rejected. */
  close(): Promise<void>;
}

export interface CatalogSearchThreadOptions {
  /** The database file (`AppDatabase.name`); migrations must already have run. */
  readonly file: string;
  /** The thread's script: by default the sibling TypeScript module, through tsx (a build passes its own). */
  readonly workerUrl?: URL;
}

interface Waiter {
  readonly resolve: (result: GenerationSearchResult) => void;
  readonly reject: (error: Error) => void;
}

/** Starts the search thread and resolves once it is ready. */
export async function startCatalogSearchThread(
  options: CatalogSearchThreadOptions,
): Promise<CatalogSearchThread> {
  const url = options.workerUrl ?? new URL('./catalog-search-worker.ts', import.meta.url);
  const thread: Worker = startThread(url, { file: options.file }, []);
  try {
    await ready(thread);
  } catch (error) {
    await thread.terminate();
    throw error;
  }

  const pending = new Map<number, Waiter>();
  let nextId = 1;
  let stopped: Error | undefined;
  const stop = (error: Error): void => {
    stopped ??= error;
    for (const waiter of pending.values()) waiter.reject(stopped);
    pending.clear();
  };
  // Idle, the thread must not keep the process alive.
  thread.unref();
  thread.on('message', (reply: SearchThreadReply) => {
    const waiter = pending.get(reply.id);
    if (waiter === undefined) return;
    pending.delete(reply.id);
    if (pending.size === 0) thread.unref();
    if ('error' in reply) waiter.reject(new Error(reply.error));
    else waiter.resolve(reply.result);
  });
  thread.on('error', stop);
  thread.on('exit', (code) => stop(new Error(`the catalog search thread exited (${code})`)));

  return {
    searchGeneration(generationId, query) {
      if (stopped !== undefined) return Promise.reject(stopped);
      const id = nextId++;
      return new Promise<GenerationSearchResult>((resolve, reject) => {
        if (pending.size === 0) thread.ref();
        pending.set(id, { resolve, reject });
        thread.postMessage({ id, generationId, query } satisfies SearchThreadRequest);
      });
    },
    async close() {
      if (stopped !== undefined) return;
      stop(new Error('the catalog search thread is closed'));
      const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
      thread.postMessage(closeMessage);
      await exited;
    },
  };
}
