/**
 * Shared setup of the Track tests: a sandbox, one App+User and one App-only profile against it, a
 * real SQLite database, and the orders and reservations services as the app builds them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type AppDatabase } from '../../../main/database';
import { createTaskEngine, type TaskEngine } from '../../../main/tasks';
import { createOrderService, type OrderService } from '../../../main/orders/orders-service';
import { OrderStore } from '../../../main/orders/store';
import { RequestBudget, type Order, type PartnerCenterClient } from '../../../main/partner-center';
import {
  createReservationService,
  type ReservationService,
} from '../../../main/reservations/reservations-service';
import { ReservationStore } from '../../../main/reservations/store';
import { DEMO_CUSTOMERS, DEMO_SUBSCRIPTIONS } from '../../../main/sandbox/data';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/sandbox/index';
import { testClient } from '../partner-center/support/client';

/** The two profiles of the tests. */
export const USER = 'profile-user';
export const APP = 'profile-app';

export interface TrackSetup {
  readonly sandbox: RunningSandbox;
  readonly db: AppDatabase;
  readonly tasks: TaskEngine;
  readonly orders: OrderService;
  readonly reservations: ReservationService;
  readonly reservationStore: ReservationStore;
  readonly client: PartnerCenterClient;
  close(): Promise<void>;
}

export async function startTrack(options: SandboxOptions = {}): Promise<TrackSetup> {
  const sandbox = await startSandbox({
    catalog: 'small',
    lineItems: 100,
    orderCompletionMs: 1_500,
    ...options,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-track-'));
  const db = openDatabase({ dataDir: dir });
  const budget = new RequestBudget({ maxConcurrency: 8, requestsPerMinute: 100_000 });
  const clientOf = (appOnly: boolean) =>
    testClient(sandbox.baseUrl, {
      getAccessToken: () => sandbox.issueToken(appOnly ? { appOnly: true } : undefined),
      budget,
    });
  const clients = { [USER]: clientOf(false), [APP]: clientOf(true) } as Record<string, PartnerCenterClient>;
  const clientFor = (profileId: string) => Promise.resolve(clients[profileId]!);
  const authModeOf = (profileId: string): 'app-only' | 'app-user' =>
    profileId === APP ? 'app-only' : 'app-user';
  const tasks = createTaskEngine({ events: { emit: () => undefined } });
  const reservationStore = new ReservationStore(db);
  return {
    sandbox,
    db,
    tasks,
    client: clients[USER]!,
    reservationStore,
    orders: createOrderService({
      store: new OrderStore(db),
      clientFor,
      tasks,
      authModeOf,
      watchDelaysMs: [100, 200, 400],
    }),
    reservations: createReservationService({ store: reservationStore, clientFor, tasks, authModeOf }),
    async close() {
      await tasks.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
      await sandbox.close();
    },
  };
}

/** Places a one-line reservation order for the demo Azure-plan customer, as the checkout would. */
export async function placeOrder(setup: TrackSetup): Promise<Order> {
  const customerId = DEMO_CUSTOMERS.azurePlan;
  const model = setup.sandbox.world.ordersByCustomer.get(customerId)?.[0]?.lineItems[0];
  if (!model) throw new Error('the demo customer has no order to copy a line from');
  const cart = await setup.client.createCart(customerId, {
    lineItems: [
      {
        id: 0,
        catalogItemId: model.offerId,
        quantity: 1,
        billingCycle: 'one_time',
        termDuration: model.termDuration,
        provisioningContext: { subscriptionId: DEMO_SUBSCRIPTIONS.azurePlan, scope: 'shared' },
      },
    ],
  });
  const result = await setup.client.checkoutCart(customerId, cart.id ?? '');
  const order = result.orders[0];
  if (!order) throw new Error(`checkout placed no order: ${JSON.stringify(result.orderErrors)}`);
  return order;
}
