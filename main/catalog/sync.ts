/**
 * The catalog sync engine: products, then every product's SKUs, concurrently within the partner
 * tenant's request budget at background priority, into a staging generation that is swapped in
 * atomically at the end.
 *
 * - Resumable: each product's SKUs are committed together with its checkpoint, so a sync that was
 *   cancelled, failed or killed continues with the products it had not finished.
 * - Atomic: readers keep the previous live generation until the final swap.
 * - Offline-aware: when Partner Center cannot be reached the catalog is marked offline (the cache
 *   keeps being served) instead of the sync failing loudly.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { AuthFailure } from '../auth/errors';
import { dataFolderOf } from '../database/index';
import { userMessageOf } from '../failures';
import {
  malformedResponseError,
  PartnerCenterError,
  type PartnerCenterClient,
  type Product,
} from '../partner-center/index';
import { isDiskFull } from '../system/disk-full';
import { marketStatus } from './market';
import { inProcessSkuWriter, type SkuWriter } from './sku-writer';
import type { CatalogFreshness, CatalogStore, GenerationInfo } from './store';
import {
  normalizeCatalogKey,
  type CatalogKey,
  type CatalogProduct,
  type NormalizedCatalogKey,
} from './types';

/** What the engine needs of the Partner Center client. */
export type CatalogClient = Pick<PartnerCenterClient, 'getProducts' | 'getAvailabilities' | 'http'>;

/** Where a sync is. */
export type SyncPhase = 'products' | 'skus' | 'finalizing' | 'done';

/** A progress report, for the progress bar. */
export interface CatalogSyncProgress {
  readonly catalog: NormalizedCatalogKey;
  readonly phase: SyncPhase;
  /** Products whose SKUs are stored (including those done before a resume). */
  readonly done: number;
  /** Products in the catalog; undefined until the product list is known. */
  readonly total: number | undefined;
  readonly skus: number;
  /**
   * SKUs readers can already see before the sync ends: set only on a catalog's first sync, whose
   * rows are shown as they arrive (a refresh keeps showing the previous catalog until its swap).
   */
  readonly rowsAvailable: number | undefined;
  /** Partner Center calls made by this run. */
  readonly requests: number;
  /** Products per second in this run. */
  readonly ratePerSecond: number;
  /** Estimated time left; undefined until there is a rate to go by. */
  readonly etaMs: number | undefined;
  readonly elapsedMs: number;
  readonly resumed: boolean;
}

/** How a sync ended. */
export type CatalogSyncOutcome = 'completed' | 'cancelled' | 'failed' | 'offline' | 'unavailable';

/** The result of a sync; it never rejects for Partner Center or network failures. */
export interface CatalogSyncResult {
  readonly catalog: NormalizedCatalogKey;
  readonly outcome: CatalogSyncOutcome;
  /** For `unavailable` and failures: words for the screen. */
  readonly reason?: string;
  /** The Partner Center failure behind `failed` or `offline`. */
  readonly error?: {
    readonly kind: string;
    readonly status?: number;
    readonly code?: string;
    readonly message: string;
  };
  /** The error itself behind `failed` or `offline`, for the task engine to explain. */
  readonly cause?: Error;
  readonly resumed: boolean;
  readonly productsDone: number;
  readonly productsTotal: number | undefined;
  readonly skuCount: number;
  readonly requests: number;
  readonly durationMs: number;
  /** The generation now live (after `completed`) or left staged for resume. */
  readonly generationId: number | undefined;
}

/** Options of one sync. */
export interface CatalogSyncOptions {
  readonly catalog: CatalogKey;
  /** A client for the profile's tenant; its budget bounds concurrency and rate. */
  readonly client: CatalogClient;
  /** Cancels the sync; what was stored stays staged for the next sync to resume. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CatalogSyncProgress) => void;
  /** Product listing view; `AzureReservations` (all reservation products) by default. */
  readonly targetView?: string;
  /**
   * SKU requests handed to the budget at once. Higher than any budget's concurrency on purpose: the
   * budget is the real limit, and a queue in front of it keeps every slot busy.
   */
  readonly maxInFlight?: number;
  /** Attempts per product for failures the pipeline gave up on but a later try may fix. */
  readonly attemptsPerProduct?: number;
  /** A staged sync older than this is discarded instead of resumed (default 24 h). */
  readonly maxResumeAgeMs?: number;
  /** Where SKU pages are read and stored; the store's own connection on this thread by default. */
  readonly writer?: SkuWriter;
  readonly now?: () => number;
}

