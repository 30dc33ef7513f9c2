/**
 * What the user feels through the bridge, measured in one run:
 * - search: p50 and p95 of 200 random filter + text queries over the full catalog, through the web
 *   build's WebSocket bridge, against the same queries dispatched in main (the ratio is the bridge's cost);
 * - cold open: from navigating to the Catalog screen (warm cache) to its first rows painted, against
 *   navigating to the About screen (the shell alone), in Debian's Chromium;
 * - first sync: from the start of the first sync of a fresh data folder (opening the Catalog screen
 *   starts it; its first progress event marks it) to its first rows painted
 *   (`first_sync_first_rows_ms`, median of 3 fresh folders), and the same from the navigation;
 * - typing: from the last keystroke of a search to the rows of that search painted
 *   (`keystroke_to_rows_p95_ms`, 20 searches typed at 80 ms a key).
 *
 * The app core runs in this process with secrets in memory (the bench is about speed, not the keychain);
 * the demo's Partner Center is a sandbox process with the full catalog.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from 'playwright-core';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { bundledSkuWorkerUrls } from '../../main/catalog/sku-writer';
import { databaseFileName } from '../../main/database/index';
import type { CallContext } from '../../main/ipc/dispatcher';
import { createAppCore } from '../../main/services';
import { createMemorySecretStore } from '../../main/vault/memory-secret-store';
import { startWebServer } from '../../main/web/web-server';
import { WS_PATH, WS_PROTOCOL_PREFIX } from '../../preload/channels';
import type { Benchmark, Figure } from './run';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

const root = path.resolve(import.meta.dirname, '../..');
const QUERIES = 200;
/** Searches typed in the browser, as people type them. */
const TYPED = [
  'd4s v5',
  'e8s',
  'east us',
  'sql',
  'cosmos',
  'f16',
  'nc24',
  'storage',
  'app service',
  'd2',
  'west europe',
  'b2ms',
  'm64',
  'l8s',
  'redis',
  'e4 v5',
  'd8as',
  'premium',
  'hana',
  'nv',
];
const KEY_DELAY_MS = 80;
const FIRST_SYNC_ROUNDS = 3;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A small seeded generator, so every run asks the same 200 questions. */
function queries(regions: string[]): unknown[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const words = ['d4', 'e8s', 'v5', 'sql', 'cosmos', 'east', 'west', 'f16', 'nc', 'storage', 'app'];
  return Array.from({ length: QUERIES }, () => {
    const query: Record<string, unknown> = { limit: 200 };
    if (next() < 0.6) query.text = words[Math.floor(next() * words.length)];
    if (next() < 0.5) query.regions = [regions[Math.floor(next() * regions.length)]];
    if (next() < 0.4) query.cores = { min: [2, 4, 8][Math.floor(next() * 3)] };
    if (next() < 0.3) query.terms = [next() < 0.5 ? 'P1Y' : 'P3Y'];
    if (next() < 0.3) query.sort = { by: next() < 0.5 ? 'cores' : 'region', direction: 'desc' };
    return query;
  });
}

async function startSandbox(): Promise<{ readyLine: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/sandbox/cli.ts', '--port', '0', '--catalog', 'full', '--auto-approve'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout }).once('line', resolve),
  );
  return { readyLine: line, stop: () => child.kill('SIGTERM') };
}

/**
 * Waits until the writer thread has built the new catalog's facets and merged its full-text index
 * (it does so just after a sync), so the figures are those of the catalog as people search it, not of
 * the second after a sync.
 */
