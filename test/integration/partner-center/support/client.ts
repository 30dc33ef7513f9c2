/**
 * Builds a client against a test server, with a token that looks real so leak checks mean something.
 */
import {
  PartnerCenterClient,
  RequestBudget,
  type PartnerCenterClientOptions,
} from '../../../../main/partner-center';

/** The bearer token tests use; no error text may ever contain it. */
export const testToken =
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0LXBhcnRuZXIifQ.c2lnbmF0dXJlLXRoYXQtaXMtc2VjcmV0';

/** A client with a generous budget and a fast retry policy unless overridden. */
export function testClient(
  baseUrl: string,
  overrides: Partial<PartnerCenterClientOptions> = {},
): PartnerCenterClient {
  return new PartnerCenterClient({
    baseUrl,
    getAccessToken: () => Promise.resolve(testToken),
    locale: 'en-US',
    appName: 'Reservation Desk (tests)',
    budget: new RequestBudget({ maxConcurrency: 4, requestsPerMinute: 10_000 }),
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
    ...overrides,
  });
}
