/**
 * Orders of the current customer: all, or one-time (reservation) orders only; each with its lines,
 * status, date and total. Pending orders are watched until Partner Center completes them; orders
 * placed from this app show at once, marked "Just placed". From the cache when offline, with its age.
 */
import { Badge, Button, makeStyles, Select, Spinner, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { OrderView } from '../../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { listAndDetailStyle, toolbarStyle } from '../../components/list-detail-style';
import { NoticeBar } from '../../components/notice-bar';
import { NEED_PROFILE, PrerequisiteScreen } from '../../components/prerequisite-screen';
import { ScreenHeader } from '../../components/screen-header';
import { RowSelectButton, SelectableTable, type Column } from '../../components/selectable-table';
import type { ScreenInfo } from '../../screens';
import { useCustomers } from '../../state/customers-store';
import { fieldsOf } from '../../state/fields';
import { valueOf } from '../../state/load';
import { ageInWords } from '../../state/track';
import { useOrders } from '../../state/track-store';
import { useActiveProfile } from '../../use-active-profile';
import { OrderDetail } from './order-detail';
import { formatDate, formatMoney } from './format';

const useStyles = makeStyles({
  toolbar: toolbarStyle,
  layout: listAndDetailStyle,
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
  const { loaded, profile, currentReady } = useActiveProfile();
  const current = useCustomers((s) => s.current);
  const orders = useOrders(useShallow((s) => fieldsOf(s, ['list', 'filter', 'selectedOrderId', 'watching'])));
  const { open, setFilter, refresh, select } = useOrders.getState();

  useEffect(() => {
    if (profile && current) void open(profile.id, current.id);
  }, [profile, current, open]);

  if (loaded && !profile) {
    return <PrerequisiteScreen info={info} need={NEED_PROFILE} />;
  }
  if (loaded && currentReady && !current) {
    return (
      <PrerequisiteScreen
        info={info}
        need={{
          from: 'customers',
          action: 'Choose a customer',
          message: 'Choose the customer whose orders you want to see.',
        }}
      />
    );
  }

  const answer = valueOf(orders.list);
  const columns: ReadonlyArray<Column<OrderView>> = [
    {
      header: 'Order',
      cell: (order) => (
        <>
          <RowSelectButton
            id
            selected={order.id === orders.selectedOrderId}
            onSelect={() => void select(order.id)}
          >
            {order.id}
          </RowSelectButton>
          {order.justPlaced && (
            <Badge appearance="filled" color="brand" data-testid="just-placed">
              Just placed
            </Badge>
          )}
        </>
      ),
    },
    { header: 'Created', cell: (order) => formatDate(order.creationDate) },
    {
      header: 'Status',
      cell: (order) => (
        <>
          {statusBadge(order)}
          {orders.watching[order.id] !== undefined && <Text size={200}> watching…</Text>}
        </>
      ),
    },
    {
      header: 'Lines',
      cell: (order) =>
        order.lines.map((line) => (
          <div key={line.lineItemNumber}>
            {line.quantity ?? '?'} × {line.friendlyName ?? line.offerId ?? 'line'}
          </div>
        )),
    },
    { header: 'Total', cell: (order) => formatMoney(order.totalPrice, order.currencyCode) },
  ];
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
        <NoticeBar intent="info">
          No orders for this customer{orders.filter === 'one-time' ? ' with one-time billing' : ''}.
        </NoticeBar>
      )}
      {answer && answer.orders.length > 0 && (
        <div className={styles.layout}>
          <SelectableTable
            testId="orders-table"
            columns={columns}
            rows={answer.orders}
            keyOf={(order) => order.id}
            selectedKey={orders.selectedOrderId}
            rowData={(order) => ({ 'data-testid': 'order-row', 'data-order-id': order.id })}
          />
          <OrderDetail />
        </div>
      )}
    </section>
  );
}
