/**
 * The SKU writer thread: its own SQLite connection to the app database, storing the pages a sync
 * hands it, one transaction per product, in arrival order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { configureConnection } from '../database/index';
import type { SkuWriteReply, SkuWriteRequest } from './sku-writer';
import { CatalogStore } from './store';

const port = parentPort;
if (port === null) throw new Error('sku-writer-worker must run in a worker thread');
const { file } = workerData as { file: string };
const db = new Database(file, { timeout: 10_000 });
configureConnection(db, 10_000);
// Checkpoints are left to the main connection, after the sync (see CatalogStore.beginBulkWrite).
db.pragma('wal_autocheckpoint = 0');
const store = new CatalogStore(db);

port.on('message', (message: SkuWriteRequest | 'close') => {
  if (message === 'close') {
    db.close();
    port.close();
    return;
  }
  let reply: SkuWriteReply;
  try {
    reply = {
      id: message.id,
      count: store.storeProductSkus(message.generationId, message.product, message.skus),
    };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
