/**
 * The current customer's subscriptions and whether each can buy reservations (journey step 2):
 * which catalog it buys from, its registration status with its age, and "Register for reservations",
 * which main watches as a task until Partner Center says `Registered`. Shown from the cache offline.
 */
import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import type { SubscriptionRegistration } from '../../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { NoticeBar } from '../../components/notice-bar';
import { formatAge } from '../../state/age';
import { valueOf } from '../../state/load';
import {
  canRegister,
  outcomeOf,
  registrationLabel,
  scopeLabel,
  scopeSentence,
  watchOf,
} from '../../state/registration';
import { useRegistration } from '../../state/registration-store';

const useStyles = makeStyles({
  section: { maxWidth: '760px', marginBottom: tokens.spacingVerticalL },
  list: {
    listStyle: 'none',
    margin: `${tokens.spacingVerticalS} 0 0 0`,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const badgeColor = {
  Registered: 'success',
  Registering: 'warning',
  NotRegistered: 'danger',
} as const;

export function SubscriptionRegistrations(props: {
  profileId: string;
  customerId: string;
  customerName: string;
}) {
  const styles = useStyles();
  const state = useRegistration();
  const { open, reload } = state;
  const { profileId, customerId } = props;

  useEffect(() => {
    void open(profileId, customerId);
  }, [open, profileId, customerId]);

  const list = valueOf(state.list);
  return (
    <section className={styles.section} aria-labelledby="registrations-title" data-testid="registrations">
      <Subtitle2 as="h2" id="registrations-title">
        Subscriptions for reservations
      </Subtitle2>
      <Caption1 as="p" block>
        A subscription buys reservations once it is registered for them; registering is free and takes a few
        minutes at most.
      </Caption1>
      {list?.fromCache && (
        <NoticeBar
          intent="warning"
          title="Saved status"
          testId="registrations-offline"
          action={{ label: 'Try again', onClick: () => void reload(), size: 'small' }}
        >
          {list.cacheReason} This is what was read {list.readAt ? formatAge(list.readAt) : 'earlier'}.
        </NoticeBar>
      )}
      {state.list.status === 'error' && !list && (
        <ErrorBar
          title={`The subscriptions of ${props.customerName} could not be read`}
          error={state.list.error}
          onRetry={() => void reload()}
          testId="registrations-error"
        />
      )}
      {!list && state.list.status !== 'error' && <Spinner size="tiny" label="Reading subscriptions…" />}
      {list &&
        (list.subscriptions.length === 0 ? (
          <Text data-testid="registrations-none">{props.customerName} has no subscriptions.</Text>
        ) : (
          <ul className={styles.list} aria-label={`Subscriptions of ${props.customerName}`}>
            {list.subscriptions.map((subscription) => (
              <RegistrationRow key={subscription.subscriptionId} subscription={subscription} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function RegistrationRow({ subscription }: { subscription: SubscriptionRegistration }) {
  const styles = useStyles();
  const state = useRegistration();
  const watch = watchOf(state, subscription.subscriptionId);
  const outcome = outcomeOf(state, subscription.subscriptionId);
  const label = registrationLabel(subscription);
  return (
    <li
      className={styles.row}
      data-testid="registration-row"
      data-subscription-id={subscription.subscriptionId}
      data-registration={subscription.registration ?? 'unknown'}
    >
      <div>
        <div className={styles.name}>
          <Text weight="semibold" data-testid="registration-name">
            {subscription.name}
          </Text>
          <Badge appearance="outline" color={subscription.scope ? 'brand' : 'informative'}>
            {scopeLabel(subscription.scope)}
          </Badge>
          <Badge
            appearance="tint"
            color={
              subscription.registration && subscription.scope
                ? badgeColor[subscription.registration]
                : 'informative'
            }
            data-testid="registration-status"
          >
            {label}
          </Badge>
        </div>
        <Caption1 block className={styles.muted}>
          {scopeSentence(subscription.scope)}
          {subscription.subscriptionStatus && subscription.subscriptionStatus !== 'active'
            ? ` The subscription is ${subscription.subscriptionStatus}.`
            : ''}
          {subscription.checkedAt && (
            <span data-testid="registration-age"> Status checked {formatAge(subscription.checkedAt)}.</span>
          )}
        </Caption1>
        {outcome && outcome.outcome !== 'completed' && (
          <Caption1 block data-testid="registration-outcome">
            {outcome.message}
          </Caption1>
        )}
      </div>
      <div className={styles.actions}>
        {watch ? (
          <>
            <Spinner
              size="extra-tiny"
              label={watch.phase ?? 'Registering…'}
              data-testid="registration-watch"
            />
            <Button
              size="small"
              onClick={() => void state.stopWatching(watch.taskId)}
              aria-label={`Stop watching the registration of ${subscription.name}`}
              data-testid="registration-stop"
            >
              Stop watching
            </Button>
          </>
        ) : (
          canRegister(subscription) && (
            <Button
              size="small"
              onClick={() => void state.register(subscription.subscriptionId)}
              // The name starts with the visible label (speech input), then says which subscription.
              aria-label={
                subscription.registration === 'Registering'
                  ? `Watch the registration: ${subscription.name}`
                  : `Register for reservations: ${subscription.name}`
              }
              data-testid="registration-register"
            >
              {subscription.registration === 'Registering'
                ? 'Watch the registration'
                : 'Register for reservations'}
            </Button>
          )
        )}
      </div>
    </li>
  );
}
