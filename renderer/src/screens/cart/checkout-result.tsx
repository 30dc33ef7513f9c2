/** After checkout: the orders created (ids, status), and per failed group its reason in plain words. */
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { CheckoutRecord } from '../../../../preload/contract';
import { NoticeBar } from '../../components/notice-bar';
import { formatMoney, isPending } from '../../state/cart';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '960px' },
});

const intents = {
  ordered: 'success',
  'partially-ordered': 'warning',
  failed: 'error',
  prepared: 'warning',
  sending: 'warning',
  'in-doubt': 'warning',
} as const;

const titles = {
  ordered: 'Bought',
  'partially-ordered': 'Partly bought',
  failed: 'Nothing was bought',
  prepared: 'Buying…',
  sending: 'Buying…',
  'in-doubt': 'Not known yet whether this was bought',
} as const;

export function CheckoutResult(props: {
  record: CheckoutRecord;
  onResolve: () => void;
  onOpenOrders: () => void;
}) {
  const styles = useStyles();
  const { record } = props;
  return (
    <div className={styles.result} data-testid="checkout-result" data-state={record.state}>
      <MessageBar intent={intents[record.state]}>
        <MessageBarBody>
          <MessageBarTitle>{titles[record.state]}</MessageBarTitle>
          {record.message}
          <Caption1 block>Request ID for support: {record.requestId}</Caption1>
        </MessageBarBody>
        <MessageBarActions>
          {isPending(record) ? (
            <Button size="small" onClick={props.onResolve} data-testid="checkout-resolve">
              Check what happened
            </Button>
          ) : (
            record.orders.length > 0 && (
              <Button size="small" onClick={props.onOpenOrders}>
                Open Orders
              </Button>
            )
          )}
        </MessageBarActions>
      </MessageBar>
      {record.orders.length > 0 && (
        <ul className={styles.list} aria-label="Orders created">
          {record.orders.map((order) => (
            <li key={order.orderId} data-testid="checkout-order">
              <Text>
                Order <Text weight="semibold">{order.orderId}</Text>: {order.status}
                {order.totalPrice !== null && order.currency
                  ? `, ${formatMoney(order.totalPrice, order.currency)}`
                  : ''}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {record.groupErrors.map((group, index) => (
        <NoticeBar key={group.orderGroup ?? index} intent="error" testId="checkout-group-error">
          {group.message}
          {group.detail ? <Caption1 block>Partner Center says: {group.detail}</Caption1> : null}
        </NoticeBar>
      ))}
      {record.newDraftId && (
        <Text data-testid="checkout-new-draft">
          The lines that were not bought are back in the cart below, so you can fix them and try again.
        </Text>
      )}
    </div>
  );
}
