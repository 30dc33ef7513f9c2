/**
 * The profile's customers as a table: name, domain, billing country, the action that makes one the
 * current customer, and (read-only) its subscriptions with the reservation scope they can buy for.
 * A plain table of buttons: Tab reaches every action, Enter or Space runs it.
 */
import {
  Badge,
  Button,
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
} from '@fluentui/react-components';
import { CheckmarkRegular, ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import type { CatalogScope, CustomerSummary, SubscriptionSummary } from '../../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { countryName } from '../../state/customers';
import type { Load } from '../../state/load';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
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
  // Wide enough for both actions side by side on a laptop window, so rows keep one height.
  actionsColumn: { width: '300px' },
  // Long onmicrosoft.com domains wrap inside their column instead of running into the next one.
  domain: { overflowWrap: 'anywhere' },
});

function scopeLabel(scope: CatalogScope | null): string {
  if (scope === 'AzurePlan') return 'Azure plan';
  if (scope === 'MS-AZR-0145P') return 'Azure (MS-AZR-0145P)';
  return 'No reservations';
}

export function CustomerList(props: {
  customers: ReadonlyArray<CustomerSummary>;
  currentId: string | null;
  expandedId: string | null;
  subscriptions: Readonly<Record<string, Load<ReadonlyArray<SubscriptionSummary>>>>;
  onChoose: (customer: CustomerSummary) => void;
  onToggleSubscriptions: (customerId: string) => void;
}) {
  const styles = useStyles();
  return (
    <Table aria-label="Customers" data-testid="customer-list">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Customer</TableHeaderCell>
          <TableHeaderCell>Domain</TableHeaderCell>
          <TableHeaderCell>Billing country</TableHeaderCell>
          <TableHeaderCell className={styles.actionsColumn}>
            <span className={styles.muted}>Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.customers.map((customer) => {
          const isCurrent = customer.id === props.currentId;
          const expanded = customer.id === props.expandedId;
          const subscriptions = props.subscriptions[customer.id];
          return (
            <Fragment key={customer.id}>
              <TableRow data-testid="customer-row" data-customer-id={customer.id} aria-selected={isCurrent}>
                <TableCell>
                  <Text weight={isCurrent ? 'semibold' : 'regular'}>{customer.name}</Text>
                  {isCurrent && (
                    <Badge appearance="tint" color="brand" className={styles.currentBadge}>
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
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      appearance={isCurrent ? 'subtle' : 'primary'}
                      icon={isCurrent ? <CheckmarkRegular /> : undefined}
                      disabled={isCurrent}
                      onClick={() => props.onChoose(customer)}
                      // The name starts with the visible label, so speech input ("click Work with…") finds it.
                      aria-label={
                        isCurrent
                          ? `Current customer: ${customer.name}`
                          : `Work with this customer: ${customer.name}`
                      }
                      data-testid="customer-choose"
                    >
                      {isCurrent ? 'Current customer' : 'Work with this customer'}
                    </Button>
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
                  </div>
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
