/**
 * Serves the `reservations.*` calls: one customer's reservations, the expiry radar across every
 * customer (from the cache), and the refresh of every customer as ONE task with progress, through
 * the tenant's request budget at background priority, resumable where it stopped.
 *
 * Entitlements are App+User only (contract §2.1): an App-only profile is told so in one sentence.
 */
import { setMaxListeners } from 'node:events';
import type {
  CustomerReservationsAnswer,
  RadarAnswer,
  RadarCount,
  RadarInput,
  TrackTaskStarted,
} from '../../preload/contract';
import { isOfflineError } from '../catalog/sync';
import { DeskFailure } from '../ipc/failure';
import type { CallOptions, PartnerCenterClient } from '../partner-center';
import { isPartnerCenterError } from '../partner-center';
import type { CachedCapabilityOptions } from '../tasks';
import { reservationRecords, type CustomerRef } from './normalize';
import { queryRadar, withDaysLeft, type ReservationRecord } from './radar';
import type { ReservationStore } from './store';

/** A customer's reservations younger than this are answered from the cache unless asked to refresh. */
const FRESH_MS = 5 * 60_000;
/** Customers read at once in a refresh: enough to keep every slot the budget allows busy. */
const REFRESH_WORKERS = 16;

export type ReservationServiceOptions = CachedCapabilityOptions<ReservationStore>;

export interface ReservationService {
  ofCustomer(input: {
    profileId: string;
    customerId: string;
    timeZone?: string | undefined;
    refresh?: boolean | undefined;
  }): Promise<CustomerReservationsAnswer>;
  radar(input: RadarInput): RadarAnswer;
  count(profileId: string, timeZone?: string): RadarCount;
  /** Refreshes every customer's reservations as one task; resumes a refresh that stopped. */
  refresh(profileId: string): TrackTaskStarted;
  removeProfileData(profileId: string): void;
}

/** The sentence for an App-only profile (entitlements need a user's sign-in). */
export const APP_ONLY_RESERVATIONS =
  'Reservations can only be read by a profile that signs in as a user (App+User). This profile signs in as an app only: add an App+User profile for this partner to see them.';

function notFound(error: unknown): boolean {
  return isPartnerCenterError(error) && error.status === 404;
}

/** Reads one customer's reservations: its entitlements, then the details behind every artifact link. */
export async function readCustomerReservations(
  client: PartnerCenterClient,
  customer: CustomerRef,
  options: CallOptions,
  regionOf?: (productId: string, skuId: string) => string | null,
): Promise<ReservationRecord[]> {
  const entitlements = await client.listEntitlements(
    customer.id,
    { entitlementType: 'reservedInstance', showExpiry: true },
    options,
  );
  const facts = regionOf
    ? (productId: string, skuId: string) => ({ region: regionOf(productId, skuId) })
    : undefined;
  const perArtifact = await Promise.all(
    entitlements.flatMap((entitlement) => {
      const artifacts =
        entitlement.entitledArtifacts.length > 0 ? entitlement.entitledArtifacts : [undefined];
      return artifacts.map(async (artifact) => {
        let details;
        if (artifact?.link) {
          try {
            details = await client.getReservationDetails(artifact.link, options);
          } catch (error) {
            // A reservation whose details are gone still shows what the entitlement says.
            if (!notFound(error)) throw error;
          }
        }
        return reservationRecords(customer, entitlement, artifact, details, facts);
      });
    }),
  );
  return perArtifact.flat();
}

