/**
 * "Add to cart" in the SKU panel: term (from the SKU's availabilities), billing plan where the SKU
 * lists more than one, quantity (checked as typed), scope, subscription (registered ones of the
 * catalog's scope) and a friendly name (defaulted). The line goes to the current customer's draft.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { CartRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import type {
  BenefitScope,
  BillingPlan,
  CatalogAvailability,
  CatalogSku,
  DeskError,
  TermDuration,
} from '../../../../preload/contract';
import { NoticeBar } from '../../components/notice-bar';
import type { CatalogSelection } from '../../state/catalog';
import {
  billingPlanLabel,
  checkFriendlyName,
  checkQuantity,
  defaultFriendlyName,
  quantityLimits,
  termChoices,
} from '../../state/cart-form';
import { useCart } from '../../state/cart-store';
import { useCustomers } from '../../state/customers-store';
import { useNavigation } from '../../state/navigation-store';
import { FriendlyNameField, ScopeField, TermField } from '../cart/line-fields';
import { SubscriptionField } from '../cart/subscription-field';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function AddToCart(props: {
  sku: CatalogSku;
  catalog: CatalogSelection;
  availabilities: ReadonlyArray<CatalogAvailability>;
}) {
  const styles = useStyles();
  const { sku, catalog } = props;
  const current = useCustomers((s) => s.current);
  const go = useNavigation((s) => s.go);
  const cart = useCart();
  const { select } = cart;

  const terms = useMemo(() => termChoices(sku, props.availabilities), [sku, props.availabilities]);
  const plans = (sku.billingCycles ?? []).filter(
    (p): p is BillingPlan => p === 'one_time' || p === 'monthly',
  );
  const limits = quantityLimits(sku);

  const [pickedTerm, setTerm] = useState<TermDuration | ''>('');
  const [billingPlan, setBillingPlan] = useState<BillingPlan>('one_time');
  const [quantityText, setQuantityText] = useState(String(limits.min));
  const [scope, setScope] = useState<BenefitScope>('shared');
  const [subscriptionId, setSubscriptionId] = useState('');
  const [nameText, setNameText] = useState('');
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<{ added: number } | { error: DeskError } | null>(null);

  // The term picked, while the SKU offers it; the shortest one otherwise.
  const term = terms.some((t) => t.term === pickedTerm) ? pickedTerm : (terms[0]?.term ?? '');
  useEffect(() => {
    if (current) void select(catalog.profileId, current.id);
  }, [select, catalog.profileId, current]);

  if (!current) {
    return (
      <section aria-label="Add to cart" data-testid="add-to-cart">
        <Subtitle2 as="h3">Add to cart</Subtitle2>
        <Caption1 as="p" block>
          Choose the customer you buy for first: the cart belongs to a customer.
        </Caption1>
        <Button onClick={() => go('customers')}>Choose a customer</Button>
      </section>
    );
  }
  if (terms.length === 0) return null; // the availabilities say why nothing can be bought

  const quantity = checkQuantity(quantityText, limits);
  const name = checkFriendlyName(nameText);
  const placeholder = term ? defaultFriendlyName(sku, term) : '';
  const ready = quantity.ok && name.ok && term !== '' && subscriptionId !== '';

  const add = async () => {
    if (!ready || sending || !quantity.ok || !name.ok || !term) return;
    setSending(true);
    const result = await cart.addReservation({
      catalogScope: catalog.scope,
      productId: sku.productId,
      skuId: sku.skuId,
      availabilityId: terms.find((t) => t.term === term)?.availabilityId,
      termDuration: term,
      billingPlan,
      quantity: quantity.value,
      scope,
      subscriptionId,
      friendlyName: name.value || placeholder,
    });
    setSending(false);
    setAnswer(result.ok ? { added: result.value.lines.length } : { error: result.error });
  };

  return (
    <section aria-labelledby="add-to-cart-title" data-testid="add-to-cart" className={styles.form}>
      <Subtitle2 as="h3" id="add-to-cart-title">
        Add to the cart of {current.name}
      </Subtitle2>
      <TermField value={term} terms={terms.map((t) => t.term)} onChange={setTerm} testId="add-term" />
      {plans.length > 1 && (
        <Field label="Billing plan">
          <RadioGroup
            value={billingPlan}
            onChange={(_e, d) => setBillingPlan(d.value as BillingPlan)}
            data-testid="add-billing-plan"
          >
            {plans.map((plan) => (
              <Radio key={plan} value={plan} label={billingPlanLabel(plan)} />
            ))}
          </RadioGroup>
        </Field>
      )}
      <Field
        label="Quantity"
        hint={
          limits.max === null ? `From ${limits.min}, no upper limit` : `From ${limits.min} to ${limits.max}`
        }
        validationMessage={quantity.ok ? undefined : quantity.error}
      >
        <Input
          inputMode="numeric"
          value={quantityText}
          onChange={(_e, d) => setQuantityText(d.value)}
          maxLength={10}
          data-testid="add-quantity"
        />
      </Field>
      <ScopeField
        value={scope}
        onChange={setScope}
        sharedLabel="Shared: every subscription of the customer’s billing context"
        singleLabel="Single: only the subscription below"
        testId="add-scope"
      />
      <SubscriptionField
        profileId={catalog.profileId}
        customerId={current.id}
        scope={catalog.scope}
        value={subscriptionId}
        onChange={setSubscriptionId}
        requireRegistered
        label={scope === 'single' ? 'Subscription it applies to' : 'Subscription it is billed to'}
        testId="add-subscription"
      />
      <FriendlyNameField
        value={nameText}
        onChange={setNameText}
        placeholder={placeholder}
        testId="add-name"
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<CartRegular />}
          disabled={!ready || sending}
          onClick={() => void add()}
          data-testid="add-to-cart-submit"
        >
          Add to cart
        </Button>
      </div>
      {answer && 'added' in answer && (
        <MessageBar intent="success" data-testid="add-to-cart-added">
          <MessageBarBody>
            Added. The cart has {answer.added} line{answer.added === 1 ? '' : 's'}.{' '}
            <Button
              appearance="transparent"
              size="small"
              onClick={() => go('cart')}
              data-testid="add-open-cart"
            >
              Open the cart
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {answer && 'error' in answer && (
        <NoticeBar intent="error" testId="add-to-cart-error">
          {answer.error.message} Nothing was added; your entries are kept.
        </NoticeBar>
      )}
    </section>
  );
}
