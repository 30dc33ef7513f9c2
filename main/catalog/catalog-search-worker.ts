/**
 * The catalog search thread: its own read-only SQLite connection to the app database, answering the
 * searches main hands it (see `search-thread.ts`), one at a time, in arrival order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CatalogSearch } from './search';
import type { SearchThreadReply, SearchThreadRequest } from './search-thread';
import { closeMessage } from './sku-page';
import { CatalogStore } from './store';

const main = parentPort;
if (main === null) throw new Error('catalog-search-worker must run in a worker thread');
const { file } = workerData as { file: string };

/**
 * A read-only connection and its search. A connection reads the planner statistics when it opens,
 * and the writer gathers them when it maintains a generation: the thread opens a new connection
 * when it first meets a generation maintained since (`CatalogStore.afterMaintenance` does the same
 * on main's connection, but that writes, and this one never does).
 */
function open() {
  const db = new Database(file, { readonly: true, timeout: 5_000 });
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  const maintained = db.prepare('SELECT maintained FROM catalog_generations WHERE id = ?').pluck();
  const analyzed = new Set(
    db.prepare('SELECT id FROM catalog_generations WHERE maintained = 1').pluck().all() as number[],
  );
  const search = new CatalogSearch(new CatalogStore(db));
  return {
    db,
    /** Whether the generation was maintained after this connection opened. */
    isNewlyMaintained: (generationId: number) =>
      !analyzed.has(generationId) && maintained.get(generationId) === 1,
    search: (generationId: number, query: SearchThreadRequest['query']) =>
      search.searchGeneration(generationId, query),
  };
}
let connection = open();

main.on('message', (message: SearchThreadRequest | typeof closeMessage) => {
  if (message === closeMessage) {
    connection.db.close();
    main.close();
    return;
  }
  let reply: SearchThreadReply;
  try {
    if (connection.isNewlyMaintained(message.generationId)) {
      connection.db.close();
      connection = open();
    }
    reply = { id: message.id, result: connection.search(message.generationId, message.query) };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  main.postMessage(reply);
});
main.postMessage('ready');