export function createReservationService(options: ReservationServiceOptions): ReservationService {
  const { store, clientFor } = options;
  const now = options.now ?? Date.now;
  const iso = (ms: number | null | undefined) =>
    ms === null || ms === undefined ? null : new Date(ms).toISOString();
  const regionOf = (profileId: string) => (productId: string, skuId: string) =>
    store.catalogRegion(profileId, productId, skuId);

  const requireUserProfile = (profileId: string): void => {
    if (options.authModeOf(profileId) === 'app-only') {
      throw new DeskFailure('FORBIDDEN', APP_ONLY_RESERVATIONS, { reason: 'app-only' });
    }
  };

  return {
    async ofCustomer({ profileId, customerId, timeZone, refresh }) {
      requireUserProfile(profileId);
      const readAt = store.readAt(profileId, customerId);
      const answer = (offline: boolean, at: number | undefined): CustomerReservationsAnswer => ({
        reservations: store
          .ofCustomer(profileId, customerId)
          .map((record) => withDaysLeft(record, now(), timeZone))
          .sort((a, b) => (a.expiryDate ?? '').localeCompare(b.expiryDate ?? '')),
        fetchedAt: iso(at),
        offline,
      });
      if (refresh !== true && readAt !== undefined && now() - readAt < FRESH_MS) return answer(false, readAt);
      try {
        const client = await clientFor(profileId);
        const customer = await client.getCustomer(customerId);
        const name =
          customer.companyProfile?.companyName ?? customer.billingProfile?.companyName ?? customerId;
        const ref = { id: customerId, name };
        const records = await readCustomerReservations(client, ref, {}, regionOf(profileId));
        const at = now();
        store.replaceCustomer(profileId, ref, records, at);
        return answer(false, at);
      } catch (error) {
        if (isOfflineError(error) && readAt !== undefined) return answer(true, readAt);
        throw error;
      }
    },

    radar(input) {
      const rows = store.all(input.profileId);
      const result = queryRadar(rows, {
        nowMs: now(),
        timeZone: input.timeZone,
        customerIds: input.customerIds,
        reservationTypes: input.reservationTypes,
        regions: input.regions,
        buckets: input.buckets,
        limit: input.limit,
      });
      const stats = store.readStats(input.profileId);
      const run = store.run(input.profileId);
      return {
        ...result,
        oldestFetchedAt: iso(stats.oldest),
        customersRead: stats.customers,
        customersTotal: run ? run.customers.length : null,
        refreshIncomplete: run !== undefined && run.completedAt === null,
      };
    },

    count(profileId, timeZone) {
      const { counts } = queryRadar(store.all(profileId), { nowMs: now(), timeZone, limit: 1 });
      return { expiringSoon: counts.within30 + counts.within60 + counts.within90, expired: counts.expired };
    },

    refresh(profileId) {
      requireUserProfile(profileId);
      return options.tasks.start({
        kind: 'reservations.refresh',
        key: profileId,
        profileId,
        label: 'Reading every customer’s reservations',
        message: ({ outcome, summary }) =>
          outcome === 'completed'
            ? `Read the reservations of ${String(summary?.customers ?? 0)} customers.`
            : outcome === 'cancelled'
              ? 'Stopped. The next refresh goes on where this one stopped.'
              : outcome === 'offline'
                ? 'Partner Center cannot be reached. The radar shows what was read before; the next refresh goes on where this one stopped.'
                : 'The refresh stopped on an error. The next refresh goes on where it stopped.',
        run: async ({ signal, progress }) => {
          // Every request of the refresh listens to this one signal.
          setMaxListeners(REFRESH_WORKERS * 8, signal);
          const client = await clientFor(profileId);
          let run = store.run(profileId);
          if (run === undefined || run.completedAt !== null) {
            progress({ done: 0, total: null, phase: 'Listing customers…' });
            const customers = await client
              .listCustomers({ size: 500 }, { signal, priority: 'background' })
              .toArray();
            store.startRun(
              profileId,
              customers.map((customer) => ({
                id: customer.id,
                name:
                  customer.companyProfile?.companyName ?? customer.billingProfile?.companyName ?? customer.id,
              })),
              now(),
            );
            run = store.run(profileId);
          }
          const all = run?.customers ?? [];
          const pending = all.filter((customer) => !customer.done);
          let done = all.length - pending.length;
          const resumedAt = done;
          progress({ done, total: all.length, phase: 'Reading reservations…' });
          const callOptions: CallOptions = { signal, priority: 'background' };
          let next = 0;
          let skipped = 0;
          let failed = false;
          const worker = async (): Promise<void> => {
            while (next < pending.length && !failed) {
              signal.throwIfAborted();
              const customer = pending[next++]!;
              let records: ReservationRecord[] = [];
              try {
                records = await readCustomerReservations(client, customer, callOptions, regionOf(profileId));
              } catch (error) {
                // A customer we may not read (no delegated access, gone) must not stop the others.
                if (!isPartnerCenterError(error) || (error.status !== 403 && error.status !== 404)) {
                  failed = true;
                  throw error;
                }
                skipped += 1;
              }
              store.replaceCustomer(profileId, customer, records, now(), true);
              done += 1;
              progress({ done, total: all.length, phase: 'Reading reservations…' });
            }
          };
          await Promise.all(Array.from({ length: Math.min(REFRESH_WORKERS, pending.length) }, worker));
          store.completeRun(profileId, now());
          return { customers: all.length, resumedAt, skipped };
        },
      });
    },

    removeProfileData: (profileId) => store.removeProfileData(profileId),
  };
}
