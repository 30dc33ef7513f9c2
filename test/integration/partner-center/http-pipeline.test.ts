/**
 * The request pipeline over real HTTP: headers, retries, Retry-After, idempotent request ids,
 * cancellation, timeouts, malformed responses and the PDF stream.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  PartnerCenterError,
  readJsonBody,
  RequestBudget,
  type PartnerCenterClient,
} from '../../../main/partner-center';
import { fakeClock } from './support/fake-clock';
import { testClient, testToken } from './support/client';
import {
  delayed,
  dropConnection,
  hang,
  inSequence,
  json,
  startScriptedServer,
  type Responder,
  type ScriptedServer,
} from './support/scripted-server';

const customerId = '28045616-f6b9-462f-9701-0d89b5e65c44';
const cartId = '3655b1a0-b1c9-4268-9824-577fdbc4d0be';
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const registration = {
  subscriptionId: 's-1',
  status: 'Registered',
  attributes: { objectType: 'SubscriptionRegistrationStatus' },
};
const checkoutResult = { orders: [{ id: 'order-1', status: 'pending', lineItems: [] }], orderErrors: [] };

let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(responder: Responder): Promise<ScriptedServer> {
  server = await startScriptedServer(responder);
  return server;
}

async function failure(promise: Promise<unknown>): Promise<PartnerCenterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PartnerCenterError);
    return error as PartnerCenterError;
  }
  throw new Error('expected the call to fail');
}

/** Resolves once `condition` holds, polling every few milliseconds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

function registrationStatus(client: PartnerCenterClient, signal?: AbortSignal): Promise<unknown> {
  return client.getRegistrationStatus(customerId, 's-1', signal === undefined ? {} : { signal });
}

describe('headers', () => {
  it('sends every contract header, and a new MS-RequestId per logical call', async () => {
    const srv = await serve(json(200, registration));
    const client = testClient(srv.baseUrl);
    await registrationStatus(client);
    await client.getRegistrationStatus(customerId, 's-1', { correlationId: 'corr-42' });

    const [first, second] = srv.requests;
    expect(first?.path).toBe(`/v1/customers/${customerId}/subscriptions/s-1/registrationstatus`);
    expect(first?.headers.authorization).toBe(`Bearer ${testToken}`);
    expect(first?.headers.accept).toBe('application/json');
    expect(first?.headers['ms-contract-version']).toBe('v1');
    expect(first?.headers['x-locale']).toBe('en-US');
    expect(first?.headers['ms-partnercenter-application']).toBe('Reservation Desk (tests)');
    expect(first?.headers['ms-requestid']).toMatch(guid);
    expect(first?.headers['ms-correlationid']).toMatch(guid);
    expect(second?.headers['ms-requestid']).toMatch(guid);
    expect(second?.headers['ms-requestid']).not.toBe(first?.headers['ms-requestid']);
    expect(second?.headers['ms-correlationid']).toBe('corr-42');
  });

  it('sends JSON bodies with Content-Type and a caller-supplied request id on writes', async () => {
    const srv = await serve(json(201, { id: cartId, lineItems: [] }));
    const client = testClient(srv.baseUrl);
    await client.createCart(
      customerId,
      {
        lineItems: [
          { id: 0, catalogItemId: 'P:S:A', quantity: 2, billingCycle: 'one_time', termDuration: 'P1Y' },
        ],
      },
      { requestId: 'journaled-request-id' },
    );
    const request = srv.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['ms-requestid']).toBe('journaled-request-id');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      lineItems: [
        { id: 0, catalogItemId: 'P:S:A', quantity: 2, billingCycle: 'one_time', termDuration: 'P1Y' },
      ],
    });
  });
});

describe('retries', () => {
  it('waits for Retry-After: 2 on a 429, then succeeds', async () => {
    const srv = await serve(
      inSequence(
        json(
          429,
          { statusCode: 429, message: 'Rate limit is exceeded. Try again in 2 seconds.' },
          { 'Retry-After': '2' },
        ),
        json(200, registration),
      ),
    );
    const client = testClient(srv.baseUrl);
    const started = performance.now();
    const status = await client.getRegistrationStatus(customerId, 's-1');
    const elapsed = performance.now() - started;
    expect(status.status).toBe('Registered');
    expect(srv.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(8_000);
    const [first, second] = srv.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1900);
  });

  it('reads Retry-After as an HTTP date, and backs off further on repeated 429s', async () => {
    const clock = fakeClock();
    const retryAt = new Date(clock.now() + 5_000).toUTCString();
    const srv = await serve(
      inSequence(
        json(429, { statusCode: 429, message: 'Rate limit is exceeded.' }, { 'Retry-After': retryAt }),
        json(429, { statusCode: 429, message: 'Rate limit is exceeded.' }, { 'Retry-After': '3' }),
        json(200, registration),
      ),
    );
    const budget = new RequestBudget({ maxConcurrency: 2, requestsPerMinute: 100, clock });
    const client = testClient(srv.baseUrl, { clock, budget, random: () => 1 });
    await registrationStatus(client);
    expect(srv.requests).toHaveLength(3);
    // The HTTP date has one-second resolution, so the first wait is between 4 and 5 s.
    const waits = clock.sleeps.filter((ms) => ms >= 1000);
    expect(waits[0]).toBeGreaterThan(3_900);
    expect(waits[0]).toBeLessThanOrEqual(5_000);
    // Second 429 in a row: Retry-After plus one backoff step (random() = 1 → the full step of 10 ms).
    expect(clock.sleeps).toContain(3_000 + 10);
  });

  it('pauses the whole tenant budget when a 429 arrives', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget({ maxConcurrency: 2, requestsPerMinute: 100, clock });
    const srv = await serve(
      inSequence(
        json(429, { statusCode: 429, message: 'slow down' }, { 'Retry-After': '30' }),
        json(200, registration),
      ),
    );
    const client = testClient(srv.baseUrl, { clock, budget, retry: { maxRetries: 0 } });
    const error = await failure(registrationStatus(client));
    expect(error.kind).toBe('throttled');
    expect(error.status).toBe(429);
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(30_000);
    expect(budget.stats().pausedUntil).toBe(clock.now() + 30_000);
  });

  it('fails at once when Retry-After is longer than the client will wait', async () => {
    const srv = await serve(
      json(429, { statusCode: 429, message: 'Try again in 3600 seconds.' }, { 'Retry-After': '3600' }),
    );
    const client = testClient(srv.baseUrl, {
      budget: new RequestBudget({ maxConcurrency: 1, requestsPerMinute: 100 }),
    });
    const error = await failure(registrationStatus(client));
    expect(srv.requests).toHaveLength(1);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.userMessage).toMatch(/Try again in 3600 s/);
  });

  it('retries a 503 and succeeds', async () => {
    const srv = await serve(
      inSequence(json(503, { code: 900192, description: 'busy' }), json(503, ''), json(200, registration)),
    );
    const status = await registrationStatus(testClient(srv.baseUrl));
    expect(status).toMatchObject({ status: 'Registered' });
    expect(srv.requests).toHaveLength(3);
  });

  it('honours Retry-After on a 503', async () => {
    const clock = fakeClock();
    const srv = await serve(inSequence(json(503, '', { 'Retry-After': '7' }), json(200, registration)));
    await registrationStatus(testClient(srv.baseUrl, { clock }));
    expect(clock.sleeps).toEqual([7_000]);
  });

  it('retries 408, 500 and 502 too', async () => {
    const srv = await serve(inSequence(json(408, ''), json(500, ''), json(502, ''), json(200, registration)));
    await registrationStatus(testClient(srv.baseUrl));
    expect(srv.requests).toHaveLength(4);
  });

  it.each([400, 401, 403, 404, 409, 417])('never retries a %i', async (status) => {
    const srv = await serve(
      json(status, { code: 800002, description: 'nope', data: [], source: 'PartnerFD' }),
    );
    const error = await failure(registrationStatus(testClient(srv.baseUrl)));
    expect(srv.requests).toHaveLength(1);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(false);
  });

  it('turns a 400 into a typed error with code, description, ids and a user message', async () => {
    const srv = await serve(
      json(
        400,
        {
          code: 800030,
          description: 'Subscription isn&#39;t registered',
          data: ['detail'],
          source: 'PartnerFD',
        },
        { 'MS-CorrelationId': 'server-correlation' },
      ),
    );
    const error = await failure(
      testClient(srv.baseUrl).checkoutCart(customerId, cartId, { requestId: 'rid-1' }),
    );
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      code: '800030',
      description: "Subscription isn't registered",
      data: ['detail'],
      requestId: 'rid-1',
      correlationId: 'server-correlation',
      retryable: false,
      operation: 'checkoutCart',
    });
    expect(error.userMessage).toBe(
      "This subscription isn't registered for reservations yet: register it on the Customers screen.",
    );
    expect(srv.requests).toHaveLength(1);
  });

  it('reads an error code sent as a string', async () => {
    const srv = await serve(json(404, { code: '20000', description: 'Order not found' }));
    const error = await failure(testClient(srv.baseUrl).getOrder(customerId, 'missing'));
    expect(error.code).toBe('20000');
    expect(error.userMessage).toBe("This order wasn't found.");
    expect(error.deskErrorCode).toBe('NOT_FOUND');
  });

  it('keeps the same MS-RequestId on every retry of a write, and a new one for the next call', async () => {
    const srv = await serve(
      inSequence(
        json(503, ''),
        dropConnection,
        json(429, { statusCode: 429, message: 'Rate limit is exceeded.' }, { 'Retry-After': '0' }),
        json(500, ''),
        json(201, checkoutResult),
        json(201, checkoutResult),
      ),
    );
    const client = testClient(srv.baseUrl);
    const first = await client.checkoutCart(customerId, cartId);
    expect(first.orders[0]?.id).toBe('order-1');
    await client.checkoutCart(customerId, cartId);

    const ids = srv.requests.map((request) => request.headers['ms-requestid']);
    expect(ids).toHaveLength(6);
    expect(new Set(ids.slice(0, 5)).size).toBe(1);
    expect(ids[5]).not.toBe(ids[0]);
    expect(srv.requests.every((request) => request.method === 'POST')).toBe(true);
  });

  it('uses a journaled request id on every retry of a checkout', async () => {
    const srv = await serve(inSequence(json(504, ''), json(201, checkoutResult)));
    await testClient(srv.baseUrl).checkoutCart(customerId, cartId, { requestId: 'journal-7' });
    expect(srv.requests.map((request) => request.headers['ms-requestid'])).toEqual([
      'journal-7',
      'journal-7',
    ]);
  });

  it('retries a dropped connection and reports a network error when it keeps failing', async () => {
    const srv = await serve(dropConnection);
    const error = await failure(
      testClient(srv.baseUrl, { retry: { maxRetries: 2, baseDelayMs: 1 } }).getBalance(),
    );
    expect(srv.requests).toHaveLength(3);
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
    expect(error.attempts).toBe(3);
  });

  it('reports an unreachable host as a network or offline error', async () => {
    const srv = await serve(json(200, {}));
    const url = srv.baseUrl;
    await srv.close();
    server = undefined;
    const error = await failure(testClient(url, { retry: { maxRetries: 1, baseDelayMs: 1 } }).getBalance());
    expect(['network', 'offline']).toContain(error.kind);
    expect(error.userMessage).toMatch(/Partner Center/);
  });

  it('backs off exponentially with full jitter and a cap', async () => {
    const clock = fakeClock();
    const srv = await serve(json(503, ''));
    const client = testClient(srv.baseUrl, {
      clock,
      random: () => 1,
      retry: { maxRetries: 6, baseDelayMs: 100, maxDelayMs: 1_000 },
    });
    const error = await failure(registrationStatus(client));
    expect(error.status).toBe(503);
    expect(error.attempts).toBe(7);
    expect(clock.sleeps).toEqual([100, 200, 400, 800, 1_000, 1_000]);

    const jittered = fakeClock();
    const half = testClient(srv.baseUrl, {
      clock: jittered,
      random: () => 0.5,
      retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000 },
    });
    await failure(registrationStatus(half));
    expect(jittered.sleeps).toEqual([50, 100, 200]);
  });
});

describe('timeouts and cancellation', () => {
  it('times out an attempt that hangs, retries it, and reports a timeout', async () => {
    const srv = await serve(hang);
    const client = testClient(srv.baseUrl, { timeoutMs: 150, retry: { maxRetries: 1, baseDelayMs: 1 } });
    const started = performance.now();
    const error = await failure(registrationStatus(client));
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(srv.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a per-call timeout overrides the client default', async () => {
    const srv = await serve(delayed(400, json(200, registration)));
    const client = testClient(srv.baseUrl, { timeoutMs: 5_000 });
    const error = await failure(
      client.getRegistrationStatus(customerId, 's-1', { timeoutMs: 100, retry: { maxRetries: 0 } }),
    );
    expect(error.kind).toBe('timeout');
  });

  it('cancels a request in flight at once, without retrying', async () => {
    const srv = await serve(hang);
    const client = testClient(srv.baseUrl);
    const controller = new AbortController();
    const pending = registrationStatus(client, controller.signal);
    // Abort once the request is really in flight (the server holds it forever).
    await until(() => srv.requests.length === 1);
    const started = performance.now();
    controller.abort();
    const error = await failure(pending);
    expect(error.kind).toBe('cancelled');
    expect(error.retryable).toBe(false);
    expect(error.deskErrorCode).toBe('CANCELLED');
    expect(performance.now() - started).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(srv.requests).toHaveLength(1);
  });

  it('cancels while waiting to retry', async () => {
    const srv = await serve(json(503, ''));
    const client = testClient(srv.baseUrl, {
      random: () => 1,
      retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 },
    });
    const controller = new AbortController();
    const pending = registrationStatus(client, controller.signal);
    // The first attempt got its 503; the client is now sleeping 10 s before retrying.
    await until(() => srv.requests.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    controller.abort();
    const error = await failure(pending);
    expect(error.kind).toBe('cancelled');
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(srv.requests).toHaveLength(1);
  });

  it('cancels while queued in the budget, and never sends the request', async () => {
    const srv = await serve(delayed(300, json(200, registration)));
    const client = testClient(srv.baseUrl, {
      budget: new RequestBudget({ maxConcurrency: 1, requestsPerMinute: 100 }),
    });
    const blocker = registrationStatus(client);
    const controller = new AbortController();
    const queued = registrationStatus(client, controller.signal);
    controller.abort();
    expect((await failure(queued)).kind).toBe('cancelled');
    await blocker;
    expect(srv.requests).toHaveLength(1);
  });

  it('does not start a call whose signal is already aborted', async () => {
    const srv = await serve(json(200, registration));
    const error = await failure(registrationStatus(testClient(srv.baseUrl), AbortSignal.abort()));
    expect(error.kind).toBe('cancelled');
    expect(srv.requests).toHaveLength(0);
  });
});

describe('slow sign-in', () => {
  it('does not count the time spent getting a token against the attempt timeout', async () => {
    const srv = await serve(json(200, registration));
    const client = testClient(srv.baseUrl, {
      timeoutMs: 150,
      retry: { maxRetries: 0 },
      getAccessToken: () => new Promise((resolve) => setTimeout(() => resolve(testToken), 400)),
    });
    await expect(registrationStatus(client)).resolves.toMatchObject({ status: 'Registered' });
  });
});

describe('malformed responses', () => {
  it('reports a body that is not JSON as a typed error, not a crash', async () => {
    const srv = await serve(json(200, '{"totalCount": 1, "items": [ oops'));
    const error = await failure(
      testClient(srv.baseUrl).getProducts({ country: 'US', targetView: 'AzureReservations' }),
    );
    expect(error.kind).toBe('malformed-response');
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.retryable).toBe(false);
    expect(error.userMessage).toMatch(/could not read/);
    expect(srv.requests).toHaveLength(1);
  });

  it('reports an empty body where JSON was expected', async () => {
    const srv = await serve(json(200, ''));
    const error = await failure(testClient(srv.baseUrl).getBalance());
    expect(error.kind).toBe('malformed-response');
    expect(error.message).toMatch(/empty/);
  });

  it('reports a wrong shape, naming the field', async () => {
    const srv = await serve(json(200, { items: [{ title: 'no id' }] }));
    const error = await failure(testClient(srv.baseUrl).getSkus('P1', { country: 'US' }));
    expect(error.kind).toBe('malformed-response');
    expect(error.message).toMatch(/items\.0\.id/);
  });

  it('reads bodies after giving the request slot back, so parsing never holds up other requests', async () => {
    const srv = await serve(json(200, { totalCount: 0, items: [] }));
    const budget = new RequestBudget({ maxConcurrency: 1, requestsPerMinute: 10_000 });
    const client = testClient(srv.baseUrl, { budget });
    let activeWhileParsing: number | undefined;
    const watching = z.unknown().transform((body) => {
      activeWhileParsing = budget.stats().active;
      return body;
    });
    await client.http.json({ operation: 'probe', method: 'GET', path: '/products' }, watching);
    expect(activeWhileParsing).toBe(0);
  });

  it('hands over a body as bytes that own their buffer (transferable to a thread), BOM and UTF-8 intact', async () => {
    const text = '\uFEFF{"title":"Réservation — Zürich"}';
    const srv = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(Buffer.from(text, 'utf8'));
    });
    const { body } = await testClient(srv.baseUrl).http.bytes({
      operation: 'probe',
      method: 'GET',
      path: '/x',
    });
    expect(body.byteOffset).toBe(0);
    expect(body.byteLength).toBe(body.buffer.byteLength);
    expect(readJsonBody(body, z.object({ title: z.string() }))).toEqual({
      ok: true,
      value: { title: 'Réservation — Zürich' },
    });
  });

  it('reads an HTML error page as an HTTP error without its markup', async () => {
    const srv: ScriptedServer = await serve((_request, response) => {
      response.writeHead(502, { 'Content-Type': 'text/html' });
      response.end('<html><body>Bad gateway</body></html>');
    });
    const error = await failure(testClient(srv.baseUrl, { retry: { maxRetries: 0 } }).getBalance());
    expect(error.status).toBe(502);
    expect(error.message).not.toMatch(/<html>/);
  });
});

describe('secrets and safety', () => {
  it('never puts the bearer token in an error, even when the service echoes it', async () => {
    const srv = await serve(
      json(401, {
        code: 400,
        description: `Token Bearer ${testToken} rejected; token=${testToken}`,
        data: [testToken],
      }),
    );
    const error = await failure(testClient(srv.baseUrl).getBalance());
    for (const text of [
      error.message,
      String(error),
      JSON.stringify(error),
      error.userMessage,
      error.stack ?? '',
    ]) {
      expect(text).not.toContain(testToken);
      expect(text).not.toContain(testToken.slice(0, 30));
    }
    expect(error.data.join(' ')).not.toContain(testToken);
    expect(error.deskErrorCode).toBe('UNAUTHENTICATED');
  });

  it('wraps a failing token provider as an auth error and sends nothing', async () => {
    const srv = await serve(json(200, registration));
    const signInAgain = new Error('interaction_required');
    const client = testClient(srv.baseUrl, { getAccessToken: () => Promise.reject(signInAgain) });
    const error = await failure(registrationStatus(client));
    expect(error.kind).toBe('auth');
    expect(error.cause).toBe(signInAgain);
    expect(error.userMessage).toBe('Sign in again to continue.');
    expect(srv.requests).toHaveLength(0);
  });

  it('refuses to follow a link to another host', async () => {
    const srv = await serve(json(200, { reservations: [] }));
    const client = testClient(srv.baseUrl);
    const error = await failure(
      client.getReservationDetails(
        'https://evil.example/v1/customers/c/artifacts/reservedinstance/groups/g/lineitems/l/resource/r',
      ),
    );
    expect(error.kind).toBe('invalid-request');
    const notArtifact = await failure(client.getReservationDetails('/invoices/summary'));
    expect(notArtifact.kind).toBe('invalid-request');
    expect(srv.requests).toHaveLength(0);
  });

  it('sends the price sheet its own token on its own origin, and asks for it zipped', async () => {
    const sheetHost = await startScriptedServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      response.end('ProductId,SkuId\nP,0001\n');
    });
    try {
      const srv = await serve(json(200, registration));
      const client = testClient(srv.baseUrl);
      const body = await client.getPriceSheet(
        { origin: sheetHost.baseUrl, getAccessToken: () => Promise.resolve('price-sheet-token') },
        'us',
      );
      const parts: Uint8Array[] = [];
      for await (const part of body) parts.push(part);
      expect(Buffer.concat(parts).toString()).toBe('ProductId,SkuId\nP,0001\n');
      const [sent] = sheetHost.requests;
      expect(sent?.headers.authorization).toBe('Bearer price-sheet-token');
      expect(sent?.headers['accept-encoding']).toBe('deflate');
      expect(sent?.path).toMatch(
        /^\/v1\.0\/sales\/pricesheets\(Market='US',PricesheetView='azure_reservations'\)\/\$value/,
      );
      expect(srv.requests).toHaveLength(0);
    } finally {
      await sheetHost.close();
    }
  });

  it('encodes ids in paths and refuses empty ones', async () => {
    const srv = await serve(json(200, { id: 'x/y', lineItems: [] }));
    const client = testClient(srv.baseUrl);
    await client.getCart(customerId, 'x/y?z');
    expect(srv.requests[0]?.path).toBe(`/v1/customers/${customerId}/carts/x%2Fy%3Fz`);
    expect((await failure(client.getCart(customerId, ' '))).kind).toBe('invalid-request');
  });
});

describe('statement PDF', () => {
  it('streams the PDF without buffering it first', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const srv = await serve(async (_request, response) => {
      response.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'attachment; filename=Invoice_G000024130.pdf',
      });
      response.write('%PDF-1.7\n');
      for (let i = 0; i < 8; i += 1) {
        response.write(chunk);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      response.end('%%EOF');
    });
    const statement = await testClient(srv.baseUrl).getInvoiceStatement('G000024130');
    expect(statement.contentType).toBe('application/pdf');
    expect(statement.fileName).toBe('Invoice_G000024130.pdf');
    expect(srv.requests[0]?.headers.accept).toBe('application/pdf');
    expect(srv.requests[0]?.path).toBe('/v1/invoices/G000024130/documents/statement');
    let chunks = 0;
    let bytes = 0;
    let head = '';
    for await (const part of statement.body) {
      const buffer = part as Buffer;
      if (chunks === 0) head = buffer.subarray(0, 8).toString('latin1');
      chunks += 1;
      bytes += buffer.length;
    }
    expect(head).toBe('%PDF-1.7');
    expect(chunks).toBeGreaterThan(1);
    expect(bytes).toBe(9 + 8 * chunk.length + 5);
  });

  it('rejects a statement that is not a PDF', async () => {
    const srv = await serve(json(200, { not: 'a pdf' }));
    const error = await failure(testClient(srv.baseUrl).getInvoiceStatement('G1'));
    expect(error.kind).toBe('malformed-response');
  });
});
