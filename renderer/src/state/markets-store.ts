/**
 * The markets Partner Center serves (read once from main) and the ones the user picked recently.
 * Recent picks are a convenience of this window, kept in its local storage.
 */
import { create } from 'zustand';
import type { Market } from '../../../preload/contract';
import { getDesk } from '../bridge';
import { marketUsed } from './markets';

const RECENT_KEY = 'reservation-desk.recent-markets';

function readRecent(): ReadonlyArray<string> {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

interface MarketsStore {
  readonly markets: ReadonlyArray<Market>;
  readonly recent: ReadonlyArray<string>;
  /** Reads the markets once; later calls return at once. */
  readonly load: () => Promise<ReadonlyArray<Market>>;
  readonly used: (code: string) => void;
}

export const useMarkets = create<MarketsStore>((set, get) => ({
  markets: [],
  recent: readRecent(),
  async load() {
    if (get().markets.length > 0) return get().markets;
    const result = await getDesk().catalog.markets();
    if (result.ok) set({ markets: result.value.markets });
    return get().markets;
  },
  used(code) {
    const recent = marketUsed(get().recent, code);
    set({ recent });
    try {
      globalThis.localStorage?.setItem(RECENT_KEY, JSON.stringify(recent));
    } catch {
      // A full or disabled storage only loses the convenience.
    }
  },
}));
