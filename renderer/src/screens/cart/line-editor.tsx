/** Changes one cart line in place: amount, scope, subscription, name. A refused change keeps the line. */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { BenefitScope, CartLine, CartLineChanges } from '../../../../preload/contract';
import {
  checkFriendlyName,
  checkHourlyCommitment,
  checkQuantity,
  quantityLimits,
} from '../../state/cart-form';
import { FriendlyNameField, ScopeField } from './line-fields';
import { SubscriptionField } from './subscription-field';

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '520px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function LineEditor(props: {
  line: CartLine;
  profileId: string;
  customerId: string;
  onSave: (changes: CartLineChanges) => Promise<boolean>;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { line } = props;
  const isReservation = line.kind === 'reservation';
  const [amountText, setAmountText] = useState(
    String(line.kind === 'reservation' ? line.quantity : line.hourlyCommitment),
  );
  const [scope, setScope] = useState<BenefitScope>(line.scope);
  const [subscriptionId, setSubscriptionId] = useState(line.subscriptionId);
  const [nameText, setNameText] = useState(line.friendlyName);
  const [saving, setSaving] = useState(false);

  const amount =
    line.kind === 'reservation'
      ? checkQuantity(amountText, quantityLimits(line))
      : checkHourlyCommitment(amountText, line.minimumHourlyCommitment);
  const name = checkFriendlyName(nameText);
  const ready = amount.ok && name.ok && subscriptionId !== '';

  const save = async () => {
    if (!ready || !amount.ok || !name.ok || saving) return;
    setSaving(true);
    const saved = await props.onSave({
      ...(isReservation ? { quantity: amount.value } : { hourlyCommitment: amount.value }),
      scope,
      subscriptionId,
      friendlyName: name.value,
    });
    setSaving(false);
    if (saved) props.onCancel();
  };

  return (
    <div className={styles.editor} data-testid="line-editor">
      <Field
        label={isReservation ? 'Quantity' : 'Amount per hour'}
        validationMessage={amount.ok ? undefined : amount.error}
      >
        <Input
          inputMode={isReservation ? 'numeric' : 'decimal'}
          value={amountText}
          maxLength={12}
          onChange={(_e, d) => setAmountText(d.value)}
          data-testid="line-amount"
        />
      </Field>
      <ScopeField value={scope} onChange={setScope} sharedLabel="Shared" singleLabel="Single subscription" />
      <SubscriptionField
        profileId={props.profileId}
        customerId={props.customerId}
        scope={line.kind === 'reservation' ? line.catalogScope : 'AzurePlan'}
        value={subscriptionId}
        onChange={setSubscriptionId}
        requireRegistered={isReservation}
        testId="line-subscription"
      />
      <FriendlyNameField value={nameText} onChange={setNameText} testId="line-name" />
      <div className={styles.actions}>
        <Button disabled={!ready || saving} onClick={() => void save()} data-testid="line-save">
          Save the line
        </Button>
        <Button appearance="subtle" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
