/**
 * The per-tenant request budget: concurrency, requests per minute, priorities and 429 pauses, both on
 * its own and under real HTTP load.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RequestBudget, budgetForTenant, type RequestPriority } from '../../../main/partner-center';
import { testClient } from './support/client';
import { manualClock } from './support/fake-clock';
import { delayed, json, startScriptedServer, type ScriptedServer } from './support/scripted-server';

let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('RequestBudget', () => {
  it('never lets more than maxConcurrency requests reach the server at once', async () => {
    server = await startScriptedServer(delayed(40, json(200, { balanceAmount: 1 })));
    const budget = new RequestBudget({ maxConcurrency: 3, requestsPerMinute: 10_000 });
    const client = testClient(server.baseUrl, { budget });
    const priorities: RequestPriority[] = ['background', 'interactive', 'write'];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        client.getBalance({ priority: priorities[i % 3] ?? 'interactive' }),
      ),
    );
    expect(server.requests).toHaveLength(30);
    expect(server.inFlight.peak).toBeLessThanOrEqual(3);
    expect(server.inFlight.peak).toBeGreaterThanOrEqual(2);
    expect(budget.stats().peakActive).toBeLessThanOrEqual(3);
    expect(budget.stats().active).toBe(0);
  });

  it('lets writes and interactive calls jump ahead of queued background work', async () => {
    const budget = new RequestBudget({ maxConcurrency: 1, requestsPerMinute: 1_000 });
    const order: string[] = [];
    const first = await budget.acquire('background');
    // Each queued call notes its name when it gets a slot, and gives the slot back at once.
    const queue = (priority: RequestPriority, name: string) =>
      budget.acquire(priority).then((release) => {
        order.push(name);
        release();
      });
    const waiting = [
      queue('background', 'background-1'),
      queue('background', 'background-2'),
      queue('interactive', 'interactive'),
      queue('write', 'write'),
    ];
    await tick();
    expect(order).toEqual([]);
    first();
    await Promise.all(waiting);
    expect(order).toEqual(['write', 'interactive', 'background-1', 'background-2']);
  });

  it('keeps a slot free for a checkout while background sync saturates the budget', async () => {
    const budget = new RequestBudget({ maxConcurrency: 3, requestsPerMinute: 1_000 });
    const background = await Promise.all([budget.acquire('background'), budget.acquire('background')]);
    let third = false;
    const queuedBackground = budget.acquire('background').then((release) => {
      third = true;
      return release;
    });
    await tick();
    expect(third).toBe(false);
    const write = await budget.acquire('write');
    expect(budget.stats().active).toBe(3);
    write();
    background.forEach((release) => release());
    (await queuedBackground)();
    expect(third).toBe(true);
  });

  it('never starts more than requestsPerMinute in any window', async () => {
    const budget = new RequestBudget({ maxConcurrency: 10, requestsPerMinute: 4, windowMs: 200 });
    const startedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const release = await budget.acquire('interactive');
        startedAt.push(performance.now());
        release();
      }),
    );
    startedAt.sort((a, b) => a - b);
    for (let i = 4; i < startedAt.length; i += 1) {
      // The fifth start of any run must be at least one window after the first.
      expect((startedAt[i] ?? 0) - (startedAt[i - 4] ?? 0)).toBeGreaterThanOrEqual(195);
    }
  });

  it('leaves part of the per-minute rate to foreground calls', async () => {
    const clock = manualClock();
    const budget = new RequestBudget({
      maxConcurrency: 10,
      requestsPerMinute: 10,
      backgroundRateShare: 0.5,
      clock,
    });
    for (let i = 0; i < 5; i += 1) (await budget.acquire('background'))();
    let sixthBackground = false;
    const pending = budget.acquire('background').then((release) => {
      sixthBackground = true;
      release();
    });
    // Foreground still starts immediately.
    (await budget.acquire('interactive'))();
    (await budget.acquire('write'))();
    expect(budget.stats().startedInWindow).toBe(7);
    await clock.advance(30_000);
    expect(sixthBackground).toBe(false);
    // Once the first background starts leave the one-minute window, background may start again.
    await clock.advance(30_001);
    await pending;
    expect(sixthBackground).toBe(true);
  });

  it('holds every priority while paused after a 429', async () => {
    const budget = new RequestBudget({ maxConcurrency: 4, requestsPerMinute: 1_000 });
    budget.pause(150);
    const started = performance.now();
    const release = await budget.acquire('write');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    release();
    // A shorter pause never shortens a longer one.
    budget.pause(200);
    budget.pause(10);
    expect((budget.stats().pausedUntil ?? 0) - Date.now()).toBeGreaterThan(150);
  });

  it('stops waiting when the signal aborts, without taking a slot', async () => {
    const budget = new RequestBudget({ maxConcurrency: 1, requestsPerMinute: 100 });
    const held = await budget.acquire('interactive');
    const controller = new AbortController();
    const queued = budget.acquire('background', controller.signal);
    controller.abort();
    await expect(queued).rejects.toBeDefined();
    expect(budget.stats().queued.background).toBe(0);
    held();
    held();
    expect(budget.stats().active).toBe(0);
  });

  it('is shared per tenant', () => {
    const a = budgetForTenant('AAAA-tenant');
    expect(budgetForTenant('aaaa-tenant')).toBe(a);
    expect(budgetForTenant('other-tenant')).not.toBe(a);
  });

  it('a 429 on one call makes concurrent calls of the same tenant wait too (no 429 storm)', async () => {
    let throttled = false;
    server = await startScriptedServer((request, response) => {
      if (!throttled && request.path.endsWith('/summary')) {
        throttled = true;
        response.writeHead(429, { 'Retry-After': '1', 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ statusCode: 429, message: 'Rate limit is exceeded.' }));
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ items: [] }));
    });
    const budget = new RequestBudget({ maxConcurrency: 1, requestsPerMinute: 1_000 });
    const client = testClient(server.baseUrl, { budget });
    const throttledCall = client.getBalance().catch(() => undefined);
    // Queued behind the 429: must not reach the server before Retry-After has passed.
    const other = client.getInvoiceSummaries();
    await Promise.all([throttledCall, other]);
    const first = server.requests[0];
    const second = server.requests[1];
    expect(first?.path).toBe('/v1/invoices/summary');
    expect(second?.path).toBe('/v1/invoices/summaries');
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });
});
