/** Dates and money as the Track screens show them, in the user's locale. */

/** A date without time, e.g. "29 Nov 2026"; "—" without one. */
export function formatDate(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** An amount in its currency, e.g. "$1,234.00"; "—" when Partner Center gave none. */
export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency ?? 'USD' }).format(
      amount,
    );
  } catch {
    return `${amount.toFixed(2)} ${currency ?? ''}`.trim();
  }
}
