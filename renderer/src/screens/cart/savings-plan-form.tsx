/** A savings plan for the cart (§15): an amount per hour, a term and a scope, on the customer's Azure plan. */
import { Button, Field, Input, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { BenefitScope, DeskError, TermDuration } from '../../../../preload/contract';
import { checkFriendlyName, checkHourlyCommitment, termLabel } from '../../state/cart-form';
import { useCart } from '../../state/cart-store';
import { FriendlyNameField, ScopeField, TermField } from './line-fields';
import { SubscriptionField } from './subscription-field';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '520px',
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const SAVINGS_PLAN_TERMS: ReadonlyArray<TermDuration> = ['P1Y', 'P3Y'];

export function SavingsPlanForm(props: { profileId: string; customerId: string; onDone: () => void }) {
  const styles = useStyles();
  const cart = useCart();
  const [amountText, setAmountText] = useState('');
  const [term, setTerm] = useState<TermDuration>('P1Y');
  const [scope, setScope] = useState<BenefitScope>('shared');
  const [subscriptionId, setSubscriptionId] = useState('');
  const [nameText, setNameText] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<DeskError | null>(null);

  const amount = checkHourlyCommitment(amountText, null);
  const name = checkFriendlyName(nameText);
  const placeholder = `Compute savings plan, ${termLabel(term)}`;
  const ready = amount.ok && name.ok && subscriptionId !== '';

  const add = async () => {
    if (!ready || !amount.ok || !name.ok || sending) return;
    setSending(true);
    const result = await cart.addSavingsPlan({
      termDuration: term,
      hourlyCommitment: amount.value,
      scope,
      subscriptionId,
      friendlyName: name.value || placeholder,
    });
    setSending(false);
    if (result.ok) props.onDone();
    else setRefusal(result.error);
  };

  return (
    <section className={styles.form} aria-labelledby="savings-plan-title" data-testid="savings-plan-form">
      <Subtitle2 as="h2" id="savings-plan-title">
        Add a savings plan
      </Subtitle2>
      <Field
        label="Amount per hour"
        hint="What the customer commits to spend on compute every hour, in its currency"
        validationMessage={touched && !amount.ok ? amount.error : undefined}
      >
        <Input
          inputMode="decimal"
          value={amountText}
          maxLength={12}
          onChange={(_e, d) => {
            setAmountText(d.value);
            setTouched(true);
          }}
          data-testid="savings-amount"
        />
      </Field>
      <TermField value={term} terms={SAVINGS_PLAN_TERMS} onChange={setTerm} testId="savings-term" />
      <ScopeField
        value={scope}
        onChange={setScope}
        sharedLabel="Shared: the whole Azure plan"
        singleLabel="Single: one Azure subscription"
      />
      <SubscriptionField
        profileId={props.profileId}
        customerId={props.customerId}
        scope="AzurePlan"
        value={subscriptionId}
        onChange={setSubscriptionId}
        requireRegistered={false}
        label={scope === 'shared' ? 'Azure plan' : 'Azure subscription'}
        testId="savings-subscription"
      />
      <FriendlyNameField
        value={nameText}
        onChange={setNameText}
        placeholder={placeholder}
        testId="savings-name"
      />
      {refusal && (
        <Text role="alert" data-testid="savings-refused">
          {refusal.message}
        </Text>
      )}
      <div className={styles.actions}>
        <Button disabled={!ready || sending} onClick={() => void add()} data-testid="savings-add">
          Add the savings plan
        </Button>
        <Button appearance="subtle" onClick={props.onDone}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
