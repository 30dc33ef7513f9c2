/**
 * The catalog service's syncs as tasks (one per catalog, cancel keeps the previous catalog) and its
 * sync threads: started once at the first sync, and when they cannot start, the sync still runs (on
 * the main thread) and the failure is reported, not shown as an error.
 */
import { describe, expect, it } from 'vitest';
import { createCatalogService } from '../../../main/catalog/catalog-service';
import { startWorkerSkuWriter, type SkuWriter } from '../../../main/catalog/index';
import { createEventHub } from '../../../main/ipc/event-hub';
import { createTaskEngine } from '../../../main/tasks';
import type { EventPayload } from '../../../preload/contract';
import { expectedSkuCount, sandboxPerFile, type TestCatalog } from './helpers';

const us = { profileId: 'demo', country: 'US', scope: 'AzurePlan' } as const;

const world = sandboxPerFile();

function service(startWriter: (catalog: TestCatalog) => Promise<SkuWriter>) {
  const catalog = world.open();
  const events = createEventHub();
  const finished: Array<EventPayload<'task.finished'>> = [];
  events.subscribe((event) => {
    if (event.event === 'task.finished') finished.push(event.payload as EventPayload<'task.finished'>);
  });
  const failures: unknown[] = [];
  let starts = 0;
  const tasks = createTaskEngine({ events });
  const svc = createCatalogService({
    store: catalog.store,
    tasks,
    clientFor: () => Promise.resolve(world.client()),
    startWriter: () => {
      starts += 1;
      return startWriter(catalog);
    },
    onWriterFailure: (error) => failures.push(error),
  });
  const endOf = async (taskId: string) => {
    await expect
      .poll(() => finished.find((payload) => payload.taskId === taskId), { timeout: 30_000 })
      .toBeDefined();
    return finished.find((payload) => payload.taskId === taskId)!;
  };
  const syncToEnd = async () => endOf((await svc.sync(us)).taskId);
  return { svc, tasks, failures, starts: () => starts, syncToEnd, endOf };
}

describe('catalog syncs as tasks', () => {
  const onThisThread = () => Promise.reject(new Error('no threads in this test'));

  it('joins a second sync of the same catalog instead of starting another', async () => {
    const t = service(onThisThread);
    const [first, second] = await Promise.all([t.svc.sync(us), t.svc.sync(us)]);
    expect(second).toEqual({ taskId: first.taskId, joined: true });
    expect(first.joined).toBe(false);
    expect(t.svc.status(us).syncTaskId).toBe(first.taskId);
    const end = await t.endOf(first.taskId);
    expect(end).toMatchObject({ kind: 'catalog.sync', outcome: 'completed' });
    expect(end.message).toMatch(/^Catalog updated: [\d,]+ SKUs\.$/);
    expect(t.svc.status(us).syncTaskId).toBeNull();
    await t.svc.close();
  });

  it('opens from the cache at once and refreshes in the background only when it is too old', async () => {
    const t = service(onThisThread);
    const empty = await t.svc.open(us, 60);
    expect(empty).toMatchObject({ syncedAt: null, stale: true });
    expect(empty.syncTaskId).not.toBeNull();
    expect((await t.endOf(empty.syncTaskId!)).outcome).toBe('completed');
    const fresh = await t.svc.open(us, 60);
    expect(fresh).toMatchObject({ stale: false, syncTaskId: null });
    const tooOld = await t.svc.open(us, 0);
    expect(tooOld.skuCount).toBe(fresh.skuCount);
    expect(tooOld.syncTaskId).not.toBeNull();
    expect((await t.endOf(tooOld.syncTaskId!)).outcome).toBe('completed');
    await t.svc.close();
  });

  it('cancels through tasks.cancel, keeping the previous catalog', async () => {
    const t = service(onThisThread);
    expect((await t.syncToEnd()).outcome).toBe('completed');
    const skus = t.svc.status(us).skuCount;
    const { taskId } = await t.svc.sync(us);
    expect(t.tasks.cancel(taskId)).toBe(true);
    const end = await t.endOf(taskId);
    expect(end.outcome).toBe('cancelled');
    expect(end.message).toMatch(/previous catalog is still here/);
    expect(t.svc.status(us).skuCount).toBe(skus);
    expect(t.tasks.cancel(taskId)).toBe(false);
    await t.svc.close();
  });
});

describe('catalog service sync threads', () => {
  it('starts the threads once, at the first sync, and stops them on close', async () => {
    const t = service((catalog) => startWorkerSkuWriter({ file: catalog.db.name }));
    expect(t.starts()).toBe(0);
    expect((await t.syncToEnd()).outcome).toBe('completed');
    expect((await t.syncToEnd()).outcome).toBe('completed');
    expect(t.starts()).toBe(1);
    expect(t.failures).toEqual([]);
    expect(t.svc.status(us).skuCount).toBe(expectedSkuCount(world.sandbox(), 'AzurePlan'));
    await t.svc.close();
  });

  it('syncs on the main thread when the threads cannot start, and reports why once', async () => {
    const t = service(() => Promise.reject(new Error('no worker threads here')));
    const first = await t.syncToEnd();
    expect(first.outcome).toBe('completed');
    expect(first.summary?.skuCount).toBe(expectedSkuCount(world.sandbox(), 'AzurePlan'));
    expect((await t.syncToEnd()).outcome).toBe('completed');
    expect(t.starts()).toBe(1);
    expect(t.failures).toEqual([new Error('no worker threads here')]);
    await t.svc.close();
  });
});
