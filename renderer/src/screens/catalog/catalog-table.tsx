/**
 * The SKU table: virtualized (only the visible rows exist in the DOM), pages loaded from main as the
 * user scrolls, sortable by every column, and usable from the keyboard: ↑/↓, Page Up/Down, Home and
 * End move the selection without opening anything (no request per row passed), Enter or a short pause
 * opens the SKU panel, Escape closes it with focus back on the row.
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
import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { CatalogSku, CatalogSortColumn } from '../../../../preload/contract';
import { matchCount, rowAt, skuKey } from '../../state/catalog';
import { catalogFieldLabels, termLabel } from '../../state/catalog-labels';
import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../../state/catalog-store';
import { catalogTableView } from '../../state/catalog-views';
import { useWindowedRows } from '../../use-windowed-rows';

const ROW_HEIGHT = 36;
/** How long the selection rests on a row before its SKU panel opens by itself. */
export const OPEN_AFTER_PAUSE_MS = 600;

/** What the screen asks of the table: focus back on the selected row (after the panel closes). */
export interface CatalogTableHandle {
  readonly focusSelectedRow: () => void;
}

interface Column {
  readonly id: CatalogSortColumn;
  readonly label: string;
  readonly width: string;
  readonly render: (sku: CatalogSku) => string;
  readonly numeric?: true;
  /** Left out while the SKU panel is open beside the table: the panel shows it, the others need the room. */
  readonly besidePanel?: false;
}

const columns: ReadonlyArray<Column> = [
  {
    id: 'productTitle',
    label: catalogFieldLabels.product,
    width: 'minmax(110px, 1.4fr)',
    render: (s) => s.productTitle,
  },
  {
    id: 'armSkuName',
    label: catalogFieldLabels.sku,
    width: 'minmax(100px, 1.2fr)',
    render: (s) => s.armSkuName ?? s.title,
  },
  {
    id: 'region',
    label: catalogFieldLabels.region,
    width: 'minmax(90px, 1fr)',
    render: (s) => s.region ?? s.armRegionName ?? '',
  },
  {
    id: 'cores',
    label: catalogFieldLabels.cores,
    width: '60px',
    render: (s) => s.cores?.toString() ?? '',
    numeric: true,
  },
  {
    id: 'ramGb',
    label: catalogFieldLabels.ramGb,
    width: '84px',
    render: (s) => s.ramGb?.toString() ?? '',
    numeric: true,
  },
  { id: 'term', label: catalogFieldLabels.term, width: '68px', render: (s) => termLabel(s.term) },
  {
    id: 'category',
    label: catalogFieldLabels.category,
    width: 'minmax(80px, 0.8fr)',
    render: (s) => s.category ?? '',
  },
  { id: 'diskType', label: 'Disk', width: '60px', render: (s) => s.diskType ?? '', besidePanel: false },
];
const besidePanel = columns.filter((column) => column.besidePanel !== false);
// The last column holds the "Inventory check" badge and its heading "Prerequisite", both in full; with
// the SKU panel open it goes too (the panel lists the prerequisites), so Product and Category are read
// in full and 1-year and 3-year rows stay apart by their Term.
const template = `${columns.map((c) => c.width).join(' ')} 124px`;
const templateBesidePanel = besidePanel.map((c) => c.width).join(' ');
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
  besidePanel: { gridTemplateColumns: templateBesidePanel, minWidth: 'auto' },
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
  // The compound brand colour is dark on the light theme and light on the dark one: the selected row
  // stands out from its neighbours by well over 3:1 in both, with text in the inverted colour.
  selected: {
    backgroundColor: tokens.colorCompoundBrandBackground,
    color: tokens.colorNeutralForegroundInverted,
    ':hover': { backgroundColor: tokens.colorCompoundBrandBackgroundHover },
  },
  rowFocus: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
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

