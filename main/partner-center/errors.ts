/**
 * Typed failures of Partner Center calls, and the words a person sees for each of them.
 *
 * Every failure of the client is a `PartnerCenterError`, whatever went wrong: an HTTP error with a
 * Partner Center code, a network problem, a timeout, a cancellation or a response we could not read.
 * Messages are built from our own text and the service's description only, never from request headers,
 * so a bearer token cannot end up in a log line or on screen; `redactSecrets` is applied on top in case
 * the service ever echoes one back.
 */
import type { ErrorCode } from '../../preload/contract';

/** What kind of failure this is; `http` failures also carry a status and usually a Partner Center code. */
export type PartnerCenterErrorKind =
  | 'http'
  | 'throttled'
  | 'network'
  | 'offline'
  | 'timeout'
  | 'cancelled'
  | 'malformed-response'
  | 'auth'
  | 'invalid-request';

/** Everything known about a failed call. */
export interface PartnerCenterErrorInit {
  readonly kind: PartnerCenterErrorKind;
  /** Name of the client operation, e.g. `checkoutCart`. */
  readonly operation: string;
  readonly status?: number;
  /** Partner Center's error code as a string (it arrives as a number or a string). */
  readonly code?: string;
  /** Partner Center's own description, HTML entities decoded. */
  readonly description?: string;
  /** Extra detail strings from the error body's `data`. */
  readonly data?: ReadonlyArray<string>;
  readonly requestId?: string;
  readonly correlationId?: string;
  /** Whether trying the same call again later can help. */
  readonly retryable: boolean;
  /** How long the service asked us to wait, when it said so. */
  readonly retryAfterMs?: number;
  /** How many attempts were made before giving up. */
  readonly attempts?: number;
  readonly cause?: unknown;
  /** Our own wording of what went wrong, for logs; a default is derived when absent. */
  readonly detail?: string;
}

/** A failed Partner Center call. */
export class PartnerCenterError extends Error {
  readonly kind: PartnerCenterErrorKind;
  readonly operation: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly description: string | undefined;
  readonly data: ReadonlyArray<string>;
  readonly requestId: string | undefined;
  readonly correlationId: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;
  /** What to tell the person using the app. */
  readonly userMessage: string;

  constructor(init: PartnerCenterErrorInit) {
    const description = init.description === undefined ? undefined : redactSecrets(init.description);
    // The sign-in layer's own error is kept as is for `auth` failures, so its typed "sign in again"
    // signal survives; anything else is reduced to name and message.
    const cause = init.kind === 'auth' ? init.cause : safeCause(init.cause);
    super(redactSecrets(init.detail ?? defaultDetail(init, description)), { cause });
    this.name = 'PartnerCenterError';
    this.kind = init.kind;
    this.operation = init.operation;
    this.status = init.status;
    this.code = init.code;
    this.description = description;
    this.data = (init.data ?? []).map((item) => redactSecrets(item));
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 1;
    this.userMessage = userMessageFor({ ...init, description });
  }

  /** The bridge's stable error code for this failure. */
  get deskErrorCode(): ErrorCode {
    switch (this.kind) {
      case 'cancelled':
        return 'CANCELLED';
      case 'offline':
      case 'network':
      case 'timeout':
        return 'OFFLINE';
      case 'throttled':
        return 'THROTTLED';
      case 'auth':
        return 'UNAUTHENTICATED';
      case 'invalid-request':
        return 'INVALID_INPUT';
      case 'malformed-response':
        return 'PARTNER_CENTER';
      case 'http':
        if (this.status === 401) return 'UNAUTHENTICATED';
        if (this.status === 403) return 'FORBIDDEN';
        if (this.status === 404) return 'NOT_FOUND';
        if (this.status === 409) return 'CONFLICT';
        if (this.status === 429) return 'THROTTLED';
        return 'PARTNER_CENTER';
    }
  }

