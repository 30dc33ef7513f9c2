/**
 * The search thread answers as the main thread does (rows, totals, facets under other filters), and
 * the catalog service sends searches with facet counts to it, falling back to its own thread when
 * the search thread is not there or fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogService } from '../../../main/catalog/catalog-service';
import type { CatalogKey } from '../../../main/catalog/index';
import { startCatalogSearchThread, type CatalogSearchThread } from '../../../main/catalog/search-thread';
import { createEventHub } from '../../../main/ipc/event-hub';
import { createTaskEngine } from '../../../main/tasks';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { CatalogSearchInput } from '../../../preload/contract';
import { appOnlyToken, openTestCatalog, sandboxClient, type TestCatalog } from './helpers';

const us: CatalogKey = { profileId: 'demo', country: 'US', scope: 'AzurePlan' };
let sandbox: RunningSandbox;
let t: TestCatalog;
let thread: CatalogSearchThread;
let generationId: number;

beforeAll(async () => {
  sandbox = await startSandbox({ catalog: 'small', lineItems: 100 });
  t = openTestCatalog();
  const result = await t.engine.sync({
    catalog: us,
    client: sandboxClient(sandbox.baseUrl, await appOnlyToken(sandbox)),
  });
  expect(result.outcome).toBe('completed');
  generationId = t.store.liveGenerationId(us)!;
  thread = await startCatalogSearchThread({ file: t.db.name });
});
afterAll(async () => {
  await thread.close();
  t.dispose();
  await sandbox.close();
});

const queries: ReadonlyArray<Partial<CatalogSearchInput>> = [
  {},
  { includeFacets: true },
  { text: 'd', includeFacets: true },
  { text: 'standard', terms: ['P1Y'], includeFacets: true, limit: 7, offset: 3 },
  { regions: ['eastus'], cores: { min: 4 }, includeFacets: true, sort: { by: 'cores', direction: 'desc' } },
  { text: '😀', includeFacets: true },
];

describe('catalog search thread', () => {
  it.each(queries)('finds what the main thread finds: %o', async (input) => {
    const query = CatalogSearchInput.parse({ catalog: us, ...input });
    const here = t.search.searchGeneration(generationId, query);
    expect(here.total).toBeGreaterThanOrEqual(0);
    expect(await thread.searchGeneration(generationId, query)).toEqual(here);
  });

  it('counts facets under the other active filters, as on the main thread', async () => {
    const query = CatalogSearchInput.parse({ catalog: us, regions: ['eastus'], includeFacets: true });
    const found = await thread.searchGeneration(generationId, query);
    const everything = t.search.searchGeneration(
      generationId,
      CatalogSearchInput.parse({ catalog: us, includeFacets: true }),
    );
    // Choosing a region narrows the terms' counts, while the regions still count the whole catalog.
    expect(found.facets?.regions).toEqual(everything.facets?.regions);
    const terms = (facets: typeof found.facets) => facets!.terms.reduce((sum, term) => sum + term.count, 0);
    expect(terms(found.facets)).toBe(found.total);
    expect(terms(found.facets)).toBeLessThan(terms(everything.facets));
  });
});

describe('catalog service with a search thread', () => {
  function service(startSearchThread: () => Promise<CatalogSearchThread>) {
    const failures: unknown[] = [];
    const svc = createCatalogService({
      store: t.store,
      tasks: createTaskEngine({ events: createEventHub() }),
      clientFor: () => Promise.reject(new Error('no Partner Center in this test')),
      startSearchThread,
      onSearchThreadFailure: (error) => failures.push(error),
    });
    return { svc, failures };
  }
  const withFacets = CatalogSearchInput.parse({ catalog: us, text: 'standard', includeFacets: true });

  it('sends searches with facet counts to the thread once it is ready, and the rest not', async () => {
    const asked: Array<boolean | undefined> = [];
    const counting: CatalogSearchThread = {
      searchGeneration: (generation, query) => {
        asked.push(query.includeFacets);
        return thread.searchGeneration(generation, query);
      },
      close: () => Promise.resolve(),
    };
    const { svc, failures } = service(() => Promise.resolve(counting));
    const expected = t.search.search(withFacets);
    // The first one starts the thread and does not wait for it.
    expect((await svc.search(withFacets)).total).toBe(expected.total);
    await expect.poll(async () => (await svc.search(withFacets), asked.length)).toBeGreaterThan(0);
    const found = await svc.search(withFacets);
    expect(found.facets).toEqual(expected.facets);
    expect(found.rows.map((row) => row.skuId)).toEqual(expected.rows.map((row) => row.skuId));
    await svc.search(CatalogSearchInput.parse({ catalog: us, text: 'standard' }));
    expect(asked.every((includeFacets) => includeFacets === true)).toBe(true);
    expect(failures).toEqual([]);
    await svc.close();
  });

  it('answers on its own thread when the search thread fails, and says so once', async () => {
    let closed = 0;
    const failing: CatalogSearchThread = {
      searchGeneration: () => Promise.reject(new Error('the thread is gone')),
      close: () => Promise.resolve(void (closed += 1)),
    };
    const { svc, failures } = service(() => Promise.resolve(failing));
    const expected = t.search.search(withFacets);
    // The first search starts the thread; it is ready by the next turn.
    await svc.search(withFacets);
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = 0; i < 3; i++) expect((await svc.search(withFacets)).facets).toEqual(expected.facets);
    expect(failures).toHaveLength(1);
    expect(closed).toBe(1);
  });

  it('does not report a search the app’s own shutdown cut short as a thread failure', async () => {
    let release: (error: Error) => void = () => undefined;
    const closingUnder: CatalogSearchThread = {
      searchGeneration: () => new Promise((_resolve, reject) => (release = reject)),
      close: () => Promise.resolve(release(new Error('the catalog search thread is closed'))),
    };
    const { svc, failures } = service(() => Promise.resolve(closingUnder));
    await svc.search(withFacets);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const cutShort = svc.search(withFacets);
    await svc.close();
    await expect(cutShort).rejects.toThrow('closed');
    expect(failures).toEqual([]);
  });

  it('answers on its own thread when the search thread cannot start', async () => {
    const { svc, failures } = service(() => Promise.reject(new Error('no threads here')));
    const expected = t.search.search(withFacets);
    expect((await svc.search(withFacets)).facets).toEqual(expected.facets);
    await expect.poll(() => failures.length).toBe(1);
    expect((await svc.search(withFacets)).facets).toEqual(expected.facets);
  });
});