export function CatalogTable({ handle }: { handle?: Ref<CatalogTableHandle> }) {
  const styles = useStyles();
  const view = useCatalog(useShallow(catalogTableView));
  const { sort, selectedKey, version } = view;
  const total = matchCount(view);
  const sortBy = useCatalog((s) => s.sortBy);
  const ensureRows = useCatalog((s) => s.ensureRows);
  const select = useCatalog((s) => s.select);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  // The row the keyboard is on: it may run ahead of the SKU panel, which opens on Enter or a pause.
  const [active, setActive] = useState<{ index: number; key: string | null; byKeyboard: boolean } | null>(
    null,
  );
  const [activeVersion, setActiveVersion] = useState(version);
  if (activeVersion !== version) {
    setActiveVersion(version);
    setActive(null);
  }
  const { virtualizer, items, first } = useWindowedRows({
    scrollRef,
    count,
    rowHeight: ROW_HEIGHT,
    overscan: 12,
    version,
    ensureRows,
  });

  const rowElement = (index: number) =>
    scrollRef.current?.querySelector<HTMLElement>(`[aria-rowindex="${index + 1}"]`) ?? null;

  useImperativeHandle(handle, () => ({
    focusSelectedRow: () => {
      const row = active ? rowElement(active.index) : null;
      (row ?? scrollRef.current)?.focus({ preventScroll: true });
    },
  }));

  const activeKey = active?.key ?? selectedKey;
  const panelOpen = selectedKey !== null;
  const shown = panelOpen ? besidePanel : columns;
  const activeSku = active ? rowAt(view, active.index) : undefined;
  const activeSkuKey = activeSku ? skuKey(activeSku) : null;

  // Moved by the keyboard: focus follows to the row once it is on screen, and a pause opens it.
  useEffect(() => {
    if (!active?.byKeyboard) return;
    // Only while the user is in the table: a scroll must never pull focus out of the SKU panel.
    const focused = document.activeElement;
    if (focused !== document.body && !scrollRef.current?.contains(focused)) return;
    rowElement(active.index)?.focus({ preventScroll: true });
  }, [active, items.length, first]);
  useEffect(() => {
    if (!active?.byKeyboard || activeSkuKey === null || activeSkuKey === selectedKey) return;
    const timer = setTimeout(() => select(activeSkuKey), OPEN_AFTER_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [active, activeSkuKey, selectedKey, select]);

  const selectedIndex = (() => {
    if (active) return active.index;
    if (!selectedKey) return -1;
    for (const item of items) {
      const sku = rowAt(view, item.index);
      if (sku && skuKey(sku) === selectedKey) return item.index;
    }
    return -1;
  })();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && activeSkuKey !== null) {
      event.preventDefault();
      select(activeSkuKey);
      return;
    }
    if (event.key === 'Escape' && selectedKey !== null) {
      event.preventDefault();
      select(null);
      return;
    }
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
    setActive({ index: target, key: sku ? skuKey(sku) : null, byKeyboard: true });
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
      <div className={mergeClasses(styles.header, panelOpen && styles.besidePanel)} role="row">
        {shown.map((column) => {
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
        {!panelOpen && (
          <span className={mergeClasses(styles.headerCell, styles.plainHeader)} role="columnheader">
            {catalogFieldLabels.prerequisite}
          </span>
        )}
      </div>
      <div
        className={mergeClasses(styles.body, panelOpen && styles.besidePanel)}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const sku = rowAt(view, item.index);
          const key = sku ? skuKey(sku) : null;
          const isActive = active ? active.index === item.index : key !== null && key === activeKey;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 1}
              aria-selected={isActive}
              tabIndex={-1}
              className={mergeClasses(
                styles.row,
                panelOpen && styles.besidePanel,
                styles.rowFocus,
                isActive && styles.selected,
              )}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => {
                if (!key) return;
                setActive({ index: item.index, key, byKeyboard: false });
                select(key);
              }}
              data-testid={sku ? 'catalog-row' : 'catalog-row-loading'}
            >
              {sku ? (
                <>
                  {shown.map((column) => (
                    <Text
                      key={column.id}
                      role="cell"
                      className={mergeClasses(styles.cell, column.numeric && styles.numeric)}
                      title={column.render(sku)}
                    >
                      {column.render(sku)}
                    </Text>
                  ))}
                  {!panelOpen && (
                    <span role="cell" className={styles.cell}>
                      {sku.needsInventoryCheck && (
                        <Badge appearance="tint" color="warning" size="small">
                          Inventory check
                        </Badge>
                      )}
                    </span>
                  )}
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
