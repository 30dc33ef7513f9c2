/**
 * Customers, their subscriptions, and registering a subscription for reservations (contract §4.1–4.2, §13).
 */
import type { HttpPipeline, WriteOptions } from '../http';
import { customerSchema, registrationStatusSchema, subscriptionSchema } from '../models/customers';
import { list, one, paged, named, route, type PathIds } from './define';

const customer = '/customers/{customerId}';
const subscription = `${customer}/subscriptions/{subscriptionId}` as const;

/** Calls of customers, their subscriptions and registration status. */
export const customerCalls = named({
  /** Lists the partner's customers, seek-paged (`MS-ContinuationToken`). */
  listCustomers: paged('/customers', customerSchema, (query: { readonly size?: number }) => ({
    size: query.size,
  })),
  /** Gets one customer with its company and billing profiles. */
  getCustomer: one(customer, customerSchema),
  /** Lists a customer's subscriptions (one page; Partner Center documents no paging here). */
  listSubscriptions: list(`${customer}/subscriptions`, subscriptionSchema),
  /** Gets one of a customer's subscriptions. */
  getSubscription: one(subscription, subscriptionSchema),
  /** Gets whether a subscription is registered for reservations (`Registered`, `Registering`, `NotRegistered`). */
  getRegistrationStatus: one(`${subscription}/registrationstatus`, registrationStatusSchema),
});

/** What registering a subscription returned. */
export interface RegistrationAccepted {
  /** Where to poll the status (`Location`, relative, no `/v1`); `getRegistrationStatus` does the same. */
  readonly statusLocation: string | undefined;
  readonly requestId: string;
}

/** Registers an Azure plan or MS-AZR-0145P subscription for reservation purchases (202 Accepted). */
export async function registerSubscription(
  http: HttpPipeline,
  ids: PathIds<typeof subscription>,
  options?: WriteOptions,
): Promise<RegistrationAccepted> {
  const operation = 'registerSubscription';
  const path = route(operation, `${subscription}/registrations`, ids);
  const info = await http.empty({ operation, method: 'POST', path, write: true }, options);
  return { statusLocation: info.headers.get('location') ?? undefined, requestId: info.requestId };
}
