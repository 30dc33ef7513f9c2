/**
 * Shared helpers for the sandbox contract tests: start a small sandbox, mint tokens, and call the
 * API over real loopback HTTP with fetch.
 */
import { DEMO_SUBSCRIPTIONS } from '../../../main/sandbox/data';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/sandbox/index';

/** A started sandbox with an App+User and an app-only token ready. */
export interface TestSandbox {
  readonly sandbox: RunningSandbox;
  readonly userToken: string;
  readonly appToken: string;
  /** GET/POST/PUT against `{baseUrl}{path}` with the user token unless another is given. */
  call(path: string, init?: CallInit): Promise<CallResult>;
  close(): Promise<void>;
}

/** Options of one call. */
export interface CallInit {
  readonly method?: string;
  readonly body?: unknown;
  /** `null` sends no Authorization header. */
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
}

/** The answer: status, headers, and the body parsed as JSON when it is JSON. */
export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

/** Starts a sandbox with the small catalog and fast state transitions (overridable). */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    catalog: 'small',
    lineItems: 3_000,
    registrationDelayMs: 1_000,
    orderCompletionMs: 1_000,
    ...options,
  });
  const userToken = await sandbox.issueToken();
  const appToken = await sandbox.issueToken({ appOnly: true });
  const call = async (path: string, init: CallInit = {}): Promise<CallResult> => {
    const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers ?? {}) };
    const token = init.token === undefined ? userToken : init.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    }
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body,
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return { sandbox, userToken, appToken, call, close: () => sandbox.close() };
}

/** Reads a JSON object property path without `any`. */
export function at(value: unknown, ...path: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The `items` of a collection body. */
export function itemsOf(value: unknown): Record<string, unknown>[] {
  const items = at(value, 'items');
  return Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `read` until `done` holds for its value (or fails after `timeoutMs`); returns that value. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

/** A valid Azure plan cart line for the demo customer: the first US SKU that needs no inventory check. */
export async function azurePlanLine(t: TestSandbox): Promise<Record<string, unknown>> {
  for (const product of itemsOf(
    (await t.call('/v1/products?country=US&targetView=AzureReservations&reservationScope=AzurePlan')).json,
  )) {
    const skus = itemsOf(
      (await t.call(`/v1/products/${String(product.id)}/skus?country=US&reservationScope=AzurePlan`)).json,
    );
    const sku = skus.find((s) => !(s.purchasePrerequisites as string[]).includes('InventoryCheck'));
    if (!sku) continue;
    const availability = itemsOf(
      (
        await t.call(
          `/v1/products/${String(product.id)}/skus/${String(sku.id)}/availabilities?country=US&reservationScope=AzurePlan`,
        )
      ).json,
    )[0]!;
    return {
      id: 0,
      catalogItemId: availability.catalogItemId,
      quantity: 1,
      billingCycle: 'one_time',
      termDuration: at(availability, 'terms', 0, 'duration'),
      provisioningContext: { subscriptionId: DEMO_SUBSCRIPTIONS.azurePlan, scope: 'shared' },
    };
  }
  throw new Error('no purchasable SKU');
}

/** POSTs a form, as OAuth endpoints take it. */
export function submitForm(url: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

/** POSTs a form, as OAuth endpoints take it, and reads the JSON answer. */
export async function postForm(
  url: string,
  form: Record<string, string>,
): Promise<{ status: number; json: unknown }> {
  const response = await submitForm(url, form);
  return { status: response.status, json: await response.json() };
}

/** The scope of an app-only token for Partner Center. */
export const PARTNER_CENTER_APP_SCOPE = 'https://api.partnercenter.microsoft.com/.default';

/** What a sandbox's token endpoint needs to know about the app asking. */
export type SandboxApp = Pick<RunningSandbox, 'authority' | 'clientId' | 'clientSecret'>;

/** Asks the sandbox's token endpoint for an app-only token, the way a real app does (client credentials). */
export function clientCredentials(
  sandbox: SandboxApp,
  scope: string = PARTNER_CENTER_APP_SCOPE,
): Promise<Response> {
  return submitForm(`${sandbox.authority}/oauth2/v2.0/token`, {
    grant_type: 'client_credentials',
    client_id: sandbox.clientId,
    client_secret: sandbox.clientSecret,
    scope,
  });
}

/** An app-only token from the sandbox's token endpoint; fails the test when none comes back. */
export async function appOnlyToken(sandbox: SandboxApp, scope?: string): Promise<string> {
  const response = await clientCredentials(sandbox, scope);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error(`no token (HTTP ${response.status})`);
  return body.access_token;
}
