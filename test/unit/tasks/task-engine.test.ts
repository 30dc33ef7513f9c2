/**
 * The task engine: one task per key, cancel through the AbortSignal, exactly one outcome per task,
 * and progress that reaches the renderer at most once per interval, the last update always included.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventHub, type DeskEvent } from '../../../main/ipc/event-hub';
import { DeskFailure } from '../../../main/ipc/failure';
import { createTaskEngine, type TaskContext, type TaskEngineOptions } from '../../../main/tasks';
import { ProgressThrottle } from '../../../main/tasks/progress-throttle';
import type { TaskFinished, TaskProgress } from '../../../preload/contract';

/** A task that runs until the test settles it. */
function controllable() {
  let context: TaskContext | undefined;
  let settle: { resolve: (value: Record<string, number>) => void; reject: (error: unknown) => void };
  const run = (ctx: TaskContext) =>
    new Promise<Record<string, number>>((resolve, reject) => {
      context = ctx;
      settle = { resolve, reject };
      ctx.signal.addEventListener('abort', () => reject(new Error('stopped')));
    });
  return {
    run,
    context: () => context!,
    started: () => vi.waitFor(() => expect(context).toBeDefined()),
    resolve: (value: Record<string, number>) => settle.resolve(value),
    reject: (error: unknown) => settle.reject(error),
  };
}

function engine(options: Partial<TaskEngineOptions> = {}) {
  const events = createEventHub();
  const seen: DeskEvent[] = [];
  events.subscribe((event) => seen.push(event));
  const tasks = createTaskEngine({ events, ...options });
  return {
    tasks,
    progress: () => seen.filter((e) => e.event === 'task.progress').map((e) => e.payload as TaskProgress),
    finished: () => seen.filter((e) => e.event === 'task.finished').map((e) => e.payload as TaskFinished),
    end: async (taskId: string) => {
      const end = await tasks.whenFinished(taskId);
      if (!end) throw new Error(`task ${taskId} is not running`);
      return end;
    },
  };
}

const spec = { kind: 'catalog.sync', key: 'us', label: 'Catalog for United States' } as const;

afterEach(() => {
  vi.useRealTimers();
});

