/**
 * Orders and provisioning status (contract §4.14–4.17).
 */
import { lineItemProvisioningStatusSchema, orderSchema } from '../models/orders';
import { list, one, named, type Query } from './define';

/** Options of order reads. */
export interface OrderQuery {
  /** Adds `pricing` to lines and `totalPrice` to orders. */
  readonly includePrice?: boolean;
}

/** Billing cycle types to filter orders by; reservations are `OneTime`. */
export type OrderBillingType = 'OneTime' | 'Monthly' | 'Annual' | 'None';

const orders = '/customers/{customerId}/orders';
const order = `${orders}/{orderId}` as const;

const withPrice = (query: OrderQuery): Query => ({
  include_price: query.includePrice === true ? true : undefined,
});

/** Calls of a customer's orders. */
export const orderCalls = named({
  /** Gets one order. */
  getOrder: one(order, orderSchema, withPrice),
  /** Lists all of a customer's orders (one page; new orders may take up to 15 minutes to appear). */
  listOrders: list(orders, orderSchema, withPrice),
  /** Lists a customer's orders of one billing cycle type, e.g. `OneTime` for reservations. */
  listOrdersByBillingType: list(
    orders,
    orderSchema,
    (query: OrderQuery & { readonly billingType: OrderBillingType }): Query => ({
      billingType: query.billingType,
      ...withPrice(query),
    }),
  ),
  /** Gets the provisioning status of each line of an order (App+User only). */
  getProvisioningStatus: list(`${order}/provisioningstatus`, lineItemProvisioningStatusSchema),
});
