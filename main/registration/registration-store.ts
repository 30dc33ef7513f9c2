/**
 * The cache of customers' subscriptions and their reservation registration status, on the app's
 * SQLite database (migration 3), so the Customers screen and the cart show them offline with their age.
 */
import type Database from 'better-sqlite3';
import type { CatalogScope, RegistrationState } from '../../preload/contract';

/** One cached subscription. Times are ms since the epoch. */
export interface StoredSubscription {
  readonly subscriptionId: string;
  readonly name: string;
  readonly offerId: string | null;
  readonly subscriptionStatus: string | null;
  readonly scope: CatalogScope | null;
  readonly registration: RegistrationState | null;
  readonly checkedAt: number | null;
}

/** A customer's cached subscriptions and when the list was read. */
export interface StoredCustomerSubscriptions {
  readonly readAt: number | null;
  readonly subscriptions: ReadonlyArray<StoredSubscription>;
}

interface Row {
  subscription_id: string;
  name: string;
  offer_id: string | null;
  subscription_status: string | null;
  scope: CatalogScope | null;
  registration: RegistrationState | null;
  checked_at: number | null;
}

export class RegistrationStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      readAt: db.prepare<[string, string], { read_at: number }>(
        'SELECT read_at FROM customer_subscription_reads WHERE profile_id = ? AND customer_id = ?',
      ),
      list: db.prepare<[string, string], Row>(
        `SELECT subscription_id, name, offer_id, subscription_status, scope, registration, checked_at
         FROM subscription_registrations WHERE profile_id = ? AND customer_id = ? ORDER BY name, subscription_id`,
      ),
      markRead: db.prepare(
        `INSERT INTO customer_subscription_reads (profile_id, customer_id, read_at) VALUES (?, ?, ?)
         ON CONFLICT (profile_id, customer_id) DO UPDATE SET read_at = excluded.read_at`,
      ),
      clear: db.prepare('DELETE FROM subscription_registrations WHERE profile_id = ? AND customer_id = ?'),
      insert: db.prepare(
        `INSERT INTO subscription_registrations
           (profile_id, customer_id, subscription_id, name, offer_id, subscription_status, scope, registration, checked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      setRegistration: db.prepare(
        `UPDATE subscription_registrations SET registration = ?, checked_at = ?
         WHERE profile_id = ? AND customer_id = ? AND subscription_id = ?`,
      ),
      forgetProfileSubscriptions: db.prepare('DELETE FROM subscription_registrations WHERE profile_id = ?'),
      forgetProfileReads: db.prepare('DELETE FROM customer_subscription_reads WHERE profile_id = ?'),
    };
  }

  /** A customer's subscriptions as last read (an empty list with `readAt` null when never). */
  read(profileId: string, customerId: string): StoredCustomerSubscriptions {
    const readAt = this.statements.readAt.get(profileId, customerId)?.read_at ?? null;
    const subscriptions = this.statements.list.all(profileId, customerId).map((row): StoredSubscription => ({
      subscriptionId: row.subscription_id,
      name: row.name,
      offerId: row.offer_id,
      subscriptionStatus: row.subscription_status,
      scope: row.scope,
      registration: row.registration,
      checkedAt: row.checked_at,
    }));
    return { readAt, subscriptions };
  }

  /** Replaces a customer's subscriptions with a list just read, in one transaction. */
  replace(
    profileId: string,
    customerId: string,
    readAt: number,
    subscriptions: ReadonlyArray<StoredSubscription>,
  ): void {
    this.db.transaction(() => {
      this.statements.clear.run(profileId, customerId);
      for (const s of subscriptions) {
        this.statements.insert.run(
          profileId,
          customerId,
          s.subscriptionId,
          s.name,
          s.offerId,
          s.subscriptionStatus,
          s.scope,
          s.registration,
          s.checkedAt,
        );
      }
      this.statements.markRead.run(profileId, customerId, readAt);
    })();
  }

  /** Records one status just read; a subscription not in the cache is left alone. */
  setRegistration(
    profileId: string,
    customerId: string,
    subscriptionId: string,
    registration: RegistrationState,
    checkedAt: number,
  ): void {
    this.statements.setRegistration.run(registration, checkedAt, profileId, customerId, subscriptionId);
  }

  /** Deletes everything cached for a profile (the profile was removed). */
  forgetProfile(profileId: string): void {
    this.db.transaction(() => {
      this.statements.forgetProfileSubscriptions.run(profileId);
      this.statements.forgetProfileReads.run(profileId);
    })();
  }
}
