/**
 * One cart line: what it buys, its price from the last review, and each problem in plain words with
 * the button that fixes it ("Subscription not registered: Register").
 */
import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CartLine, CartLineChanges, DeskError, LineProblem } from '../../../../preload/contract';
import { billingPlanLabel, termLabel } from '../../state/cart-form';
import { fixButton, formatMoney } from '../../state/cart';
import { watchOf } from '../../state/registration';
import { useRegistration } from '../../state/registration-store';
import { LineEditor } from './line-editor';

const useStyles = makeStyles({
  line: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  title: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  price: { textAlign: 'right', whiteSpace: 'nowrap' },
});

export function CartLineView(props: {
  line: CartLine;
  profileId: string;
  customerId: string;
  subscriptionName: string;
  refusal: DeskError | undefined;
  onUpdate: (changes: CartLineChanges) => Promise<boolean>;
  onRemove: () => void;
  onReviewAgain: () => void;
  onGo: (screen: 'catalog' | 'connect') => void;
}) {
  const styles = useStyles();
  const { line } = props;
  const [editing, setEditing] = useState(false);
  const registration = useRegistration();
  const watch = watchOf(registration, line.subscriptionId);

  const act = (problem: LineProblem) => {
    const button = fixButton(problem.fix);
    if (!button) return;
    switch (button.does) {
      case 'register':
        void registration.register(line.subscriptionId);
        return;
      case 'edit':
        setEditing(true);
        return;
      case 'review-again':
        props.onReviewAgain();
        return;
      case 'catalog':
      case 'connect':
        props.onGo(button.does);
        return;
      case 'remove':
        props.onRemove();
        return;
    }
  };

  const amount =
    line.kind === 'reservation'
      ? `${line.quantity} × ${termLabel(line.termDuration)}`
      : `${line.currency ? formatMoney(line.hourlyCommitment, line.currency) : line.hourlyCommitment} per hour × ${termLabel(line.termDuration)}`;
  return (
    <li
      className={styles.line}
      data-testid="cart-line"
      data-line-id={line.lineId}
      data-kind={line.kind}
      data-problems={line.problems.length}
    >
      <div className={styles.head}>
        <div>
          <div className={styles.title}>
            <Text weight="semibold">{line.title}</Text>
            <Badge appearance="outline">{line.kind === 'reservation' ? 'Reservation' : 'Savings plan'}</Badge>
          </div>
          <Caption1 block className={styles.muted} data-testid="cart-line-details">
            {amount} · {billingPlanLabel(line.billingPlan)} · {line.scope === 'shared' ? 'Shared' : 'Single'}{' '}
            scope · {props.subscriptionName} · “{line.friendlyName}”
          </Caption1>
        </div>
        <div className={styles.actions}>
          {line.price ? (
            <Text className={styles.price} data-testid="cart-line-price">
              {formatMoney(line.price.termTotal, line.price.currency)}
            </Text>
          ) : line.priceNote ? (
            <Caption1 className={styles.price}>{line.priceNote}</Caption1>
          ) : null}
          <Button
            appearance="subtle"
            icon={<EditRegular />}
            aria-label={`Change ${line.friendlyName}`}
            onClick={() => setEditing((e) => !e)}
            data-testid="cart-line-edit"
          />
          <Button
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={`Remove ${line.friendlyName}`}
            onClick={props.onRemove}
            data-testid="cart-line-remove"
          />
        </div>
      </div>
      {line.problems.map((problem) => {
        const button = fixButton(problem.fix);
        const registering = button?.does === 'register' && watch;
        return (
          <MessageBar
            key={problem.code}
            intent="warning"
            data-testid="cart-line-problem"
            data-problem-code={problem.code}
          >
            <MessageBarBody>
              {problem.message}
              {problem.detail ? <Caption1 block>Partner Center says: {problem.detail}</Caption1> : null}
            </MessageBarBody>
            <MessageBarActions>
              {registering ? (
                <Spinner size="extra-tiny" label={watch.phase ?? 'Registering…'} />
              ) : (
                button && (
                  <Button size="small" onClick={() => act(problem)} data-testid="cart-line-fix">
                    {button.label}
                  </Button>
                )
              )}
            </MessageBarActions>
          </MessageBar>
        );
      })}
      {props.refusal && (
        <Text role="alert" data-testid="cart-line-refused">
          {props.refusal.message}
        </Text>
      )}
      {editing && (
        <LineEditor
          line={line}
          profileId={props.profileId}
          customerId={props.customerId}
          onSave={props.onUpdate}
          onCancel={() => setEditing(false)}
        />
      )}
    </li>
  );
}
