/**
 * Next to the Cart navigation item: the number of lines in the current customer's cart, and a warning
 * while a checkout waits for an answer (in doubt), so it is seen from every screen.
 */
import { Badge, CounterBadge, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { lineCount, pendingCount } from '../state/cart';
import { useCart } from '../state/cart-store';
import { useCustomers } from '../state/customers-store';

const useStyles = makeStyles({ badge: { marginLeft: tokens.spacingHorizontalS } });

export function CartCount() {
  const styles = useStyles();
  const profileId = useCustomers((s) => s.profileId);
  const customerId = useCustomers((s) => s.current?.id ?? null);
  const currentKnown = useCustomers((s) => s.currentKnown);
  const select = useCart((s) => s.select);
  const count = useCart(lineCount);
  const pending = useCart(pendingCount);

  useEffect(() => {
    if (profileId && currentKnown) void select(profileId, customerId);
  }, [select, profileId, customerId, currentKnown]);

  if (pending > 0) {
    return (
      <Badge
        color="warning"
        size="small"
        className={styles.badge}
        aria-label="A checkout is waiting for an answer: open the cart"
        data-testid="nav-cart-in-doubt"
      >
        In doubt
      </Badge>
    );
  }
  if (count === 0) return null;
  return (
    <CounterBadge
      count={count}
      size="small"
      appearance="filled"
      className={styles.badge}
      aria-label={`${count} line${count === 1 ? '' : 's'} in the cart`}
      data-testid="nav-cart-count"
    />
  );
}
