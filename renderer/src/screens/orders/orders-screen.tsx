/**
 * Orders of the current customer: all, or one-time (reservation) orders only; each with its lines,
 * status, date and total. Pending orders are watched until Partner Center completes them; orders
 * placed from this app show at once, marked "Just placed". From the cache when offline, with its age.
 */
import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { OrderView } from '../../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { ScreenHeader } from '../../components/screen-header';
import type { ScreenInfo } from '../../screens';
import { useCustomers } from '../../state/customers-store';
import { valueOf } from '../../state/load';
import { useNavigation } from '../../state/navigation-store';
import { ageInWords } from '../../state/track';
import { useOrders } from '../../state/track-store';
import { useActiveProfile } from '../../use-active-profile';
import { OrderDetail } from './order-detail';
import { formatDate, formatMoney } from './format';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    alignItems: 'center',
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalM,
  },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalXL,
  },
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  orderButton: { fontFamily: tokens.fontFamilyMonospace },
});

function statusBadge(order: OrderView) {
  const status = order.status ?? 'unknown';
  const color = /completed/i.test(status) ? 'success' : /pending/i.test(status) ? 'warning' : 'informative';
  return (
    <Badge appearance="tint" color={color}>
      {status}
    </Badge>
  );
}

export function OrdersScreen({ info }: { info: ScreenInfo }) {
  const styles = useStyles();
  const go = useNavigation((s) => s.go);
  const { loaded, profile, currentReady } = useActiveProfile();
  const current = useCustomers((s) => s.current);
  const orders = useOrders(
    useShallow((s) => ({
      list: s.list,
      filter: s.filter,
      selectedOrderId: s.selectedOrderId,
      watching: s.watching,
    })),
  );
  const { open, setFilter, refresh, select } = useOrders.getState();

  useEffect(() => {
    if (profile && current) void open(profile.id, current.id);
  }, [profile, current, open]);

  if (loaded && (!profile || (currentReady && !current))) {
    return (
      <section data-testid="screen-orders">
        <ScreenHeader info={info} />
        <MessageBar intent="info">
          <MessageBarBody>
            {profile
              ? 'Choose the customer whose orders you want to see.'
              : 'Connect a partner profile first.'}
          </MessageBarBody>
          <Button appearance="primary" onClick={() => go(profile ? 'customers' : 'connect')}>
            {profile ? 'Choose a customer' : 'Go to Connect'}
          </Button>
        </MessageBar>
      </section>
    );
  }

  const answer = valueOf(orders.list);
  return (
    <section data-testid="screen-orders">
      <ScreenHeader info={info} />
      <div className={styles.toolbar}>
        <Text weight="semibold">{current?.name}</Text>
        <label>
          <Text>Show </Text>
          <Select
            aria-label="Which orders"
            value={orders.filter}
            onChange={(_event, data) => void setFilter(data.value === 'one-time' ? 'one-time' : 'all')}
            data-testid="orders-filter"
          >
            <option value="all">All orders</option>
            <option value="one-time">One-time (reservations) only</option>
          </Select>
        </label>
        <Button onClick={() => void refresh()} disabled={orders.list.status === 'loading'}>
          Refresh
        </Button>
        {orders.list.status === 'loading' && <Spinner size="tiny" label="Reading orders…" />}
        {answer && (
          <Text data-testid="orders-age">
            {answer.offline ? 'Offline: showing orders read ' : 'Read '}
            {ageInWords(answer.fetchedAt)}.
          </Text>
        )}
      </div>
      {orders.list.status === 'error' && (
        <ErrorBar title="Orders could not be read" error={orders.list.error} onRetry={() => void refresh()} />
      )}
      {answer && answer.orders.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            No orders for this customer{orders.filter === 'one-time' ? ' with one-time billing' : ''}.
          </MessageBarBody>
        </MessageBar>
      )}
      {answer && answer.orders.length > 0 && (
        <div className={styles.layout}>
          <table className={styles.table} data-testid="orders-table">
            <thead>
              <tr>
                <th className={styles.cell}>Order</th>
                <th className={styles.cell}>Created</th>
                <th className={styles.cell}>Status</th>
                <th className={styles.cell}>Lines</th>
                <th className={styles.cell}>Total</th>
              </tr>
            </thead>
            <tbody>
              {answer.orders.map((order) => (
                <tr
                  key={order.id}
                  className={order.id === orders.selectedOrderId ? styles.selected : undefined}
                  data-testid="order-row"
                  data-order-id={order.id}
                >
                  <td className={styles.cell}>
                    <Button
                      appearance="transparent"
                      className={styles.orderButton}
                      aria-pressed={order.id === orders.selectedOrderId}
                      onClick={() => void select(order.id)}
                    >
                      {order.id}
                    </Button>
                    {order.justPlaced && (
                      <Badge appearance="filled" color="brand" data-testid="just-placed">
                        Just placed
                      </Badge>
                    )}
                  </td>
                  <td className={styles.cell}>{formatDate(order.creationDate)}</td>
                  <td className={styles.cell}>
                    {statusBadge(order)}
                    {orders.watching[order.id] !== undefined && <Text size={200}> watching…</Text>}
                  </td>
                  <td className={styles.cell}>
                    {order.lines.map((line) => (
                      <div key={line.lineItemNumber}>
                        {line.quantity ?? '?'} × {line.friendlyName ?? line.offerId ?? 'line'}
                      </div>
                    ))}
                  </td>
                  <td className={styles.cell}>{formatMoney(order.totalPrice, order.currencyCode)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <OrderDetail />
        </div>
      )}
    </section>
  );
}
