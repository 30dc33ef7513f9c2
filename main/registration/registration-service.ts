/**
 * Serves the `registration.*` calls (journey step 2, "Enable"): a customer's subscriptions with their
 * reservation registration status, cached so they show offline with their age, and registering one
 * (contract §4.1) followed by a watch of its status (§4.2) as a cancellable task.
 */
import type {
  DeskError,
  RegistrationList,
  RegistrationState,
  SubscriptionRegistration,
  TaskOutcome,
  TaskStarted,
} from '../../preload/contract';
import { toSubscriptionSummary } from '../customers/customer-service';
import { explainError } from '../failures';
import { DeskFailure } from '../ipc/failure';
import { systemClock, type Clock, type PartnerCenterClient } from '../partner-center';
import type { TaskContext, TaskEngine, TaskSummary } from '../tasks';
import type { RegistrationStore, StoredSubscription } from './registration-store';
import { nextPollDelayMs, REGISTRATION_WATCH_LIMIT_MS } from './watch-schedule';

/** The part of the task engine this service uses: start a run, or join the one with the same key. */
export type TaskStarter = Pick<TaskEngine, 'start'>;

/** The sentence a watch ends with, for the subscription's row. */
export function watchMessage(name: string, outcome: TaskOutcome, error?: DeskError): string {
  switch (outcome) {
    case 'completed':
      return `${name} is registered for reservations.`;
    case 'cancelled':
      return `Stopped watching. Partner Center goes on registering ${name}; its status shows here when you come back.`;
    case 'offline':
      return `Partner Center cannot be reached, so the registration of ${name} could not be followed. Check again when you are online.`;
    case 'failed':
      return error?.message ?? `The registration of ${name} could not be completed. Try again later.`;
  }
}

export interface RegistrationServiceOptions {
  readonly store: RegistrationStore;
  readonly tasks: TaskStarter;
  readonly clientFor: (profileId: string) => Promise<PartnerCenterClient>;
  /** Time and waiting between polls (tests use a faster one). */
  readonly clock?: Clock;
}

/** Failures after which the cache is worth showing: the service is away, not the request wrong. */
const CACHE_WORTHY = new Set(['OFFLINE', 'TIMEOUT', 'THROTTLED', 'UNAUTHENTICATED']);

const REGISTRATION_STATES: ReadonlyArray<RegistrationState> = ['Registered', 'Registering', 'NotRegistered'];

