/**
 * The SKU writer thread: its own SQLite connection to the app database, storing the rows the reader
 * thread hands it, one transaction per product, in arrival order.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { configureConnection } from '../database/index';
import { closeMessage, type MaintainMessage, type SkuPageReply, type SkuRowsMessage } from './sku-page';
import { CatalogStore } from './store';

const main = parentPort;
if (main === null) throw new Error('sku-writer-worker must run in a worker thread');
const { file, reader } = workerData as { file: string; reader: MessagePort };
const db = new Database(file, { timeout: 10_000 });
configureConnection(db, 10_000);
// Checkpoints are left to the main connection, after the sync (see CatalogStore.beginBulkWrite).
db.pragma('wal_autocheckpoint = 0');
const store = new CatalogStore(db);

reader.on('message', (message: SkuRowsMessage | typeof closeMessage) => {
  if (message === closeMessage) {
    db.close();
    reader.close();
    main.close();
    return;
  }
  let reply: SkuPageReply;
  try {
    const count = store.storeSkuRows(message.generationId, message.product, message.rows);
    reply = { id: message.id, result: { ok: true, count } };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    reply = {
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  main.postMessage(reply);
});
main.on('message', (message: MaintainMessage) => {
  store.maintain();
  main.postMessage({ id: message.id, result: { ok: true, count: 0 } } satisfies SkuPageReply);
});
main.postMessage('ready');