describe('task engine', () => {
  it('joins a second start with the same key, and starts another for a different key', async () => {
    const t = engine();
    const job = controllable();
    const first = t.tasks.start({ ...spec, run: job.run });
    expect(first.joined).toBe(false);
    expect(t.tasks.start({ ...spec, run: () => Promise.resolve({ other: 1 }) })).toEqual({
      taskId: first.taskId,
      joined: true,
    });
    const other = t.tasks.start({ ...spec, key: 'de', run: () => Promise.resolve() });
    expect(other.joined).toBe(false);
    expect(other.taskId).not.toBe(first.taskId);
    expect(t.tasks.find('catalog.sync', 'us')).toBe(first.taskId);

    await job.started();
    job.resolve({ skuCount: 3 });
    expect(await t.end(first.taskId)).toMatchObject({ outcome: 'completed', summary: { skuCount: 3 } });
    // Once it has ended, the same key starts a new task.
    expect(t.tasks.find('catalog.sync', 'us')).toBeUndefined();
    expect(t.tasks.start({ ...spec, run: () => Promise.resolve() }).joined).toBe(false);
  });

  it('completes with the summary and the message the capability words', async () => {
    const t = engine();
    const { taskId } = t.tasks.start({
      ...spec,
      run: () => Promise.resolve({ skuCount: 1234 }),
      message: (end) => `Catalog updated: ${String(end.summary?.skuCount)} SKUs.`,
    });
    await t.end(taskId);
    expect(t.finished()).toEqual([
      {
        taskId,
        kind: 'catalog.sync',
        key: 'us',
        outcome: 'completed',
        message: 'Catalog updated: 1234 SKUs.',
        summary: { skuCount: 1234 },
      },
    ]);
  });

  it('cancels through the AbortSignal, once, and says so', async () => {
    const t = engine();
    const job = controllable();
    const { taskId } = t.tasks.start({ ...spec, run: job.run });
    await job.started();
    expect(t.tasks.cancel(taskId)).toBe(true);
    expect(job.context().signal.aborted).toBe(true);
    expect(await t.end(taskId)).toMatchObject({ outcome: 'cancelled', message: 'Cancelled.' });
    expect(t.finished()).toHaveLength(1);
    expect(t.finished()[0]!.error).toBeUndefined();
    expect(t.tasks.cancel(taskId)).toBe(false);
  });

  it('is cancelled, not failed, when a run that was aborted still throws something else', async () => {
    const t = engine();
    let started = false;
    const { taskId } = t.tasks.start({
      ...spec,
      run: async ({ signal }) => {
        started = true;
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        throw new Error('socket closed');
      },
    });
    await vi.waitFor(() => expect(started).toBe(true));
    t.tasks.cancel(taskId);
    expect((await t.end(taskId)).outcome).toBe('cancelled');
  });

  it('does not run a task cancelled before it started', async () => {
    const t = engine();
    let ran = false;
    const { taskId } = t.tasks.start({
      ...spec,
      run: () => {
        ran = true;
        return Promise.resolve();
      },
    });
    t.tasks.cancel(taskId);
    expect((await t.end(taskId)).outcome).toBe('cancelled');
    expect(ran).toBe(false);
  });

  it('fails with the DeskError a capability threw', async () => {
    const t = engine();
    const { taskId } = t.tasks.start({
      ...spec,
      run: () => Promise.reject(new DeskFailure('PARTNER_CENTER', 'Partner Center said no. Try later.')),
    });
    expect(await t.end(taskId)).toMatchObject({
      outcome: 'failed',
      message: 'Partner Center said no. Try later.',
      error: { code: 'PARTNER_CENTER', message: 'Partner Center said no. Try later.' },
    });
  });

  it('is offline when the explained error says Partner Center cannot be reached', async () => {
    class NoNetwork extends Error {}
    const t = engine({
      explain: (error) =>
        error instanceof NoNetwork
          ? new DeskFailure('OFFLINE', 'Partner Center cannot be reached.')
          : undefined,
    });
    const { taskId } = t.tasks.start({ ...spec, run: () => Promise.reject(new NoNetwork('ECONNREFUSED')) });
    expect(await t.end(taskId)).toMatchObject({ outcome: 'offline', error: { code: 'OFFLINE' } });
  });

  it('fails with a calm message, and tells the developer, for an error nobody explained', async () => {
    const unexpected: unknown[] = [];
    const t = engine({ onUnexpected: (_what, error) => unexpected.push(error) });
    const bug = new TypeError('cannot read properties of undefined');
    const { taskId } = t.tasks.start({ ...spec, run: () => Promise.reject(bug) });
    const end = await t.end(taskId);
    expect(end).toMatchObject({ outcome: 'failed', error: { code: 'INTERNAL' } });
    expect(end.message).not.toMatch(/undefined/);
    expect(unexpected).toEqual([bug]);
  });

  it('sends nothing about a task before start has returned its id', async () => {
    const t = engine();
    const { taskId } = t.tasks.start({
      ...spec,
      run: ({ progress }) => {
        progress({ done: 0, total: 4 });
        return Promise.resolve();
      },
    });
    expect(t.progress()).toEqual([]);
    await t.end(taskId);
    expect(t.progress().map((p) => p.taskId)).toEqual([taskId]);
  });

  it('lists running tasks with their latest progress', async () => {
    const t = engine();
    const job = controllable();
    const { taskId } = t.tasks.start({ ...spec, run: job.run });
    await job.started();
    job.context().progress({ done: 2, total: 8, phase: 'Reading SKUs…' });
    expect(t.tasks.list()).toEqual([
      expect.objectContaining({
        taskId,
        kind: 'catalog.sync',
        key: 'us',
        done: 2,
        total: 8,
        phase: 'Reading SKUs…',
      }),
    ]);
    job.resolve({});
    await t.end(taskId);
    expect(t.tasks.list()).toEqual([]);
  });

  it('cancels the tasks of one profile and waits for their end', async () => {
    const t = engine();
    const mine = controllable();
    const theirs = controllable();
    const a = t.tasks.start({ ...spec, profileId: 'p1', run: mine.run });
    const b = t.tasks.start({ ...spec, key: 'de', profileId: 'p2', run: theirs.run });
    await Promise.all([mine.started(), theirs.started()]);
    await t.tasks.cancelWhere((task) => task.profileId === 'p1');
    expect(t.finished().map((f) => [f.taskId, f.outcome])).toEqual([[a.taskId, 'cancelled']]);
    expect(t.tasks.find('catalog.sync', 'de')).toBe(b.taskId);
    await t.tasks.close();
    expect(t.finished().map((f) => f.outcome)).toEqual(['cancelled', 'cancelled']);
  });

  it('sends at most one progress event per interval, and always the last update before the end', async () => {
    vi.useFakeTimers();
    let now = 0;
    const t = engine({ now: () => now, progressIntervalMs: 100 });
    const job = controllable();
    const { taskId } = t.tasks.start({ ...spec, run: job.run });
    await vi.advanceTimersByTimeAsync(0);
    for (let done = 1; done <= 50; done += 1) {
      now += 5;
      job.context().progress({ done, total: 100 });
    }
    // 250 ms of updates every 5 ms: the first at once, then one per 100 ms.
    expect(t.progress().map((p) => p.done)).toEqual([1, 21, 41]);
    now += 20;
    job.resolve({});
    await t.end(taskId);
    const sent = t.progress();
    expect(sent.map((p) => p.done)).toEqual([1, 21, 41, 50]);
    expect(t.finished()).toHaveLength(1);
  });
});

