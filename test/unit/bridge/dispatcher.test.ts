import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher, invalidInput, type Handlers } from '../../../main/ipc/dispatcher';
import { createEventHub } from '../../../main/ipc/event-hub';
import { DeskFailure } from '../../../main/ipc/failure';
import { AppInfo } from '../../../preload/contract';
import { facts, realDispatcher } from './fixtures';

describe('dispatcher', () => {
  it('answers app.info with facts from main and the transport in use', async () => {
    const { dispatcher, events } = realDispatcher();
    const result = await dispatcher.dispatch('app.info', undefined, { transport: 'electron-ipc', events });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const info = AppInfo.parse(result.value);
    expect(info.version).toBe(facts.version);
    expect(info.dataDir).toBe(facts.dataDir);
    expect(info.transport).toBe('electron-ipc');
    expect(info.startedAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('accepts an empty object where a call takes no input', async () => {
    const { dispatcher, context } = realDispatcher();
    expect((await dispatcher.dispatch('app.info', {}, context)).ok).toBe(true);
  });

  it('refuses unknown channels, including prototype names, without running anything', async () => {
    const { dispatcher, context } = realDispatcher();
    for (const channel of [
      'app.nope',
      'nope.info',
      'app',
      '',
      'constructor.name',
      'app.__proto__',
      'app.toString',
    ]) {
      const result = await dispatcher.dispatch(channel, undefined, context);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('returns INVALID_INPUT naming the bad field, and the handler never runs', async () => {
    const { dispatcher, context } = realDispatcher();
    const result = await dispatcher.dispatch('app.info', { unexpected: 1 }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/unexpected/i);
    expect(result.error.details).toMatchObject({ field: '(input)' });
  });

  it('says in words what is wrong with a value, keeping messages the schema wrote for people', () => {
    const schema = z.object({
      name: z.string().max(3),
      customerId: z.string().trim().min(1, 'must not be empty'),
    });
    const tooLong = schema.safeParse({ name: 'abcd', customerId: 'c' });
    const empty = schema.safeParse({ name: 'a', customerId: ' ' });
    if (tooLong.success || empty.success) throw new Error('both inputs should be refused');
    expect(invalidInput(tooLong.error).message).toBe('The name is too long.');
    expect(invalidInput(empty.error).message).toBe('The customer ID must not be empty.');
  });

  it('names nested fields with dots in its details', () => {
    const schema = z.object({ profile: z.object({ tenantId: z.uuid() }) });
    const parsed = schema.safeParse({ profile: { tenantId: 'not-a-guid' } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const error = invalidInput(parsed.error);
    expect(error.details).toMatchObject({ field: 'profile.tenantId' });
    // The message is a sentence for a person; the path stays in the details.
    expect(error.message).toBe('The profile tenant ID is not valid.');
    expect(error.message).not.toContain('profile.tenantId');
  });

  it('turns a DeskFailure into error data with its code and details', async () => {
    // Only app.info is called: the other namespaces are not needed here.
    const handlers = {
      app: {
        info: () => {
          throw new DeskFailure('NOT_FOUND', 'No such profile.', { profileId: 'p1' });
        },
      },
    } as unknown as Handlers;
    const result = await createDispatcher(handlers).dispatch('app.info', undefined, {
      transport: 'websocket',
      events: createEventHub(),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such profile.', details: { profileId: 'p1' } },
    });
  });

  it('hides unexpected errors behind INTERNAL, so no secret or path crosses the bridge', async () => {
    const logged: unknown[] = [];
    const handlers = {
      app: {
        info: () => {
          throw new Error('token=SECRET-123 at /home/user/.config');
        },
      },
    } as unknown as Handlers;
    const result = await createDispatcher(handlers, {
      onUnexpected: (_channel, error) => logged.push(error),
    }).dispatch('app.info', undefined, { transport: 'websocket', events: createEventHub() });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('SECRET-123');
    expect(logged).toHaveLength(1);
  });

  it('refuses to send an answer that breaks the contract', async () => {
    const handlers = { app: { info: () => ({ name: 'x' }) } } as unknown as Handlers;
    const result = await createDispatcher(handlers, { onUnexpected: () => {} }).dispatch(
      'app.info',
      undefined,
      {
        transport: 'websocket',
        events: createEventHub(),
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('event hub', () => {
  it('delivers valid payloads to every subscriber until it unsubscribes', () => {
    const hub = createEventHub();
    const seen: unknown[] = [];
    const stop = hub.subscribe((event) => seen.push(event));
    const progress = {
      taskId: 't1',
      label: 'Sync',
      done: 1,
      total: 10,
      kind: 'catalog.sync' as const,
      key: 'k',
      startedAt: '2026-01-01T00:00:00.000Z',
    };
    hub.emit('task.progress', progress);
    stop();
    hub.emit('task.progress', progress);
    expect(seen).toEqual([{ event: 'task.progress', payload: progress }]);
  });

  it('throws in main on a payload that breaks the contract', () => {
    const hub = createEventHub();
    expect(() =>
      hub.emit('task.progress', {
        taskId: '',
        kind: 'catalog.sync',
        key: 'k',
        label: 'x',
        done: -1,
        total: null,
        startedAt: 'now',
      }),
    ).toThrow();
  });
});

describe('catalog calls through the bridge', () => {
  it('names the bad field of a search', async () => {
    const { dispatcher, context, close } = realDispatcher();
    try {
      const catalog = { profileId: 'demo', country: 'US', scope: 'AzurePlan' };
      const cases: Array<[unknown, string]> = [
        [{ catalog, cores: { min: 8, max: 4 } }, 'cores.min'],
        [{ catalog, terms: ['forever'] }, 'terms.0'],
        [{ catalog: { ...catalog, country: 'USA' } }, 'catalog.country'],
        [{ catalog, limit: 5000 }, 'limit'],
        [{ catalog, sort: { by: 'price' } }, 'sort.by'],
      ];
      for (const [input, field] of cases) {
        const result = await dispatcher.dispatch('catalog.search', input, context);
        expect(result, field).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT', details: { field } },
        });
      }
    } finally {
      await close();
    }
  });

  it('answers a search of a catalog never downloaded with no rows, not an error', async () => {
    const { dispatcher, context, close } = realDispatcher();
    try {
      const result = await dispatcher.dispatch(
        'catalog.search',
        { catalog: { profileId: 'nobody', country: 'de', scope: 'AzurePlan' } },
        context,
      );
      expect(result).toMatchObject({ ok: true, value: { total: 0, cached: false, market: { code: 'DE' } } });
    } finally {
      await close();
    }
  });

  it('lists markets with reservations flagged where they are not sold', async () => {
    const { dispatcher, context, close } = realDispatcher();
    try {
      const result = await dispatcher.dispatch('catalog.markets', undefined, context);
      if (!result.ok) throw new Error(result.error.message);
      const markets = (result.value as { markets: Array<{ code: string; reservationsSold: boolean }> })
        .markets;
      expect(markets.find((m) => m.code === 'BR')?.reservationsSold).toBe(false);
      expect(markets.find((m) => m.code === 'DE')?.reservationsSold).toBe(true);
      // Deprecated aliases are not separate markets.
      expect(markets.some((m) => m.code === 'UK' || m.code === 'TP')).toBe(false);
    } finally {
      await close();
    }
  });
});
