/** The cart store: the pure changes in `cart.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import type {
  CartLineChanges,
  CartView,
  DeskResult,
  ReservationLineInput,
  SavingsPlanLineInput,
} from '../../../preload/contract';
import { getDesk } from '../bridge';
import { alreadyOpen } from './load';
import { once } from './once';
import {
  cartRequested,
  cartSelected,
  cartSettled,
  checkoutChanged,
  checkoutRequested,
  checkoutSettled,
  initialCartState,
  inDoubtSettled,
  reviewRequested,
  reviewSettled,
  type CartState,
} from './cart';

interface CartActions {
  /** Shows this customer's draft (kept by main, also offline) and the profile's checkouts in doubt. */
  readonly select: (profileId: string, customerId: string | null) => Promise<void>;
  readonly reload: () => Promise<void>;
  readonly addReservation: (line: ReservationLineInput) => Promise<DeskResult<CartView>>;
  readonly addSavingsPlan: (line: SavingsPlanLineInput) => Promise<DeskResult<CartView>>;
  readonly updateLine: (lineId: string, changes: CartLineChanges) => Promise<DeskResult<CartView>>;
  readonly removeLine: (lineId: string) => Promise<void>;
  readonly reviewCart: () => Promise<void>;
  /** Buys the reviewed cart; a second call while one runs, or for a spent review, does nothing. */
  readonly confirm: (confirmDuplicates: boolean) => Promise<void>;
  /** Asks Partner Center what became of a checkout in doubt (never buys again). */
  readonly resolve: (checkoutId: string) => Promise<void>;
}

export const useCart = create<CartState & CartActions>((set, get) => {
  const apply = (change: (state: CartState) => CartState) => set((state) => change(state));
  const desk = () => getDesk();
  /** Review ids confirmed in this window: a double click or a repeated Enter sends one confirm. */
  const confirmed = new Set<string>();

  const ref = () => {
    const { profileId, customerId } = get();
    return profileId && customerId ? { profileId, customerId } : null;
  };

  const readInDoubt = async (profileId: string) => {
    const result = await desk().checkout.inDoubt({ profileId });
    apply((s) => inDoubtSettled(s, profileId, result));
  };

  const change = async (
    key: string,
    send: (cart: { profileId: string; customerId: string }) => Promise<DeskResult<CartView>>,
  ): Promise<DeskResult<CartView>> => {
    const cart = ref();
    if (!cart) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'Choose a customer first.' } };
    }
    const result = await send(cart);
    apply((s) => cartSettled(s, cart.profileId, cart.customerId, result, key));
    return result;
  };

  const reload = async () => {
    const cart = ref();
    if (!cart) return;
    apply(cartRequested);
    const result = await desk().cart.get(cart);
    apply((s) => cartSettled(s, cart.profileId, cart.customerId, result));
  };

  const listen = once(() => {
    desk().on('checkout.changed', (record) => {
      apply((s) => checkoutChanged(s, record));
      const { profileId, customerId } = get();
      if (record.profileId !== profileId) return;
      void readInDoubt(record.profileId);
      if (record.customerId === customerId) void reload();
    });
  });

  return {
    ...initialCartState,

    async select(profileId, customerId) {
      listen();
      const before = get();
      apply((s) => cartSelected(s, profileId, customerId));
      if (alreadyOpen(before, { profileId, customerId }, before.cart)) return;
      await Promise.all([reload(), readInDoubt(profileId)]);
    },

    reload,

    addReservation: (line) => change('add', (cart) => desk().cart.addReservation({ ...cart, line })),
    addSavingsPlan: (line) => change('add', (cart) => desk().cart.addSavingsPlan({ ...cart, line })),
    updateLine: (lineId, changes) =>
      change(lineId, (cart) => desk().cart.updateLine({ ...cart, lineId, changes })),
    async removeLine(lineId) {
      await change(lineId, (cart) => desk().cart.removeLine({ ...cart, lineId }));
    },

    async reviewCart() {
      const cart = ref();
      if (!cart || get().review.status === 'loading') return;
      apply(reviewRequested);
      const result = await desk().cart.review(cart);
      apply((s) => reviewSettled(s, cart.profileId, cart.customerId, result));
    },

    async confirm(confirmDuplicates) {
      const cart = ref();
      const { review } = get();
      const reviewId = review.status === 'ready' ? review.value.reviewId : null;
      // Checked and marked before the first await: the second click of a double click finds it taken.
      if (!cart || !reviewId || confirmed.has(reviewId)) return;
      confirmed.add(reviewId);
      apply(checkoutRequested);
      const result = await desk().checkout.confirm({ ...cart, reviewId, confirmDuplicates });
      // A refused confirm (offline, a problem found at the last moment) may be tried again.
      if (!result.ok) confirmed.delete(reviewId);
      apply((s) => checkoutSettled(s, cart.profileId, cart.customerId, result));
      await Promise.all([reload(), readInDoubt(cart.profileId)]);
    },

    async resolve(checkoutId) {
      const cart = ref();
      if (!cart) return;
      const result = await desk().checkout.resolve({ profileId: cart.profileId, checkoutId });
      apply((s) => checkoutSettled(s, cart.profileId, cart.customerId, result));
      await Promise.all([reload(), readInDoubt(cart.profileId)]);
    },
  };
});
