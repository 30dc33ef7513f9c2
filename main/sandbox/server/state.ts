/**
 * The sandbox's mutable state: what clients changed on top of the generated world (registrations,
 * carts, orders, idempotency records, refresh tokens). Kept in memory, and with a data dir written
 * to one JSON file synchronously before a write is answered, so that a write committed just before
 * a crash or a dropped connection is still there after a restart. The file holds the sandbox's
 * signing key, so only its owner may read it (0600, in a 0700 folder when the sandbox makes it).
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IdentityPersisted } from './identity';

/** A registration requested through the API (§4.1); it completes `registrationDelayMs` later. */
export interface StoredRegistration {
  readonly requestedAtMs: number;
}

/** A cart as stored: the wire cart plus who owns it and, once checked out, its result. */
export interface StoredCart {
  readonly customerId: string;
  cart: Record<string, unknown>;
  checkout?: Record<string, unknown>;
  /**
   * A catalog item ID of this cart whose availability changed after the cart was last written:
   * checkout answers 404/400019 until the cart is updated (§4.13).
   */
  staleAvailability?: string;
}

/** One line of an order placed through the sandbox, with what billing and entitlements need. */
export interface StoredOrderLine {
  readonly lineItemNumber: number;
  readonly productId: string;
  readonly skuId: string;
  readonly availabilityId: string;
  readonly quantity: number;
  readonly termDuration: string;
  readonly scope: 'Shared' | 'Single';
  readonly subscriptionId: string;
  readonly friendlyName: string;
  readonly productName: string;
  readonly skuName: string;
  readonly reservationType: string;
  readonly unitPriceMinor: number;
  readonly provisioningContext: Record<string, string>;
  /** Savings plans only (§15): the hourly commitment as the cart line sent it. */
  readonly purchaseCommitment?: { amount: number; grain: string; currency: string };
}

/** An order placed through the sandbox. */
export interface StoredOrder {
  readonly id: string;
  readonly alternateId: string;
  readonly customerId: string;
  readonly country: string;
  readonly currencyCode: string;
  readonly createdAtMs: number;
  readonly cartId: string;
  readonly lines: ReadonlyArray<StoredOrderLine>;
}

/** A recorded answer to a write, replayed for a repeated `MS-RequestId`. */
export interface StoredReply {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
  readonly headers: Record<string, string>;
}

/** Everything that is persisted. */
export interface StateData {
  version: 1;
  /** The world this state belongs to; state from another seed or catalog is discarded. */
  world: string;
  identity: IdentityPersisted;
  registrations: Record<string, StoredRegistration>;
  carts: Record<string, StoredCart>;
  orders: Record<string, StoredOrder>;
  idempotency: Record<string, StoredReply>;
}

const FILE_NAME = 'sandbox-state.json';
const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_DIR = 0o700;

/** A file an older version wrote readable by everyone is made owner-only; missing is fine. */
function restrictToOwner(file: string): void {
  try {
    chmodSync(file, OWNER_ONLY_FILE);
  } catch {
    // no file yet, or not ours to change: the next save writes it owner-only
  }
}

/** Holds the state and writes it to the data dir (if any). */
export class StateStore {
  readonly data: StateData;

  private constructor(
    data: StateData,
    private readonly file: string | undefined,
  ) {
    this.data = data;
  }

  /** Loads the state from `dataDir` (or starts empty), for the world identified by `worldKey`. */
  static open(dataDir: string | undefined, worldKey: string): StateStore {
    const empty: StateData = {
      version: 1,
      world: worldKey,
      identity: { refreshTokens: {} },
      registrations: {},
      carts: {},
      orders: {},
      idempotency: {},
    };
    if (!dataDir) return new StateStore(empty, undefined);
    mkdirSync(dataDir, { recursive: true, mode: OWNER_ONLY_DIR });
    const file = path.join(dataDir, FILE_NAME);
    let data = empty;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as StateData;
      if (parsed.version === 1 && parsed.world === worldKey) data = parsed;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        // A corrupt file must not stop the demo; start over, keeping the bad file for inspection.
        try {
          const kept = `${file}.corrupt-${Date.now()}`;
          renameSync(file, kept);
          chmodSync(kept, OWNER_ONLY_FILE);
        } catch {
          // nothing more to do
        }
      }
    }
    restrictToOwner(file);
    return new StateStore(data, file);
  }

  /** Whether writes reach disk. */
  get persistent(): boolean {
    return this.file !== undefined;
  }

  /** Writes the state to disk atomically (temp file + rename); a no-op in memory. */
  save(): void {
    if (!this.file) return;
    const temp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(temp, JSON.stringify(this.data), { mode: OWNER_ONLY_FILE });
    // A temp file left by a crash keeps its old mode through writeFileSync: set it again.
    chmodSync(temp, OWNER_ONLY_FILE);
    renameSync(temp, this.file);
  }
}