const defaultMaxResumeAgeMs = 24 * 60 * 60 * 1000;

/** True when the cache is missing or older than `maxAgeMs`. */
export function isCatalogStale(
  freshness: CatalogFreshness,
  maxAgeMs: number,
  now: number = Date.now(),
): boolean {
  if (!freshness.market.available) return false;
  if (freshness.syncedAt === undefined) return true;
  return now - freshness.syncedAt > maxAgeMs;
}

/** True for failures that mean "Partner Center is unreachable" rather than "it said no". */
export function isOfflineError(error: unknown): boolean {
  if (!(error instanceof PartnerCenterError)) return false;
  if (error.kind === 'offline' || error.kind === 'network' || error.kind === 'timeout') return true;
  // Getting a token needs the network too: when the sign-in service cannot be reached, that is offline.
  return error.kind === 'auth' && error.cause instanceof AuthFailure && error.cause.code === 'network';
}

/**
 * Runs catalog syncs against one store. One sync per catalog at a time is the task engine's job
 * (`main/tasks/`): the app starts every sync as a task keyed by its catalog.
 */
export class CatalogSyncEngine {
  constructor(private readonly store: CatalogStore) {}

  /** Syncs a catalog; resolves with how it ended (it never rejects for Partner Center failures). */
  sync(options: CatalogSyncOptions): Promise<CatalogSyncResult> {
    const writer = options.writer ?? inProcessSkuWriter(this.store);
    this.store.beginBulkWrite();
    // A failure before the run could record anything (its first writes, on a full disk) is a failed
    // run too: the sync never rejects, so whoever waits for it always hears how it ended.
    return this.run(options, writer)
      .catch((error: unknown) => this.failedToStart(options.catalog, error))
      .finally(() => {
        if (this.store.endBulkWrite()) {
          // Off the sync's critical path: its result is already on its way to the caller.
          void Promise.resolve()
            .then(() => writer.maintain())
            .catch(() => undefined)
            .then(() => this.store.afterMaintenance())
            // Tidying only (e.g. on a full disk): a rejection here would end the process.
            .catch(() => undefined);
        }
      });
  }

  private failedToStart(catalog: CatalogKey, error: unknown): CatalogSyncResult {
    return {
      catalog: normalizeCatalogKey(catalog),
      outcome: 'failed',
      reason: userMessage(error, this.store),
      error: describeError(error),
      cause: asError(error),
      resumed: false,
      productsDone: 0,
      productsTotal: undefined,
      skuCount: 0,
      requests: 0,
      durationMs: 0,
      generationId: undefined,
    };
  }

