/** The renderer's only way to main: `window.desk`, typed from the contract. */
import type { DeskApi } from '../../preload/desk-api';

declare global {
  interface Window {
    readonly desk: DeskApi;
  }
}

/** Throws at start-up, with a message a developer can act on, when no preload provided the bridge. */
export function getDesk(): DeskApi {
  if (!('desk' in window)) {
    throw new Error('window.desk is missing: the page was opened without the app’s preload script.');
  }
  return window.desk;
}
