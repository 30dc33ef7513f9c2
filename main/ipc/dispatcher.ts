/**
 * Routes a call by channel name to its handler, validating input before and output after.
 * Transports (Electron IPC, WebSocket) only move bytes; every rule about calls lives here.
 */
import type { z } from 'zod';
import {
  findCall,
  type CallOutput,
  type DeskError,
  type DeskResult,
  type Method,
  type Namespace,
  type ParsedInput,
  type TransportKind,
} from '../../preload/contract';
import type { EventHub } from './event-hub';
import { DeskFailure } from './failure';

/** What a handler knows about the call besides its input. */
export interface CallContext {
  readonly transport: TransportKind;
  readonly events: EventHub;
}

/** One handler per contract call; it returns the value or throws a DeskFailure. */
export type Handlers = {
  readonly [N in Namespace]: {
    readonly [M in Method<N>]: (
      input: ParsedInput<N, M>,
      context: CallContext,
    ) => Promise<CallOutput<N, M>> | CallOutput<N, M>;
  };
};

export interface Dispatcher {
  dispatch(channel: string, input: unknown, context: CallContext): Promise<DeskResult<unknown>>;
}

/** Logs unexpected errors somewhere a developer can see them, never across the bridge. */
export type ErrorSink = (channel: string, error: unknown) => void;

/** Recognises a capability's own error types (an auth failure, a Partner Center error) as failures to report. */
export type ErrorExplainer = (error: unknown) => DeskFailure | undefined;

export interface DispatcherOptions {
  readonly onUnexpected?: ErrorSink;
  readonly explain?: ErrorExplainer;
}

const defaultSink: ErrorSink = (channel, error) => {
  console.error(`[desk] ${channel} failed unexpectedly:`, error);
};

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatcher {
  const onUnexpected = options.onUnexpected ?? defaultSink;
  const explain = options.explain ?? (() => undefined);
  return {
    async dispatch(channel, input, context) {
      const spec = typeof channel === 'string' ? findCall(channel) : undefined;
      if (!spec) {
        return failure({
          code: 'UNKNOWN_CHANNEL',
          message: `There is no call named "${(typeof channel === 'string' ? channel : typeof channel).slice(0, 80)}".`,
        });
      }
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) return failure(invalidInput(parsed.error));

      const [namespace, method] = channel.split('.', 2) as [string, string];
      const group = handlers[namespace as Namespace] as Record<
        string,
        (input: unknown, context: CallContext) => unknown
      >;
      try {
        const value = await group[method]!(parsed.data, context);
        const output = spec.output.safeParse(value);
        if (!output.success) {
          onUnexpected(channel, output.error);
          return failure({ code: 'INTERNAL', message: 'The app produced an unexpected answer.' });
        }
        return { ok: true, value: output.data };
      } catch (error) {
        const known = error instanceof DeskFailure ? error : explain(error);
        if (known) return failure(known.toError());
        onUnexpected(channel, error);
        return failure({ code: 'INTERNAL', message: 'Something went wrong in the app. Try again.' });
      }
    },
  };
}

function failure(error: DeskError): DeskResult<never> {
  return { ok: false, error };
}

/** INVALID_INPUT naming the first bad field (e.g. `profile.tenantId`), with every issue in details. */
export function invalidInput(error: z.ZodError): DeskError {
  const issues = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
  }));
  const first = issues[0] ?? { field: '(input)', message: 'Invalid input' };
  return {
    code: 'INVALID_INPUT',
    message: `Invalid ${first.field}: ${first.message}`,
    details: { field: first.field, issues },
  };
}
