/**
 * One reservation, and where to manage it: exchanges, refunds, scope changes and renewals are Azure
 * operations in the customer's tenant (contract §17), not Partner Center's; the reservation order ID
 * is what the Azure portal and `Microsoft.Capacity` ask for.
 */
import { Button, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { NoticeBar } from '../../components/notice-bar';
import { exchangePolicyApplies, selectedReservation } from '../../state/track';
import { detailPanelStyle } from '../../components/detail-panel-style';
import { useReservations } from '../../state/track-store';
import { formatDate } from '../orders/format';

const useStyles = makeStyles({
  panel: detailPanelStyle,
  id: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
  },
});

export function ReservationDetail() {
  const styles = useStyles();
  const reservation = useReservations((s) => selectedReservation(s));
  if (reservation === undefined) {
    return (
      <aside className={styles.panel} aria-label="Reservation detail">
        <Text>Choose a reservation to see its details and where to renew, exchange or refund it.</Text>
      </aside>
    );
  }
  const facts: ReadonlyArray<readonly [string, string]> = [
    ['Customer', reservation.customerName],
    ['Type', reservation.reservationType ?? '—'],
    ['SKU', reservation.skuId ? `${reservation.productId ?? ''}/${reservation.skuId}` : '—'],
    ['Region', reservation.region ?? '—'],
    [
      'Scope',
      reservation.scopeType === 'Single' && reservation.appliedScopes.length > 0
        ? `Single: ${reservation.appliedScopes.join(', ')}`
        : (reservation.scopeType ?? '—'),
    ],
    ['Quantity', reservation.quantity === null ? '—' : String(reservation.quantity)],
    ['Effective', formatDate(reservation.effectiveDate)],
    [
      'Expires',
      `${formatDate(reservation.expiryDate)}${reservation.daysLeft === null ? '' : ` (${reservation.daysLeft} days left)`}`,
    ],
    ['State', reservation.provisioningState ?? '—'],
    ['Partner Center order', reservation.orderId ?? '—'],
  ];
  return (
    <aside className={styles.panel} aria-label="Reservation detail" data-testid="reservation-detail">
      <Subtitle2 as="h2">{reservation.displayName ?? 'Reservation'}</Subtitle2>
      <dl className={styles.facts}>
        {facts.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>
              <Text weight="semibold">{label}</Text>
            </dt>
            <dd style={{ margin: 0 }}>
              <Text>{value}</Text>
            </dd>
          </div>
        ))}
      </dl>
      <Text weight="semibold">Reservation order ID</Text>
      <Text className={styles.id} data-testid="reservation-order-id">
        {reservation.reservationOrderId ?? 'not given by Partner Center'}
      </Text>
      {reservation.reservationOrderId && (
        <Button
          onClick={() => void navigator.clipboard.writeText(reservation.reservationOrderId ?? '')}
          data-testid="copy-reservation-order-id"
        >
          Copy reservation order ID
        </Button>
      )}
      <NoticeBar intent="info">
        Renewal, exchange, refund and scope changes are not done in Partner Center: do them in the Azure
        portal (Reservations) in the customer’s tenant, or with Azure’s Microsoft.Capacity API, using the
        reservation order ID above. Refunds are limited to USD 50,000 per customer in any 12 months.
      </NoticeBar>
      {exchangePolicyApplies(reservation) && (
        <NoticeBar intent="warning" testId="exchange-policy">
          This VM reservation was bought on or after 1 February 2027, so it cannot be exchanged: Azure savings
          plans are the flexible alternative.
        </NoticeBar>
      )}
    </aside>
  );
}