  /** A one-line description for logs: ids and codes, never headers or tokens. */
  override toString(): string {
    const parts = [`${this.name} [${this.kind}] ${this.operation}`];
    if (this.status !== undefined) parts.push(`HTTP ${this.status}`);
    if (this.code !== undefined) parts.push(`code ${this.code}`);
    if (this.requestId !== undefined) parts.push(`request ${this.requestId}`);
    if (this.correlationId !== undefined) parts.push(`correlation ${this.correlationId}`);
    return `${parts.join(' · ')}: ${this.message}`;
  }

  /** A plain object for structured logs, with the same guarantees as `toString`. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      operation: this.operation,
      status: this.status,
      code: this.code,
      description: this.description,
      requestId: this.requestId,
      correlationId: this.correlationId,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
      message: this.message,
    };
  }
}

/** True when `error` is a `PartnerCenterError`, optionally with the given Partner Center code. */
export function isPartnerCenterError(error: unknown, code?: string | number): error is PartnerCenterError {
  return error instanceof PartnerCenterError && (code === undefined || error.code === String(code));
}

/**
 * User-facing text for every Partner Center error code in the contract (§1.7).
 * The keys are the codes as strings, because they arrive as either numbers or strings.
 */
export const partnerCenterCodeMessages: Readonly<Record<string, string>> = {
  '400': 'Partner Center denied access. Sign in again, or check that the app has the permissions it needs.',
  '800001': "Partner Center didn't receive your partner sign-in with the request. Sign in again.",
  '400030': "This customer segment isn't available to your partner account.",
  '400036': "This catalog view isn't available to your partner account.",
  '400013': "This product wasn't found in the catalog for the selected country.",
  '400018': "This SKU wasn't found in the catalog for the selected country.",
  '400019': 'This item is no longer offered as it was. Refresh the catalog, then add it to the cart again.',
  '400072': "This item isn't available.",
  '2030': "Your partner account isn't set up to sell in this customer's country.",
  '2085': "This offer isn't eligible for purchase.",
  '800020': "This catalog item isn't eligible for purchase.",
  '20002': "Your partner account doesn't have a reseller relationship with this customer.",
  '20003': "This subscription wasn't found for this customer.",
  '20000': "This order wasn't found.",
  '3000': 'Partner Center rejected a value in the request as invalid.',
  '800002': 'Partner Center rejected the request as invalid.',
  '800003': 'Partner Center had an unexpected error. Try again in a few minutes.',
  '800004': "An offer in the cart isn't valid.",
  '800005': "The order couldn't be created. Check the order history before trying again.",
  '800007': "Provisioning information for this order isn't available yet. Try again later.",
  '800008': "This cart wasn't found. It may have expired: create a new cart.",
  '800009': 'One or more items in the cart have errors. Fix them, then try again.',
  '800010': "There's no capacity left for this reservation. Choose another region or size.",
  '800011':
    "This isn't an Azure subscription that can hold reservations. Choose an Azure plan or an MS-AZR-0145P subscription.",
  '800012': "This Azure subscription isn't active.",
  '800013': "This Azure subscription isn't enabled for reservation purchases.",
  '800017': "The requested quantity isn't available for this item. Lower the quantity.",
  '800018': 'The sandbox account has reached its purchase limit.',
  '800030': "This subscription isn't registered for reservations yet: register it on the Customers screen.",
  '800060': 'An order is already in progress. Check the order history in a few minutes before buying again.',
  '800064': 'This cart is being processed by another request. Wait a moment, then check the order history.',
  '800065': 'This cart has already been checked out. Check the order history.',
  '800069': "The order didn't pass Microsoft's risk check. Contact Partner Center support.",
  '800070': "This offer isn't available in the customer's country.",
  '900121': "Your partner account's credit limit is too low for this purchase.",
  '900169': "These items can't be bought in the cart's currency.",
  '900192': 'Something went wrong at Partner Center. Try again later.',
  '800036': 'A precondition of the request failed. Refresh and try again.',
};

/** User-facing text for each CartErrorCode (contract §10), reported per cart line item. */
export const cartErrorCodeMessages: Readonly<Record<string, string>> = {
  '0': 'This item has an unknown problem.',
  '10000': "This item can't be bought in the cart's currency.",
  '10001': "This catalog item isn't valid. Refresh the catalog and add it again.",
  '10002': "There isn't enough quota for this item.",
  '10003': "There's no capacity left for this reservation. Choose another region or size.",
  '10004': "Participants aren't supported for your partner account.",
  '10006': "This item couldn't be processed.",
  '10007': "The subscription on this item isn't valid for reservations.",
  '10008': "The subscription on this item isn't enabled for reservation purchases.",
  '10009': 'The sandbox account has reached its purchase limit.',
  '10010': 'Some of the values on this item are invalid.',
  '10011': "This subscription isn't registered for reservations yet: register it on the Customers screen.",
  '10012': 'The required attestation for this item has not been accepted.',
  '10013': "This billing plan isn't supported for this item.",
  '10014': "The promotion on this item isn't valid.",
  '10015': 'This item exceeds the seats allowed per subscription.',
  '500600': "This legacy offer can't be purchased any more.",
};

/** User-facing text for a cart line item's `errorCode`. */
export function cartErrorMessage(errorCode: number | string): string {
  const key = String(errorCode);
  if (key in cartErrorCodeMessages) return cartErrorCodeMessages[key] ?? '';
  const n = Number(key);
  if (n >= 10016 && n <= 10019) return "This item's custom term or add-on seats aren't allowed.";
  return `This item has a problem Partner Center reported as error ${key}.`;
}

/** Partner Center codes that mean "not found": their own text stands on a 404 (§1.7). */
const notFoundCodes: ReadonlySet<string> = new Set([
  '400013',
  '400018',
  '400019',
  '20003',
  '20000',
  '800007',
  '800008',
]);

/** What the words for a failure are made of. */
export type UserMessageFacts = Pick<
  PartnerCenterErrorInit,
  'kind' | 'status' | 'code' | 'description' | 'correlationId' | 'retryAfterMs'
>;

/**
 * The words to show a person for a failure: our own text for the codes we know; otherwise what the
 * HTTP status means, Partner Center's own description, its code and the correlation ID that
 * Microsoft support asks for. Never an operation name, a status number or a raw library message.
 */
export function userMessageFor(facts: UserMessageFacts): string {
  const { kind, status, code } = facts;
  const known = code === undefined ? undefined : partnerCenterCodeMessages[code];
  // A 404 is "not found" whatever number its body carries; only the not-found codes' own words fit it.
  if (known !== undefined && (kind !== 'http' || status !== 404 || notFoundCodes.has(code ?? ''))) {
    return known;
  }
  switch (kind) {
    case 'cancelled':
      return 'The request was cancelled.';
    case 'offline':
      return "Partner Center can't be reached. Check your internet connection, then try again.";
    case 'network':
      return 'The connection to Partner Center failed. Try again.';
    case 'timeout':
      return "Partner Center didn't answer in time. Try again.";
    case 'throttled':
      return throttledMessage(facts.retryAfterMs);
    case 'malformed-response':
      return 'Partner Center sent a response the app could not read. Try again later.';
    case 'auth':
      return 'Sign in again to continue.';
    case 'invalid-request':
      return 'The app made a request it should not have. Please report this.';
    case 'http':
      break;
  }
  const lead = statusLead(status);
  const said =
    facts.description === undefined || facts.description === ''
      ? undefined
      : `Partner Center says: ${asSentence(facts.description)}`;
  const parts = [said === undefined ? (lead ?? 'Partner Center rejected the request.') : lead, said];
  if (code !== undefined) parts.push(`Error code ${code}.`);
  if (facts.correlationId !== undefined && facts.correlationId !== '') {
    parts.push(`If you contact Microsoft support, quote correlation ID ${facts.correlationId}.`);
  }
  return parts.filter((part) => part !== undefined).join(' ');
}

function throttledMessage(retryAfterMs: number | undefined): string {
  return retryAfterMs === undefined
    ? 'Partner Center is limiting requests right now. Try again in a minute.'
    : `Partner Center is limiting requests right now. Try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`;
}

/** What an HTTP status means to the person using the app; undefined for a plain "bad request". */
function statusLead(status: number | undefined): string | undefined {
  if (status === 401) return 'Your sign-in has expired or was refused. Sign in again.';
  if (status === 403) return "Your partner account isn't allowed to do this.";
  if (status === 404) return "Partner Center couldn't find this item.";
  if (status === 408) return "Partner Center didn't answer in time. Try again.";
  if (status === 409)
    return 'Partner Center is already processing a conflicting request. Check again in a moment.';
  if (status === 429) return throttledMessage(undefined);
  if (status !== undefined && status >= 500)
    return 'Partner Center had a problem. Try again in a few minutes.';
  return undefined;
}

/** The longest description shown; Partner Center allows 1,024 characters, which no message bar fits. */
const maxShownDescription = 300;

/** A description as one sentence: trimmed, shortened at a word if long, ending in one full stop. */
function asSentence(text: string): string {
  let out = text.replace(/\s+/g, ' ').trim();
  if (out.length > maxShownDescription) {
    const cut = out.slice(0, maxShownDescription);
    out = `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.]+$/, '')}…`;
  }
  out = out.replace(/\.{2,}$/, '.');
  return /[.!?…]$/.test(out) ? out : `${out}.`;
}

/** Markup tags (`<br/>`, `<a href=…>`), but not a lone `<` in text such as "a < b". */
const markupTag = /<\/?[a-z][^<>]*>/gi;

/**
 * Partner Center's description as plain text: markup removed, HTML entities (`&#39;`, `&amp;`, …)
 * decoded, whitespace collapsed. Markup that was itself escaped is removed after decoding too.
 */
export function cleanDescription(raw: string): string {
  return decodeEntities(raw.replace(markupTag, ' ')).replace(markupTag, ' ').replace(/\s+/g, ' ').trim();
}

const namedEntities: Readonly<Record<string, string>> = {
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  amp: '&',
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const point = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      // A code point beyond Unicode (or a surrogate) is left as written rather than thrown on.
      return point <= 0x10ffff && (point < 0xd800 || point > 0xdfff) ? String.fromCodePoint(point) : entity;
    }
    return namedEntities[name.toLowerCase()] ?? entity;
  });
}

