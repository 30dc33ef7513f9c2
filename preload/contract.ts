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
  'TIMEOUT',
  'KEYCHAIN_UNAVAILABLE',
  'MISCONFIGURED',
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

/** How a profile signs in: with an app secret (App-only) or as a user with MFA (App+User). */
export const AuthMode = z.enum(['app-only', 'app-user']);
export type AuthMode = z.infer<typeof AuthMode>;

/** Microsoft's cloud, or the built-in sandbox (the demo profile). */
export const Cloud = z.enum(['global', 'sandbox']);
export type Cloud = z.infer<typeof Cloud>;

export const Segment = z.enum(['commercial', 'education', 'government', 'nonprofit']);
export type Segment = z.infer<typeof Segment>;

/** A profile's defaults for catalog browsing and carts. */
export const ProfileDefaults = z.object({
  country: z.string().max(8),
  segment: Segment,
  locale: z.string().max(16),
});
export type ProfileDefaults = z.infer<typeof ProfileDefaults>;

/** A partner profile as the renderer sees it. It has no secret field, by design. */
export const ProfileView = z.object({
  id: z.string(),
  name: z.string(),
  tenantId: z.string(),
  appId: z.string(),
  authMode: AuthMode,
  cloud: Cloud,
  defaults: ProfileDefaults,
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileView = z.infer<typeof ProfileView>;

/**
 * What the Connect form sends. Field rules (GUIDs, lengths) are checked in main, which answers
 * INVALID_INPUT with `details.fields` (field → message) so the form can show each next to its field.
 * `appSecret` goes to the OS keychain and never comes back.
 */
const ProfileFields = {
  name: z.string().max(200),
  tenantId: z.string().max(200),
  appId: z.string().max(200),
  authMode: AuthMode,
  cloud: Cloud.optional(),
  defaults: ProfileDefaults.partial().optional(),
  appSecret: z.string().min(1).max(2048).optional(),
};
export const ProfileDraft = z.strictObject(ProfileFields);
export type ProfileDraft = z.input<typeof ProfileDraft>;

const ProfileId = z.strictObject({ profileId: z.string().min(1).max(64) });

export const ProfileList = z.object({
  profiles: z.array(ProfileView),
  activeProfileId: z.string().nullable(),
});
export type ProfileList = z.infer<typeof ProfileList>;

/** Where a profile stands: read from the keychain, no network. */
export const AuthStatus = z.object({
  profileId: z.string(),
  state: z.enum(['signed-in', 'signed-out', 'sign-in-required', 'secret-missing']),
  message: z.string(),
  account: z.object({ username: z.string(), name: z.string().optional() }).optional(),
  hasAppSecret: z.boolean().optional(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

export const SignInMethod = z.enum(['auto', 'browser', 'device-code']);

export const SignInOutcome = z.object({
  profileId: z.string(),
  method: z.enum(['client-credentials', 'browser', 'device-code']),
  account: z.object({ username: z.string(), name: z.string().optional() }).optional(),
  expiresOn: z.string().nullable(),
});
export type SignInOutcome = z.infer<typeof SignInOutcome>;

/** A cheap call to Partner Center: proof the profile works, and how fast. */
export const ConnectionCheck = z.object({
  profileId: z.string(),
  roundTripMs: z.number().nonnegative(),
  identity: z.object({ kind: z.enum(['app', 'user']), name: z.string(), tenantId: z.string() }),
  checkedAt: z.iso.datetime(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

/** Every renderer→main call, grouped by capability. The channel name is `namespace.method`. */
export const calls = {
  app: {
    info: call(NoInput, AppInfo, 'Facts about the running app: version, transport, data folder.'),
  },
  profiles: {
    list: call(NoInput, ProfileList, 'Every partner profile (never a secret), and the active one.'),
    create: call(
      ProfileDraft,
      ProfileView,
      'Adds a profile; its app secret, if any, goes to the OS keychain.',
    ),
    update: call(
      z.strictObject({ profileId: ProfileId.shape.profileId, changes: ProfileDraft.partial() }),
      ProfileView,
      'Edits a profile; a new app secret replaces the one in the keychain.',
    ),
    remove: call(
      ProfileId,
      z.object({ removed: z.literal(true) }),
      'Deletes a profile and its keychain entries.',
    ),
    activate: call(ProfileId, ProfileList, 'Makes a profile the one the app works with.'),
    demo: call(
      NoInput,
      ProfileView,
      'The built-in demo profile, backed by the embedded sandbox (created on first use).',
    ),
  },
  auth: {
    status: call(ProfileId, AuthStatus, 'Whether a profile is signed in (keychain only, no network).'),
    signIn: call(
      z.strictObject({
        profileId: ProfileId.shape.profileId,
        method: SignInMethod.optional(),
        appSecret: z.string().min(1).max(2048).optional(),
      }),
      SignInOutcome,
      'Signs a profile in; device-code sign-ins announce their code with the auth.deviceCode event.',
    ),
    cancelSignIn: call(
      ProfileId,
      z.object({ cancelled: z.boolean() }),
      'Stops a sign-in that is waiting for the user.',
    ),
    signOut: call(
      z.strictObject({ profileId: ProfileId.shape.profileId, forgetSecret: z.boolean().optional() }),
      AuthStatus,
      'Signs out: clears the token cache, and the app secret when asked.',
    ),
    testConnection: call(
      ProfileId,
      ConnectionCheck,
      'Calls Partner Center once: who you are, and the round trip.',
    ),
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
  /** A device-code sign-in is waiting: show the code and the address to enter it at. */
  'auth.deviceCode': z.object({
    profileId: z.string(),
    userCode: z.string(),
    verificationUri: z.string(),
    message: z.string(),
    expiresAt: z.string(),
  }),
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
