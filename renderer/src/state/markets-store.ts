/**
 * The markets Partner Center serves (read once from main) and the ones the user picked recently.
 * Recent picks are a convenience of this window, kept in its local storage.
 */
import { create } from 'zustand';
import type { Market } from '../../../preload/contract';
import { getDesk } from '../bridge';
import { loading, mapResult, settle, valueOf, type Load } from './load';
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
  readonly markets: Load<ReadonlyArray<Market>>;
  readonly recent: ReadonlyArray<string>;
  /** Reads the markets once; later calls return at once. */
  readonly load: () => Promise<ReadonlyArray<Market>>;
  readonly used: (code: string) => void;
}

export const useMarkets = create<MarketsStore>((set, get) => ({
  markets: { status: 'idle' },
  recent: readRecent(),
  async load() {
    const known = get().markets;
    if (known.status === 'ready') return known.value;
    set({ markets: loading(known) });
    const result = await getDesk().catalog.markets();
    set((s) => ({
      markets: settle(
        s.markets,
        mapResult(result, (value) => value.markets),
      ),
    }));
    return marketList(get());
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

const NO_MARKETS: ReadonlyArray<Market> = [];

/** The markets as far as they are known (none before the first answer, or after a failed one). */
export function marketList(state: Pick<MarketsStore, 'markets'>): ReadonlyArray<Market> {
  return valueOf(state.markets) ?? NO_MARKETS;
}
