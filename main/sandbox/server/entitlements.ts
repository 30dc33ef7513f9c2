/**
 * Entitlements (§4.18) and reservation details behind their artifact links (§4.19). Completed
 * sandbox orders add `reservedinstance` entitlements next to the world's; both are App+User only.
 */
import { createHash } from 'node:crypto';
import type { Entitlement, ReservedInstanceArtifactDetails } from '../data/model';
import { orderCompleted, sandboxOrdersOf } from './orders';
import type { Route } from './router';
import { requireCustomer, type Services } from './services';
import type { StoredOrder, StoredOrderLine } from './state';
import { ApiError, collection, link, queryParam, wireDate } from './wire';

/** A GUID derived from text, so a sandbox order's reservation ids are stable across restarts. */
function guidFrom(...parts: ReadonlyArray<string | number>): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface SandboxReservation {
  readonly order: StoredOrder;
  readonly line: StoredOrderLine;
  readonly resourceId: string;
  readonly groupId: string;
  readonly lineItemId: string;
}

function reservationsOf(order: StoredOrder): SandboxReservation[] {
  return order.lines.map((line) => ({
    order,
    line,
    resourceId: guidFrom('resource', order.id, line.lineItemNumber),
    groupId: createHash('sha256').update(`group|${order.id}`).digest('hex').slice(0, 32),
    lineItemId: guidFrom('line', order.id, line.lineItemNumber),
  }));
}

function termEnd(startMs: number, term: string): number {
  const date = new Date(startMs);
  date.setUTCFullYear(date.getUTCFullYear() + (term === 'P3Y' ? 3 : 1));
  return date.getTime();
}

function entitlementWire(
  services: Services,
  r: SandboxReservation,
  showExpiry: boolean,
): Record<string, unknown> {
  const effective = r.order.createdAtMs + services.timing.orderCompletionMs;
  return {
    includedEntitlements: [],
    referenceOrder: {
      id: r.order.id,
      lineItemId: String(r.line.lineItemNumber),
      alternateId: r.order.alternateId,
    },
    productId: r.line.productId,
    skuId: r.line.skuId,
    quantity: r.line.quantity,
    quantityDetails: [{ quantity: r.line.quantity, status: 'Active' }],
    entitlementType: 'reservedinstance',
    fulfillmentState: 'Fulfilled',
    entitledArtifacts: [
      {
        artifactType: 'reservedinstance',
        dynamicAttributes: { reservationType: r.line.reservationType },
        resourceId: r.resourceId,
        link: link(
          `/customers/${r.order.customerId}/artifacts/reservedinstance/groups/${r.groupId}/lineitems/${r.lineItemId}/resource/${r.resourceId}`,
        ),
      },
    ],
    ...(showExpiry ? { expiryDate: wireDate(termEnd(effective, r.line.termDuration)) } : {}),
    attributes: { objectType: 'Entitlement' },
  };
}

function detailsWire(services: Services, r: SandboxReservation): Record<string, unknown> {
  const effective = r.order.createdAtMs + services.timing.orderCompletionMs;
  return {
    type: 'reservedinstance',
    reservations: [
      {
        reservationId: r.resourceId,
        displayName: r.line.friendlyName,
        ...(r.line.scope === 'Single' ? { appliedScopes: [`/subscriptions/${r.line.subscriptionId}`] } : {}),
        scopeType: r.line.scope,
        quantity: r.line.quantity,
        expiryDateTime: wireDate(termEnd(effective, r.line.termDuration)),
        effectiveDateTime: wireDate(effective),
        provisioningState: 'Succeeded',
      },
    ],
    attributes: { objectType: 'ReservedInstanceArtifactDetails' },
  };
}

/** `entitlementType` values (§4.18), case-insensitive; undefined = all. */
function typeFilter(value: string | undefined): 'reservedinstance' | 'vm' | 'software' | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'reservedinstance') return 'reservedinstance';
  if (lower === 'virtualmachinereservedinstance') return 'vm';
  if (lower === 'software') return 'software';
  throw new ApiError(400, 3000, `The entitlementType '${value}' is not valid.`);
}

/**
 * Which of the documented wire shapes (§4.18–4.19) a world reservation is served in, fixed by its
 * resource id so it is the same on every call: 0 as in the resource tables; 1 details under
 * `virtualMachineReservations` and `dynamicAttributes` on the entitlement only (the doc examples);
 * 2 lowercase enums and `dynamicAttributes` on the entitlement; 3 all of it, attributes in both places.
 */
export function wireVariant(resourceId: string): 0 | 1 | 2 | 3 {
  return (createHash('sha256').update(resourceId.toLowerCase()).digest()[0]! % 4) as 0 | 1 | 2 | 3;
}

