/**
 * The catalog service's sync threads: started once at the first sync, and when they cannot start,
 * the sync still runs (on the main thread) and the failure is reported, not shown as an error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogService } from '../../../main/catalog/catalog-service';
import { startWorkerSkuWriter, type SkuWriter } from '../../../main/catalog/index';
import { createEventHub } from '../../../main/ipc/event-hub';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import type { EventPayload } from '../../../preload/contract';
import { appOnlyToken, expectedSkuCount, openTestCatalog, sandboxClient, type TestCatalog } from './helpers';

const us = { profileId: 'demo', country: 'US', scope: 'AzurePlan' } as const;

let sandbox: RunningSandbox;
let token: string;
let catalog: TestCatalog | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({ catalog: 'small', lineItems: 100 });
  token = await appOnlyToken(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  catalog?.dispose();
  catalog = undefined;
});

function service(startWriter: () => Promise<SkuWriter>) {
  catalog = openTestCatalog();
  const events = createEventHub();
  const finished: Array<EventPayload<'catalog.syncFinished'>> = [];
  events.subscribe((event) => {
    if (event.event === 'catalog.syncFinished')
      finished.push(event.payload as EventPayload<'catalog.syncFinished'>);
  });
  const failures: unknown[] = [];
  let starts = 0;
  const svc = createCatalogService({
    store: catalog.store,
    events,
    clientFor: () => Promise.resolve(sandboxClient(sandbox.baseUrl, token)),
    startWriter: () => {
      starts += 1;
      return startWriter();
    },
    onWriterFailure: (error) => failures.push(error),
  });
  const syncToEnd = async () => {
    const { taskId } = await svc.sync(us);
    await expect.poll(() => finished.find((payload) => payload.taskId === taskId)).toBeDefined();
    return finished.find((payload) => payload.taskId === taskId)!;
  };
  return { svc, failures, starts: () => starts, syncToEnd };
}

describe('catalog service sync threads', () => {
  it('starts the threads once, at the first sync, and stops them on close', async () => {
    const t = service(() => startWorkerSkuWriter({ file: catalog!.db.name }));
    expect(t.starts()).toBe(0);
    expect((await t.syncToEnd()).outcome).toBe('completed');
    expect((await t.syncToEnd()).outcome).toBe('completed');
    expect(t.starts()).toBe(1);
    expect(t.failures).toEqual([]);
    expect(t.svc.status(us).skuCount).toBe(expectedSkuCount(sandbox, 'AzurePlan'));
    await t.svc.close();
  });

  it('syncs on the main thread when the threads cannot start, and reports why once', async () => {
    const t = service(() => Promise.reject(new Error('no worker threads here')));
    const first = await t.syncToEnd();
    expect(first.outcome).toBe('completed');
    expect(first.skuCount).toBe(expectedSkuCount(sandbox, 'AzurePlan'));
    expect((await t.syncToEnd()).outcome).toBe('completed');
    expect(t.starts()).toBe(1);
    expect(t.failures).toEqual([new Error('no worker threads here')]);
    await t.svc.close();
  });
});
