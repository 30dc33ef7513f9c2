/** The radar's rows as CSV (RFC 4180, via csv-stringify): exactly what the screen shows. */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { ReservationView } from '../../../preload/contract';

const columns = [
  ['Customer', (r: ReservationView) => r.customerName],
  ['Reservation', (r: ReservationView) => r.displayName ?? ''],
  ['Type', (r: ReservationView) => r.reservationType ?? ''],
  ['Region', (r: ReservationView) => r.region ?? ''],
  ['Scope', (r: ReservationView) => r.scopeType ?? ''],
  ['Quantity', (r: ReservationView) => (r.quantity === null ? '' : String(r.quantity))],
  ['Effective', (r: ReservationView) => r.effectiveDate?.slice(0, 10) ?? ''],
  ['Expires', (r: ReservationView) => r.expiryDate?.slice(0, 10) ?? ''],
  ['Days left', (r: ReservationView) => (r.daysLeft === null ? '' : String(r.daysLeft))],
  ['State', (r: ReservationView) => r.provisioningState ?? ''],
  ['Reservation order ID', (r: ReservationView) => r.reservationOrderId ?? ''],
  ['Reservation ID', (r: ReservationView) => r.reservationId ?? ''],
  ['Partner Center order', (r: ReservationView) => r.orderId ?? ''],
] as const;

export function reservationsCsv(rows: ReadonlyArray<ReservationView>): string {
  return stringify(
    [columns.map(([title]) => title), ...rows.map((row) => columns.map(([, cell]) => cell(row)))],
    {
      record_delimiter: '\r\n',
    },
  );
}
