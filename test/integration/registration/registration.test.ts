/**
 * Enable (journey step 2) over the real dispatcher, SQLite and the embedded sandbox over HTTP: a
 * customer's subscriptions with their registration status and the catalog each buys from; registering
 * one, watched as a task until `Registered`; stopping a watch; and the status shown from the cache, with
 * its age, when Partner Center cannot be asked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../../main/connect/embedded-sandbox';
import { DEMO_CUSTOMERS, DEMO_SUBSCRIPTIONS } from '../../../main/sandbox/data/customers';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import type { RegistrationList, TaskFinished, TaskProgress, TaskStarted } from '../../../preload/contract';
import { signInDemo, startTestApp, type TestApp } from '../bridge/app-core';

/** Long enough to stop a watch before it ends, short enough for a test. */
const REGISTRATION_DELAY_MS = 2_500;

const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-registration-'));
let app: TestApp;
/**
 * Partner Center as the app sees it, started outside the app (as the e2e tests do) so that closing it
 * is a real loss of network: the app's own embedded sandbox would simply start again.
 */
let partnerCenter: RunningSandbox;
const finished = new Map<string, TaskFinished>();
const progress: TaskProgress[] = [];

function start(): TestApp {
  const started = startTestApp(dataDir);
  started.core.events.subscribe((event) => {
    if (event.event === 'task.finished') {
      const payload = event.payload as TaskFinished;
      finished.set(payload.taskId, payload);
    }
    if (event.event === 'task.progress') progress.push(event.payload as TaskProgress);
  });
  return started;
}

async function finishOf(taskId: string): Promise<TaskFinished> {
  await expect.poll(() => finished.get(taskId), { timeout: 30_000, interval: 50 }).toBeDefined();
  return finished.get(taskId)!;
}

const status = (customerId: string, source?: 'cache' | 'network') =>
  app.value<RegistrationList>('registration.status', {
    profileId: 'demo',
    customerId,
    ...(source ? { source } : {}),
  });
const register = (customerId: string, subscriptionId: string) =>
  app.value<TaskStarted>('registration.register', { profileId: 'demo', customerId, subscriptionId });

