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
  /** Logs a capability error that was reported as a failure: its details stay out of the message. */
  readonly onExplained?: ErrorSink;
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
        if (known) {
          if (!(error instanceof DeskFailure)) options.onExplained?.(channel, error);
          return failure(known.toError());
        }
        onUnexpected(channel, error);
        return failure({ code: 'INTERNAL', message: 'Something went wrong in the app. Try again.' });
      }
    },
  };
}

function failure(error: DeskError): DeskResult<never> {
  return { ok: false, error };
}

/**
 * INVALID_INPUT with one sentence about the first bad value; the field's path (e.g. `profile.tenantId`)
 * and every issue go in `details`, for screens that show an error next to its field.
 */
export function invalidInput(error: z.ZodError): DeskError {
  const issues = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
  }));
  const first = error.issues[0];
  return {
    code: 'INVALID_INPUT',
    message: first ? sentenceFor(first) : 'The app sent a value it does not accept. Try again.',
    details: { field: issues[0]?.field ?? '(input)', issues },
  };
}

/** `profile.tenantId` → "profile tenant ID", `terms.0` → "terms". */
function fieldWords(path: ReadonlyArray<PropertyKey>): string | undefined {
  const words = path
    .filter((part): part is string => typeof part === 'string')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' ')
    .replace(/\bid\b/g, 'ID');
  return words === '' ? undefined : words;
}

/** One sentence a person can act on; our own schema messages ("must not be empty") are kept as written. */
function sentenceFor(issue: z.core.$ZodIssue): string {
  const field = fieldWords(issue.path);
  const subject = field ? `The ${field}` : 'A value';
  // Messages written for this app start in lower case; zod's own start with a capital ("Too big: …").
  if (/^[a-z]/.test(issue.message)) return `${subject} ${issue.message.replace(/\.$/, '')}.`;
  switch (issue.code) {
    case 'too_big':
      return `${subject} is too ${issue.origin === 'string' ? 'long' : 'large'}.`;
    case 'too_small':
      return `${subject} is too ${issue.origin === 'string' ? 'short' : 'small'}.`;
    case 'unrecognized_keys':
      return `The app sent something it does not accept (${issue.keys.join(', ')}). Try again.`;
    case 'invalid_type':
      return field
        ? `${subject} is missing or not of the right kind.`
        : 'The app sent a value it does not accept.';
    default:
      return `${subject} is not valid.`;
  }
}
