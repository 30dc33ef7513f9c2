/**
 * `npm run web`: the whole app without Electron. Main's handlers serve the built renderer over a
 * loopback WebSocket; open the printed address in a browser.
 *
 *   node out/main/web.js [--port N] [--data-dir DIR] [--json] [--keychain-service NAME]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { productName, version } from '../../package.json';
import { bundledSkuWorkerUrls } from '../catalog/sku-writer';
import { createAppCore } from '../services';
import { defaultDataDir } from '../system/data-dir';
import { startOrExitOnDiskFull } from '../system/disk-full';
import { createKeyringSecretStore, DEVELOPMENT_SERVICE_NAME } from '../vault';
import { startWebServer } from './web-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    json: { type: 'boolean', default: false },
    'keychain-service': { type: 'string', default: DEVELOPMENT_SERVICE_NAME },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535 (0 picks a free port); got "${values.port}".`);
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir(productName));

const started = await startOrExitOnDiskFull(dataDir, async () => {
  mkdirSync(dataDir, { recursive: true });
  const core = createAppCore({
    facts: { name: productName, version, dataDir, startedAt: new Date() },
    secrets: createKeyringSecretStore({ service: values['keychain-service'] }),
    // No openBrowser: the page is already in a browser, and App+User sign-in falls back to a device code.
    skuWorkerUrls: bundledSkuWorkerUrls(import.meta.url),
  });
  const server = await startWebServer({
    dispatcher: core.dispatcher,
    events: core.events,
    port,
    staticDir: path.join(import.meta.dirname, '..', 'web'),
  });
  return { core, server };
});
if (started === undefined) process.exit(1);
const { core, server } = started;

if (values.json) {
  console.log(JSON.stringify({ event: 'ready', url: server.url, origin: server.origin, dataDir }));
} else {
  console.log(
    `Reservation Desk (web build) is running.\nOpen: ${server.url}\nData: ${dataDir}\nPress Ctrl+C to stop.`,
  );
}

const stop = () => void Promise.all([server.close(), core.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
