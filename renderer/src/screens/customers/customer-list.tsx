/**
 * The profile's customers as a table, as in Partner Center: the customer's name is the way in (it
 * makes the customer the current one), columns sort, long lists are paged. The body is one tab stop:
 * arrow keys move between the names and the subscription toggles, Enter or Space runs one.
 */
import {
  Badge,
  Button,
  Link,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import type { CatalogScope, CustomerSummary, SubscriptionSummary } from '../../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { countryName, type CustomerSort, type CustomerSortColumn } from '../../state/customers';
import type { Load } from '../../state/load';

const useStyles = makeStyles({
  subscriptions: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXL}`,
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  subscription: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  currentBadge: { marginLeft: tokens.spacingHorizontalS },
  current: { fontWeight: tokens.fontWeightSemibold },
  subscriptionsColumn: { width: '160px' },
  // Long onmicrosoft.com domains wrap inside their column instead of running into the next one.
  domain: { overflowWrap: 'anywhere' },
  pager: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalS,
  },
});

function scopeLabel(scope: CatalogScope | null): string {
  if (scope === 'AzurePlan') return 'Azure plan';
  if (scope === 'MS-AZR-0145P') return 'Azure (MS-AZR-0145P)';
  return 'No reservations';
}

const sortColumns: ReadonlyArray<{ column: CustomerSortColumn; label: string }> = [
  { column: 'name', label: 'Customer' },
  { column: 'domain', label: 'Domain' },
  { column: 'country', label: 'Billing country' },
];

export function CustomerList(props: {
  customers: ReadonlyArray<CustomerSummary>;
  currentId: string | null;
  expandedId: string | null;
  subscriptions: Readonly<Record<string, Load<ReadonlyArray<SubscriptionSummary>>>>;
  sort: CustomerSort;
  page: number;
  pageCount: number;
  onSort: (column: CustomerSortColumn) => void;
  onPage: (page: number) => void;
  onChoose: (customer: CustomerSummary) => void;
  onToggleSubscriptions: (customerId: string) => void;
}) {
  const styles = useStyles();
  // One tab stop for the rows; the arrow keys move within them, and it remembers where you were.
  const arrowKeys = useArrowNavigationGroup({ axis: 'grid', memorizeCurrent: true });
  return (
    <>
      <Table aria-label="Customers" data-testid="customer-list" sortable>
        <TableHeader>
          <TableRow>
            {sortColumns.map(({ column, label }) => (
              <TableHeaderCell
                key={column}
                sortDirection={props.sort.column === column ? props.sort.direction : undefined}
                onClick={() => props.onSort(column)}
                data-testid={`customers-sort-${column}`}
              >
                {label}
              </TableHeaderCell>
            ))}
            <TableHeaderCell className={styles.subscriptionsColumn}>
              <span className={styles.muted}>Subscriptions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody {...arrowKeys}>
          {props.customers.map((customer) => {
            const isCurrent = customer.id === props.currentId;
            const expanded = customer.id === props.expandedId;
            const subscriptions = props.subscriptions[customer.id];
            return (
              <Fragment key={customer.id}>
                <TableRow
                  data-testid="customer-row"
                  data-customer-id={customer.id}
                  aria-current={isCurrent ? 'true' : undefined}
                >
                  <TableCell>
                    {/* The visible name is the accessible name: speech input finds it by what it shows. */}
                    <Link
                      as="button"
                      className={isCurrent ? styles.current : undefined}
                      onClick={() => props.onChoose(customer)}
                      data-testid="customer-choose"
                    >
                      {customer.name}
                    </Link>
                    {isCurrent && (
                      <Badge
                        appearance="tint"
                        color="brand"
                        className={styles.currentBadge}
                        data-testid="customer-current"
                      >
                        Current
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className={styles.domain}>{customer.domain ?? '—'}</TableCell>
                  <TableCell>
                    {countryName(customer.country)}
                    {customer.country ? ` (${customer.country})` : ''}
                  </TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
                      aria-expanded={expanded}
                      aria-label={`Subscriptions of ${customer.name}`}
                      onClick={() => props.onToggleSubscriptions(customer.id)}
                      data-testid="customer-subscriptions-toggle"
                    >
                      Subscriptions
                    </Button>
                  </TableCell>
                </TableRow>
                {expanded && (
                  <TableRow data-testid="customer-subscriptions">
                    <TableCell colSpan={4}>
                      <Subscriptions load={subscriptions} />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
      {props.pageCount > 1 && (
        <nav className={styles.pager} aria-label="Customer pages" data-testid="customers-pager">
          <Button
            disabled={props.page === 0}
            onClick={() => props.onPage(props.page - 1)}
            data-testid="customers-previous"
          >
            Previous
          </Button>
          <Text data-testid="customers-page">
            Page {props.page + 1} of {props.pageCount}
          </Text>
          <Button
            disabled={props.page >= props.pageCount - 1}
            onClick={() => props.onPage(props.page + 1)}
            data-testid="customers-next"
          >
            Next
          </Button>
        </nav>
      )}
    </>
  );
}

function Subscriptions({ load }: { load: Load<ReadonlyArray<SubscriptionSummary>> | undefined }) {
  const styles = useStyles();
  if (!load || load.status === 'idle' || load.status === 'loading') {
    return <Spinner size="tiny" label="Reading subscriptions…" />;
  }
  if (load.status === 'error') return <ErrorBar title="Could not read subscriptions" error={load.error} />;
  if (load.value.length === 0) return <Text className={styles.muted}>No subscriptions.</Text>;
  return (
    <ul className={styles.subscriptions}>
      {load.value.map((subscription) => (
        <li key={subscription.id} className={styles.subscription}>
          <Text>{subscription.name}</Text>
          <Badge appearance="outline" color={subscription.scope ? 'brand' : 'informative'}>
            {scopeLabel(subscription.scope)}
          </Badge>
          {subscription.status && <Text className={styles.muted}>{subscription.status}</Text>}
        </li>
      ))}
    </ul>
  );
}
