/**
 * The market picked by hand, kept in this window's local storage so that it survives a reload
 * (the in-memory pick does not). Choosing a customer forgets it.
 */
import { create } from 'zustand';
import type { RememberedMarket } from './catalog-market';

const KEY = 'reservation-desk.picked-market';

function read(): RememberedMarket | null {
  try {
    const value = JSON.parse(
      globalThis.localStorage?.getItem(KEY) ?? 'null',
    ) as Partial<RememberedMarket> | null;
    return value && typeof value.profileId === 'string' && typeof value.country === 'string'
      ? { profileId: value.profileId, customerId: value.customerId ?? null, country: value.country }
      : null;
  } catch {
    return null;
  }
}

function write(value: RememberedMarket | null): void {
  try {
    if (value) globalThis.localStorage?.setItem(KEY, JSON.stringify(value));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Without storage the pick lasts until the reload, as before.
  }
}

interface RememberedMarketStore {
  readonly remembered: RememberedMarket | null;
  readonly remember: (value: RememberedMarket) => void;
  /** Forgets the pick of this profile (a customer was chosen). */
  readonly forget: (profileId: string) => void;
}

export const useRememberedMarket = create<RememberedMarketStore>((set, get) => ({
  remembered: read(),
  remember(value) {
    write(value);
    set({ remembered: value });
  },
  forget(profileId) {
    if (get().remembered?.profileId !== profileId) return;
    write(null);
    set({ remembered: null });
  },
}));
