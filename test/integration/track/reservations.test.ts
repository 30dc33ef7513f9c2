/**
 * Reservations against the sandbox over HTTP: entitlements with the details behind their artifact
 * links in both documented array names (and the other wire variants), the App-only refusal, and the
 * refresh of every customer as one task that resumes where a cancelled one stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ONLY_RESERVATIONS } from '../../../main/reservations/reservations-service';
import { DEMO_CUSTOMERS } from '../../../main/sandbox/data';
import { wireVariant } from '../../../main/sandbox/server/entitlements';
import { APP, startTrack, USER, type TrackSetup } from './track-setup';

let t: TrackSetup;

beforeAll(async () => {
  t = await startTrack({ customers: 40 });
});
afterAll(async () => {
  await t.close();
});

/** Customers whose reservations the sandbox serves in the given wire variants. */
function customersServedAs(variants: ReadonlyArray<number>): string[] {
  return [...t.sandbox.world.entitlementsByCustomer]
    .filter(([, entitlements]) =>
      entitlements.some((e) => variants.includes(wireVariant(e.entitledArtifacts[0]!.resourceId))),
    )
    .map(([id]) => id);
}

describe('a customer’s reservations', () => {
  it('reads details served under reservations and under virtualMachineReservations alike', async () => {
    const plain = customersServedAs([0])[0]!;
    const docExample = customersServedAs([1, 3])[0]!;
    for (const customerId of [plain, docExample]) {
      const answer = await t.reservations.ofCustomer({ profileId: USER, customerId });
      const world = t.sandbox.world.entitlementsByCustomer.get(customerId) ?? [];
      expect(answer.reservations).toHaveLength(world.length);
      for (const reservation of answer.reservations) {
        // These come only from the details behind the link, whatever the list was called.
        expect(reservation.reservationId).not.toBeNull();
        expect(reservation.effectiveDate).not.toBeNull();
        expect(['Shared', 'Single']).toContain(reservation.scopeType);
        expect(reservation.reservationType).not.toBeNull();
        expect(reservation.expiryDate).not.toBeNull();
        expect(reservation.reservationOrderId).not.toBeNull();
        expect(reservation.orderId).not.toBeNull();
      }
    }
  });

  it('reads lowercase enums and attributes on the entitlement as the documented spellings', async () => {
    const customerId = customersServedAs([2, 3])[0]!;
    const answer = await t.reservations.ofCustomer({ profileId: USER, customerId, refresh: true });
    const states = answer.reservations.map((reservation) => reservation.provisioningState);
    expect(states.every((state) => state === 'Created' || state === 'Succeeded' || state === 'Expired')).toBe(
      true,
    );
    expect(answer.reservations.every((reservation) => reservation.reservationType !== null)).toBe(true);
  });

  it('shows the reservations of a just-completed order of the demo customer with days left', async () => {
    const answer = await t.reservations.ofCustomer({
      profileId: USER,
      customerId: DEMO_CUSTOMERS.azurePlan,
      timeZone: 'Europe/Berlin',
    });
    expect(answer.reservations.length).toBeGreaterThanOrEqual(3);
    expect(answer.reservations.every((reservation) => typeof reservation.daysLeft === 'number')).toBe(true);
  });

  it('tells an App-only profile in one sentence that reservations need a user sign-in', async () => {
    await expect(
      t.reservations.ofCustomer({ profileId: APP, customerId: DEMO_CUSTOMERS.azurePlan }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: APP_ONLY_RESERVATIONS });
    expect(() => t.reservations.refresh(APP)).toThrow(APP_ONLY_RESERVATIONS);
  });
});

describe('the radar refresh across every customer', () => {
  it('runs as one task, resumes where a cancelled refresh stopped, and fills the radar', async () => {
    const slow = await startTrack({ customers: 40, latencyMs: 40 });
    try {
      const first = slow.reservations.refresh(USER);
      expect(slow.reservations.refresh(USER)).toEqual({ taskId: first.taskId, joined: true });
      // Cancel once a few customers are in.
      await new Promise<void>((resolve) => {
        const check = () => {
          const done = slow.reservationStore.run(USER)?.customers.filter((c) => c.done).length ?? 0;
          if (done >= 5) resolve();
          else setTimeout(check, 20);
        };
        check();
      });
      const cancelledEnd = slow.tasks.whenFinished(first.taskId);
      slow.tasks.cancel(first.taskId);
      expect((await cancelledEnd)?.outcome).toBe('cancelled');
      const stopped = slow.reservationStore.run(USER)!;
      const doneBefore = stopped.customers.filter((customer) => customer.done).length;
      expect(stopped.completedAt).toBeNull();
      expect(doneBefore).toBeGreaterThanOrEqual(5);
      expect(doneBefore).toBeLessThan(40);
      const partial = slow.reservations.radar({ profileId: USER });
      expect(partial.refreshIncomplete).toBe(true);
      expect(partial.customersRead).toBe(doneBefore);

      const second = slow.reservations.refresh(USER);
      const end = await slow.tasks.whenFinished(second.taskId);
      expect(end?.outcome).toBe('completed');
      expect(end?.summary).toMatchObject({ customers: 40 });
      // It went on from where it stopped instead of starting over.
      expect(Number(end?.summary?.resumedAt)).toBeGreaterThanOrEqual(doneBefore);

      const radar = slow.reservations.radar({ profileId: USER, timeZone: 'UTC' });
      const expected = [...slow.sandbox.world.entitlementsByCustomer.values()].flat().length;
      expect(radar.total).toBe(expected);
      expect(radar.customersRead).toBe(40);
      expect(radar.customersTotal).toBe(40);
      expect(radar.refreshIncomplete).toBe(false);
      const dates = radar.rows.map((row) => Date.parse(row.expiryDate ?? ''));
      expect([...dates].sort((a, b) => a - b)).toEqual(dates);
      const count = slow.reservations.count(USER, 'UTC');
      expect(count.expiringSoon).toBe(radar.counts.within30 + radar.counts.within60 + radar.counts.within90);
    } finally {
      await slow.close();
    }
  });
});
