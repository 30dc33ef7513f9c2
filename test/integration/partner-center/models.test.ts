/**
 * The documented wire quirks (contract §1.3, §1.6, §12) parse into one normalised shape, both through
 * the schemas and through the client over HTTP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  availabilitySchema,
  cartCheckoutResultSchema,
  cartSchema,
  customerSchema,
  entitlementSchema,
  invoiceLineItemSchema,
  invoiceSchema,
  invoiceSummarySchema,
  inventoryCheckResponseSchema,
  isKnownEnum,
  lineItemProvisioningStatusSchema,
  orderSchema,
  orderStatusValues,
  parsePartnerCenterDate,
  registrationStatusSchema,
  reservationDetailsSchema,
  reservationSkuAttributes,
  skuSchema,
  subscriptionSchema,
} from '../../../main/partner-center';
import { parseFault } from '../../../main/partner-center/http';
import { testClient } from './support/client';
import { json, startScriptedServer, type ScriptedServer } from './support/scripted-server';

let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const reservation = {
  reservationId: '99f320db-c029-4c1b-a157-dad76e4481b6',
  scopeType: 'Shared',
  quantity: '1',
  expiryDateTime: '2019-02-23T00:00:00',
  effectiveDateTime: '2018-02-23T18:15:24.6724884Z',
  provisioningState: 'Created',
};

describe('enum casing', () => {
  it.each([['Registered'], ['registered'], ['REGISTERED']])('reads registration status %s', (status) => {
    expect(registrationStatusSchema.parse({ status }).status).toBe('Registered');
  });

  it('reads notregistered and NotRegistered alike', () => {
    expect(registrationStatusSchema.parse({ status: 'notregistered' }).status).toBe('NotRegistered');
    expect(registrationStatusSchema.parse({ status: 'NotRegistered' }).status).toBe('NotRegistered');
  });

  it('reads billing cycles one_time and OneTime alike', () => {
    const sku = skuSchema.parse({ id: '0001', supportedBillingCycles: ['OneTime', 'one_time', 'MONTHLY'] });
    expect(sku.supportedBillingCycles).toEqual(['one_time', 'one_time', 'monthly']);
  });

  it('reads provisioning statuses fulfilled and Fulfilled alike', () => {
    const line = lineItemProvisioningStatusSchema.parse({
      lineItemNumber: 0,
      status: 'fulfilled',
      quantityProvisioningInformation: [{ quantity: 1, status: 'PREFULFILLMENTPENDING' }],
    });
    expect(line.status).toBe('Fulfilled');
    expect(line.quantityProvisioningInformation[0]?.status).toBe('PrefulfillmentPending');
  });

  it('reads cart status, invoice type, order status and entitlement type in any casing', () => {
    expect(cartSchema.parse({ id: 'c', status: 'ordered' }).status).toBe('Ordered');
    expect(
      invoiceSchema.parse({ id: 'G1', invoiceType: 'one_time', documentType: 'VoidNote' }),
    ).toMatchObject({
      invoiceType: 'OneTime',
      documentType: 'void_note',
    });
    expect(orderSchema.parse({ id: 'o', status: 'Pending Review' }).status).toBe('pending review');
    const entitlement = entitlementSchema.parse({
      entitlementType: 'reservedinstance',
      entitledArtifacts: [],
    });
    expect(entitlement.entitlementType).toBe('reservedInstance');
  });
});

describe('unknown enum values', () => {
  it('keeps the raw string instead of failing', () => {
    const order = orderSchema.parse({
      id: 'o',
      status: 'awaiting_quantum_approval',
      billingCycle: 'fortnightly',
    });
    expect(order.status).toBe('awaiting_quantum_approval');
    expect(order.billingCycle).toBe('fortnightly');
    expect(isKnownEnum(orderStatusValues, order.status)).toBe(false);
    expect(isKnownEnum(orderStatusValues, orderSchema.parse({ id: 'o', status: 'COMPLETED' }).status)).toBe(
      true,
    );
    expect(registrationStatusSchema.parse({ status: 'Deregistering' }).status).toBe('Deregistering');
    expect(subscriptionSchema.parse({ id: 's', status: 'migrating' }).status).toBe('migrating');
  });
});

describe('numbers sent as strings', () => {
  it('reads prices, quantities and counts given as strings', () => {
    const item = invoiceLineItemSchema.parse({
      unitPrice: '16',
      effectiveUnitPrice: 820,
      quantity: '2',
      subtotal: ' 8093.2 ',
      resellerMpnId: 0,
      mpnId: 5357564,
      billingProvider: 'OneTime',
      invoiceLineItemType: 'BillingLineItems',
      someFutureField: 'kept',
    });
    expect(item).toMatchObject({
      unitPrice: 16,
      effectiveUnitPrice: 820,
      quantity: 2,
      subtotal: 8093.2,
      resellerMpnId: '0',
      mpnId: '5357564',
      billingProvider: 'one_time',
      invoiceLineItemType: 'billing_line_items',
      someFutureField: 'kept',
    });
    expect(
      cartSchema.parse({ id: 'c', lineItems: [{ id: '0', catalogItemId: 'a:b:c', quantity: '3' }] })
        .lineItems[0],
    ).toMatchObject({ id: 0, quantity: 3 });
    expect(invoiceSummarySchema.parse({ balanceAmount: '751094.39' }).balanceAmount).toBe(751094.39);
  });

  it('reads booleans sent as strings', () => {
    const availability = availabilitySchema.parse({ id: 'A', catalogItemId: 'P:S:A', isPurchasable: 'true' });
    expect(availability.isPurchasable).toBe(true);
  });

  it('still refuses a number that is not one', () => {
    expect(invoiceSummarySchema.safeParse({ balanceAmount: 'lots' }).success).toBe(false);
  });
});

describe('error code as a number or a string', () => {
  it.each([
    ['{"code": 800002, "description": "Invalid input", "data": [], "source": "PartnerFD"}', '800002'],
    ['{"code": "800002", "description": "Invalid input"}', '800002'],
    ['{"error": {"code": "800002", "message": "Invalid input"}}', '800002'],
  ])('reads %s', (body, code) => {
    const fault = parseFault(body);
    expect(fault.code).toBe(code);
    expect(fault.description).toBe('Invalid input');
  });

  it('reads the gateway 429 body and its wait', () => {
    const fault = parseFault(
      '{"statusCode": 429, "message": "Rate limit is exceeded. Try again in 57 seconds."}',
    );
    expect(fault.code).toBeUndefined();
    expect(fault.retryAfterMs).toBe(57_000);
  });

  it('reads order errors and cart line errors with numeric or string codes', () => {
    const result = cartCheckoutResultSchema.parse({
      orders: [],
      orderErrors: [
        { orderGroupId: 1, code: 800010, description: 'Inventory is not available' },
        { orderGroupId: '2', code: '800017', description: 'Quantity' },
      ],
    });
    expect(result.orderErrors.map((error) => [error.orderGroupId, error.code])).toEqual([
      ['1', '800010'],
      ['2', '800017'],
    ]);
    const cart = cartSchema.parse({
      id: 'c',
      lineItems: [
        { id: 0, catalogItemId: 'a', quantity: 1, error: { errorCode: '10011', errorDescription: 'x' } },
      ],
    });
    expect(cart.lineItems[0]?.error?.errorCode).toBe(10011);
  });
});

describe('reservation details array', () => {
  it.each(['reservations', 'virtualMachineReservations', 'reservation'])('is read from %s', (name) => {
    const details = reservationDetailsSchema.parse({ type: 'reservedinstance', [name]: [reservation] });
    expect(details.reservations).toHaveLength(1);
    expect(details.reservations[0]).toMatchObject({
      reservationId: reservation.reservationId,
      quantity: 1,
      scopeType: 'Shared',
    });
  });

  it('accepts a single object under `reservation` and none at all', () => {
    expect(reservationDetailsSchema.parse({ reservation }).reservations).toHaveLength(1);
    expect(reservationDetailsSchema.parse({ type: 'reservedinstance' }).reservations).toEqual([]);
  });
});

describe('dynamicAttributes location', () => {
  const base = {
    referenceOrder: { id: 'KaJ8', lineItemId: 0, alternateId: '8f3a' },
    productId: 'DZH318Z0BQ3W',
    skuId: '007J',
    quantity: 1,
    entitlementType: 'reservedinstance',
  };
  const artifact = {
    artifactType: 'reservedinstance',
    resourceId: 'ebf2e74b',
    link: {
      uri: '/customers/c/artifacts/reservedinstance/groups/g/lineitems/l/resource/r',
      method: 'GET',
      headers: [],
    },
  };

  it('is found on the entitlement (the docs example)', () => {
    const entitlement = entitlementSchema.parse({
      ...base,
      dynamicAttributes: { reservationType: 'virtualmachines' },
      entitledArtifacts: [artifact],
    });
    expect(entitlement.dynamicAttributes).toEqual({ reservationType: 'virtualmachines' });
    expect(entitlement.entitledArtifacts[0]?.dynamicAttributes).toEqual({
      reservationType: 'virtualmachines',
    });
    expect(entitlement.referenceOrder?.lineItemId).toBe('0');
  });

  it('is found on the artifact (the SDK models)', () => {
    const entitlement = entitlementSchema.parse({
      ...base,
      entitledArtifacts: [{ ...artifact, dynamicAttributes: { reservationType: 'sqldatabases' } }],
    });
    expect(entitlement.dynamicAttributes).toEqual({ reservationType: 'sqldatabases' });
    expect(entitlement.entitledArtifacts[0]?.dynamicAttributes).toEqual({ reservationType: 'sqldatabases' });
    expect(entitlement.entitledArtifacts[0]?.link?.uri).toMatch(/^\/customers\/c\/artifacts/);
  });
});

describe('other leniency', () => {
  it('ignores extra properties and nulls', () => {
    const customer = customerSchema.parse({
      id: 'c',
      companyProfile: { companyName: 'Contoso', domain: null, futureThing: 1 },
      billingProfile: null,
      customDomains: null,
      somethingNew: { deep: true },
    });
    expect(customer.companyProfile?.companyName).toBe('Contoso');
    expect(customer.companyProfile?.domain).toBeUndefined();
    expect(customer.customDomains).toEqual([]);
    expect('somethingNew' in customer).toBe(false);
  });

  it('reads check-inventory as a bare array', () => {
    const items = inventoryCheckResponseSchema.parse([
      {
        productId: 'P',
        skuId: '0039',
        isRestricted: true,
        restrictions: [{ reasonCode: 'NotAvailableForSubscription', properties: { type: 'Location' } }],
      },
      { productId: 'P', skuId: '000S', isRestricted: false, restrictions: [] },
    ]);
    expect(items.map((item) => item.isRestricted)).toEqual([true, false]);
  });

  it('reads empty Partner Center dates as undefined', () => {
    expect(parsePartnerCenterDate('0001-01-01T00:00:00')).toBeUndefined();
    expect(parsePartnerCenterDate('2018-03-13T22:49:54.3396949Z')?.toISOString()).toBe(
      '2018-03-13T22:49:54.339Z',
    );
  });

  it('drops a malformed link instead of failing the resource', () => {
    const order = orderSchema.parse({ id: 'o', links: { self: { uri: '/x' }, broken: 'nope' } });
    expect(Object.keys(order.links)).toEqual(['self']);
  });
});

describe('quirks over HTTP', () => {
  it('reads registration status in lowercase, an entitlement with attributes on it, and details under virtualMachineReservations', async () => {
    server = await startScriptedServer((request, response) => {
      if (request.path.endsWith('/registrationstatus'))
        return json(200, { subscriptionId: 's', status: 'registering' })(request, response);
      if (request.path.endsWith('/entitlements')) {
        return json(200, {
          totalCount: '1',
          items: [
            {
              entitlementType: 'ReservedInstance',
              quantity: '2',
              dynamicAttributes: { reservationType: 'virtualmachines' },
              entitledArtifacts: [
                {
                  artifactType: 'reservedinstance',
                  resourceId: 'r1',
                  link: {
                    uri: '/customers/c/artifacts/reservedinstance/groups/g/lineitems/l/resource/r1',
                    method: 'GET',
                    headers: [],
                  },
                },
              ],
            },
          ],
          attributes: { objectType: 'Collection' },
        })(request, response);
      }
      return json(200, { type: 'reservedinstance', virtualMachineReservations: [reservation] })(
        request,
        response,
      );
    });
    const client = testClient(server.baseUrl);
    expect((await client.getRegistrationStatus('c', 's')).status).toBe('Registering');
    const [entitlement] = await client.listEntitlements('c', { entitlementType: 'reservedInstance' });
    expect(entitlement?.quantity).toBe(2);
    const artifact = entitlement?.entitledArtifacts[0];
    expect(artifact?.dynamicAttributes.reservationType).toBe('virtualmachines');
    const details = await client.getReservationDetails(artifact?.link ?? '');
    expect(details.reservations[0]?.reservationId).toBe(reservation.reservationId);
    expect(server.requests[1]?.query.get('entitlementType')).toBe('reservedInstance');
    expect(server.requests[2]?.path).toBe(
      '/v1/customers/c/artifacts/reservedinstance/groups/g/lineitems/l/resource/r1',
    );
  });
});

describe('SKU reservation attributes', () => {
  it('reads the free-form dynamicAttributes into typed fields', () => {
    const sku = skuSchema.parse({
      id: '0001',
      dynamicAttributes: {
        armSkuName: 'Standard_ND12s',
        Cores: '12',
        ram: 224,
        ArmRegionName: 'westus2',
        duration: '1Year',
        odd: {},
      },
    });
    expect(reservationSkuAttributes(sku)).toMatchObject({
      armSkuName: 'Standard_ND12s',
      cores: 12,
      ram: 224,
      armRegionName: 'westus2',
      duration: '1Year',
      category: undefined,
    });
  });
});
