import { describe, expect, it } from 'vitest';
import { checkRange, draftOf, rangeRules, sameRange } from '../../../renderer/src/state/catalog-range';

const cores = (min: string, max: string) => checkRange({ min, max }, rangeRules.cores);
const ram = (min: string, max: string) => checkRange({ min, max }, rangeRules.ramGb);

describe('range filters as the user types', () => {
  it('gives the range to search with when both ends are valid, and none for empty fields', () => {
    expect(cores('4', '16')).toEqual({ ok: true, range: { min: 4, max: 16 } });
    expect(cores('', ' 8 ')).toEqual({ ok: true, range: { max: 8 } });
    expect(cores('', '')).toEqual({ ok: true, range: {} });
    expect(ram('0.75', '')).toEqual({ ok: true, range: { min: 0.75 } });
  });

  it('says in plain words next to the field when the minimum is more than the maximum', () => {
    expect(cores('64', '8')).toEqual({
      ok: false,
      field: 'min',
      message: 'Minimum must not be more than maximum.',
    });
    expect(cores('8', '8').ok).toBe(true);
  });

  it('refuses negative, fractional vCPUs, non-numbers and absurdly large values', () => {
    expect(cores('-1', '')).toMatchObject({ ok: false, field: 'min', message: 'Minimum must be 0 or more.' });
    expect(cores('', '2.5')).toMatchObject({
      ok: false,
      field: 'max',
      message: 'Maximum must be a whole number of vCPUs.',
    });
    expect(cores('999999999999999999999', '')).toMatchObject({
      ok: false,
      message: 'Minimum must be at most 1,024 vCPUs.',
    });
    expect(cores('1e21', '')).toMatchObject({ ok: false, message: 'Minimum must be a number.' });
    expect(ram('abc', '')).toMatchObject({ ok: false, message: 'Minimum must be a number.' });
    expect(ram('', '100000')).toMatchObject({ ok: false, message: 'Maximum must be at most 65,536 GB.' });
  });

  it('clears the error once the field is fixed', () => {
    expect(cores('64', '8').ok).toBe(false);
    expect(cores('6', '8')).toEqual({ ok: true, range: { min: 6, max: 8 } });
  });

  it('turns a range back into field text, and compares ranges by their ends', () => {
    expect(draftOf({ min: 4 })).toEqual({ min: '4', max: '' });
    expect(sameRange({ min: 4 }, { min: 4, max: undefined })).toBe(true);
    expect(sameRange({ min: 4 }, { max: 4 })).toBe(false);
  });
});
