/**
 * A catalog sync on a full disk, with real SQLite: `max_page_count` caps the database at its current
 * size, so the next SKU page fails with SQLite's own SQLITE_FULL, exactly as on a full disk. The
 * sync fails with words that name the data folder, the catalog in place stays whole, and the
 * summary reports that catalog, not the failed run's partial count.
 */
import { describe, expect, it, vi } from 'vitest';
import { createCatalogService, syncSummary } from '../../../main/catalog/catalog-service';
import { createTaskEngine } from '../../../main/tasks';
import { explainError } from '../../../main/failures';
import { createEventHub } from '../../../main/ipc/event-hub';
import { sandboxClient, sandboxPerFile, type TestCatalog } from './helpers';

const us = { profileId: 'demo', country: 'US', scope: 'AzurePlan' } as const;
const world = sandboxPerFile();
const client = () => sandboxClient(world.sandbox().baseUrl, world.token());

/** No page beyond what the database has now: the next write that needs one fails with SQLITE_FULL. */
function fillDisk(t: TestCatalog): void {
  const pages = t.db.pragma('page_count', { simple: true }) as number;
  t.db.pragma(`max_page_count = ${pages}`);
}

describe('a catalog sync on a full disk', () => {
  it('fails naming the data folder, keeps the catalog in place and says so', async () => {
    const t = world.open();
    const first = await t.engine.sync({ catalog: us, client: client() });
    expect(first.outcome).toBe('completed');

    fillDisk(t);
    const result = await t.engine.sync({ catalog: us, client: client() });
    expect(result.outcome).toBe('failed');
    expect(result.error?.kind).toBe('disk-full');
    expect(result.reason).toBe(
      `The disk is full, so Reservation Desk could not save to its data folder (${t.dir}). Free some space on that disk, then try again.`,
    );
    expect(t.store.liveGenerationId(us)).toBe(first.generationId);

    const summary = syncSummary(result, t.store.freshness(us));
    expect(summary.skuCount).toBe(first.skuCount);
    expect(summary.message).toBe(
      `${result.reason} The previous catalog (${first.skuCount.toLocaleString('en-US')} SKUs) is still here.`,
    );
  });

  it('reports a sync that cannot even start its staging as failed, instead of rejecting', async () => {
    const t = world.open();
    // The first write of a sync: where the disk runs out matters not, the report must come.
    vi.spyOn(t.store, 'beginStaging').mockImplementation(() => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    });
    const result = await t.engine.sync({ catalog: us, client: client() });
    expect(result.outcome).toBe('failed');
    expect(result.error?.kind).toBe('disk-full');
    expect(syncSummary(result, t.store.freshness(us))).toEqual({
      outcome: 'failed',
      message: `${result.reason} No catalog is saved for this market yet.`,
      skuCount: 0,
    });
  });

  it("tells the screen through the task's finish, and the catalog in place keeps its count", async () => {
    const t = world.open();
    const events = createEventHub();
    const tasks = createTaskEngine({ events, explain: (error) => explainError(error, t.dir) });
    const svc = createCatalogService({ store: t.store, tasks, clientFor: () => Promise.resolve(client()) });
    const syncToEnd = async () => {
      const finished = tasks.whenFinished((await svc.sync(us)).taskId);
      if (!finished) throw new Error('the sync did not start');
      return finished;
    };
    const first = await syncToEnd();
    expect(first.outcome).toBe('completed');
    const inPlace = svc.status(us).skuCount;
    expect(inPlace).toBe(first.summary?.skuCount);

    fillDisk(t);
    const failed = await syncToEnd();
    expect(failed.outcome).toBe('failed');
    expect(failed.error?.code).toBe('DISK_FULL');
    expect(failed.message).toContain(`its data folder (${t.dir})`);
    expect(failed.message).toContain('is still here.');
    // The status the screen reads shows the same words, not a log line.
    expect(svc.status(us).lastError).toContain(`its data folder (${t.dir})`);
    expect(svc.status(us).skuCount).toBe(inPlace);
    await svc.close();
  });

  it('crosses the bridge as DISK_FULL, from SQLite or from a file write', () => {
    const sqliteFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      errno: -28,
    });
    for (const error of [sqliteFull, enospc, new Error('wrapped', { cause: enospc })]) {
      const failure = explainError(error, '/home/ana/.config/Reservation Desk')!;
      expect(failure.code).toBe('DISK_FULL');
      expect(failure.message).toContain('its data folder (/home/ana/.config/Reservation Desk)');
      expect(failure.message).not.toContain('ENOSPC');
    }
  });
});
