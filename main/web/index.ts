/**
 * `npm run web`: the whole app without Electron. Main's handlers serve the built renderer over a
 * loopback WebSocket; open the printed address in a browser.
 *
 *   node out/main/web.js [--port N] [--data-dir DIR] [--json]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { productName, version } from '../../package.json';
import { createHandlers } from '../handlers';
import { createDispatcher } from '../ipc/dispatcher';
import { createEventHub } from '../ipc/event-hub';
import { defaultDataDir } from '../system/data-dir';
import { startWebServer } from './web-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535 (0 picks a free port); got "${values.port}".`);
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir(productName));
mkdirSync(dataDir, { recursive: true });

const events = createEventHub();
const dispatcher = createDispatcher(
  createHandlers({
    facts: {
      name: productName,
      version,
      dataDir,
      startedAt: new Date(),
    },
  }),
);
const server = await startWebServer({
  dispatcher,
  events,
  port,
  staticDir: path.join(import.meta.dirname, '..', 'web'),
});

if (values.json) {
  console.log(JSON.stringify({ event: 'ready', url: server.url, origin: server.origin, dataDir }));
} else {
  console.log(
    `Reservation Desk (web build) is running.\nOpen: ${server.url}\nData: ${dataDir}\nPress Ctrl+C to stop.`,
  );
}

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