describe('progress throttle', () => {
  it('sends a held-back update when its interval has passed, without another update', async () => {
    vi.useFakeTimers();
    let now = 0;
    const sent: number[] = [];
    const throttle = new ProgressThrottle({
      intervalMs: 100,
      now: () => now,
      send: (p) => sent.push(p.done),
    });
    throttle.update({ done: 1 });
    now = 10;
    throttle.update({ done: 2 });
    expect(sent).toEqual([1]);
    now = 100;
    await vi.advanceTimersByTimeAsync(90);
    expect(sent).toEqual([1, 2]);
    throttle.flush();
    expect(sent).toEqual([1, 2]);
  });

  it('works out the rate from this run only, and the time left from it', () => {
    let now = 0;
    const throttle = new ProgressThrottle({ intervalMs: 100, now: () => now, send: () => {} });
    // Resumed at 40 of 100: the 40 done before do not count towards the rate.
    throttle.update({ done: 40, total: 100 });
    now = 2_000;
    throttle.update({ done: 60, total: 100 });
    expect(throttle.latest()).toEqual({ done: 60, total: 100, ratePerSecond: 10, etaMs: 4_000 });
  });

  it('measures the rate from when the work starts moving, over the last few seconds', () => {
    let now = 0;
    const throttle = new ProgressThrottle({ intervalMs: 100, now: () => now, send: () => {} });
    // Three seconds reading a product list: not work on the 100 products.
    throttle.update({ done: 0, phase: 'Reading the product list…' });
    now = 3_000;
    throttle.update({ done: 0, total: 100 });
    now = 3_500;
    throttle.update({ done: 10, total: 100 });
    // 10 products in half a second: 20 a second, 90 left, about 4.5 s (not 27 s from the start).
    expect(throttle.latest()).toMatchObject({ ratePerSecond: 20, etaMs: 4_500 });
    // Then it slows to 5 a second for ten seconds: the estimate follows the recent pace.
    for (let second = 1; second <= 10; second += 1) {
      now = 3_500 + second * 1_000;
      throttle.update({ done: 10 + second * 5, total: 100 });
    }
    expect(throttle.latest()).toMatchObject({ done: 60, ratePerSecond: 5, etaMs: 8_000 });
  });

  it('passes on how much of the result is usable already', () => {
    const sent: Array<number | undefined> = [];
    const throttle = new ProgressThrottle({
      intervalMs: 0,
      now: () => 0,
      send: (p) => sent.push(p.available),
    });
    throttle.update({ done: 1, total: 4, available: 250 });
    expect(sent).toEqual([250]);
  });
});
