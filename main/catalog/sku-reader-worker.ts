/**
 * The SKU reader thread: decodes, parses and normalizes the pages a sync hands it and passes their
 * rows to the writer thread; a page that cannot be used is answered straight back to main.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  closeMessage,
  readSkuPage,
  type SkuPageMessage,
  type SkuPageReply,
  type SkuRowsMessage,
} from './sku-page';

const main = parentPort;
if (main === null) throw new Error('sku-reader-worker must run in a worker thread');
const { writer } = workerData as { writer: MessagePort };

main.on('message', (message: SkuPageMessage | typeof closeMessage) => {
  if (message === closeMessage) {
    // After every page before it: the writer stores them, then closes.
    writer.postMessage(closeMessage);
    writer.close();
    main.close();
    return;
  }
  try {
    const reading = readSkuPage(message.product, message.page);
    if (reading.ok) {
      const rows: SkuRowsMessage = { ...message, rows: reading.rows };
      writer.postMessage(rows);
    } else {
      main.postMessage({ id: message.id, result: reading } satisfies SkuPageReply);
    }
  } catch (error) {
    main.postMessage({ id: message.id, error: String(error) } satisfies SkuPageReply);
  }
});
main.postMessage('ready');
