import { describe, expect, it } from 'vitest';
import type {
  RegistrationList,
  SubscriptionRegistration,
  TaskFinished,
  TaskProgress,
} from '../../../preload/contract';
import { formatAge } from '../../../renderer/src/state/age';
import {
  canRegister,
  customerSelected,
  finishedReceived,
  initialRegistrationState,
  listRequested,
  listSettled,
  outcomeOf,
  progressReceived,
  registrationLabel,
  subscriptionsForScope,
  watchOf,
  watchRefused,
  watchStarted,
} from '../../../renderer/src/state/registration';

const subscription = (patch: Partial<SubscriptionRegistration>): SubscriptionRegistration => ({
  subscriptionId: 'S1',
  name: 'Azure plan',
  offerId: 'DZH318Z0BPS6:0001:DZH318Z0BML6',
  subscriptionStatus: 'active',
  scope: 'AzurePlan',
  registration: 'NotRegistered',
  checkedAt: '2026-11-29T10:00:00.000Z',
  watchTaskId: null,
  ...patch,
});
const list = (subscriptions: SubscriptionRegistration[]): RegistrationList => ({
  customerId: 'c1',
  subscriptions,
  readAt: '2026-11-29T10:00:00.000Z',
  fromCache: false,
  cacheReason: null,
});
const open = customerSelected(initialRegistrationState, 'demo', 'c1');
const finished = (outcome: TaskFinished['outcome'], taskId = 't1'): TaskFinished => ({
  taskId,
  kind: 'subscription.registration',
  key: 'demo|c1|s1',
  outcome,
  message: outcome === 'completed' ? 'Registered.' : 'Stopped watching.',
});

describe('registration state', () => {
  it('starts over for another customer, and drops a late answer for the previous one', () => {
    const loaded = listSettled(listRequested(open), 'demo', 'c1', {
      ok: true,
      value: list([subscription({})]),
    });
    expect(loaded.list.status).toBe('ready');
    const other = customerSelected(loaded, 'demo', 'c2');
    expect(other.list.status).toBe('idle');
    expect(listSettled(other, 'demo', 'c1', { ok: true, value: list([]) })).toBe(other);
    expect(customerSelected(other, 'demo', 'c2')).toBe(other);
  });

  it('keeps the last list when reading again fails', () => {
    const loaded = listSettled(open, 'demo', 'c1', { ok: true, value: list([subscription({})]) });
    const failed = listSettled(listRequested(loaded), 'demo', 'c1', {
      ok: false,
      error: { code: 'OFFLINE', message: 'Partner Center cannot be reached.' },
    });
    expect(failed.list).toMatchObject({
      status: 'error',
      previous: { subscriptions: [{ subscriptionId: 'S1' }] },
    });
  });

  it('follows a watch from start through progress to its outcome, matched case-insensitively', () => {
    const started = watchStarted(open, 'S1', 't1');
    expect(watchOf(started, 's1')).toEqual({ taskId: 't1', phase: null });
    const progress: TaskProgress = {
      taskId: 't1',
      kind: 'subscription.registration',
      key: 'demo|c1|s1',
      label: 'Registering',
      phase: 'Partner Center is registering it…',
      done: 0,
      total: 1,
      startedAt: '2026-11-29T10:00:00.000Z',
    };
    const progressed = progressReceived(started, progress);
    expect(watchOf(progressed, 'S1')?.phase).toBe('Partner Center is registering it…');
    // Another task's events change nothing.
    expect(progressReceived(progressed, { ...progress, taskId: 'other' })).toBe(progressed);
    expect(finishedReceived(progressed, finished('completed', 'other'))).toBe(progressed);

    const done = finishedReceived(progressed, finished('cancelled'));
    expect(watchOf(done, 'S1')).toBeUndefined();
    expect(outcomeOf(done, 'S1')).toEqual({ outcome: 'cancelled', message: 'Stopped watching.' });
    // Starting again clears the old outcome.
    expect(outcomeOf(watchStarted(done, 'S1', 't2'), 'S1')).toBeUndefined();
  });

  it('picks up a watch main still runs (after a reload), and says why a registration was refused', () => {
    const loaded = listSettled(open, 'demo', 'c1', {
      ok: true,
      value: list([subscription({ registration: 'Registering', watchTaskId: 't9' })]),
    });
    expect(watchOf(loaded, 'S1')).toEqual({ taskId: 't9', phase: null });
    expect(outcomeOf(watchRefused(open, 'S1', 'Not active.'), 'S1')).toEqual({
      outcome: 'failed',
      message: 'Not active.',
    });
  });

  it('labels statuses and offers Register only where it helps', () => {
    expect(registrationLabel(subscription({}))).toBe('Not registered');
    expect(registrationLabel(subscription({ registration: null }))).toBe('Status unknown');
    expect(registrationLabel(subscription({ scope: null, registration: null }))).toBe('Not eligible');
    expect(canRegister(subscription({}))).toBe(true);
    expect(canRegister(subscription({ registration: 'Registered' }))).toBe(false);
    expect(canRegister(subscription({ scope: null }))).toBe(false);
  });

  it('offers a cart only registered, active subscriptions of its scope, and names the others', () => {
    const all = [
      subscription({ subscriptionId: 'a', registration: 'Registered' }),
      subscription({ subscriptionId: 'b' }),
      subscription({ subscriptionId: 'c', registration: 'Registered', subscriptionStatus: 'suspended' }),
      subscription({ subscriptionId: 'd', scope: 'MS-AZR-0145P', registration: 'Registered' }),
      subscription({ subscriptionId: 'e', scope: null, registration: null }),
    ];
    const plan = subscriptionsForScope(all, 'AzurePlan');
    expect(plan.usable.map((s) => s.subscriptionId)).toEqual(['a']);
    expect(plan.unregistered.map((s) => s.subscriptionId)).toEqual(['b']);
    expect(subscriptionsForScope(all, 'MS-AZR-0145P').usable.map((s) => s.subscriptionId)).toEqual(['d']);
  });
});

describe('formatAge', () => {
  const now = Date.parse('2026-11-29T12:00:00.000Z');
  it('says how old a status is in words', () => {
    expect(formatAge('2026-11-29T11:59:30.000Z', now)).toBe('just now');
    expect(formatAge('2026-11-29T11:59:00.000Z', now)).toBe('1 minute ago');
    expect(formatAge('2026-11-29T11:15:00.000Z', now)).toBe('45 minutes ago');
    expect(formatAge('2026-11-29T09:00:00.000Z', now)).toBe('3 hours ago');
    expect(formatAge('2026-11-25T12:00:00.000Z', now)).toBe('4 days ago');
    expect(formatAge('not a date', now)).toBe('at an unknown time');
  });
});
