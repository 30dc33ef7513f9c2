/**
 * Cart (journey step 4): the current customer's draft (kept by main, also offline), line problems
 * with their fixes, a savings plan, the review with prices, and a checkout that happens exactly once.
 * A checkout whose answer was lost is shown first, and that cart is not offered for checkout again.
 */
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { AddRegular, GridRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { ErrorBar } from '../../components/error-bar';
import { NoticeBar } from '../../components/notice-bar';
import { PrerequisiteScreen } from '../../components/prerequisite-screen';
import { ScreenHeader } from '../../components/screen-header';
import type { ScreenInfo } from '../../screens';
import { checkoutsToShow } from '../../state/cart';
import { isOffline } from '../../state/load';
import { useCart } from '../../state/cart-store';
import { useCustomers } from '../../state/customers-store';
import { valueOf } from '../../state/load';
import { useNavigation } from '../../state/navigation-store';
import { useRegistration } from '../../state/registration-store';
import { useActiveProfile } from '../../use-active-profile';
import { CartLineView } from './cart-line';
import { CheckoutResult } from './checkout-result';
import { ReviewPanel } from './review-panel';
import { SavingsPlanForm } from './savings-plan-form';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  lines: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '960px',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The one sentence for checkout without a connection. */
export const OFFLINE_CHECKOUT = 'Checkout needs a connection; your cart is saved.';

export function CartScreen({ info }: { info: ScreenInfo }) {
  const styles = useStyles();
  const go = useNavigation((s) => s.go);
  const { loaded, profile, currentReady } = useActiveProfile();
  const current = useCustomers((s) => s.current);
  const cart = useCart();
  const { select } = cart;
  const subscriptions = valueOf(useRegistration((s) => s.list))?.subscriptions ?? [];
  const [addingPlan, setAddingPlan] = useState(false);

  useEffect(() => {
    if (profile && currentReady) void select(profile.id, current?.id ?? null);
  }, [select, profile, currentReady, current]);

  if (loaded && !profile) {
    return (
      <PrerequisiteScreen
        info={info}
        need={{
          from: 'connect',
          action: 'Go to Connect',
          title: 'Connect first',
          message:
            'The cart belongs to a partner profile and a customer. Add a profile, or try the built-in demo.',
        }}
      />
    );
  }
  if (currentReady && !current) {
    return (
      <PrerequisiteScreen
        info={info}
        need={{
          from: 'customers',
          action: 'Go to Customers',
          title: 'Choose a customer',
          message: 'Each customer has its own cart. Choose the one you buy for.',
          testId: 'cart-no-customer',
        }}
      />
    );
  }

  const draft = valueOf(cart.cart);
  const review = cart.review.status === 'ready' ? cart.review.value : null;
  const { pending, confirmed: lastCheckout } = checkoutsToShow(cart);
  const offline =
    (cart.review.status === 'error' && isOffline(cart.review.error)) ||
    (cart.checkout.status === 'error' && isOffline(cart.checkout.error));
  const lines = draft?.lines ?? [];
  const hasProblems = lines.some((l) => l.problems.length > 0);
  const nameOf = (id: string) =>
    subscriptions.find((s) => s.subscriptionId.toLowerCase() === id.toLowerCase())?.name ?? id;
  const profileId = profile?.id ?? '';
  const customerId = current?.id ?? '';

  return (
    <section data-testid="screen-cart" className={styles.stack}>
      <ScreenHeader info={info} />
      {current && <Text data-testid="cart-customer">Cart of {current.name}</Text>}
      {pending.map((record) => (
        <CheckoutResult
          key={record.checkoutId}
          record={record}
          onResolve={() => void cart.resolve(record.checkoutId)}
          onOpenOrders={() => go('orders')}
        />
      ))}
      {lastCheckout && (
        <CheckoutResult record={lastCheckout} onResolve={() => undefined} onOpenOrders={() => go('orders')} />
      )}
      {offline && (
        <NoticeBar
          intent="warning"
          title="Offline"
          testId="cart-offline"
          action={{ label: 'Try again', onClick: () => void cart.reviewCart(), size: 'small' }}
        >
          {OFFLINE_CHECKOUT}
        </NoticeBar>
      )}
      {cart.review.status === 'error' && !isOffline(cart.review.error) && (
        <ErrorBar
          title="The cart could not be reviewed"
          error={cart.review.error}
          testId="cart-review-error"
        />
      )}
      {cart.checkout.status === 'error' && !isOffline(cart.checkout.error) && (
        <ErrorBar title="Nothing was bought" error={cart.checkout.error} testId="cart-checkout-error" />
      )}
      {!draft && cart.cart.status !== 'error' && <Spinner label="Opening the cart…" />}
      {cart.cart.status === 'error' && !draft && (
        <ErrorBar
          title="The cart could not be opened"
          error={cart.cart.error}
          onRetry={() => void cart.reload()}
        />
      )}
      {draft &&
        (lines.length === 0 ? (
          <Text data-testid="cart-empty">
            The cart is empty. Add reservations from the Catalog’s SKU panel, or a savings plan here.
          </Text>
        ) : (
          <ul className={styles.lines} aria-label="Cart lines" data-testid="cart-lines">
            {lines.map((line) => (
              <CartLineView
                key={line.lineId}
                line={line}
                profileId={profileId}
                customerId={customerId}
                subscriptionName={nameOf(line.subscriptionId)}
                refusal={cart.refusals[line.lineId]}
                onUpdate={async (changes) => (await cart.updateLine(line.lineId, changes)).ok}
                onRemove={() => void cart.removeLine(line.lineId)}
                onReviewAgain={() => void cart.reviewCart()}
                onGo={go}
              />
            ))}
          </ul>
        ))}
      {draft && (
        <div className={styles.actions}>
          <Button
            appearance={review || lines.length === 0 ? 'secondary' : 'primary'}
            disabled={lines.length === 0 || cart.review.status === 'loading' || pending.length > 0}
            onClick={() => void cart.reviewCart()}
            data-testid="cart-review-start"
          >
            {cart.review.status === 'loading'
              ? 'Reviewing…'
              : review || hasProblems
                ? 'Review again'
                : 'Review prices'}
          </Button>
          <Button
            icon={<AddRegular />}
            onClick={() => setAddingPlan(true)}
            data-testid="cart-add-savings-plan"
          >
            Add a savings plan
          </Button>
          <Button appearance="subtle" icon={<GridRegular />} onClick={() => go('catalog')}>
            Add from the Catalog
          </Button>
        </div>
      )}
      {addingPlan && profile && current && (
        <SavingsPlanForm profileId={profile.id} customerId={current.id} onDone={() => setAddingPlan(false)} />
      )}
      {review && (
        <ReviewPanel
          key={review.reviewId ?? review.reviewedAt}
          review={review}
          buying={cart.checkout.status === 'loading'}
          onConfirm={(confirmDuplicates) => void cart.confirm(confirmDuplicates)}
        />
      )}
    </section>
  );
}
