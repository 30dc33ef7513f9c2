/**
 * The orders cache (migration 5): each customer's orders as the Orders screen shows them, when each
 * list was read, and which orders were placed from this app but are not in Partner Center's list yet.
 */
import type { OrdersFilter, OrderView } from '../../preload/contract';
import type { AppDatabase } from '../database';

const ONE_TIME = 'one_time';

export class OrderStore {
  private readonly statements;

  constructor(private readonly db: AppDatabase) {
    this.statements = {
      clearAll: db.prepare(
        'DELETE FROM track_orders WHERE profile_id = ? AND customer_id = ? AND just_placed_at IS NULL',
      ),
      clearOneTime: db.prepare(
        `DELETE FROM track_orders WHERE profile_id = ? AND customer_id = ? AND just_placed_at IS NULL
           AND billing_cycle = '${ONE_TIME}'`,
      ),
      // A listed order is no longer "just placed": Partner Center's list has caught up.
      listed: db.prepare(
        `INSERT OR REPLACE INTO track_orders
           (profile_id, customer_id, order_id, billing_cycle, status, created_at, view, fetched_at, just_placed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
      ),
      // One order read by id keeps its "just placed" mark; noting a placed order sets it.
      upsert: db.prepare(
        `INSERT INTO track_orders
           (profile_id, customer_id, order_id, billing_cycle, status, created_at, view, fetched_at, just_placed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (profile_id, customer_id, order_id) DO UPDATE SET
           billing_cycle = excluded.billing_cycle, status = excluded.status, created_at = excluded.created_at,
           view = excluded.view, fetched_at = excluded.fetched_at,
           just_placed_at = coalesce(track_orders.just_placed_at, excluded.just_placed_at)`,
      ),
      recordRead: db.prepare(
        `INSERT INTO track_order_reads (profile_id, customer_id, filter, read_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (profile_id, customer_id, filter) DO UPDATE SET read_at = excluded.read_at`,
      ),
      readAt: db
        .prepare(
          'SELECT read_at FROM track_order_reads WHERE profile_id = ? AND customer_id = ? AND filter = ?',
        )
        .pluck(),
      all: db.prepare(
        `SELECT view, just_placed_at FROM track_orders WHERE profile_id = ? AND customer_id = ?
         ORDER BY created_at DESC, order_id`,
      ),
      oneTime: db.prepare(
        `SELECT view, just_placed_at FROM track_orders WHERE profile_id = ? AND customer_id = ?
           AND billing_cycle = '${ONE_TIME}' ORDER BY created_at DESC, order_id`,
      ),
      one: db.prepare(
        'SELECT view, just_placed_at, fetched_at FROM track_orders WHERE profile_id = ? AND customer_id = ? AND order_id = ?',
      ),
      removeOrders: db.prepare('DELETE FROM track_orders WHERE profile_id = ?'),
      removeReads: db.prepare('DELETE FROM track_order_reads WHERE profile_id = ?'),
    };
  }

  /** Replaces a customer's cached list (all, or the one-time part) with what Partner Center listed. */
  replaceList(
    profileId: string,
    customerId: string,
    filter: OrdersFilter,
    orders: ReadonlyArray<OrderView>,
    readAt: number,
  ): void {
    const s = this.statements;
    this.db.transaction(() => {
      (filter === 'all' ? s.clearAll : s.clearOneTime).run(profileId, customerId);
      for (const order of orders) {
        s.listed.run(...this.columns(profileId, customerId, order), readAt);
      }
      s.recordRead.run(profileId, customerId, filter, readAt);
    })();
  }

  /** Stores one order read by id (or placed from this app, with `justPlacedAt`). */
  upsert(
    profileId: string,
    customerId: string,
    order: OrderView,
    fetchedAt: number,
    justPlacedAt?: number,
  ): void {
    this.statements.upsert.run(
      ...this.columns(profileId, customerId, order),
      fetchedAt,
      justPlacedAt ?? null,
    );
  }

  /** A customer's cached orders, newest first. */
  list(profileId: string, customerId: string, filter: OrdersFilter): OrderView[] {
    const statement = filter === 'all' ? this.statements.all : this.statements.oneTime;
    return (statement.all(profileId, customerId) as Row[]).map(toView);
  }

  /** One cached order. */
  get(profileId: string, customerId: string, orderId: string): OrderView | undefined {
    const row = this.statements.one.get(profileId, customerId, orderId) as Row | undefined;
    return row === undefined ? undefined : toView(row);
  }

  /** When one cached order was last read. */
  fetchedAt(profileId: string, customerId: string, orderId: string): number | undefined {
    const row = this.statements.one.get(profileId, customerId, orderId) as { fetched_at: number } | undefined;
    return row?.fetched_at;
  }

  /** When a customer's list was read with this filter (an 'all' read covers 'one-time' too). */
  readAt(profileId: string, customerId: string, filter: OrdersFilter): number | undefined {
    const own = this.statements.readAt.get(profileId, customerId, filter) as number | undefined;
    if (filter === 'all') return own;
    const all = this.statements.readAt.get(profileId, customerId, 'all') as number | undefined;
    return own === undefined ? all : all === undefined ? own : Math.max(own, all);
  }

  /** Removes everything this store holds for a profile (the profile is being deleted). */
  removeProfileData(profileId: string): void {
    this.db.transaction(() => {
      this.statements.removeOrders.run(profileId);
      this.statements.removeReads.run(profileId);
    })();
  }

  private columns(profileId: string, customerId: string, order: OrderView) {
    const created = order.creationDate === null ? null : Date.parse(order.creationDate);
    return [
      profileId,
      customerId,
      order.id,
      order.billingCycle,
      order.status,
      Number.isNaN(created) ? null : created,
      JSON.stringify({ ...order, justPlaced: false }),
    ] as const;
  }
}

interface Row {
  readonly view: string;
  readonly just_placed_at: number | null;
}

function toView(row: Row): OrderView {
  return { ...(JSON.parse(row.view) as OrderView), justPlaced: row.just_placed_at !== null };
}