function worldEntitlementWire(entitlement: Entitlement, showExpiry: boolean): unknown {
  const { expiryDate, ...rest } = entitlement;
  const artifact = entitlement.entitledArtifacts[0];
  const variant = artifact ? wireVariant(artifact.resourceId) : 0;
  const shaped =
    variant === 0 || !artifact
      ? rest
      : {
          ...rest,
          dynamicAttributes: artifact.dynamicAttributes,
          entitledArtifacts: entitlement.entitledArtifacts.map((each) =>
            variant === 3 ? each : { ...each, dynamicAttributes: undefined },
          ),
        };
  return showExpiry ? { ...shaped, expiryDate } : shaped;
}

function worldDetailsWire(resourceId: string, details: ReservedInstanceArtifactDetails): unknown {
  const variant = wireVariant(resourceId);
  const reservations =
    variant >= 2
      ? details.reservations.map((reservation) => ({
          ...reservation,
          scopeType: reservation.scopeType.toLowerCase(),
          provisioningState: reservation.provisioningState.toLowerCase(),
        }))
      : details.reservations;
  const { reservations: _list, ...rest } = details;
  return variant === 1 || variant === 3
    ? { ...rest, virtualMachineReservations: reservations }
    : { ...rest, reservations };
}

function reservationType(entitlement: {
  entitledArtifacts: ReadonlyArray<{ dynamicAttributes: Readonly<Record<string, string>> }>;
}): string {
  return entitlement.entitledArtifacts[0]?.dynamicAttributes.reservationType ?? '';
}

/** The entitlement route table. */
export function entitlementRoutes(services: Services): Route[] {
  const completedReservations = (customerId: string): SandboxReservation[] =>
    sandboxOrdersOf(services, customerId)
      .filter((order) => orderCompleted(services, order))
      .flatMap(reservationsOf);
  return [
    {
      auth: 'user',
      method: 'GET',
      path: '/v1/customers/:customerId/entitlements',
      handler: (ctx) => {
        const customer = requireCustomer(services, ctx.params.customerId!);
        const filter = typeFilter(queryParam(ctx, 'entitlementType'));
        const showExpiry = (queryParam(ctx, 'showExpiry') ?? 'false').toLowerCase() === 'true';
        let items: unknown[] = [];
        if (filter !== 'software') {
          const sandbox = completedReservations(customer.id)
            .filter((r) => filter !== 'vm' || r.line.reservationType === 'virtualmachines')
            .map((r) => entitlementWire(services, r, showExpiry));
          const world = (services.world.entitlementsByCustomer.get(customer.id) ?? [])
            .filter((e) => filter !== 'vm' || reservationType(e) === 'virtualmachines')
            .map((e) => worldEntitlementWire(e, showExpiry));
          items = [...sandbox, ...world];
        }
        const query = ctx.url.includes('?') ? ctx.url.slice(ctx.url.indexOf('?')) : '';
        const body = collection(items, `/customers/${customer.id}/entitlements${query}`);
        // The documented example has no links on this collection.
        delete body.links;
        return { status: 200, json: body };
      },
    },
    {
      auth: 'user',
      method: 'GET',
      path: '/v1/customers/:customerId/artifacts/:artifactType/groups/:groupId/lineitems/:lineItemId/resource/:resourceId',
      handler: (ctx) => {
        const customer = requireCustomer(services, ctx.params.customerId!);
        const type = ctx.params.artifactType!.toLowerCase();
        if (type !== 'reservedinstance' && type !== 'virtualmachinereservedinstance') {
          throw new ApiError(404, 800002, `Artifact type '${ctx.params.artifactType!}' is not known.`);
        }
        const resourceId = ctx.params.resourceId!.toLowerCase();
        const sandbox = completedReservations(customer.id).find((r) => r.resourceId === resourceId);
        if (sandbox) return { status: 200, json: detailsWire(services, sandbox) };
        const owned = (services.world.entitlementsByCustomer.get(customer.id) ?? []).some((e) =>
          e.entitledArtifacts.some((a) => a.resourceId.toLowerCase() === resourceId),
        );
        const details = owned
          ? (services.world.reservationDetails.get(ctx.params.resourceId!) ??
            [...services.world.reservationDetails].find(([id]) => id.toLowerCase() === resourceId)?.[1])
          : undefined;
        if (!details) throw new ApiError(404, 800002, `Reservation ${ctx.params.resourceId!} was not found.`);
        return { status: 200, json: worldDetailsWire(resourceId, details) };
      },
    },
  ];
}
