/**
 * Customers, their subscriptions, and registering a subscription for reservations (contract §4.1–4.2, §13).
 */
import type { CallOptions, HttpPipeline, WriteOptions } from '../http';
import {
  customerSchema,
  registrationStatusSchema,
  subscriptionSchema,
  type Customer,
  type RegistrationStatus,
  type Subscription,
} from '../models/customers';
import { paginate, type PagedCollection } from '../paging';
import { getItems } from './collection';
import { segment } from './path';

/** Lists the partner's customers, seek-paged (`MS-ContinuationToken`). */
export function listCustomers(
  http: HttpPipeline,
  query: { readonly size?: number } = {},
  options?: CallOptions,
): PagedCollection<Customer> {
  return paginate(
    http,
    { operation: 'listCustomers', method: 'GET', path: '/customers', query: { size: query.size } },
    customerSchema,
    options,
  );
}

/** Gets one customer with its company and billing profiles. */
export async function getCustomer(
  http: HttpPipeline,
  customerId: string,
  options?: CallOptions,
): Promise<Customer> {
  const operation = 'getCustomer';
  const path = `/customers/${segment(operation, 'customerId', customerId)}`;
  return (await http.json({ operation, method: 'GET', path }, customerSchema, options)).data;
}

/** Lists a customer's subscriptions (one page; Partner Center documents no paging here). */
export async function listSubscriptions(
  http: HttpPipeline,
  customerId: string,
  options?: CallOptions,
): Promise<Subscription[]> {
  const operation = 'listSubscriptions';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/subscriptions`;
  return getItems(http, { operation, path }, subscriptionSchema, options);
}

/** Gets one of a customer's subscriptions. */
export async function getSubscription(
  http: HttpPipeline,
  customerId: string,
  subscriptionId: string,
  options?: CallOptions,
): Promise<Subscription> {
  const operation = 'getSubscription';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/subscriptions/${segment(operation, 'subscriptionId', subscriptionId)}`;
  return (await http.json({ operation, method: 'GET', path }, subscriptionSchema, options)).data;
}

/** What registering a subscription returned. */
export interface RegistrationAccepted {
  /** Where to poll the status (`Location`, relative, no `/v1`); `getRegistrationStatus` does the same. */
  readonly statusLocation: string | undefined;
  readonly requestId: string;
}

/** Registers an Azure plan or MS-AZR-0145P subscription for reservation purchases (202 Accepted). */
export async function registerSubscription(
  http: HttpPipeline,
  customerId: string,
  subscriptionId: string,
  options?: WriteOptions,
): Promise<RegistrationAccepted> {
  const operation = 'registerSubscription';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/subscriptions/${segment(operation, 'subscriptionId', subscriptionId)}/registrations`;
  const info = await http.empty({ operation, method: 'POST', path, write: true }, options);
  return { statusLocation: info.headers.get('location') ?? undefined, requestId: info.requestId };
}

/** Gets whether a subscription is registered for reservations (`Registered`, `Registering`, `NotRegistered`). */
export async function getRegistrationStatus(
  http: HttpPipeline,
  customerId: string,
  subscriptionId: string,
  options?: CallOptions,
): Promise<RegistrationStatus> {
  const operation = 'getRegistrationStatus';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/subscriptions/${segment(operation, 'subscriptionId', subscriptionId)}/registrationstatus`;
  return (await http.json({ operation, method: 'GET', path }, registrationStatusSchema, options)).data;
}
