/** The number of lines in the current customer's cart, next to the Cart navigation item. */
import { CounterBadge } from '@fluentui/react-components';
import { useEffect } from 'react';
import { lineCount } from '../state/cart';
import { useCart } from '../state/cart-store';
import { useCustomers } from '../state/customers-store';

export function CartCount() {
  const profileId = useCustomers((s) => s.profileId);
  const customerId = useCustomers((s) => s.current?.id ?? null);
  const currentKnown = useCustomers((s) => s.currentKnown);
  const select = useCart((s) => s.select);
  const count = useCart(lineCount);

  useEffect(() => {
    if (profileId && currentKnown) void select(profileId, customerId);
  }, [select, profileId, customerId, currentKnown]);

  if (count === 0) return null;
  return (
    <CounterBadge
      count={count}
      size="small"
      appearance="filled"
      aria-label={`${count} line${count === 1 ? '' : 's'} in the cart`}
      data-testid="nav-cart-count"
    />
  );
}
