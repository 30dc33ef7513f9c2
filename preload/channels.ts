/** Names on the wire shared by the preloads and main's transports. */
/** Electron IPC channel for a contract call. */
export function ipcChannel(channel: string): string {
  return `desk:${channel}`;
}

/** Electron IPC channel on which main pushes every event. */
export const IPC_EVENT_CHANNEL = 'desk:event';

/** Path of the web build's WebSocket endpoint. */
export const WS_PATH = '/bridge';

/** The WebSocket subprotocol carries the per-run token: `desk.v1.<token>`. */
export const WS_PROTOCOL_PREFIX = 'desk.v1.';

/** Frames on the WebSocket. */
export type WsClientFrame = { readonly id: number; readonly channel: string; readonly input?: unknown };
export type WsServerFrame =
  | { readonly kind: 'result'; readonly id: number; readonly result: unknown }
  | { readonly kind: 'event'; readonly event: string; readonly payload: unknown };

/** Largest frame either side of the web bridge accepts from the page (calls are small). */
export const WS_MAX_FRAME_BYTES = 1024 * 1024;
