/**
 * The line items of an export in the app: filters (customer, product, reservation order ID, charge
 * type), a virtualized table that reads rows a page at a time as it scrolls, and totals per customer
 * and currency. Keyboard: the table scrolls with the arrow and page keys once focused.
 */
import { Button, Input, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { ErrorBar } from '../../components/error-bar';
import {
  cellText,
  lineItemAt,
  lineItemSummary,
  subjectTitle,
  type LineItemFilter,
  type LineItemRow,
} from '../../state/line-items';
import { useLineItems } from '../../state/line-items-store';
import { useWindowedRows } from '../../use-windowed-rows';
import { formatMoney } from '../orders/format';
import { billingSectionStyle } from './section-style';

const ROW_HEIGHT = 32;
/** Typing in a filter waits this long before the table is asked again. */
const FILTER_DEBOUNCE_MS = 250;

interface Column {
  readonly label: string;
  readonly width: string;
  readonly render: (row: LineItemRow) => string;
  readonly numeric?: true;
}

const columns: ReadonlyArray<Column> = [
  { label: 'Customer', width: 'minmax(120px, 1.3fr)', render: (r) => cellText(r, 'customerName') },
  { label: 'Product', width: 'minmax(140px, 1.6fr)', render: (r) => cellText(r, 'productName') },
  {
    label: 'Reservation order ID',
    width: 'minmax(120px, 1.2fr)',
    render: (r) => cellText(r, 'reservationOrderId'),
  },
  { label: 'Charge type', width: '110px', render: (r) => cellText(r, 'chargeType') },
  { label: 'Quantity', width: '80px', render: (r) => cellText(r, 'quantity'), numeric: true },
  {
    label: 'Total',
    width: '120px',
    render: (r) => {
      const total = Number(r.totalForCustomer);
      return Number.isFinite(total) && r.totalForCustomer !== null && r.totalForCustomer !== undefined
        ? formatMoney(total, cellText(r, 'currency') || null)
        : '';
    },
    numeric: true,
  },
];
const template = columns.map((c) => c.width).join(' ');

const filterFields: ReadonlyArray<{ key: keyof LineItemFilter; label: string }> = [
  { key: 'customer', label: 'Customer' },
  { key: 'product', label: 'Product' },
  { key: 'reservationOrderId', label: 'Reservation order ID' },
  { key: 'chargeType', label: 'Charge type' },
];

const useStyles = makeStyles({
  section: billingSectionStyle,
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  filters: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  scroller: {
    height: '280px',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  header: {
    display: 'grid',
    gridTemplateColumns: template,
    minWidth: '720px',
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  body: { position: 'relative', minWidth: '720px' },
  row: {
    display: 'grid',
    gridTemplateColumns: template,
    position: 'absolute',
    left: 0,
    right: 0,
    height: `${ROW_HEIGHT}px`,
    alignItems: 'center',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  headerCell: { padding: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  numeric: { textAlign: 'right' },
  totalsBox: { maxHeight: '200px', overflowY: 'auto', maxWidth: '640px' },
  totals: { borderCollapse: 'collapse', width: '100%' },
  totalsCell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** One filter field: typed at once, sent after a pause. */
function FilterInput(props: { field: keyof LineItemFilter; label: string }) {
  const applied = useLineItems((s) => s.filter[props.field]);
  const setFilter = useLineItems((s) => s.setFilter);
  const [value, setValue] = useState(applied);
  useEffect(() => {
    if (value === applied) return;
    const timer = setTimeout(() => setFilter({ [props.field]: value }), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, applied, props.field, setFilter]);
  return (
    <Input
      aria-label={`Filter by ${props.label.toLowerCase()}`}
      placeholder={props.label}
      value={value}
      onChange={(_e, data) => setValue(data.value)}
      data-testid={`line-item-filter-${props.field}`}
    />
  );
}

export function LineItemTable() {
  const styles = useStyles();
  const table = useLineItems();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = table.total ?? 0;
  const { ensureRows, version, show, profileId } = table;
  const { virtualizer, items, first, last } = useWindowedRows({
    scrollRef,
    count,
    rowHeight: ROW_HEIGHT,
    overscan: 10,
    version,
    ensureRows,
  });

  if (!table.subject || profileId === null) return null;
  const title = subjectTitle(table.subject);
  return (
    <section className={styles.section} aria-labelledby="line-items-title" data-testid="line-item-table">
      <div className={styles.heading}>
        <Subtitle2 as="h2" id="line-items-title">
          Line items · {title}
        </Subtitle2>
        <Button size="small" onClick={() => show(profileId, null)}>
          Close line items
        </Button>
      </div>
      {/* Remounted per export, so the fields start empty with it. */}
      <div className={styles.filters} role="search" aria-label="Line items" key={title}>
        {filterFields.map((field) => (
          <FilterInput key={field.key} field={field.key} label={field.label} />
        ))}
      </div>
      <Text data-testid="line-item-summary" aria-live="polite">
        {lineItemSummary(table)}
      </Text>
      {table.error && (
        <ErrorBar
          title="The line items could not be read"
          error={table.error}
          onRetry={() => ensureRows(first, last)}
        />
      )}
      <div
        ref={scrollRef}
        className={styles.scroller}
        role="table"
        aria-label={`Line items of ${title}: use the arrow keys to scroll`}
        aria-rowcount={count + 1}
        tabIndex={0}
        data-testid="line-item-rows"
      >
        <div className={styles.header} role="row" aria-rowindex={1}>
          {columns.map((column) => (
            <span
              key={column.label}
              role="columnheader"
              className={`${styles.headerCell} ${column.numeric ? styles.numeric : ''}`}
            >
              {column.label}
            </span>
          ))}
        </div>
        <div className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = lineItemAt(table, item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={styles.row}
                style={{ transform: `translateY(${item.start}px)` }}
                data-testid={row ? 'line-item-row' : 'line-item-row-loading'}
              >
                {columns.map((column) => {
                  const text = row ? column.render(row) : '';
                  return (
                    <span
                      key={column.label}
                      role="cell"
                      title={text}
                      className={`${styles.cell} ${column.numeric ? styles.numeric : ''}`}
                    >
                      {row ? text : column === columns[0] ? 'Loading…' : ''}
                    </span>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      {table.totals.length > 0 && (
        <div
          className={styles.totalsBox}
          tabIndex={0}
          role="region"
          aria-label="Totals per customer and currency"
        >
          <table className={styles.totals} data-testid="line-item-totals">
            <caption>
              <Text weight="semibold">Totals per customer and currency</Text>
            </caption>
            <thead>
              <tr>
                <th className={styles.totalsCell}>Customer</th>
                <th className={styles.totalsCell}>Lines</th>
                <th className={styles.totalsCell}>Total</th>
              </tr>
            </thead>
            <tbody>
              {table.totals.map((total) => (
                <tr key={`${total.customerId ?? ''}:${total.currency ?? ''}`} data-testid="line-item-total">
                  <td className={styles.totalsCell}>{total.customerName ?? total.customerId ?? '—'}</td>
                  <td className={styles.totalsCell}>{total.lines.toLocaleString()}</td>
                  <td className={styles.totalsCell}>{formatMoney(total.amount, total.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
