import { describe, expect, it } from 'vitest';
import type { DeskError } from '../../../preload/contract';
import {
  alreadyOpen,
  idle,
  loading,
  mapLoad,
  mapResult,
  settle,
  valueOf,
} from '../../../renderer/src/state/load';

const offline: DeskError = { code: 'OFFLINE', message: 'Partner Center cannot be reached.' };

describe('Load', () => {
  it('keeps the last good value while loading again and after a failure', () => {
    const ready = settle(loading(idle), { ok: true, value: 1 });
    expect(ready).toEqual({ status: 'ready', value: 1 });
    const again = loading(ready);
    expect(again).toEqual({ status: 'loading', previous: 1 });
    const failed = settle(again, { ok: false, error: offline });
    expect(failed).toEqual({ status: 'error', error: offline, previous: 1 });
    expect(valueOf(failed)).toBe(1);
    expect(valueOf(idle)).toBeUndefined();
  });

  it('maps values, kept ones included, and bridge answers', () => {
    expect(mapLoad({ status: 'error', error: offline, previous: 2 }, (n: number) => n * 10)).toEqual({
      status: 'error',
      error: offline,
      previous: 20,
    });
    expect(mapLoad({ status: 'loading' }, (n: number) => n)).toEqual({ status: 'loading' });
    expect(mapResult({ ok: true, value: { customers: [1] } }, (v) => v.customers)).toEqual({
      ok: true,
      value: [1],
    });
    expect(mapResult({ ok: false, error: offline }, (v: { customers: number[] }) => v.customers)).toEqual({
      ok: false,
      error: offline,
    });
  });

  it('counts a store as open for a customer only once it has asked for that customer', () => {
    const shown = { profileId: 'p1', customerId: 'c1' };
    expect(alreadyOpen(shown, { profileId: 'p1', customerId: 'c1' }, loading(idle))).toBe(true);
    expect(alreadyOpen(shown, { profileId: 'p1', customerId: 'c1' }, idle)).toBe(false);
    expect(alreadyOpen(shown, { profileId: 'p1', customerId: 'c2' }, loading(idle))).toBe(false);
    expect(alreadyOpen(shown, { profileId: 'p2', customerId: 'c1' }, loading(idle))).toBe(false);
  });
});
