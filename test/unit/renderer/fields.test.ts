import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../../renderer/src/state/fields';

describe('fieldsOf', () => {
  it('keeps the named fields of a state and only those', () => {
    const state = { list: [1, 2], filter: 'all', page: 3, open: () => undefined };
    const picked = fieldsOf(state, ['list', 'page']);
    expect(picked).toEqual({ list: [1, 2], page: 3 });
    expect(picked.list).toBe(state.list);
  });
});
