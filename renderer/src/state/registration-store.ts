/** The registration store: the pure changes in `registration.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import { getDesk } from '../bridge';
import { alreadyOpen } from './load';
import { once } from './once';
import {
  customerSelected,
  finishedReceived,
  initialRegistrationState,
  listRequested,
  listSettled,
  progressReceived,
  watchRefused,
  watchStarted,
  type RegistrationViewState,
} from './registration';

interface RegistrationActions {
  /** Shows this customer's subscriptions: the cache at once, then Partner Center's answer. */
  readonly open: (profileId: string, customerId: string | null) => Promise<void>;
  /** Reads the list from Partner Center again. */
  readonly reload: () => Promise<void>;
  readonly register: (subscriptionId: string) => Promise<void>;
  /** Stops watching (Partner Center goes on registering; the status can be read again later). */
  readonly stopWatching: (taskId: string) => Promise<void>;
}

export const useRegistration = create<RegistrationViewState & RegistrationActions>((set, get) => {
  const apply = (change: (state: RegistrationViewState) => RegistrationViewState) =>
    set((state) => change(state));
  const desk = () => getDesk();

  const read = async (source: 'cache' | 'network') => {
    const { profileId, customerId } = get();
    if (!profileId || !customerId) return;
    apply(listRequested);
    const result = await desk().registration.status({ profileId, customerId, source });
    // An empty cache says nothing yet: keep "loading" until Partner Center answers.
    if (source === 'cache' && result.ok && result.value.readAt === null) return;
    apply((s) => listSettled(s, profileId, customerId, result));
  };

  const listen = once(() => {
    desk().on('task.progress', (progress) => {
      if (progress.kind === 'subscription.registration') apply((s) => progressReceived(s, progress));
    });
    desk().on('task.finished', (finished) => {
      if (finished.kind !== 'subscription.registration') return;
      apply((s) => finishedReceived(s, finished));
      // The watch stored the last status it read: show it (from the cache, no extra request).
      void read('cache');
    });
  });

  return {
    ...initialRegistrationState,

    async open(profileId, customerId) {
      listen();
      const before = get();
      apply((s) => customerSelected(s, profileId, customerId));
      if (alreadyOpen(before, { profileId, customerId }, before.list)) return;
      await read('cache');
      await read('network');
    },

    reload: () => read('network'),

    async register(subscriptionId) {
      const { profileId, customerId } = get();
      if (!profileId || !customerId) return;
      const result = await desk().registration.register({ profileId, customerId, subscriptionId });
      apply((s) =>
        result.ok
          ? watchStarted(s, subscriptionId, result.value.taskId)
          : watchRefused(s, subscriptionId, result.error.message),
      );
    },

    async stopWatching(taskId) {
      await desk().tasks.cancel({ taskId });
    },
  };
});
