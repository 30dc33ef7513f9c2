/**
 * The SKU table: virtualized (only the visible rows exist in the DOM), pages loaded from main as the
 * user scrolls, sortable by every column, and usable from the keyboard (↑/↓ move, Home/End jump).
 */
import {
  Badge,
  makeStyles,
  mergeClasses,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CatalogSku, CatalogSortColumn } from '../../../../preload/contract';
import { matchCount, rowAt, skuKey } from '../../state/catalog';
import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../../state/catalog-store';
import { catalogTableView } from '../../state/catalog-views';

const ROW_HEIGHT = 36;

interface Column {
  readonly id: CatalogSortColumn;
  readonly label: string;
  readonly width: string;
  readonly render: (sku: CatalogSku) => string;
  readonly numeric?: true;
}

const termLabel = (term: string | null) =>
  term === 'P1Y' ? '1 year' : term === 'P3Y' ? '3 years' : (term ?? '');

const columns: ReadonlyArray<Column> = [
  { id: 'productTitle', label: 'Product', width: 'minmax(110px, 1.4fr)', render: (s) => s.productTitle },
  { id: 'armSkuName', label: 'SKU', width: 'minmax(100px, 1.2fr)', render: (s) => s.armSkuName ?? s.title },
  {
    id: 'region',
    label: 'Region',
    width: 'minmax(90px, 1fr)',
    render: (s) => s.region ?? s.armRegionName ?? '',
  },
  { id: 'cores', label: 'vCPUs', width: '60px', render: (s) => s.cores?.toString() ?? '', numeric: true },
  { id: 'ramGb', label: 'RAM (GB)', width: '84px', render: (s) => s.ramGb?.toString() ?? '', numeric: true },
  { id: 'term', label: 'Term', width: '68px', render: (s) => termLabel(s.term) },
  { id: 'category', label: 'Category', width: 'minmax(80px, 0.8fr)', render: (s) => s.category ?? '' },
  { id: 'diskType', label: 'Disk', width: '60px', render: (s) => s.diskType ?? '' },
];
// The last column holds the "Inventory check" badge and its heading "Prerequisite", both in full.
const template = `${columns.map((c) => c.width).join(' ')} 124px`;
/** Narrower than this, the table scrolls sideways instead of squeezing columns to nothing. */
const MIN_TABLE_WIDTH = '776px';

const useStyles = makeStyles({
  header: {
    display: 'grid',
    gridTemplateColumns: template,
    minWidth: MIN_TABLE_WIDTH,
    position: 'sticky',
    top: 0,
    zIndex: 1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  body: { position: 'relative', minWidth: MIN_TABLE_WIDTH },
  headerCell: { display: 'flex', minWidth: 0 },
  sortButton: {
    flexGrow: 1,
    minWidth: 0,
    border: 'none',
    background: 'none',
    font: 'inherit',
    color: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  scroller: {
    overflow: 'auto',
    flexGrow: 1,
    minHeight: 0,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  row: {
    display: 'grid',
    gridTemplateColumns: template,
    alignItems: 'center',
    position: 'absolute',
    left: 0,
    right: 0,
    height: `${ROW_HEIGHT}px`,
    cursor: 'pointer',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  numeric: { textAlign: 'right' },
  numericHeader: { justifyContent: 'flex-end' },
  plainHeader: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function CatalogTable() {
  const styles = useStyles();
  const view = useCatalog(useShallow(catalogTableView));
  const { sort, selectedKey, version } = view;
  const total = matchCount(view);
  const sortBy = useCatalog((s) => s.sortBy);
  const ensureRows = useCatalog((s) => s.ensureRows);
  const select = useCatalog((s) => s.select);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  // TanStack Virtual cannot be memoized by the React Compiler; nothing here relies on compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
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
  }, [version]);

  const selectedIndex = (() => {
    if (!selectedKey) return -1;
    for (const item of items) {
      const sku = rowAt(view, item.index);
      if (sku && skuKey(sku) === selectedKey) return item.index;
    }
    return -1;
  })();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 15, PageUp: -15 };
    let target: number | undefined;
    if (event.key in moves)
      target = Math.max(
        0,
        Math.min(count - 1, (selectedIndex < 0 ? first - 1 : selectedIndex) + moves[event.key]!),
      );
    if (event.key === 'Home') target = 0;
    if (event.key === 'End') target = count - 1;
    if (target === undefined || count === 0) return;
    event.preventDefault();
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const sku = rowAt(view, target);
    if (sku) select(skuKey(sku));
  };

  return (
    <div
      ref={scrollRef}
      className={styles.scroller}
      role="table"
      aria-label="Reservation SKUs: use the arrow keys to move through the rows"
      aria-rowcount={count}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="catalog-rows"
    >
      <div className={styles.header} role="row">
        {columns.map((column) => {
          const active = sort.by === column.id;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              className={styles.headerCell}
            >
              <button
                type="button"
                className={mergeClasses(styles.sortButton, column.numeric && styles.numericHeader)}
                onClick={() => sortBy(column.id)}
                data-testid={`sort-${column.id}`}
              >
                {column.label}
                {active && (sort.direction === 'asc' ? <ArrowSortUpRegular /> : <ArrowSortDownRegular />)}
              </button>
            </div>
          );
        })}
        <span className={mergeClasses(styles.headerCell, styles.plainHeader)} role="columnheader">
          Prerequisite
        </span>
      </div>
      <div className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const sku = rowAt(view, item.index);
          const key = sku ? skuKey(sku) : null;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 1}
              aria-selected={key !== null && key === selectedKey}
              className={mergeClasses(styles.row, key !== null && key === selectedKey && styles.selected)}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => key && select(key)}
              data-testid={sku ? 'catalog-row' : 'catalog-row-loading'}
            >
              {sku ? (
                <>
                  {columns.map((column) => (
                    <Text
                      key={column.id}
                      role="cell"
                      className={mergeClasses(styles.cell, column.numeric && styles.numeric)}
                      title={column.render(sku)}
                    >
                      {column.render(sku)}
                    </Text>
                  ))}
                  <span role="cell" className={styles.cell}>
                    {sku.needsInventoryCheck && (
                      <Badge appearance="tint" color="warning" size="small">
                        Inventory check
                      </Badge>
                    )}
                  </span>
                </>
              ) : (
                <Skeleton aria-label="Loading rows" style={{ gridColumn: '1 / -1', padding: '0 8px' }}>
                  <SkeletonItem size={16} />
                </Skeleton>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
