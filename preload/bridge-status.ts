/**
 * The web build's connection to the app, as the page sees it. Only the web preload provides
 * `window.deskConnection`; in Electron it is absent and the connection is always there.
 */

/** `restarted`: the address the page was opened with no longer reaches the app. */
export type BridgeStatus = 'connecting' | 'connected' | 'restarted';

export interface DeskConnection {
  readonly status: () => BridgeStatus;
  /** Calls `listener` whenever the status changes; returns the function that stops it. */
  readonly onStatus: (listener: () => void) => () => void;
}

/** The web build prints a new address (port and token) each run; the old page cannot follow it. */
export const BRIDGE_RESTARTED_MESSAGE =
  'Reservation Desk was restarted: open the new address printed in the terminal';
