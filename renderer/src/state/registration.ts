/**
 * The current customer's subscriptions and their reservation registration (journey step 2): pure
 * changes, tested without React or a bridge. Main caches the list, so it shows offline with its age.
 */
import type {
  CatalogScope,
  RegistrationList,
  SubscriptionRegistration,
  TaskFinished,
  TaskProgress,
} from '../../../preload/contract';
import type { DeskResult } from '../../../preload/contract';
import { idle, loading, settle, type Load } from './load';

/** A registration this screen watches: its task, and the step Partner Center is at. */
export interface Watch {
  readonly taskId: string;
  readonly phase: string | null;
}

/** How a watch ended, said on the subscription's row. */
export interface WatchOutcome {
  readonly outcome: TaskFinished['outcome'];
  readonly message: string;
}

export interface RegistrationViewState {
  readonly profileId: string | null;
  readonly customerId: string | null;
  readonly list: Load<RegistrationList>;
  /** Running watches and finished outcomes, by subscription id (lower case). */
  readonly watches: Readonly<Record<string, Watch>>;
  readonly outcomes: Readonly<Record<string, WatchOutcome>>;
}

export const initialRegistrationState: RegistrationViewState = {
  profileId: null,
  customerId: null,
  list: idle,
  watches: {},
  outcomes: {},
};

const idOf = (subscriptionId: string) => subscriptionId.toLowerCase();

/** Another profile or customer: its subscriptions are other ones. */
export function customerSelected(
  state: RegistrationViewState,
  profileId: string,
  customerId: string | null,
): RegistrationViewState {
  if (state.profileId === profileId && state.customerId === customerId) return state;
  return { ...initialRegistrationState, profileId, customerId };
}

export function listRequested(state: RegistrationViewState): RegistrationViewState {
  return { ...state, list: loading(state.list) };
}

/** The answer for a customer; a late one for another customer is dropped. */
export function listSettled(
  state: RegistrationViewState,
  profileId: string,
  customerId: string,
  result: DeskResult<RegistrationList>,
): RegistrationViewState {
  if (state.profileId !== profileId || state.customerId !== customerId) return state;
  const list = settle(state.list, result);
  if (!result.ok) return { ...state, list };
  // Watches main still runs (e.g. started before a reload) show as running here too.
  const watches = { ...state.watches };
  for (const s of result.value.subscriptions) {
    if (s.watchTaskId && !watches[idOf(s.subscriptionId)]) {
      watches[idOf(s.subscriptionId)] = { taskId: s.watchTaskId, phase: null };
    }
  }
  return { ...state, list, watches };
}

/** Registration started (or joined) as a task. */
export function watchStarted(
  state: RegistrationViewState,
  subscriptionId: string,
  taskId: string,
): RegistrationViewState {
  const { [idOf(subscriptionId)]: _finished, ...outcomes } = state.outcomes;
  return {
    ...state,
    outcomes,
    watches: { ...state.watches, [idOf(subscriptionId)]: { taskId, phase: null } },
  };
}

/** Registration could not start: the reason shows on its row. */
export function watchRefused(
  state: RegistrationViewState,
  subscriptionId: string,
  message: string,
): RegistrationViewState {
  return {
    ...state,
    outcomes: { ...state.outcomes, [idOf(subscriptionId)]: { outcome: 'failed', message } },
  };
}

function subscriptionOfTask(state: RegistrationViewState, taskId: string): string | undefined {
  return Object.entries(state.watches).find(([, watch]) => watch.taskId === taskId)?.[0];
}

/** A progress event: the phase of a watch this state knows; other tasks are not its business. */
export function progressReceived(
  state: RegistrationViewState,
  progress: TaskProgress,
): RegistrationViewState {
  const id = subscriptionOfTask(state, progress.taskId);
  if (!id) return state;
  return {
    ...state,
    watches: { ...state.watches, [id]: { taskId: progress.taskId, phase: progress.phase ?? null } },
  };
}

/** A watch ended: its row says how, and the status is read again by the store. */
export function finishedReceived(
  state: RegistrationViewState,
  finished: TaskFinished,
): RegistrationViewState {
  const id = subscriptionOfTask(state, finished.taskId);
  if (!id) return state;
  const { [id]: _done, ...watches } = state.watches;
  return {
    ...state,
    watches,
    outcomes: { ...state.outcomes, [id]: { outcome: finished.outcome, message: finished.message } },
  };
}

export function watchOf(state: RegistrationViewState, subscriptionId: string): Watch | undefined {
  return state.watches[idOf(subscriptionId)];
}

export function outcomeOf(state: RegistrationViewState, subscriptionId: string): WatchOutcome | undefined {
  return state.outcomes[idOf(subscriptionId)];
}

/** "Azure plan", for the scope a subscription buys from. */
export function scopeLabel(scope: CatalogScope | null): string {
  if (scope === 'AzurePlan') return 'Azure plan';
  if (scope === 'MS-AZR-0145P') return 'Azure (MS-AZR-0145P)';
  return 'No reservations';
}

/** The catalog a subscription buys from, in a sentence. */
export function scopeSentence(scope: CatalogScope | null): string {
  if (scope === 'AzurePlan') return 'Buys from the Azure plan catalog.';
  if (scope === 'MS-AZR-0145P') return 'Buys from the MS-AZR-0145P (legacy Azure) catalog.';
  return 'Cannot hold reservations: only Azure plans and MS-AZR-0145P subscriptions can.';
}

/** The status badge's words. */
export function registrationLabel(subscription: SubscriptionRegistration): string {
  if (!subscription.scope) return 'Not eligible';
  switch (subscription.registration) {
    case 'Registered':
      return 'Registered';
    case 'Registering':
      return 'Registering';
    case 'NotRegistered':
      return 'Not registered';
    case null:
      return 'Status unknown';
  }
}

/** Whether the subscription can be registered now (eligible, and not registered yet). */
export function canRegister(subscription: SubscriptionRegistration): boolean {
  return subscription.scope !== null && subscription.registration !== 'Registered';
}

/**
 * The subscriptions a cart line for `scope` may use, and the others of that scope that first need
 * registering (the cart says how).
 */
export function subscriptionsForScope(
  subscriptions: ReadonlyArray<SubscriptionRegistration>,
  scope: CatalogScope,
): { readonly usable: SubscriptionRegistration[]; readonly unregistered: SubscriptionRegistration[] } {
  const active = (s: SubscriptionRegistration) =>
    s.subscriptionStatus === null || s.subscriptionStatus.toLowerCase() === 'active';
  const ofScope = subscriptions.filter((s) => s.scope === scope && active(s));
  return {
    usable: ofScope.filter((s) => s.registration === 'Registered'),
    unregistered: ofScope.filter((s) => s.registration !== 'Registered'),
  };
}
