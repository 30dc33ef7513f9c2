/**
 * Rows read page by page for a virtualized table: only the pages the visible rows need are asked
 * for, so a table of any size never holds (or asks main for) all its rows at once.
 */

/** Loaded pages by page index. */
export type Pages<T> = Readonly<Record<number, ReadonlyArray<T>>>;

/** The row at an index, if its page is loaded. */
export function rowOfPages<T>(pages: Pages<T>, pageSize: number, index: number): T | undefined {
  return pages[Math.floor(index / pageSize)]?.[index % pageSize];
}

/** Pages the rows from `firstIndex` to `lastIndex` need that are not loaded yet. */
export function pagesMissing<T>(
  pages: Pages<T>,
  pageSize: number,
  firstIndex: number,
  lastIndex: number,
): number[] {
  const missing: number[] = [];
  for (let page = Math.floor(firstIndex / pageSize); page <= Math.floor(lastIndex / pageSize); page++) {
    if (!pages[page]) missing.push(page);
  }
  return missing;
}
