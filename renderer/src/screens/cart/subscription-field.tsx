/**
 * Picks the subscription a cart line is bought for: only active ones of the line's catalog scope, and
 * (for reservations) only registered ones. The others are named with what to do, and a Register
 * button that starts the registration right here.
 */
import { Button, Caption1, Field, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useMemo } from 'react';
import type { CatalogScope } from '../../../../preload/contract';
import { SelectField } from '../../components/select-field';
import { valueOf } from '../../state/load';
import { scopeLabel, subscriptionsForScope, watchOf } from '../../state/registration';
import { useRegistration } from '../../state/registration-store';

const useStyles = makeStyles({
  others: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  other: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function SubscriptionField(props: {
  profileId: string;
  customerId: string;
  scope: CatalogScope;
  value: string;
  onChange: (subscriptionId: string) => void;
  /** Reservations need a registered subscription; savings plans do not (§15). */
  requireRegistered: boolean;
  label?: string;
  testId?: string;
}) {
  const styles = useStyles();
  const registration = useRegistration();
  const { open } = registration;
  const { profileId, customerId, scope, value, onChange, requireRegistered } = props;

  useEffect(() => {
    void open(profileId, customerId);
  }, [open, profileId, customerId]);

  const list = valueOf(registration.list);
  const { usable, unregistered } = useMemo(
    () => subscriptionsForScope(list?.subscriptions ?? [], scope),
    [list, scope],
  );
  const choices = useMemo(
    () => (requireRegistered ? usable : [...usable, ...unregistered]),
    [requireRegistered, usable, unregistered],
  );
  const firstChoice = choices[0]?.subscriptionId;

  // One choice is the choice; a value that is no longer offered is dropped.
  useEffect(() => {
    if (!list) return;
    const offered = choices.some((s) => s.subscriptionId === value);
    if (!offered && firstChoice && choices.length === 1) onChange(firstChoice);
    else if (!offered && value) onChange('');
  }, [list, choices, value, firstChoice, onChange]);

  if (!list) {
    return registration.list.status === 'error' ? (
      <Field label={props.label ?? 'Subscription'} validationMessage={registration.list.error.message} />
    ) : (
      <Spinner size="tiny" label="Reading the customer’s subscriptions…" />
    );
  }
  const kind = scopeLabel(scope);
  return (
    <div className={styles.others}>
      <SelectField
        label={props.label ?? 'Subscription'}
        placeholder="Choose a subscription"
        value={value}
        choices={choices.map((s) => ({ value: s.subscriptionId, label: s.name }))}
        onChange={onChange}
        disabled={choices.length === 0}
        testId={props.testId ?? 'subscription-field'}
        validationMessage={
          choices.length === 0
            ? requireRegistered && unregistered.length > 0
              ? `No ${kind} subscription of this customer is registered for reservations yet.`
              : `This customer has no active ${kind} subscription.`
            : undefined
        }
      />
      {requireRegistered &&
        unregistered.map((s) => {
          const watch = watchOf(registration, s.subscriptionId);
          return (
            <div key={s.subscriptionId} className={styles.other} data-testid="subscription-unregistered">
              <Caption1>
                {s.name} is not registered for reservations yet: register it to buy with it.
              </Caption1>
              {watch ? (
                <Spinner size="extra-tiny" label={watch.phase ?? 'Registering…'} />
              ) : (
                <Button
                  size="small"
                  onClick={() => void registration.register(s.subscriptionId)}
                  aria-label={`Register ${s.name} for reservations`}
                  data-testid="subscription-register"
                >
                  Register
                </Button>
              )}
            </div>
          );
        })}
      {list.fromCache && <Caption1>Saved list: {list.cacheReason}</Caption1>}
    </div>
  );
}
