/**
 * The web bridge's call machinery, apart from the browser so that it can be tested with a fake
 * socket: numbering calls, matching answers, refusing what cannot be sent, and noticing that the app
 * behind the address is gone for good (it was restarted on another port with another token).
 */
import { BRIDGE_RESTARTED_MESSAGE, type BridgeStatus, type DeskConnection } from './bridge-status';
import { WS_MAX_FRAME_BYTES, type WsServerFrame } from './channels';
import type { DeskError, DeskResult } from './contract';
import type { Invoke, Listen } from './desk-api';

/** The little of a WebSocket the client uses. */
export interface BridgeSocket {
  send(text: string): void;
}

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** After an open that ended, or an attempt that never opened. */
  onClose(): void;
}

export interface BridgeClientOptions {
  /** The per-run token; empty when the page was opened without the printed address. */
  readonly token: string;
  readonly openSocket: (handlers: SocketHandlers) => BridgeSocket;
  readonly schedule: (run: () => void, delayMs: number) => void;
  readonly maxFrameBytes?: number;
}

export interface BridgeClient extends DeskConnection {
  readonly invoke: Invoke;
  readonly listen: Listen;
  /** Opens the first connection. */
  start(): void;
  /** Calls sent and not yet answered (for tests: none may be left behind). */
  pendingCount(): number;
}

const RETRY_MS = [250, 500, 1000, 2000, 5000];
/** Attempts in a row that never open before the page says the app was restarted. */
const ATTEMPTS_BEFORE_RESTARTED = 3;

const failure = (error: DeskError): DeskResult<never> => ({ ok: false, error });
const unavailable = (message: string) => failure({ code: 'BRIDGE_UNAVAILABLE', message });

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

export function createBridgeClient(options: BridgeClientOptions): BridgeClient {
  const maxFrameBytes = options.maxFrameBytes ?? WS_MAX_FRAME_BYTES;
  /** Calls waiting for an answer; `sent` once they went out on a socket. */
  const pending = new Map<number, { resolve: (result: DeskResult<unknown>) => void; sent: boolean }>();
  const outbox: Array<{ id: number; text: string }> = [];
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const statusListeners = new Set<() => void>();
  let status: BridgeStatus = 'connecting';
  let socket: BridgeSocket | undefined;
  let open = false;
  let nextId = 1;
  let failedAttempts = 0;

  const setStatus = (next: BridgeStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener();
  };

  const settle = (result: DeskResult<never>, which: 'sent' | 'all') => {
    for (const [id, call] of pending) {
      if (which === 'sent' && !call.sent) continue;
      pending.delete(id);
      call.resolve(result);
    }
    if (which === 'all') outbox.length = 0;
  };

  const transmit = (id: number, text: string) => {
    const call = pending.get(id);
    if (!call || !socket) return;
    call.sent = true;
    socket.send(text);
  };

  function connect(): void {
    let opened = false;
    socket = options.openSocket({
      onOpen() {
        opened = open = true;
        failedAttempts = 0;
        setStatus('connected');
        for (const { id, text } of outbox.splice(0)) transmit(id, text);
      },
      onMessage(text) {
        let frame: WsServerFrame;
        try {
          frame = JSON.parse(text) as WsServerFrame;
        } catch {
          return;
        }
        if (frame.kind === 'result') {
          const call = pending.get(frame.id);
          pending.delete(frame.id);
          call?.resolve(frame.result as DeskResult<unknown>);
        } else {
          for (const listener of listeners) listener(frame.event, frame.payload);
        }
      },
      onClose() {
        open = false;
        socket = undefined;
        // Calls in flight may or may not have run; say so rather than guess.
        settle(unavailable('The connection to the app was lost before it answered. Try again.'), 'sent');
        if (!opened) failedAttempts += 1;
        if (failedAttempts >= ATTEMPTS_BEFORE_RESTARTED) {
          setStatus('restarted');
          settle(unavailable(BRIDGE_RESTARTED_MESSAGE), 'all');
        } else setStatus('connecting');
        // Keep trying quietly: a page that comes back to life hides the message again.
        options.schedule(connect, RETRY_MS[Math.min(failedAttempts, RETRY_MS.length - 1)]!);
      },
    });
  }

  /** The frame to send, or the failure that stops it from being sent. */
  function encode(id: number, channel: string, input: unknown): string | DeskResult<never> {
    let text: string;
    try {
      text = JSON.stringify({ id, channel, input });
    } catch {
      return failure({
        code: 'INVALID_INPUT',
        message: 'This request holds a value the app cannot send (such as a BigInt or a circular reference).',
      });
    }
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > maxFrameBytes) {
      return failure({
        code: 'INVALID_INPUT',
        message: `This request is ${megabytes(bytes)}, more than the ${megabytes(maxFrameBytes)} the app accepts at once. Shorten what you entered and try again.`,
        details: { bytes, limitBytes: maxFrameBytes },
      });
    }
    return text;
  }

  const invoke: Invoke = (channel, input) =>
    new Promise((resolve) => {
      if (!options.token) {
        resolve(unavailable('Open the app with the address printed by `npm run web`.'));
        return;
      }
      if (status === 'restarted') {
        resolve(unavailable(BRIDGE_RESTARTED_MESSAGE));
        return;
      }
      const id = nextId++;
      const frame = encode(id, channel, input);
      if (typeof frame !== 'string') {
        resolve(frame);
        return;
      }
      pending.set(id, { resolve, sent: false });
      if (open) transmit(id, frame);
      else outbox.push({ id, text: frame });
    });

  return {
    invoke,
    listen(deliver) {
      listeners.add(deliver);
      return () => listeners.delete(deliver);
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    start() {
      if (options.token) connect();
    },
    pendingCount: () => pending.size,
  };
}