  private async run(options: CatalogSyncOptions, writer: SkuWriter): Promise<CatalogSyncResult> {
    const now = options.now ?? Date.now;
    const started = now();
    const catalog = normalizeCatalogKey(options.catalog);
    const market = marketStatus(catalog.country);
    const catalogId = this.store.ensureCatalog(catalog);
    this.store.interruptStaleRuns(catalogId, started);
    const correlationId = randomUUID();
    let requests = 0;

    if (!market.available) {
      // No call: Partner Center has nothing to sell there, and the screen needs a reason, not a list.
      const runId = this.store.startRun(catalogId, undefined, false, started);
      this.store.finishRun(runId, {
        outcome: 'unavailable',
        now: now(),
        requests: 0,
        productsDone: 0,
        productsTotal: 0,
        skuCount: 0,
        error: market.reason,
      });
      return {
        catalog,
        outcome: 'unavailable',
        reason: market.reason,
        resumed: false,
        productsDone: 0,
        productsTotal: 0,
        skuCount: 0,
        requests: 0,
        durationMs: now() - started,
        generationId: undefined,
      };
    }

    const { generation, resumed } = this.store.beginStaging(
      catalogId,
      started,
      options.maxResumeAgeMs ?? defaultMaxResumeAgeMs,
    );
    const generationId = generation.id;
    const firstSync = this.store.liveGenerationId(catalog) === undefined;
    const stopShowing = firstSync ? this.store.showFirstSync(catalogId, generationId) : () => undefined;
    const runId = this.store.startRun(catalogId, generationId, resumed, started);
    const doneAtStart = generation.productsDone;
    const stop = new AbortController();
    const signal =
      options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
    // Every request in flight listens to this signal; dozens of listeners are expected, not a leak.
    setMaxListeners(0, signal);
    const scope = {
      country: catalog.country,
      targetSegment: catalog.segment,
      ...(catalog.scope === 'AzurePlan' ? { reservationScope: 'AzurePlan' as const } : {}),
    };

    let phase: SyncPhase = 'products';
    const snapshot = (): CatalogSyncProgress => {
      const info = this.store.generation(generationId);
      const elapsedMs = Math.max(1, now() - started);
      const done = info?.productsDone ?? 0;
      const total = info?.productsTotal;
      const doneThisRun = done - doneAtStart;
      const ratePerSecond = (doneThisRun * 1000) / elapsedMs;
      const left = total === undefined ? undefined : total - done;
      return {
        catalog,
        phase,
        done,
        total,
        skus: info?.skuCount ?? 0,
        rowsAvailable: firstSync ? (info?.skuCount ?? 0) : undefined,
        requests,
        ratePerSecond,
        etaMs:
          left === undefined || ratePerSecond <= 0 ? undefined : Math.round((left / ratePerSecond) * 1000),
        elapsedMs,
        resumed,
      };
    };
    const report = (): void => {
      if (options.onProgress === undefined) return;
      try {
        options.onProgress(snapshot());
      } catch {
        // A broken progress listener must not break the sync.
      }
    };

    let failure: unknown;
    try {
      report();
      if (generation.productsTotal === undefined) {
        requests += 1;
        const products = await options.client.getProducts(
          { ...scope, targetView: options.targetView ?? 'AzureReservations' },
          { signal, priority: 'background', correlationId },
        );
        this.store.storeProducts(generationId, products.map(toCatalogProduct));
      }
      phase = 'skus';
      report();
      const pending = this.store.pendingProducts(catalogId, generationId);
      const attempts = Math.max(1, options.attemptsPerProduct ?? 3);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (!signal.aborted) {
          const product = pending[next];
          next += 1;
          if (product === undefined) return;
          for (let attempt = 1; ; attempt += 1) {
            try {
              requests += 1;
              const { body, info } = await fetchSkuPage(
                options.client,
                product.productId,
                scope,
                signal,
                correlationId,
              );
              const stored = await writer.write(generationId, product, body);
              if (!stored.ok) throw malformedResponseError('getSkus', info, stored.reason);
              break;
            } catch (error) {
              if (signal.aborted || attempt >= attempts || !worthAnotherTry(error)) {
                // Stop the other workers at once: when Partner Center is unreachable, every
                // remaining product would otherwise go through its own round of retries first.
                if (!isCancellation(error) && (failure === undefined || isCancellation(failure))) {
                  failure = error;
                }
                stop.abort();
                throw error;
              }
            }
          }
          report();
        }
      };
      const workers = Math.max(1, Math.min(options.maxInFlight ?? 32, pending.length));
      const results = await Promise.allSettled(Array.from({ length: workers }, () => worker()));
      for (const result of results) {
        if (result.status === 'rejected') {
          // The first real failure matters; the others are the cancellations it caused.
          if (failure === undefined || isCancellation(failure)) failure = result.reason;
          stop.abort();
        }
      }
      if (failure === undefined && signal.aborted) {
        failure = new PartnerCenterError({ kind: 'cancelled', operation: 'syncCatalog', retryable: false });
      }
      if (failure !== undefined) {
        throw failure instanceof Error ? failure : new Error('the catalog sync failed', { cause: failure });
      }

      phase = 'finalizing';
      report();
      this.store.promote(catalogId, generationId, now());
      this.store.purgeRetired();
    } catch (error) {
      stopShowing();
      const info = this.store.generation(generationId);
      const cancelled = options.signal?.aborted === true || isCancellation(error);
      const offline = !cancelled && isOfflineError(error);
      const outcome: CatalogSyncOutcome = cancelled ? 'cancelled' : offline ? 'offline' : 'failed';
      // The run's record keeps the details for the log; the catalog's status shows the person's words.
      const message = errorMessage(error);
      const reason = userMessage(error, this.store);
      // Bookkeeping only: on a full disk these writes fail too, and the result must still be reported.
      bestEffort(() => {
        if (offline) this.store.markOffline(catalogId, now(), reason);
        else if (!cancelled) this.store.setLastError(catalogId, reason);
        this.store.finishRun(runId, {
          outcome,
          now: now(),
          requests,
          ...countsOf(info),
          error: cancelled ? undefined : message,
        });
      });
      return {
        catalog,
        outcome,
        ...(cancelled ? {} : { reason, error: describeError(error), cause: asError(error) }),
        resumed,
        ...countsOf(info),
        requests,
        durationMs: now() - started,
        generationId,
      };
    }

