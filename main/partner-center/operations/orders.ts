/**
 * Orders and provisioning status (contract §4.14–4.17).
 */
import type { CallOptions, HttpPipeline } from '../http';
import {
  lineItemProvisioningStatusSchema,
  orderSchema,
  type LineItemProvisioningStatus,
  type Order,
} from '../models/orders';
import { getItems } from './collection';
import { segment } from './path';

/** Options of order reads. */
export interface OrderQuery {
  /** Adds `pricing` to lines and `totalPrice` to orders. */
  readonly includePrice?: boolean;
}

/** Billing cycle types to filter orders by; reservations are `OneTime`. */
export type OrderBillingType = 'OneTime' | 'Monthly' | 'Annual' | 'None';

/** Gets one order. */
export async function getOrder(
  http: HttpPipeline,
  customerId: string,
  orderId: string,
  query: OrderQuery = {},
  options?: CallOptions,
): Promise<Order> {
  const operation = 'getOrder';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/orders/${segment(operation, 'orderId', orderId)}`;
  const params = { include_price: query.includePrice === true ? true : undefined };
  return (await http.json({ operation, method: 'GET', path, query: params }, orderSchema, options)).data;
}

/** Lists all of a customer's orders (one page; new orders may take up to 15 minutes to appear). */
export async function listOrders(
  http: HttpPipeline,
  customerId: string,
  query: OrderQuery = {},
  options?: CallOptions,
): Promise<Order[]> {
  return ordersRequest(http, 'listOrders', customerId, undefined, query, options);
}

/** Lists a customer's orders of one billing cycle type, e.g. `OneTime` for reservations. */
export async function listOrdersByBillingType(
  http: HttpPipeline,
  customerId: string,
  billingType: OrderBillingType,
  query: OrderQuery = {},
  options?: CallOptions,
): Promise<Order[]> {
  return ordersRequest(http, 'listOrdersByBillingType', customerId, billingType, query, options);
}

/** Gets the provisioning status of each line of an order (App+User only). */
export async function getProvisioningStatus(
  http: HttpPipeline,
  customerId: string,
  orderId: string,
  options?: CallOptions,
): Promise<LineItemProvisioningStatus[]> {
  const operation = 'getProvisioningStatus';
  const path = `/customers/${segment(operation, 'customerId', customerId)}/orders/${segment(operation, 'orderId', orderId)}/provisioningstatus`;
  return getItems(http, { operation, path }, lineItemProvisioningStatusSchema, options);
}

async function ordersRequest(
  http: HttpPipeline,
  operation: string,
  customerId: string,
  billingType: OrderBillingType | undefined,
  query: OrderQuery,
  options: CallOptions | undefined,
): Promise<Order[]> {
  const path = `/customers/${segment(operation, 'customerId', customerId)}/orders`;
  const params = { billingType, include_price: query.includePrice === true ? true : undefined };
  return getItems(http, { operation, path, query: params }, orderSchema, options);
}
