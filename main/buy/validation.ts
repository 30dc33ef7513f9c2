/**
 * Checks of what a person typed on a cart line, as pure functions: each answers a problem with one
 * sentence that says what to do, or nothing.
 */
import type { LineProblem } from '../../preload/contract';
import type { LineFields } from './model';

/** Longest friendly name Partner Center keeps for a reservation or savings plan (Azure's limit). */
export const FRIENDLY_NAME_MAX = 64;
/** Smallest hourly commitment of a savings plan (§15, `minimumPurchaseCommitment`). */
export const MIN_HOURLY_COMMITMENT = 0.001;
/** Largest hourly commitment the app accepts, a guard against a typo costing millions. */
export const MAX_HOURLY_COMMITMENT = 100_000;

function local(code: string, message: string, fix: LineProblem['fix']): LineProblem {
  return { code, message, fix, source: 'local' };
}

/** Quantity of a reservation line: a whole number from the SKU's minimum (1) to its maximum. */
export function quantityProblem(
  quantity: number,
  minimum: number | null,
  maximum: number | null,
): LineProblem | undefined {
  const min = Math.max(1, minimum ?? 1);
  if (!Number.isFinite(quantity) || quantity <= 0) {
    return local('quantity-not-positive', `Enter a quantity of at least ${min}.`, 'change-quantity');
  }
  if (!Number.isInteger(quantity)) {
    return local(
      'quantity-fractional',
      'Enter a whole number of instances, such as 1 or 2.',
      'change-quantity',
    );
  }
  if (quantity < min) {
    return local('quantity-too-low', `This SKU is sold in quantities of ${min} or more.`, 'change-quantity');
  }
  if (maximum !== null && quantity > maximum) {
    return local(
      'quantity-too-high',
      `This SKU allows at most ${maximum} per purchase. Lower the quantity, or buy the rest in another cart.`,
      'change-quantity',
    );
  }
  return undefined;
}

/** The friendly name: at most the service's length, printable characters only. */
export function friendlyNameProblem(name: string): LineProblem | undefined {
  if (name.length > FRIENDLY_NAME_MAX) {
    return local(
      'friendly-name-too-long',
      `Shorten the name to ${FRIENDLY_NAME_MAX} characters or fewer (it has ${name.length}).`,
      'change-friendly-name',
    );
  }
  // Control characters would be refused by Azure when the reservation is named.
  if (/\p{Cc}/u.test(name)) {
    return local(
      'friendly-name-invalid',
      'Use letters, digits, spaces and punctuation in the name.',
      'change-friendly-name',
    );
  }
  return undefined;
}

/** A savings plan's hourly commitment. */
export function commitmentProblem(amount: number, minimum: number | null): LineProblem | undefined {
  const min = minimum ?? MIN_HOURLY_COMMITMENT;
  if (!Number.isFinite(amount) || amount < min) {
    return local('commitment-too-low', `Commit at least ${min} per hour.`, 'change-commitment');
  }
  if (amount > MAX_HOURLY_COMMITMENT) {
    return local(
      'commitment-too-high',
      `An hourly commitment above ${MAX_HOURLY_COMMITMENT.toLocaleString('en-US')} looks like a typo. Check the amount.`,
      'change-commitment',
    );
  }
  if (Math.round(amount * 1000) / 1000 !== amount) {
    return local(
      'commitment-precision',
      'Use at most three decimals for the hourly amount.',
      'change-commitment',
    );
  }
  return undefined;
}

/** Every problem of a line that can be found without Partner Center. */
export function localProblems(fields: LineFields): LineProblem[] {
  const problems: (LineProblem | undefined)[] = [friendlyNameProblem(fields.friendlyName)];
  if (fields.kind === 'reservation') {
    problems.unshift(quantityProblem(fields.quantity, fields.minimumQuantity, fields.maximumQuantity));
  } else {
    problems.unshift(commitmentProblem(fields.hourlyCommitment, fields.minimumHourlyCommitment));
  }
  return problems.filter((problem): problem is LineProblem => problem !== undefined);
}

/** A default friendly name from the SKU title and term, within the limit. */
export function defaultFriendlyName(title: string, term: string): string {
  const years = term === 'P3Y' ? '3 years' : term === 'P5Y' ? '5 years' : '1 year';
  const name = `${title}, ${years}`.replace(/\p{Cc}/gu, ' ');
  return name.length <= FRIENDLY_NAME_MAX ? name : `${name.slice(0, FRIENDLY_NAME_MAX - 1)}…`;
}
