/** Reservations: the expiry radar across every customer, its buckets and a reservation's detail. */
import type { Locator } from '@playwright/test';
import { pageObject } from './page-object';
import type { ExpiryBucket } from '../../../preload/contract';

export class ReservationsPage extends pageObject({
  rows: 'radar-row',
  readEveryCustomer: 'radar-refresh',
  /** "66 customers read, oldest just now." */
  age: 'radar-age',
  detail: 'reservation-detail',
  reservationOrderId: 'reservation-order-id',
  navCount: 'nav-reservations-count',
}) {
  bucket(bucket: ExpiryBucket): Locator {
    return this.page.getByTestId(`bucket-${bucket}`);
  }

  async open(row: number): Promise<void> {
    await this.rows.nth(row).getByRole('button').click();
  }
}
