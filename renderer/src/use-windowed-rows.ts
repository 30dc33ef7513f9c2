/**
 * A long table read in windows (the catalog, invoice line items): only the rows on screen are drawn,
 * the rows in view are asked for as they scroll in, and a new query (a new `version`) starts at the top.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type RefObject } from 'react';

export interface WindowedRowsOptions {
  /** The element that scrolls: the component owns it, as it also focuses and measures rows in it. */
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly count: number;
  readonly rowHeight: number;
  readonly overscan: number;
  /** Changes with every new query; the rows are asked for again and the list scrolls to the top. */
  readonly version: number;
  /** Asks for the rows first..last (inclusive) if they are not there yet. */
  readonly ensureRows: (first: number, last: number) => void;
}

export function useWindowedRows(options: WindowedRowsOptions) {
  const { scrollRef, count, version, ensureRows } = options;
  // TanStack Virtual cannot be memoized by the React Compiler; nothing here relies on compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => options.rowHeight,
    overscan: options.overscan,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (count > 0) ensureRows(first, last);
  }, [first, last, count, version, ensureRows]);

  // A new query starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [scrollRef, version]);

  return { virtualizer, items, first, last };
}
