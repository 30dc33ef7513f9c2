/**
 * The bridge contract: every renderer→main call and every main→renderer event, declared once.
 *
 * Both sides are typed from these declarations: the renderer's `window.desk` (see `desk-api.ts`) and
 * main's handlers (see `main/ipc/dispatcher.ts`). Main validates every input against its schema before
 * a handler runs, and every failure travels back as data with a stable code.
 *
 * This file is imported by the renderer, the preload scripts and main, so it may depend on zod only.
 */
import { z } from 'zod';

/** Stable error codes the renderer can switch on. Never rename one: add a new one instead. */
export const ErrorCode = z.enum([
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'OFFLINE',
  'THROTTLED',
  'CANCELLED',
  'PARTNER_CENTER',
  'BRIDGE_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A failure as the renderer sees it: a code to switch on and a message a person can act on. */
export const DeskError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type DeskError = z.infer<typeof DeskError>;

/** What every call resolves to: it never rejects. */
export type DeskResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DeskError };

/** A renderer→main call: what it accepts, what it returns, and one line on what it is for. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

function call<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): CallSpec<I, O> {
  return { input, output, summary };
}

/** For calls that take nothing: `undefined` or an empty object, and nothing else. */
const NoInput = z.strictObject({}).optional();

/** How the renderer is connected to main. */
export const TransportKind = z.enum(['electron-ipc', 'websocket']);
export type TransportKind = z.infer<typeof TransportKind>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: TransportKind,
  dataDir: z.string(),
  platform: z.string(),
  arch: z.string(),
  versions: z.object({
    node: z.string(),
    electron: z.string().optional(),
    chrome: z.string().optional(),
  }),
  startedAt: z.iso.datetime(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Every renderer→main call, grouped by capability. The channel name is `namespace.method`. */
export const calls = {
  app: {
    info: call(NoInput, AppInfo, 'Facts about the running app: version, transport, data folder.'),
  },
} as const;

/** Progress of a long piece of work in main (a sync, a download), for a progress bar. */
export const TaskProgress = z.object({
  taskId: z.string().min(1),
  label: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
});
export type TaskProgress = z.infer<typeof TaskProgress>;

/** Every main→renderer event and its payload. */
export const events = {
  'task.progress': TaskProgress,
} as const;

export type Calls = typeof calls;
export type Namespace = keyof Calls;
export type Method<N extends Namespace> = keyof Calls[N] & string;
export type Spec<N extends Namespace, M extends Method<N>> = Calls[N][M] extends CallSpec
  ? Calls[N][M]
  : never;
/** What the caller passes (before defaults and coercion). */
export type CallInput<N extends Namespace, M extends Method<N>> = z.input<Spec<N, M>['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<N extends Namespace, M extends Method<N>> = z.output<Spec<N, M>['input']>;
export type CallOutput<N extends Namespace, M extends Method<N>> = z.output<Spec<N, M>['output']>;

export type ChannelName = {
  [N in Namespace]: `${N}.${Method<N>}`;
}[Namespace];

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** Every channel in the contract, e.g. `app.info`. */
export function channelNames(): ChannelName[] {
  return Object.entries(calls).flatMap(([namespace, methods]) =>
    Object.keys(methods).map((method) => `${namespace}.${method}` as ChannelName),
  );
}

/** The spec for a channel name, or undefined when the contract has no such channel. */
export function findCall(channel: string): CallSpec | undefined {
  const dot = channel.indexOf('.');
  if (dot <= 0) return undefined;
  const namespace = channel.slice(0, dot);
  const method = channel.slice(dot + 1);
  if (!Object.hasOwn(calls, namespace)) return undefined;
  const methods: Record<string, CallSpec> = calls[namespace as Namespace];
  return Object.hasOwn(methods, method) ? methods[method] : undefined;
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