async function tidiedUp(file: string): Promise<void> {
  const db = new Database(file, { readonly: true });
  try {
    const live = db.prepare(
      'SELECT g.maintained FROM catalog_scopes c JOIN catalog_generations g ON g.id = c.live_generation_id',
    );
    const deadline = performance.now() + 60_000;
    while ((live.get() as { maintained: number } | undefined)?.maintained !== 1) {
      if (performance.now() > deadline) throw new Error('the synced catalog was never tidied up');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    db.close();
  }
}

/** The app core over a data folder, with the demo profile signed in to the bench's sandbox. */
async function demoCore(dataDir: string) {
  // The web build's own SKU and search threads when it is built (as `npm run web` runs them), not tsx's.
  const built = path.join(root, 'out/main/web.js');
  const core = createAppCore({
    facts: { name: 'Reservation Desk', version: 'bench', dataDir, startedAt: new Date() },
    secrets: createMemorySecretStore(),
    ...(existsSync(path.join(root, 'out/main/sku-reader-worker.js'))
      ? { skuWorkerUrls: bundledSkuWorkerUrls(pathToFileURL(built)) }
      : {}),
  });
  const context: CallContext = { transport: 'websocket', events: core.events };
  const call = async (channel: string, input?: unknown) => {
    const result = await core.dispatcher.dispatch(channel, input, context);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  await call('profiles.demo');
  await call('profiles.activate', { profileId: 'demo' });
  await call('auth.signIn', { profileId: 'demo' });
  return { core, call };
}

/** The count line the Catalog screen shows for a number of matches. */
function countLine(total: number): string {
  return `${total.toLocaleString('en-US')} SKU${total === 1 ? '' : 's'}`;
}

/**
 * From the navigation to the Catalog screen of a data folder with no catalog (opening it starts
 * the first sync) to its first rows painted.
 */
async function firstSyncFirstRows(
  browser: Browser,
  staticDir: string,
): Promise<{ fromSyncStart: number; fromNavigation: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-bench-first-sync-'));
  const { core } = await demoCore(dataDir);
  const server = await startWebServer({ dispatcher: core.dispatcher, events: core.events, staticDir });
  let syncStarted: number | undefined;
  const finished = new Promise<void>((resolve) =>
    core.events.subscribe((event) => {
      if (event.event === 'task.progress') syncStarted ??= performance.now();
      if (event.event === 'task.finished') resolve();
    }),
  );
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByTestId('app-ready').waitFor();
    const navigated = performance.now();
    await page.goto(`${server.origin}/?open=${Date.now()}#/catalog`);
    await page.getByTestId('catalog-row').first().waitFor({ timeout: 60_000 });
    const painted = performance.now();
    await page.close();
    await finished;
    return { fromSyncStart: painted - (syncStarted ?? navigated), fromNavigation: painted - navigated };
  } finally {
    await server.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Types each search into the Catalog screen's search box at `KEY_DELAY_MS` a key, and times, in the
 * page, the last keystroke to the count of that search's own answer painted. Searches whose last
 * keystroke does not change the count are left out: their rows cannot be told apart on screen.
 */
async function keystrokeToRows(
  browser: Browser,
  url: string,
  origin: string,
  countOf: (text: string) => Promise<number>,
): Promise<number[]> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.getByTestId('app-ready').waitFor();
    await page.goto(`${origin}/?open=${Date.now()}#/catalog`);
    await page.getByTestId('catalog-row').first().waitFor();
    const search = page.getByTestId('catalog-search');
    const count = page.getByTestId('catalog-count');
    const everything = (await count.textContent()) ?? '';
    const times: number[] = [];
    for (const text of TYPED) {
      const expected = countLine(await countOf(text));
      if (expected === countLine(await countOf(text.slice(0, -1)))) continue;
      await search.fill('');
      await page.waitForFunction(
        (line) => document.querySelector('[data-testid="catalog-count"]')?.textContent === line,
        everything,
      );
      await search.click();
      await page.keyboard.type(text.slice(0, -1), { delay: KEY_DELAY_MS });
      await page.evaluate(() => {
        const w = window as unknown as { lastKeyAt?: number };
        delete w.lastKeyAt;
        document.addEventListener('keydown', () => (w.lastKeyAt = performance.now()), {
          capture: true,
          once: true,
        });
      });
      await new Promise((resolve) => setTimeout(resolve, KEY_DELAY_MS));
      await page.keyboard.press(text.slice(-1));
      const handle = await page.waitForFunction(
        (line) => {
          const w = window as unknown as { lastKeyAt?: number };
          const shown = document.querySelector('[data-testid="catalog-count"]')?.textContent;
          const row = document.querySelector('[data-testid="catalog-row"]');
          return shown === line && row !== null && w.lastKeyAt !== undefined
            ? performance.now() - w.lastKeyAt
            : false;
        },
        expected,
        { polling: 'raf' },
      );
      times.push((await handle.jsonValue()) as number);
    }
    return times;
  } finally {
    await page.close();
  }
}

const bench: Benchmark = {
  title: 'Bridge: catalog search through the WebSocket bridge, and cold open of the Catalog screen',
  async run() {
    const sandbox = await startSandbox();
    process.env.RESERVATION_DESK_DEMO_SANDBOX = sandbox.readyLine;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-bench-bridge-'));
    // The app's own threads (SKU writer, search) when it is built, as `npm run web` runs them.
    const { core, call } = await demoCore(dataDir);
    const staticDir = path.join(root, 'out/web');
    const server = await startWebServer({ dispatcher: core.dispatcher, events: core.events, staticDir });
    try {
      const key = { profileId: 'demo', country: 'US', scope: 'AzurePlan' };
      const finished = new Promise<void>((resolve) =>
        core.events.subscribe((event) => {
          if (event.event === 'task.finished') resolve();
        }),
      );
      await call('catalog.sync', key);
      await finished;
      await tidiedUp(path.join(dataDir, databaseFileName));
      const facets = (await call('catalog.search', { catalog: key, includeFacets: true })).facets as {
        regions: Array<{ value: string }>;
      };
      const asked = queries(facets.regions.map((r) => r.value)).map((q) => ({
        ...(q as object),
        catalog: key,
      }));

      // In main: the dispatcher alone.
      const inMain: number[] = [];
      for (const input of asked) {
        const started = performance.now();
        await call('catalog.search', input);
        inMain.push(performance.now() - started);
      }

      // Through the bridge: a real WebSocket client, as the web build's page is.
      const ws = new WebSocket(
        server.origin.replace('http', 'ws') + WS_PATH,
        [WS_PROTOCOL_PREFIX + server.token],
        {
          headers: { origin: server.origin },
        },
      );
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const throughBridge: number[] = [];
      let id = 0;
      for (const input of asked) {
        const started = performance.now();
        await new Promise<void>((resolve) => {
          const mine = ++id;
          const onMessage = (data: WebSocket.RawData) => {
            const frame = JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as {
              kind: string;
              id?: number;
            };
            if (frame.kind === 'result' && frame.id === mine) {
              ws.off('message', onMessage);
              resolve();
            }
          };
          ws.on('message', onMessage);
          ws.send(JSON.stringify({ id: mine, channel: 'catalog.search', input }));
        });
        throughBridge.push(performance.now() - started);
      }
      ws.close();

      const figures: Figure[] = [
        { name: 'search in main p50', value: percentile(inMain, 50), unit: 'ms' },
        {
          name: 'search in main p95',
          value: percentile(inMain, 95),
          unit: 'ms',
          goal: '≤ 30',
          met: percentile(inMain, 95) <= 30,
        },
        { name: 'search via bridge p50', value: percentile(throughBridge, 50), unit: 'ms' },
        {
          name: 'search via bridge p95',
          value: percentile(throughBridge, 95),
          unit: 'ms',
          goal: '≤ 60',
          met: percentile(throughBridge, 95) <= 60,
        },
        {
          name: 'bridge cost (p50 bridge / p50 main)',
          value: percentile(throughBridge, 50) / percentile(inMain, 50),
          unit: '×',
        },
      ];

      if (existsSync(path.join(staticDir, 'index.html')) && existsSync(CHROMIUM_PATH)) {
        const browser = await chromium.launch({
          executablePath: CHROMIUM_PATH,
          args: ['--headless', ...CHROMIUM_ARGS],
        });
        try {
          const timeTo = async (hash: string, testId: string) => {
            const page = await browser.newPage();
            await page.goto(server.url); // hands the token to the page
            await page.getByTestId('app-ready').waitFor();
            const started = performance.now();
            await page.goto(`${server.origin}/?open=${Date.now()}${hash}`);
            await page.getByTestId(testId).first().waitFor();
            const elapsed = performance.now() - started;
            await page.close();
            return elapsed;
          };
          const shell: number[] = [];
          const catalogOpen: number[] = [];
          for (let round = 0; round < 5; round++) {
            shell.push(await timeTo('#/about', 'about-version'));
            catalogOpen.push(await timeTo('#/catalog', 'catalog-row'));
          }
          const open = percentile(catalogOpen, 50);
          figures.push(
            { name: 'cold open to first catalog rows (median of 5)', value: open, unit: 'ms' },
            { name: 'cold open to About facts (median of 5)', value: percentile(shell, 50), unit: 'ms' },
            { name: 'catalog open / shell open', value: open / percentile(shell, 50), unit: '×' },
          );

          const typed = await keystrokeToRows(browser, server.url, server.origin, async (text) => {
            const result = await call('catalog.search', { catalog: key, text, limit: 1 });
            return result.total as number;
          });
          const typedP95 = percentile(typed, 95);
          figures.push(
            {
              name: 'keystroke_to_rows_p50_ms',
              value: percentile(typed, 50),
              unit: 'ms',
            },
            {
              name: 'keystroke_to_rows_p95_ms',
              value: typedP95,
              unit: 'ms',
              goal: '≤ 100',
              met: typedP95 <= 100,
            },
          );

          const firstRows: Array<{ fromSyncStart: number; fromNavigation: number }> = [];
          for (let round = 0; round < FIRST_SYNC_ROUNDS; round++) {
            firstRows.push(await firstSyncFirstRows(browser, staticDir));
          }
          const firstRowsMs = percentile(
            firstRows.map((r) => r.fromSyncStart),
            50,
          );
          figures.push(
            {
              name: 'first_sync_first_rows_ms',
              value: firstRowsMs,
              unit: 'ms',
              goal: '≤ 1000',
              met: firstRowsMs <= 1000,
            },
            {
              name: 'first_sync_first_rows_from_navigation_ms',
              value: percentile(
                firstRows.map((r) => r.fromNavigation),
                50,
              ),
              unit: 'ms',
            },
          );
        } finally {
          await browser.close();
        }
      } else {
        figures.push({
          name: 'cold open skipped (run `npm run build`; needs Chromium)',
          value: 0,
          unit: '',
        });
      }
      return figures;
    } finally {
      await server.close();
      await core.close();
      sandbox.stop();
    }
  },
};

export default bench;
