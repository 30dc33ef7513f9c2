/**
 * The reservations cache (migration 5): each customer's reservation rows with the time they were
 * read, and the progress of a refresh across every customer, so that a stopped refresh resumes.
 * Everything is scoped by profile.
 */
import type { AppDatabase } from '../database';
import type { ReservationRecord } from './radar';
import type { CustomerRef } from './normalize';

/** A refresh of every customer, as far as it got. */
export interface RadarRun {
  readonly startedAt: number;
  readonly completedAt: number | null;
  readonly customers: ReadonlyArray<CustomerRef & { readonly done: boolean }>;
}

export class ReservationStore {
  private readonly statements;
  /** Parsed rows per profile, kept until this store writes again: the radar is asked on every filter change. */
  private readonly parsed = new Map<string, ReadonlyArray<ReservationRecord>>();

  constructor(private readonly db: AppDatabase) {
    this.statements = {
      deleteRows: db.prepare('DELETE FROM track_reservations WHERE profile_id = ? AND customer_id = ?'),
      insertRow: db.prepare(
        `INSERT OR REPLACE INTO track_reservations
           (profile_id, customer_id, reservation_key, reservation_type, region, expires_at, view)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      upsertRead: db.prepare(
        `INSERT INTO track_reservation_reads (profile_id, customer_id, customer_name, read_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (profile_id, customer_id) DO UPDATE SET customer_name = excluded.customer_name, read_at = excluded.read_at`,
      ),
      allRows: db.prepare('SELECT view FROM track_reservations WHERE profile_id = ?').pluck(),
      customerRows: db
        .prepare('SELECT view FROM track_reservations WHERE profile_id = ? AND customer_id = ?')
        .pluck(),
      readAt: db
        .prepare('SELECT read_at FROM track_reservation_reads WHERE profile_id = ? AND customer_id = ?')
        .pluck(),
      readStats: db.prepare(
        'SELECT count(*) AS customers, min(read_at) AS oldest FROM track_reservation_reads WHERE profile_id = ?',
      ),
      run: db.prepare('SELECT started_at, completed_at FROM track_radar_runs WHERE profile_id = ?'),
      runCustomers: db.prepare(
        'SELECT customer_id, customer_name, done FROM track_radar_run_customers WHERE profile_id = ? ORDER BY position',
      ),
      deleteRun: db.prepare('DELETE FROM track_radar_runs WHERE profile_id = ?'),
      insertRun: db.prepare('INSERT INTO track_radar_runs (profile_id, started_at) VALUES (?, ?)'),
      insertRunCustomer: db.prepare(
        'INSERT INTO track_radar_run_customers (profile_id, position, customer_id, customer_name) VALUES (?, ?, ?, ?)',
      ),
      markDone: db.prepare(
        'UPDATE track_radar_run_customers SET done = 1 WHERE profile_id = ? AND customer_id = ?',
      ),
      completeRun: db.prepare('UPDATE track_radar_runs SET completed_at = ? WHERE profile_id = ?'),
      dropOthers: db.prepare(
        `DELETE FROM track_reservations WHERE profile_id = ? AND customer_id NOT IN
           (SELECT customer_id FROM track_radar_run_customers WHERE profile_id = ?)`,
      ),
      dropOtherReads: db.prepare(
        `DELETE FROM track_reservation_reads WHERE profile_id = ? AND customer_id NOT IN
           (SELECT customer_id FROM track_radar_run_customers WHERE profile_id = ?)`,
      ),
      catalogRegion: db
        .prepare(
          `SELECT s.arm_region_name FROM catalog_skus s
             JOIN catalog_generations g ON g.id = s.generation_id AND g.state = 'live'
             JOIN catalog_scopes c ON c.id = g.catalog_id
           WHERE c.profile_id = ? AND s.product_id = ? AND s.sku_id = ? LIMIT 1`,
        )
        .pluck(),
      removeRows: db.prepare('DELETE FROM track_reservations WHERE profile_id = ?'),
      removeReads: db.prepare('DELETE FROM track_reservation_reads WHERE profile_id = ?'),
    };
  }

  /** Replaces one customer's reservations with a fresh read, and (in a refresh) marks it done. */
  replaceCustomer(
    profileId: string,
    customer: CustomerRef,
    records: ReadonlyArray<ReservationRecord>,
    readAt: number,
    inRun = false,
  ): void {
    const s = this.statements;
    this.parsed.delete(profileId);
    this.db.transaction(() => {
      s.deleteRows.run(profileId, customer.id);
      for (const record of records) {
        const expires = record.expiryDate === null ? null : Date.parse(record.expiryDate);
        s.insertRow.run(
          profileId,
          customer.id,
          record.key,
          record.reservationType,
          record.region,
          expires,
          JSON.stringify(record),
        );
      }
      s.upsertRead.run(profileId, customer.id, customer.name, readAt);
      if (inRun) s.markDone.run(profileId, customer.id);
    })();
  }

  /** Every cached reservation of a profile. */
  all(profileId: string): ReadonlyArray<ReservationRecord> {
    let rows = this.parsed.get(profileId);
    if (rows === undefined) {
      rows = (this.statements.allRows.all(profileId) as string[]).map(
        (view) => JSON.parse(view) as ReservationRecord,
      );
      this.parsed.set(profileId, rows);
    }
    return rows;
  }

  /** One customer's cached reservations. */
  ofCustomer(profileId: string, customerId: string): ReservationRecord[] {
    return (this.statements.customerRows.all(profileId, customerId) as string[]).map(
      (view) => JSON.parse(view) as ReservationRecord,
    );
  }

  /** When a customer's reservations were read, or undefined when never. */
  readAt(profileId: string, customerId: string): number | undefined {
    return this.statements.readAt.get(profileId, customerId) as number | undefined;
  }

  /** How many customers were read, and the oldest read. */
  readStats(profileId: string): { readonly customers: number; readonly oldest: number | null } {
    return this.statements.readStats.get(profileId) as { customers: number; oldest: number | null };
  }

  /** The latest refresh of every customer, done or not. */
  run(profileId: string): RadarRun | undefined {
    const row = this.statements.run.get(profileId) as
      { started_at: number; completed_at: number | null } | undefined;
    if (row === undefined) return undefined;
    const customers = (
      this.statements.runCustomers.all(profileId) as Array<{
        customer_id: string;
        customer_name: string;
        done: number;
      }>
    ).map((c) => ({ id: c.customer_id, name: c.customer_name, done: c.done === 1 }));
    return { startedAt: row.started_at, completedAt: row.completed_at, customers };
  }

  /** Starts a new refresh over these customers (the previous run is forgotten). */
  startRun(profileId: string, customers: ReadonlyArray<CustomerRef>, startedAt: number): void {
    const s = this.statements;
    this.db.transaction(() => {
      s.deleteRun.run(profileId);
      s.insertRun.run(profileId, startedAt);
      customers.forEach((customer, position) =>
        s.insertRunCustomer.run(profileId, position, customer.id, customer.name),
      );
    })();
  }

  /** Ends a refresh: customers no longer in the partner's list leave the cache. */
  completeRun(profileId: string, completedAt: number): void {
    const s = this.statements;
    this.parsed.delete(profileId);
    this.db.transaction(() => {
      s.completeRun.run(completedAt, profileId);
      s.dropOthers.run(profileId, profileId);
      s.dropOtherReads.run(profileId, profileId);
    })();
  }

  /** Removes everything this store holds for a profile (the profile is being deleted). */
  removeProfileData(profileId: string): void {
    const s = this.statements;
    this.parsed.delete(profileId);
    this.db.transaction(() => {
      s.removeRows.run(profileId);
      s.removeReads.run(profileId);
      s.deleteRun.run(profileId);
    })();
  }

  /** The region of a SKU from the profile's cached catalog (any market), when it has one. */
  catalogRegion(profileId: string, productId: string, skuId: string): string | null {
    const row = this.statements.catalogRegion.get(profileId, productId, skuId) as string | null | undefined;
    return row ?? null;
  }
}
