import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reconnectDelayMs, RECONNECT_MAX_MS, retryWithBackoff } from '../../../renderer/src/state/reconnect';

describe('asking again whether Partner Center is back', () => {
  it('starts soon and doubles the wait, up to a minute', () => {
    expect([0, 1, 2, 3, 4].map(reconnectDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(reconnectDelayMs(5)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelayMs(1_000)).toBe(RECONNECT_MAX_MS);
  });
});

describe('retrying while Partner Center cannot be reached', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tries after 2 s, 4 s, 8 s … and stops at the first answer', async () => {
    const tries: number[] = [];
    const answers = [undefined, undefined, 'back'];
    const result = retryWithBackoff(
      () => true,
      () => {
        tries.push(Date.now());
        return Promise.resolve(answers[tries.length - 1]);
      },
    );
    const started = Date.now();
    await vi.advanceTimersByTimeAsync(2_000 + 4_000 + 8_000);
    await expect(result).resolves.toBe('back');
    expect(tries.map((at) => at - started)).toEqual([2_000, 6_000, 14_000]);
  });

  it('gives up without trying once the user has moved on, and drops an answer that came too late', async () => {
    let wanted = true;
    const attempt = vi.fn(() => {
      wanted = false; // the user chose another profile while this try was on its way
      return Promise.resolve('late');
    });
    const late = retryWithBackoff(() => wanted, attempt);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(late).resolves.toBeUndefined();

    const neverTried = vi.fn(() => Promise.resolve('x'));
    const gone = retryWithBackoff(() => false, neverTried);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(gone).resolves.toBeUndefined();
    expect(neverTried).not.toHaveBeenCalled();
  });
});