beforeAll(async () => {
  partnerCenter = await startSandbox({
    port: 0,
    seed: DEMO_SEED,
    catalog: 'small',
    autoApprove: true,
    registrationDelayMs: REGISTRATION_DELAY_MS,
  });
  const { baseUrl, graphBaseUrl, blobBaseUrl, authority, tenantId, clientId, clientSecret, user } =
    partnerCenter;
  // What `npm run sandbox` prints as its ready line.
  process.env.RESERVATION_DESK_DEMO_SANDBOX = JSON.stringify({
    baseUrl,
    graphBaseUrl,
    blobBaseUrl,
    authority,
    tenantId,
    clientId,
    clientSecret,
    user,
  });
  app = start();
  await signInDemo(app);
});
afterAll(async () => {
  await app.close();
  await partnerCenter.close();
  delete process.env.RESERVATION_DESK_DEMO_SANDBOX;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('registration.status', () => {
  it('lists every subscription with the catalog it buys from and its registration status', async () => {
    const contoso = await status(DEMO_CUSTOMERS.azurePlan);
    expect(contoso.fromCache).toBe(false);
    expect(contoso.readAt).not.toBeNull();
    const plan = contoso.subscriptions.find((s) => s.subscriptionId === DEMO_SUBSCRIPTIONS.azurePlan);
    expect(plan).toMatchObject({ scope: 'AzurePlan', registration: 'Registered', watchTaskId: null });
    expect(plan?.checkedAt).not.toBeNull();
    // Contoso's Microsoft 365 subscription cannot hold reservations: no status is asked for it.
    expect(contoso.subscriptions.filter((s) => s.scope === null)).toEqual([
      expect.objectContaining({ registration: null, checkedAt: null }),
    ]);

    const fabrikam = await status(DEMO_CUSTOMERS.legacyAzure);
    expect(fabrikam.subscriptions).toEqual([
      expect.objectContaining({ scope: 'MS-AZR-0145P', registration: 'Registered' }),
    ]);
    const northwind = await status(DEMO_CUSTOMERS.unregistered);
    expect(northwind.subscriptions).toEqual([
      expect.objectContaining({
        subscriptionId: DEMO_SUBSCRIPTIONS.unregistered,
        registration: 'NotRegistered',
      }),
    ]);
  });

  it('refuses bad input, and a subscription that cannot hold reservations', async () => {
    for (const input of [
      { profileId: 'demo', customerId: '' },
      { profileId: 'demo', customerId: 'x'.repeat(65) },
      { profileId: 'demo', customerId: DEMO_CUSTOMERS.azurePlan, source: 'somewhere' },
    ]) {
      expect(await app.call('registration.status', input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    const m365 = (await status(DEMO_CUSTOMERS.azurePlan, 'cache')).subscriptions.find((s) => !s.scope)!;
    const refused = await app.call('registration.register', {
      profileId: 'demo',
      customerId: DEMO_CUSTOMERS.azurePlan,
      subscriptionId: m365.subscriptionId,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/cannot hold reservations/);
    expect(
      await app.call('registration.register', {
        profileId: 'demo',
        customerId: DEMO_CUSTOMERS.azurePlan,
        subscriptionId: '00000000-0000-4000-8000-00000000dead',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('registration.register', () => {
  it('can be stopped while Partner Center registers: the status stays Registering', async () => {
    const { taskId, joined } = await register(DEMO_CUSTOMERS.unregistered, DEMO_SUBSCRIPTIONS.unregistered);
    expect(joined).toBe(false);
    // A second press joins the watch instead of starting another.
    expect(await register(DEMO_CUSTOMERS.unregistered, DEMO_SUBSCRIPTIONS.unregistered)).toEqual({
      taskId,
      joined: true,
    });
    await expect
      .poll(() => progress.some((p) => p.taskId === taskId && /registering it/.test(p.phase ?? '')), {
        timeout: 10_000,
        interval: 20,
      })
      .toBe(true);
    const during = await status(DEMO_CUSTOMERS.unregistered, 'cache');
    expect(during.subscriptions[0]).toMatchObject({ registration: 'Registering', watchTaskId: taskId });

    expect(await app.value('tasks.cancel', { taskId })).toMatchObject({ cancelled: true });
    expect(await finishOf(taskId)).toMatchObject({ kind: 'subscription.registration', outcome: 'cancelled' });
    const after = await status(DEMO_CUSTOMERS.unregistered, 'cache');
    expect(after.subscriptions[0]).toMatchObject({ registration: 'Registering', watchTaskId: null });
  });

  it('watches until Registered, and the cache keeps it', async () => {
    const { taskId } = await register(DEMO_CUSTOMERS.unregistered, DEMO_SUBSCRIPTIONS.unregistered);
    const end = await finishOf(taskId);
    expect(end).toMatchObject({
      kind: 'subscription.registration',
      outcome: 'completed',
      summary: { subscriptionId: DEMO_SUBSCRIPTIONS.unregistered, registration: 'Registered' },
    });
    const cached = await status(DEMO_CUSTOMERS.unregistered, 'cache');
    expect(cached.subscriptions[0]).toMatchObject({ registration: 'Registered', watchTaskId: null });
    expect((await status(DEMO_CUSTOMERS.unregistered)).subscriptions[0]?.registration).toBe('Registered');
  });
});

describe('offline', () => {
  it('shows the cached status with its age and the reason, and says so when nothing is cached', async () => {
    const before = await status(DEMO_CUSTOMERS.unregistered);
    // Partner Center goes away while signed in: a real loss of network.
    await partnerCenter.close();
    const away = await status(DEMO_CUSTOMERS.unregistered);
    expect(away).toMatchObject({ fromCache: true, readAt: before.readAt });
    expect(away.subscriptions[0]).toMatchObject({ registration: 'Registered' });

    await app.close();
    app = start(); // a new run that is not signed in: Partner Center cannot be asked
    const cached = await status(DEMO_CUSTOMERS.unregistered);
    expect(cached).toMatchObject({ fromCache: true, readAt: before.readAt });
    expect(cached.cacheReason).toEqual(expect.any(String));
    expect(cached.subscriptions[0]).toMatchObject({
      registration: 'Registered',
      checkedAt: before.subscriptions[0]!.checkedAt,
    });
    // A customer never read before has no cache to show: the failure itself is the answer (offline, or
    // not signed in: with Partner Center gone, the sign-in service cannot be reached either).
    const never = await app.call('registration.status', {
      profileId: 'demo',
      customerId: DEMO_CUSTOMERS.suspended,
    });
    expect(never.ok).toBe(false);
    if (!never.ok) expect(['OFFLINE', 'UNAUTHENTICATED']).toContain(never.error.code);
    expect(app.unexpected).toEqual([]);
  });
});
