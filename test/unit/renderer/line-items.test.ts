/** The line-item table's pure state and the statement reader: paging, filters, stale answers, slices. */
import { describe, expect, it } from 'vitest';
import type { LineItemPage } from '../../../preload/contract';
import {
  cellText,
  initialLineItemTable,
  LINE_ITEM_PAGE_SIZE,
  lineItemAt,
  lineItemFilterChanged,
  lineItemPageLoaded,
  lineItemPagesMissing,
  lineItemQuery,
  lineItemSummary,
  subjectTitle,
  tableOpened,
} from '../../../renderer/src/state/line-items';
import { readAllChunks } from '../../../renderer/src/state/statement-viewer';

const page = (rows: number, total: number): LineItemPage => ({
  state: 'completed',
  rows: Array.from({ length: rows }, (_, i) => ({ customerName: `Customer ${i}`, totalForCustomer: i })),
  total,
  totals: [{ customerId: 'c1', customerName: 'Contoso', currency: 'USD', amount: 12.5, lines: 3 }],
});

describe('the line-item table', () => {
  const opened = tableOpened(initialLineItemTable, 'p1', { kind: 'invoice', invoiceId: 'G1' });

  it('asks for one page at a time with only the filters that say something', () => {
    const filtered = lineItemFilterChanged(opened, { customer: ' Contoso ', chargeType: '  ' });
    expect(lineItemQuery(filtered, 2)).toEqual({
      profileId: 'p1',
      subject: { kind: 'invoice', invoiceId: 'G1' },
      customer: 'Contoso',
      offset: 2 * LINE_ITEM_PAGE_SIZE,
      limit: LINE_ITEM_PAGE_SIZE,
    });
    expect(lineItemQuery(initialLineItemTable, 0)).toBeUndefined();
  });

  it('keeps pages of the current filters only, and reads just the pages the visible rows need', () => {
    let state = lineItemPageLoaded(opened, opened.version, 0, page(LINE_ITEM_PAGE_SIZE, 1000));
    expect(lineItemAt(state, 3)).toEqual({ customerName: 'Customer 3', totalForCustomer: 3 });
    expect(lineItemPagesMissing(state, 150, 450)).toEqual([1, 2]);
    expect(lineItemSummary(state)).toBe('1,000 line items.');

    const older = state.version;
    state = lineItemFilterChanged(state, { product: 'Reserved VM' });
    expect(state.total).toBeNull();
    expect(lineItemPageLoaded(state, older, 0, page(1, 1))).toBe(state);
    state = lineItemPageLoaded(state, state.version, 0, page(1, 1));
    expect(lineItemSummary(state)).toBe('1 line item match the filters.');
  });

  it('says when nothing was exported yet, and names what it shows', () => {
    const none = lineItemPageLoaded(opened, opened.version, 0, { ...page(0, 0), state: 'none' });
    expect(lineItemSummary(none)).toBe('Not exported yet: export the line items first.');
    expect(subjectTitle({ kind: 'unbilled', currencyCode: 'EUR', period: 'last' })).toBe(
      'Unbilled EUR, last period',
    );
    expect(cellText({ a: null, b: 3, c: { x: 1 } }, 'a')).toBe('');
    expect(cellText({ b: 3 }, 'b')).toBe('3');
    expect(cellText({ c: { x: 1 } }, 'c')).toBe('{"x":1}');
  });
});

describe('reading a statement in slices', () => {
  it('joins the slices in order and stops at the first failure', async () => {
    const file = Uint8Array.from({ length: 10 }, (_, i) => i);
    const slices = new Map([
      [0, file.subarray(0, 4)],
      [4, file.subarray(4, 8)],
      [8, file.subarray(8)],
    ]);
    const read = (offset: number) =>
      Promise.resolve({
        ok: true as const,
        value: { base64: Buffer.from(slices.get(offset)!).toString('base64'), offset, total: 10 },
      });
    const joined = await readAllChunks(read);
    expect(joined.ok && Array.from(joined.value)).toEqual(Array.from(file));

    const gone = await readAllChunks(() =>
      Promise.resolve({ ok: false as const, error: { code: 'NOT_FOUND' as const, message: 'Gone.' } }),
    );
    expect(gone).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } });
  });
});
