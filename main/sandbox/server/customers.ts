/**
 * Customers and subscriptions (§13) with seek paging, plus reservation registration of a
 * subscription and its status (§4.1, §4.2).
 */
import type { Customer, Subscription } from '../data/model';
import type { Route, RouteContext } from './router';
import {
  registrationState,
  requireCustomer,
  requireSubscription,
  reservationScopeOf,
  subscriptionsOf,
  type Services,
} from './services';
import { ApiError, collection, intParam, seekPage } from './wire';

/** Default and largest page of `GET /customers` (the Java SDK pages with these sizes). */
const DEFAULT_CUSTOMER_PAGE = 20;
const MAX_CUSTOMER_PAGE = 500;

/**
 * The customer and subscription a route's path names, where the subscription can hold reservations
 * (Azure plan or MS-AZR-0145P); 400/800011 for any other.
 */
function requireAzureSubscription(
  services: Services,
  ctx: RouteContext,
): { readonly customer: Customer; readonly subscription: Subscription } {
  const customer = requireCustomer(services, ctx.params.customerId!);
  const subscription = requireSubscription(services, customer, ctx.params.subscriptionId!);
  if (reservationScopeOf(subscription) === null) {
    throw new ApiError(400, 800011, `Subscription ${subscription.id} is not a valid Azure subscription.`);
  }
  return { customer, subscription };
}

/** The list view of a customer carries only the basics (§13). */
function customerListItem(customer: Customer): Record<string, unknown> {
  return {
    id: customer.id,
    companyProfile: {
      tenantId: customer.companyProfile.tenantId,
      domain: customer.companyProfile.domain,
      companyName: customer.companyProfile.companyName,
      attributes: customer.companyProfile.attributes,
    },
    relationshipToPartner: customer.relationshipToPartner,
    allowDelegatedAccess: customer.allowDelegatedAccess,
    links: customer.links,
    attributes: customer.attributes,
  };
}

/** The customer and subscription route table. */
export function customerRoutes(services: Services): Route[] {
  return [
    {
      auth: 'any',
      method: 'GET',
      path: '/v1/customers',
      handler: (ctx) => {
        const size = Math.max(1, intParam(ctx, 'size', DEFAULT_CUSTOMER_PAGE, MAX_CUSTOMER_PAGE));
        const items = services.world.customers.map(customerListItem);
        return {
          status: 200,
          json: seekPage(items, ctx, size, `/customers?size=${size}`, `customers:${size}`),
        };
      },
    },
    {
      auth: 'any',
      method: 'GET',
      path: '/v1/customers/:customerId',
      handler: (ctx) => ({ status: 200, json: requireCustomer(services, ctx.params.customerId!) }),
    },
    {
      auth: 'any',
      method: 'GET',
      path: '/v1/customers/:customerId/subscriptions',
      handler: (ctx) => {
        const customer = requireCustomer(services, ctx.params.customerId!);
        return {
          status: 200,
          json: collection(subscriptionsOf(services, customer), `/customers/${customer.id}/subscriptions`),
        };
      },
    },
    {
      auth: 'any',
      method: 'GET',
      path: '/v1/customers/:customerId/subscriptions/:subscriptionId',
      handler: (ctx) => {
        const customer = requireCustomer(services, ctx.params.customerId!);
        return { status: 200, json: requireSubscription(services, customer, ctx.params.subscriptionId!) };
      },
    },
    {
      auth: 'any',
      throttled: true,
      write: true,
      method: 'POST',
      path: '/v1/customers/:customerId/subscriptions/:subscriptionId/registrations',
      handler: (ctx) => {
        const { customer, subscription } = requireAzureSubscription(services, ctx);
        if (subscription.status !== 'active') {
          throw new ApiError(400, 800012, `Subscription ${subscription.id} is not active.`);
        }
        // Registering again is harmless: an already registered subscription stays registered.
        const key = subscription.id.toLowerCase();
        if (registrationState(services, subscription) === 'NotRegistered') {
          services.store.data.registrations[key] = { requestedAtMs: services.clock() };
        }
        return {
          status: 202,
          headers: {
            Location: `/customers/${customer.id}/subscriptions/${subscription.id}/registrationstatus`,
          },
        };
      },
    },
    {
      auth: 'any',
      throttled: true,
      method: 'GET',
      path: '/v1/customers/:customerId/subscriptions/:subscriptionId/registrationstatus',
      handler: (ctx) => {
        const { subscription } = requireAzureSubscription(services, ctx);
        return {
          status: 200,
          json: {
            subscriptionId: subscription.id,
            status: registrationState(services, subscription),
            attributes: { objectType: 'SubscriptionRegistrationStatus' },
          },
        };
      },
    },
  ];
}
