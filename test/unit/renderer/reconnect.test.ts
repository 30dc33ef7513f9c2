import { describe, expect, it } from 'vitest';
import { reconnectDelayMs, RECONNECT_MAX_MS } from '../../../renderer/src/state/reconnect';

describe('asking again whether Partner Center is back', () => {
  it('starts soon and doubles the wait, up to a minute', () => {
    expect([0, 1, 2, 3, 4].map(reconnectDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(reconnectDelayMs(5)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelayMs(1_000)).toBe(RECONNECT_MAX_MS);
  });
});
