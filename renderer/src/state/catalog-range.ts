/**
 * The catalog's range filters (vCPUs, RAM) as the user types them: what each field holds, whether it
 * makes a range, and what to say next to the field when it does not. Pure, so every rule is tested
 * without React; the filter panel sends a range to the search only once it is valid.
 */
import type { Range } from './catalog';

/** What a range's two fields hold, as typed. */
export interface RangeDraft {
  readonly min: string;
  readonly max: string;
}

/** What a range filter accepts. */
export interface RangeRule {
  /** Whole numbers only (vCPUs); RAM may be fractional (0.75 GB). */
  readonly whole: boolean;
  /** Larger than any SKU has: a bigger number is a typo, not a filter. */
  readonly largest: number;
  /** The unit in a sentence: "vCPUs", "GB". */
  readonly unit: string;
}

export const rangeRules = {
  cores: { whole: true, largest: 1_024, unit: 'vCPUs' },
  ramGb: { whole: false, largest: 65_536, unit: 'GB' },
} as const satisfies Record<string, RangeRule>;

/** A draft checked: the range to search with, or what is wrong (one sentence per field). */
export type RangeCheck =
  | { readonly ok: true; readonly range: Range }
  | { readonly ok: false; readonly message: string; readonly field: 'min' | 'max' };

/** The fields' text for a range the filters hold (empty where there is no bound). */
export function draftOf(range: Range): RangeDraft {
  return { min: range.min?.toString() ?? '', max: range.max?.toString() ?? '' };
}

type BoundCheck = { ok: true; value: number | undefined } | { ok: false; message: string };

function checkBound(text: string, rule: RangeRule, which: 'Minimum' | 'Maximum'): BoundCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  // Digits and one decimal point only: no exponents ("1e21"), signs or thousands separators.
  if (/^-/.test(trimmed)) return { ok: false, message: `${which} must be 0 or more.` };
  if (!/^(\d+\.?\d*|\.\d+)$/.test(trimmed)) return { ok: false, message: `${which} must be a number.` };
  const value = Number(trimmed);
  if (rule.whole && !Number.isInteger(value)) {
    return { ok: false, message: `${which} must be a whole number of ${rule.unit}.` };
  }
  if (value > rule.largest) {
    return {
      ok: false,
      message: `${which} must be at most ${rule.largest.toLocaleString('en-US')} ${rule.unit}.`,
    };
  }
  return { ok: true, value };
}

/** Checks both fields and then the pair: a valid draft gives the range to search with. */
export function checkRange(draft: RangeDraft, rule: RangeRule): RangeCheck {
  const min = checkBound(draft.min, rule, 'Minimum');
  if (!min.ok) return { ok: false, message: min.message, field: 'min' };
  const max = checkBound(draft.max, rule, 'Maximum');
  if (!max.ok) return { ok: false, message: max.message, field: 'max' };
  if (min.value !== undefined && max.value !== undefined && min.value > max.value) {
    return { ok: false, message: 'Minimum must not be more than maximum.', field: 'min' };
  }
  const range: { min?: number; max?: number } = {};
  if (min.value !== undefined) range.min = min.value;
  if (max.value !== undefined) range.max = max.value;
  return { ok: true, range };
}

/** Whether two ranges filter the same (so an unchanged range sends no new search). */
export function sameRange(a: Range, b: Range): boolean {
  return a.min === b.min && a.max === b.max;
}
