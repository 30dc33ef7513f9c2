/** One order: its lines with their provisioning status (App+User), or the sentence saying why not. */
import { Badge, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../../components/error-bar';
import { detailPanelStyle } from '../../components/detail-panel-style';
import { NoticeBar } from '../../components/notice-bar';
import { valueOf } from '../../state/load';
import { useOrders } from '../../state/track-store';
import { formatDate, formatMoney } from './format';

const useStyles = makeStyles({
  panel: detailPanelStyle,
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

export function OrderDetail() {
  const styles = useStyles();
  const selectedOrderId = useOrders((s) => s.selectedOrderId);
  const detail = useOrders((s) => s.detail);
  const select = useOrders((s) => s.select);
  if (selectedOrderId === null) {
    return (
      <aside className={styles.panel} aria-label="Order detail">
        <Text>Choose an order to see its provisioning status.</Text>
      </aside>
    );
  }
  const answer = valueOf(detail);
  const provisioning = answer?.provisioning;
  return (
    <aside className={styles.panel} aria-label="Order detail" data-testid="order-detail">
      <Subtitle2 as="h2">Order {selectedOrderId}</Subtitle2>
      {detail.status === 'loading' && <Spinner size="tiny" label="Reading the order…" />}
      {detail.status === 'error' && (
        <ErrorBar
          title="The order could not be read"
          error={detail.error}
          onRetry={() => void select(selectedOrderId)}
        />
      )}
      {answer && (
        <>
          <Text>
            {answer.order.status ?? 'unknown'} · created {formatDate(answer.order.creationDate)} ·{' '}
            {formatMoney(answer.order.totalPrice, answer.order.currencyCode)}
          </Text>
          {answer.offline && <Text>Offline: this is the order as last read.</Text>}
          {provisioning && !provisioning.available && (
            <NoticeBar intent="info" testId="provisioning-unavailable">
              {provisioning.reason}
            </NoticeBar>
          )}
          {answer.order.lines.map((line) => {
            const status =
              provisioning?.available === true
                ? provisioning.lines.find((p) => p.lineItemNumber === line.lineItemNumber)?.status
                : undefined;
            return (
              <div key={line.lineItemNumber} className={styles.line} data-testid="provisioning-line">
                <Text>
                  {line.quantity ?? '?'} × {line.friendlyName ?? line.offerId ?? 'line'} (
                  {line.termDuration ?? '—'})
                </Text>
                {status !== undefined && (
                  <Badge appearance="tint" color={status === 'Fulfilled' ? 'success' : 'warning'}>
                    {status ?? 'unknown'}
                  </Badge>
                )}
              </div>
            );
          })}
        </>
      )}
    </aside>
  );
}
