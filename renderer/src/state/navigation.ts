/** Which screen is showing: pure state changes, tested on their own. */
import { isScreenId, screenIds, type ScreenId } from '../screen-ids';

export interface NavigationState {
  readonly current: ScreenId;
}

/** Opens a screen; unknown names leave the state as it is. */
export function navigate(state: NavigationState, target: string): NavigationState {
  return isScreenId(target) && target !== state.current ? { current: target } : state;
}

/** The screen for a keyboard shortcut digit (Ctrl/⌘+1 … 9), if any. */
export function screenForDigit(digit: string): ScreenId | undefined {
  if (!/^[1-9]$/.test(digit)) return undefined;
  return screenIds[Number(digit) - 1];
}

/** The screen named in the address's hash (`#/catalog`), so a reload keeps the user where they were. */
export function screenFromHash(hash: string): ScreenId {
  const name = hash.replace(/^#\/?/, '');
  return isScreenId(name) ? name : 'connect';
}