    stopShowing();
    const info = this.store.generation(generationId);
    phase = 'done';
    report();
    this.store.finishRun(runId, {
      outcome: 'completed',
      now: now(),
      requests,
      ...countsOf(info),
    });
    return {
      catalog,
      outcome: 'completed',
      resumed,
      ...countsOf(info),
      requests,
      durationMs: now() - started,
      generationId,
    };
  }
}

/** What a sync got through, as its generation counts it (nothing yet when there is none). */
function countsOf(
  info: GenerationInfo | undefined,
): Pick<CatalogSyncResult, 'productsDone' | 'productsTotal' | 'skuCount'> {
  return {
    productsDone: info?.productsDone ?? 0,
    productsTotal: info?.productsTotal,
    skuCount: info?.skuCount ?? 0,
  };
}

/**
 * One product's SKU page through the client's pipeline (budget, retries, errors), as bytes: the
 * writer reads them, on its own thread when it has one.
 */
function fetchSkuPage(
  client: CatalogClient,
  productId: string,
  scope: {
    readonly country: string;
    readonly targetSegment: string;
    readonly reservationScope?: 'AzurePlan';
  },
  signal: AbortSignal,
  correlationId: string,
) {
  return client.http.bytes(
    {
      operation: 'getSkus',
      method: 'GET',
      path: `/products/${encodeURIComponent(productId)}/skus`,
      query: {
        country: scope.country,
        targetSegment: scope.targetSegment,
        reservationScope: scope.reservationScope,
      },
    },
    { signal, priority: 'background', correlationId },
  );
}

function toCatalogProduct(product: Product): CatalogProduct {
  return {
    productId: product.id,
    title: product.title ?? product.id,
    description: product.description ?? '',
    productType: product.productType?.id,
    subType: product.productType?.subType?.id,
  };
}

/** Failures the pipeline already retried, but a fresh try of the whole page may still fix. */
function worthAnotherTry(error: unknown): boolean {
  if (!(error instanceof PartnerCenterError)) return false;
  if (error.kind === 'malformed-response' || error.kind === 'throttled') return true;
  if (error.kind === 'http')
    return error.status !== undefined && (error.status >= 500 || error.status === 408);
  return false;
}

function isCancellation(error: unknown): boolean {
  if (error instanceof PartnerCenterError) return error.kind === 'cancelled';
  return error instanceof Error && error.name === 'AbortError';
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function errorMessage(error: unknown): string {
  if (error instanceof PartnerCenterError) return error.toString();
  return error instanceof Error ? error.message : String(error);
}

function userMessage(error: unknown, store: CatalogStore): string {
  return userMessageOf(error, 'The catalog could not be refreshed.', dataFolderOf(store.db));
}

function bestEffort(write: () => void): void {
  try {
    write();
  } catch {
    // Nothing more to do: the caller reports the failure that brought it here.
  }
}

function describeError(error: unknown): NonNullable<CatalogSyncResult['error']> {
  if (error instanceof PartnerCenterError) {
    return {
      kind: error.kind,
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.code === undefined ? {} : { code: error.code }),
      message: error.message,
    };
  }
  return {
    kind: isDiskFull(error) ? 'disk-full' : 'internal',
    message: error instanceof Error ? error.message : String(error),
  };
}
