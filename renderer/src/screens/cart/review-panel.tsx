/**
 * The review before buying: who for, each line's price, the total commitment in the customer's
 * currency, what cannot be undone, and the confirmation. Confirming takes two deliberate steps (tick
 * "I understand…", then press "Buy now"); the button is never a default button and turns off at the
 * first press, and main buys a reviewed cart at most once (the review id), so neither Enter, a double
 * click nor a second window can buy twice or unasked.
 */
import {
  Button,
  Checkbox,
  makeStyles,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CartReview } from '../../../../preload/contract';
import { NoticeBar } from '../../components/notice-bar';
import { formatMoney } from '../../state/cart';
import { termLabel } from '../../state/cart-form';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: '960px',
  },
  total: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  money: { textAlign: 'right', whiteSpace: 'nowrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  confirm: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' },
});

export function ReviewPanel(props: {
  review: CartReview;
  buying: boolean;
  onConfirm: (confirmDuplicates: boolean) => void;
}) {
  const styles = useStyles();
  const { review } = props;
  const [understood, setUnderstood] = useState(false);
  const [duplicatesOk, setDuplicatesOk] = useState(false);
  const needsDuplicates = review.duplicates.length > 0;
  const canBuy =
    review.canCheckout && review.reviewId !== null && understood && (!needsDuplicates || duplicatesOk);

  return (
    <section className={styles.panel} aria-labelledby="review-title" data-testid="cart-review">
      <Subtitle1 as="h2" id="review-title">
        Review: buying for {review.customer.name}
      </Subtitle1>
      <Table aria-label="Prices" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Line</TableHeaderCell>
            <TableHeaderCell>Term</TableHeaderCell>
            <TableHeaderCell>Quantity or amount</TableHeaderCell>
            <TableHeaderCell>Price for the term</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {review.cart.lines.map((line) => (
            <TableRow key={line.lineId} data-testid="review-line">
              <TableCell>{line.friendlyName}</TableCell>
              <TableCell>{termLabel(line.termDuration)}</TableCell>
              <TableCell>
                {line.kind === 'reservation'
                  ? line.quantity
                  : `${line.currency ? formatMoney(line.hourlyCommitment, line.currency) : line.hourlyCommitment} per hour`}
              </TableCell>
              <TableCell className={styles.money} data-testid="review-line-price">
                {line.price
                  ? formatMoney(line.price.termTotal, line.price.currency)
                  : (line.priceNote ?? 'No price')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text className={styles.total} data-testid="review-total">
        {review.total
          ? `Total commitment: ${formatMoney(review.total.amount, review.total.currency)}`
          : (review.totalNote ?? 'The total is not known.')}
      </Text>
      {review.blockers.length > 0 && (
        <NoticeBar intent="warning" title="Not ready to buy" testId="review-blockers">
          {review.blockers.join(' ')}
        </NoticeBar>
      )}
      {review.canCheckout && (
        <>
          <div>
            <Text weight="semibold">This cannot be undone:</Text>
            <ul className={styles.list} data-testid="review-irreversible">
              {review.irreversible.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
          {needsDuplicates && (
            <NoticeBar intent="warning" title="Bought recently" testId="review-duplicates">
              {review.duplicates.map((d) => d.message).join(' ')}
            </NoticeBar>
          )}
          <div className={styles.confirm}>
            <Checkbox
              checked={understood}
              onChange={(_e, d) => setUnderstood(d.checked === true)}
              label="I understand this purchase cannot be undone"
              data-testid="review-understood"
            />
            {needsDuplicates && (
              <Checkbox
                checked={duplicatesOk}
                onChange={(_e, d) => setDuplicatesOk(d.checked === true)}
                label="Buy it again anyway"
                data-testid="review-duplicates-ok"
              />
            )}
            <Button
              type="button"
              appearance="primary"
              disabled={!canBuy || props.buying}
              onClick={() => props.onConfirm(needsDuplicates && duplicatesOk)}
              data-testid="review-confirm"
            >
              {props.buying ? 'Buying…' : 'Buy now'}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