/** Removes bearer tokens, JWTs and secret-looking query values from text before it is stored anywhere. */
export function redactSecrets(text: string, ...knownSecrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of knownSecrets) {
    // Very short strings would redact ordinary words; real tokens and secrets are long.
    if (secret !== undefined && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out
    .replace(/Bearer\s+[A-Za-z0-9\-._~+/]+=*/gi, 'Bearer [redacted]')
    .replace(/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]')
    .replace(/((?:client_secret|access_token|refresh_token|id_token|code)=)[^&\s]+/gi, '$1[redacted]');
}

function defaultDetail(init: PartnerCenterErrorInit, description: string | undefined): string {
  const where = `Partner Center ${init.operation}`;
  switch (init.kind) {
    case 'cancelled':
      return `${where} was cancelled`;
    case 'timeout':
      return `${where} timed out`;
    case 'offline':
      return `${where}: Partner Center is unreachable (offline or DNS failure)`;
    case 'network':
      return `${where}: network error`;
    case 'malformed-response':
      return `${where}: malformed response${description === undefined ? '' : `: ${description}`}`;
    case 'auth':
      return `${where}: could not get an access token`;
    case 'invalid-request':
      return `${where}: invalid request${description === undefined ? '' : `: ${description}`}`;
    case 'throttled':
    case 'http': {
      const status = init.status === undefined ? '' : ` HTTP ${init.status}`;
      const code = init.code === undefined ? '' : ` (code ${init.code})`;
      return `${where} failed:${status}${code}${description === undefined ? '' : `: ${description}`}`;
    }
  }
}

/** Keeps a cause's name and message only: an underlying error object may reference request options. */
function safeCause(cause: unknown): unknown {
  if (cause === undefined) return undefined;
  if (cause instanceof PartnerCenterError) return cause;
  if (cause instanceof Error) {
    const nested = (cause as Error & { cause?: unknown }).cause;
    const code = typeof nested === 'object' && nested !== null && 'code' in nested ? nested.code : undefined;
    const copy = new Error(redactSecrets(cause.message));
    copy.name = cause.name;
    if (typeof code === 'string') (copy as Error & { code?: string }).code = code;
    return copy;
  }
  return undefined;
}
