/**
 * The Buy capability's SQLite store: cart drafts (the main connection) and the checkout journal (a
 * durable connection with `synchronous = FULL`, see main/database/README.md).
 */
import type { AppDatabase } from '../database';
import type { CheckoutState, LinePrice, LineProblem } from '../../preload/contract';
import { nextCheckoutState, type CheckoutEvent } from './checkout-state';
import type { JournalEntry, JournalLine, JournalResult, LineFields, StoredDraft, StoredLine } from './model';

interface DraftRow {
  id: string;
  profile_id: string;
  customer_id: string;
  status: 'active' | 'checked-out';
  created_at: number;
  updated_at: number;
  reviewed_at: number | null;
  review_id: string | null;
  review_duplicates: number;
  remote_cart_id: string | null;
  remote_expires_at: number | null;
  from_checkout_id: string | null;
}

interface LineRow {
  line_id: string;
  position: number;
  fields: string;
  problems: string;
  price: string | null;
  price_note: string | null;
  catalog_item_id: string | null;
}

interface JournalRow {
  id: string;
  profile_id: string;
  customer_id: string;
  draft_id: string;
  review_id: string;
  cart_id: string;
  request_id: string;
  state: CheckoutState;
  lines: string;
  summary: string;
  message: string;
  result: string | null;
  error: string | null;
  new_draft_id: string | null;
  created_at: number;
  updated_at: number;
}

/** A price sheet row as cached. */
export interface CachedPrice {
  readonly unitPrice: number;
  readonly currency: string;
  readonly fetchedAt: number;
}

/** A transition the state machine does not allow: a bug, never a user error. */
export class JournalTransitionError extends Error {
  constructor(id: string, from: CheckoutState, event: CheckoutEvent) {
    super(`checkout ${id}: event ${event} is not allowed in state ${from}`);
    this.name = 'JournalTransitionError';
  }
}

/** What a transition may record besides the new state. */
export interface TransitionPatch {
  /** A new request id: only when a definite refusal (stale availability) allows one retry. */
  readonly requestId?: string;
  /** The lines as now in the cart (their catalog item IDs, after a refresh). */
  readonly lines?: ReadonlyArray<JournalLine>;
  readonly message?: string;
  readonly result?: JournalResult | null;
  readonly error?: JournalEntry['error'];
  readonly newDraftId?: string | null;
}

export class BuyStore {
  constructor(
    private readonly db: AppDatabase,
    /** The durable connection: every journal write goes through it. */
    private readonly journalDb: AppDatabase,
  ) {}

  // Drafts

  activeDraft(profileId: string, customerId: string): StoredDraft | undefined {
    const row = this.db
      .prepare(`SELECT * FROM cart_drafts WHERE profile_id = ? AND customer_id = ? AND status = 'active'`)
      .get(profileId, customerId) as DraftRow | undefined;
    return row ? this.withLines(row) : undefined;
  }

  draft(id: string): StoredDraft | undefined {
    const row = this.db.prepare('SELECT * FROM cart_drafts WHERE id = ?').get(id) as DraftRow | undefined;
    return row ? this.withLines(row) : undefined;
  }

  createDraft(draft: Omit<StoredDraft, 'lines'>): void {
    this.db
      .prepare(
        `INSERT INTO cart_drafts (id, profile_id, customer_id, status, created_at, updated_at, reviewed_at,
           review_id, review_duplicates, remote_cart_id, remote_expires_at, from_checkout_id)
         VALUES (@id, @profileId, @customerId, @status, @createdAt, @updatedAt, @reviewedAt,
           @reviewId, @reviewDuplicates, @remoteCartId, @remoteExpiresAt, @fromCheckoutId)`,
      )
      .run(draft);
  }

