/** Reservations: the expiry radar across every customer, its buckets and a reservation's detail. */
import type { Locator, Page } from '@playwright/test';
import type { ExpiryBucket } from '../../../preload/contract';

export class ReservationsPage {
  readonly rows: Locator;
  readonly readEveryCustomer: Locator;
  /** "66 customers read, oldest just now." */
  readonly age: Locator;
  readonly detail: Locator;
  readonly reservationOrderId: Locator;
  readonly navCount: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('radar-row');
    this.readEveryCustomer = page.getByTestId('radar-refresh');
    this.age = page.getByTestId('radar-age');
    this.detail = page.getByTestId('reservation-detail');
    this.reservationOrderId = page.getByTestId('reservation-order-id');
    this.navCount = page.getByTestId('nav-reservations-count');
  }

  bucket(bucket: ExpiryBucket): Locator {
    return this.page.getByTestId(`bucket-${bucket}`);
  }

  async open(row: number): Promise<void> {
    await this.rows.nth(row).getByRole('button').click();
  }
}