/** Partner Center's status in our spelling; an unknown value is unknown (null), never a guess. */
export function knownRegistration(value: string): RegistrationState | null {
  return REGISTRATION_STATES.find((state) => state === value) ?? null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface RegistrationService {
  status(profileId: string, customerId: string, source: 'network' | 'cache'): Promise<RegistrationList>;
  register(profileId: string, customerId: string, subscriptionId: string): Promise<TaskStarted>;
  /** Drops the profile's cache (the profile was removed). */
  forgetProfile(profileId: string): void;
}

export function createRegistrationService(options: RegistrationServiceOptions): RegistrationService {
  const { store, tasks, clientFor } = options;
  const clock = options.clock ?? systemClock;
  /** Watches running now, by `profile|customer|subscription`: their task ids once known. */
  const watching = new Map<string, { taskId: string | null }>();
  const watchKey = (profileId: string, customerId: string, subscriptionId: string) =>
    `${profileId}|${customerId}|${subscriptionId.toLowerCase()}`;

  const toList = (profileId: string, customerId: string, fromCache: string | null): RegistrationList => {
    const stored = store.read(profileId, customerId);
    return {
      customerId,
      readAt: iso(stored.readAt),
      fromCache: fromCache !== null,
      cacheReason: fromCache,
      subscriptions: stored.subscriptions.map((s): SubscriptionRegistration => ({
        subscriptionId: s.subscriptionId,
        name: s.name,
        offerId: s.offerId,
        subscriptionStatus: s.subscriptionStatus,
        scope: s.scope,
        registration: s.registration,
        checkedAt: iso(s.checkedAt),
        watchTaskId: watching.get(watchKey(profileId, customerId, s.subscriptionId))?.taskId ?? null,
      })),
    };
  };

  /** Reads the list and every Azure subscription's status from Partner Center, and caches them. */
  const refresh = async (profileId: string, customerId: string): Promise<void> => {
    const client = await clientFor(profileId);
    const subscriptions = await client.listSubscriptions(customerId);
    const cached = new Map(
      store.read(profileId, customerId).subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s]),
    );
    const rows = await Promise.all(
      subscriptions.map(async (subscription): Promise<StoredSubscription> => {
        const summary = toSubscriptionSummary(subscription);
        const previous = cached.get(summary.id.toLowerCase());
        const row: StoredSubscription = {
          subscriptionId: summary.id,
          name: summary.name,
          offerId: summary.offerId,
          subscriptionStatus: summary.status,
          scope: summary.scope,
          registration: summary.scope ? (previous?.registration ?? null) : null,
          checkedAt: summary.scope ? (previous?.checkedAt ?? null) : null,
        };
        if (!summary.scope) return row;
        try {
          const status = await client.getRegistrationStatus(customerId, summary.id);
          return { ...row, registration: knownRegistration(status.status), checkedAt: clock.now() };
        } catch {
          // One status that cannot be read must not hide the others: it keeps its cached value and age.
          return row;
        }
      }),
    );
    store.replace(profileId, customerId, clock.now(), rows);
  };

  const status: RegistrationService['status'] = async (profileId, customerId, source) => {
    if (source === 'cache') return toList(profileId, customerId, null);
    try {
      await refresh(profileId, customerId);
      return toList(profileId, customerId, null);
    } catch (error) {
      const failure = error instanceof DeskFailure ? error : explainError(error);
      const hasCache = store.read(profileId, customerId).readAt !== null;
      if (failure && CACHE_WORTHY.has(failure.code) && hasCache) {
        return toList(profileId, customerId, failure.message);
      }
      throw error;
    }
  };

  /** Asks Partner Center to register, then polls with backoff until `Registered` (or cancelled). */
  const watch = async (
    context: TaskContext,
    profileId: string,
    customerId: string,
    subscriptionId: string,
  ): Promise<TaskSummary> => {
    const { signal } = context;
    const client = await clientFor(profileId);
    context.progress({ done: 0, total: 1, phase: 'Asking Partner Center to register it…' });
    await client.registerSubscription(customerId, subscriptionId, { signal });
    const startedAt = clock.now();
    for (let check = 1; ; check++) {
      const { status } = await client.getRegistrationStatus(customerId, subscriptionId, { signal });
      const registration = knownRegistration(status);
      if (registration) {
        store.setRegistration(profileId, customerId, subscriptionId, registration, clock.now());
      }
      if (registration === 'Registered') {
        context.progress({ done: 1, total: 1, phase: 'Registered' });
        return { subscriptionId, registration, checks: check };
      }
      if (clock.now() - startedAt > REGISTRATION_WATCH_LIMIT_MS) {
        throw new DeskFailure(
          'TIMEOUT',
          'Partner Center is still registering this subscription. It can take a while: check again later.',
          { subscriptionId, registration: registration ?? status },
        );
      }
      context.progress({
        done: 0,
        total: 1,
        phase:
          check === 1
            ? 'Partner Center is registering it…'
            : `Partner Center is registering it (checked ${check} times)…`,
      });
      await clock.sleep(nextPollDelayMs(check), signal);
    }
  };

  const register: RegistrationService['register'] = async (profileId, customerId, subscriptionId) => {
    const key = watchKey(profileId, customerId, subscriptionId);
    const running = watching.get(key);
    if (running?.taskId) return { taskId: running.taskId, joined: true };

    const find = () =>
      store
        .read(profileId, customerId)
        .subscriptions.find((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
    let subscription = find();
    if (!subscription) {
      await refresh(profileId, customerId);
      subscription = find();
    }
    if (!subscription) {
      throw new DeskFailure('NOT_FOUND', 'This customer has no such subscription. Reload the list.', {
        subscriptionId,
      });
    }
    if (!subscription.scope) {
      throw new DeskFailure(
        'INVALID_INPUT',
        `${subscription.name} cannot hold reservations: only Azure plans and MS-AZR-0145P subscriptions can be registered.`,
        { subscriptionId },
      );
    }

    const entry: { taskId: string | null } = { taskId: null };
    watching.set(key, entry);
    const id = subscription.subscriptionId;
    try {
      const started = tasks.start({
        kind: 'subscription.registration',
        key,
        label: `Registering ${subscription.name} for reservations`,
        profileId,
        message: ({ outcome, error }) => watchMessage(subscription.name, outcome, error),
        run: (context) =>
          watch(context, profileId, customerId, id).finally(() => {
            if (watching.get(key) === entry) watching.delete(key);
          }),
      });
      // A run that already ended (or was joined) leaves no entry behind.
      if (watching.get(key) === entry) entry.taskId = started.taskId;
      return started;
    } catch (error) {
      if (watching.get(key) === entry) watching.delete(key);
      throw error;
    }
  };

  return { status, register, forgetProfile: (profileId) => store.forgetProfile(profileId) };
}