  /** Replaces a draft's lines and header fields in one transaction. */
  saveDraft(draft: StoredDraft): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE cart_drafts SET status = @status, updated_at = @updatedAt, reviewed_at = @reviewedAt,
             review_id = @reviewId, review_duplicates = @reviewDuplicates, remote_cart_id = @remoteCartId,
             remote_expires_at = @remoteExpiresAt WHERE id = @id`,
        )
        // Bound by name: only the fields the statement names are read from the draft.
        .run(draft);
      this.db.prepare('DELETE FROM cart_draft_lines WHERE draft_id = ?').run(draft.id);
      const insert = this.db.prepare(
        `INSERT INTO cart_draft_lines (draft_id, line_id, position, kind, fields, problems, price, price_note,
           catalog_item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const line of draft.lines) {
        insert.run(
          draft.id,
          line.lineId,
          line.position,
          line.fields.kind,
          JSON.stringify(line.fields),
          JSON.stringify(line.problems),
          line.price ? JSON.stringify(line.price) : null,
          line.priceNote,
          line.catalogItemId,
        );
      }
    })();
  }

  private withLines(row: DraftRow): StoredDraft {
    const lines = (
      this.db
        .prepare('SELECT * FROM cart_draft_lines WHERE draft_id = ? ORDER BY position')
        .all(row.id) as LineRow[]
    ).map((line): StoredLine => ({
      lineId: line.line_id,
      position: line.position,
      fields: JSON.parse(line.fields) as LineFields,
      problems: JSON.parse(line.problems) as LineProblem[],
      price: line.price ? (JSON.parse(line.price) as LinePrice) : null,
      priceNote: line.price_note,
      catalogItemId: line.catalog_item_id,
    }));
    return {
      id: row.id,
      profileId: row.profile_id,
      customerId: row.customer_id,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      reviewedAt: row.reviewed_at,
      reviewId: row.review_id,
      reviewDuplicates: row.review_duplicates,
      remoteCartId: row.remote_cart_id,
      remoteExpiresAt: row.remote_expires_at,
      fromCheckoutId: row.from_checkout_id,
      lines,
    };
  }

  // Checkout journal (durable connection)

  /** Records a new checkout in `prepared` with its request id, durably, before anything is sent. */
  insertCheckout(entry: JournalEntry): void {
    this.journalDb
      .prepare(
        `INSERT INTO checkout_journal (id, profile_id, customer_id, draft_id, review_id, cart_id, request_id,
           state, lines, summary, message, result, error, new_draft_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.id,
        entry.profileId,
        entry.customerId,
        entry.draftId,
        entry.reviewId,
        entry.cartId,
        entry.requestId,
        entry.state,
        JSON.stringify(entry.lines),
        entry.summary,
        entry.message,
        entry.result ? JSON.stringify(entry.result) : null,
        entry.error ? JSON.stringify(entry.error) : null,
        entry.newDraftId,
        entry.createdAt,
        entry.updatedAt,
      );
  }

  /**
   * Records a new checkout and moves it to `sending` in one durable commit: the request id is on
   * disk before the caller sends anything, for the price of one sync instead of two.
   */
  insertSending(entry: JournalEntry, message: string, now = Date.now()): JournalEntry {
    return this.journalDb.transaction(() => {
      this.insertCheckout(entry);
      return this.transition(entry.id, 'send', { message }, now);
    })();
  }

  /** Applies one event through the state machine, durably; throws when the machine refuses it. */
  transition(id: string, event: CheckoutEvent, patch: TransitionPatch = {}, now = Date.now()): JournalEntry {
    const run = this.journalDb.transaction((): JournalEntry => {
      const current = this.checkout(id);
      if (!current) throw new Error(`checkout ${id} is not in the journal`);
      const next = nextCheckoutState(current.state, event);
      if (next === null) throw new JournalTransitionError(id, current.state, event);
      const updated: JournalEntry = {
        ...current,
        state: next,
        requestId: patch.requestId ?? current.requestId,
        lines: patch.lines ? [...patch.lines] : current.lines,
        message: patch.message ?? current.message,
        result: patch.result === undefined ? current.result : patch.result,
        error: patch.error === undefined ? current.error : patch.error,
        newDraftId: patch.newDraftId === undefined ? current.newDraftId : patch.newDraftId,
        updatedAt: now,
      };
      this.journalDb
        .prepare(
          `UPDATE checkout_journal SET state = ?, request_id = ?, lines = ?, message = ?, result = ?, error = ?,
             new_draft_id = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(
          updated.state,
          updated.requestId,
          JSON.stringify(updated.lines),
          updated.message,
          updated.result ? JSON.stringify(updated.result) : null,
          updated.error ? JSON.stringify(updated.error) : null,
          updated.newDraftId,
          now,
          id,
        );
      this.journalDb
        .prepare(
          `INSERT INTO checkout_journal_events (checkout_id, seq, event, from_state, to_state, at)
           VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM checkout_journal_events WHERE checkout_id = ?), ?, ?, ?, ?)`,
        )
        .run(id, id, event, current.state, next, now);
      return updated;
    });
    return run.immediate();
  }

  checkout(id: string): JournalEntry | undefined {
    const row = this.journalDb.prepare('SELECT * FROM checkout_journal WHERE id = ?').get(id) as
      JournalRow | undefined;
    return row ? toEntry(row) : undefined;
  }

  checkoutByReview(reviewId: string): JournalEntry | undefined {
    const row = this.journalDb.prepare('SELECT * FROM checkout_journal WHERE review_id = ?').get(reviewId) as
      JournalRow | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** Checkouts not settled yet (prepared, sending, in doubt), of one profile or of all. */
  openCheckouts(profileId?: string): JournalEntry[] {
    const rows = (
      profileId === undefined
        ? this.journalDb
            .prepare(
              `SELECT * FROM checkout_journal WHERE state IN ('prepared', 'sending', 'in-doubt') ORDER BY created_at`,
            )
            .all()
        : this.journalDb
            .prepare(
              `SELECT * FROM checkout_journal WHERE state IN ('prepared', 'sending', 'in-doubt') AND profile_id = ?
               ORDER BY created_at`,
            )
            .all(profileId)
    ) as JournalRow[];
    return rows.map(toEntry);
  }

  /** A customer's checkouts since `sinceMs`, newest first. */
  recentCheckouts(profileId: string, customerId: string, sinceMs: number): JournalEntry[] {
    return (
      this.journalDb
        .prepare(
          `SELECT * FROM checkout_journal WHERE profile_id = ? AND customer_id = ? AND created_at >= ?
           ORDER BY created_at DESC`,
        )
        .all(profileId, customerId, sinceMs) as JournalRow[]
    ).map(toEntry);
  }

  /** A checkout's transitions in order, e.g. `sending → in-doubt` (for support and tests). */
  checkoutTransitions(id: string): Array<{ event: string; from: CheckoutState; to: CheckoutState }> {
    return this.journalDb
      .prepare(
        'SELECT event, from_state AS "from", to_state AS "to" FROM checkout_journal_events WHERE checkout_id = ? ORDER BY seq',
      )
      .all(id) as Array<{ event: string; from: CheckoutState; to: CheckoutState }>;
  }

  /** The synchronous setting of the journal's connection (2 = FULL), for the durability test. */
  journalSynchronous(): number {
    return this.journalDb.pragma('synchronous', { simple: true }) as number;
  }

  // Price sheet cache

  replacePriceSheet(
    profileId: string,
    market: string,
    rows: ReadonlyArray<{
      productId: string;
      skuId: string;
      term: string;
      currency: string;
      unitPrice: number;
      effectiveStart: string | null;
    }>,
    now = Date.now(),
  ): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM price_sheets WHERE profile_id = ? AND market = ?').run(profileId, market);
      this.db
        .prepare('INSERT INTO price_sheets (profile_id, market, fetched_at) VALUES (?, ?, ?)')
        .run(profileId, market, now);
      const insert = this.db.prepare(
        `INSERT OR REPLACE INTO price_sheet_rows (profile_id, market, product_id, sku_id, term, currency, unit_price,
           effective_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const row of rows) {
        insert.run(
          profileId,
          market,
          row.productId,
          row.skuId,
          row.term,
          row.currency,
          row.unitPrice,
          row.effectiveStart,
        );
      }
    })();
  }

  priceSheetFetchedAt(profileId: string, market: string): number | undefined {
    const row = this.db
      .prepare('SELECT fetched_at FROM price_sheets WHERE profile_id = ? AND market = ?')
      .get(profileId, market) as { fetched_at: number } | undefined;
    return row?.fetched_at;
  }

  price(
    profileId: string,
    market: string,
    productId: string,
    skuId: string,
    term: string,
  ): CachedPrice | undefined {
    const row = this.db
      .prepare(
        `SELECT r.unit_price, r.currency, s.fetched_at FROM price_sheet_rows r
         JOIN price_sheets s ON s.profile_id = r.profile_id AND s.market = r.market
         WHERE r.profile_id = ? AND r.market = ? AND r.product_id = ? AND r.sku_id = ? AND r.term = ?`,
      )
      .get(profileId, market, productId, skuId, term) as
      { unit_price: number; currency: string; fetched_at: number } | undefined;
    return row ? { unitPrice: row.unit_price, currency: row.currency, fetchedAt: row.fetched_at } : undefined;
  }

  // Profile lifecycle

  /** Deletes everything a profile owns here: drafts (and their lines), journal entries, price sheets. */
  removeProfileData(profileId: string): void {
    this.journalDb.transaction(() => {
      this.journalDb.prepare('DELETE FROM checkout_journal WHERE profile_id = ?').run(profileId);
    })();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM cart_drafts WHERE profile_id = ?').run(profileId);
      this.db.prepare('DELETE FROM price_sheets WHERE profile_id = ?').run(profileId);
    })();
  }
}

function toEntry(row: JournalRow): JournalEntry {
  return {
    id: row.id,
    profileId: row.profile_id,
    customerId: row.customer_id,
    draftId: row.draft_id,
    reviewId: row.review_id,
    cartId: row.cart_id,
    requestId: row.request_id,
    state: row.state,
    lines: JSON.parse(row.lines) as JournalLine[],
    summary: row.summary,
    message: row.message,
    result: row.result ? (JSON.parse(row.result) as JournalResult) : null,
    error: row.error ? (JSON.parse(row.error) as JournalEntry['error']) : null,
    newDraftId: row.new_draft_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
