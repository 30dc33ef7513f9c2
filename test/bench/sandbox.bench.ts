/**
 * The sandbox's own speed, so client benchmarks can trust it is not their bottleneck: requests per
 * second for a catalog SKU page with N concurrent keep-alive clients, against a bare `node:http`
 * server returning a static JSON body of the same size in the same run (→ ratio), and the time to
 * generate the full catalog and world.
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { generateCatalog } from '../../main/sandbox/data/catalog';
import { generateWorld } from '../../main/sandbox/data';
import { startSandbox } from '../../main/sandbox/index';
import { atLeast, atMost } from './figures';
import type { Benchmark, Figure } from './run';

const CONCURRENCY = 16;
const WARMUP_MS = 300;
const ROUNDS = 3;
const ROUND_MS = 1_000;

/** GETs `url` from `CONCURRENCY` keep-alive loops for `durationMs`; returns the request count. */
async function load(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  durationMs: number,
): Promise<number> {
  const target = new URL(url);
  const once = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, headers, agent },
        (res) => {
          if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode ?? '?'} from ${url}`));
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end();
    });
  let count = 0;
  const until = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await once();
        count++;
      }
    }),
  );
  return count;
}

/**
 * Requests per second of `ours` and of `baseline`, measured in alternating rounds so that noise from
 * other work on a shared machine hits both alike.
 */
async function compare(
  ours: string,
  baseline: string,
  headers: Record<string, string>,
): Promise<{ ours: number; baseline: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });
  await load(agent, ours, headers, WARMUP_MS);
  await load(agent, baseline, headers, WARMUP_MS);
  let oursCount = 0;
  let baselineCount = 0;
  for (let round = 0; round < ROUNDS; round++) {
    oursCount += await load(agent, ours, headers, ROUND_MS);
    baselineCount += await load(agent, baseline, headers, ROUND_MS);
  }
  agent.destroy();
  const seconds = (ROUNDS * ROUND_MS) / 1000;
  return { ours: oursCount / seconds, baseline: baselineCount / seconds };
}

function staticServer(body: Buffer): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function addressOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const benchmark: Benchmark = {
  title: 'Partner Center sandbox: loopback throughput vs a bare node:http server, and data generation time',
  async run(): Promise<ReadonlyArray<Figure>> {
    const catalogStarted = performance.now();
    const catalog = generateCatalog(1, 'full');
    const catalogMs = performance.now() - catalogStarted;
    const worldStarted = performance.now();
    generateWorld({ seed: 1, catalog: 'full', lineItems: 5_000, now: new Date() });
    const worldMs = performance.now() - worldStarted;

    const sandbox = await startSandbox({ catalog: 'full', seed: 1 });
    let pageServer: Server | undefined;
    let skuServer: Server | undefined;
    try {
      const token = await sandbox.issueToken();
      const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
      // A typical VM product's SKU page (what a catalog sync fetches most), and one small SKU.
      const product = sandbox.world.catalog.products.find((p) => p.reservationType === 'virtualmachines')!;
      const skuId = sandbox.world.catalog.skusByProduct.get(product.id)![0]!.id;
      const pageUrl = `${sandbox.baseUrl}/v1/products/${product.id}/skus?country=US&reservationScope=AzurePlan`;
      const skuUrl = `${sandbox.baseUrl}/v1/products/${product.id}/skus/${skuId}?country=US&reservationScope=AzurePlan`;
      const pageBody = Buffer.from(await (await fetch(pageUrl, { headers })).arrayBuffer());
      const skuBody = Buffer.from(await (await fetch(skuUrl, { headers })).arrayBuffer());
      pageServer = await staticServer(pageBody);
      skuServer = await staticServer(skuBody);
      const page = await compare(pageUrl, addressOf(pageServer), headers);
      const sku = await compare(skuUrl, addressOf(skuServer), headers);
      const pageRatio = page.ours / page.baseline;
      const skuRatio = sku.ours / sku.baseline;
      return [
        atMost('full catalog generation', catalogMs, 'ms', 5000),
        atLeast('full catalog SKUs', catalog.skuCount, 'SKUs', 30_000),
        { name: 'full world generation', value: worldMs, unit: 'ms' },
        {
          name: `SKU page (${(pageBody.length / 1024).toFixed(0)} KiB), sandbox`,
          value: page.ours,
          unit: 'req/s',
        },
        { name: 'SKU page, bare node:http', value: page.baseline, unit: 'req/s' },
        atLeast('SKU page, sandbox / bare', pageRatio, '×', 0.5),
        { name: `one SKU (${skuBody.length} B), sandbox`, value: sku.ours, unit: 'req/s' },
        { name: 'one SKU, bare node:http', value: sku.baseline, unit: 'req/s' },
        atLeast('one SKU, sandbox / bare', skuRatio, '×', 0.5),
      ];
    } finally {
      await sandbox.close();
      await Promise.all([pageServer, skuServer].map(closeServer));
    }
  },
};

export default benchmark;
