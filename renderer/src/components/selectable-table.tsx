/**
 * The list half of a list-and-detail screen (orders, reservations, invoices): a plain table whose
 * selected row is highlighted (a list without a selection passes `null`). Each screen says only what
 * its columns show and how its rows are named for tests.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  id: { fontFamily: tokens.fontFamilyMonospace },
});

/** The button in a row that selects it (pressed while it is the selected one). */
export function RowSelectButton(props: {
  readonly selected: boolean;
  readonly onSelect: () => void;
  /** Shows an id (an order or invoice number) in a monospace font. */
  readonly id?: boolean;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Button
      appearance="transparent"
      className={props.id ? styles.id : undefined}
      aria-pressed={props.selected}
      onClick={props.onSelect}
    >
      {props.children}
    </Button>
  );
}

/** One column: its header and what it shows for a row. */
export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
}

export interface SelectableTableProps<Row> {
  readonly testId: string;
  readonly columns: ReadonlyArray<Column<Row>>;
  readonly rows: ReadonlyArray<Row>;
  readonly keyOf: (row: Row) => string;
  readonly selectedKey: string | null;
  /** The `data-*` attributes of a row (its test id, its id), by their full names. */
  readonly rowData: (row: Row) => Readonly<Record<`data-${string}`, string>>;
}

export function SelectableTable<Row>(props: SelectableTableProps<Row>) {
  const styles = useStyles();
  return (
    <table className={styles.table} data-testid={props.testId}>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column.header} className={styles.cell}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const key = props.keyOf(row);
          return (
            <tr
              key={key}
              className={key === props.selectedKey ? styles.selected : undefined}
              {...props.rowData(row)}
            >
              {props.columns.map((column) => (
                <td key={column.header} className={styles.cell}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
