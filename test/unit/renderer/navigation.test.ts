import { describe, expect, it } from 'vitest';
import { screenIds } from '../../../renderer/src/screen-ids';
import { navigate, screenForDigit, screenFromHash } from '../../../renderer/src/state/navigation';

describe('navigation', () => {
  it('opens any screen of the journey and ignores unknown names', () => {
    const start = { current: 'connect' as const };
    expect(navigate(start, 'catalog')).toEqual({ current: 'catalog' });
    expect(navigate(start, 'nowhere')).toBe(start);
    expect(navigate(start, 'connect')).toBe(start);
  });

  it('maps Ctrl+1…9 to the screens in menu order', () => {
    expect(screenIds.map((_id, i) => screenForDigit(String(i + 1)))).toEqual(screenIds);
    expect(screenForDigit('9')).toBe('settings');
    expect(screenForDigit('0')).toBeUndefined();
    expect(screenForDigit('x')).toBeUndefined();
  });

  it('restores the screen from the address after a reload, else starts at Connect', () => {
    expect(screenFromHash('#/billing')).toBe('billing');
    expect(screenFromHash('#/nope')).toBe('connect');
    expect(screenFromHash('')).toBe('connect');
  });
});
