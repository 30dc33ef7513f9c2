/**
 * `window.desk`: the one global the renderer sees, typed from the contract.
 *
 * Both preloads (Electron IPC and the web build's WebSocket) build it with `createDeskApi`, so the
 * renderer cannot tell which transport it runs on.
 */
import {
  calls,
  type CallInput,
  type CallOutput,
  type ChannelName,
  type DeskResult,
  type EventName,
  type EventPayload,
  type Method,
  type Namespace,
} from './contract';

type CallFunction<N extends Namespace, M extends Method<N>> =
  undefined extends CallInput<N, M>
    ? (input?: CallInput<N, M>) => Promise<DeskResult<CallOutput<N, M>>>
    : (input: CallInput<N, M>) => Promise<DeskResult<CallOutput<N, M>>>;

/** Subscribe to a main→renderer event; returns the function that unsubscribes. */
export type Subscribe = <E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
) => () => void;

export type DeskApi = {
  readonly [N in Namespace]: { readonly [M in Method<N>]: CallFunction<N, M> };
} & { readonly on: Subscribe };

/** Sends one call over the transport; must resolve (never reject) with the result as data. */
export type Invoke = (channel: ChannelName, input: unknown) => Promise<DeskResult<unknown>>;

/** Delivers every event from main; returns the function that stops delivery. */
export type Listen = (deliver: (event: string, payload: unknown) => void) => () => void;

/** Builds the namespaced API (`desk.app.info()`) over a transport's invoke and listen functions. */
export function createDeskApi(invoke: Invoke, listen: Listen): DeskApi {
  const api: Record<string, unknown> = {};
  for (const [namespace, methods] of Object.entries(calls)) {
    const bound: Record<string, (input?: unknown) => Promise<DeskResult<unknown>>> = {};
    for (const method of Object.keys(methods)) {
      const channel = `${namespace}.${method}` as ChannelName;
      bound[method] = (input?: unknown) => invoke(channel, input);
    }
    api[namespace] = Object.freeze(bound);
  }
  const on: Subscribe = (event, listener) =>
    listen((name, payload) => {
      // Payloads were validated in main before they were sent.
      if (name === event) listener(payload as EventPayload<typeof event>);
    });
  api.on = on;
  return Object.freeze(api) as DeskApi;
}
