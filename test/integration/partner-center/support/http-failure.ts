/** Partner Center HTTP failures as the client builds them, for tests of their messages and codes. */
import { PartnerCenterError, type PartnerCenterErrorInit } from '../../../../main/partner-center';

/** An HTTP failure: a 400 of some operation that is not retried, unless `fields` say otherwise. */
export function httpFailure(fields: Partial<Omit<PartnerCenterErrorInit, 'kind'>>): PartnerCenterError {
  return new PartnerCenterError({ kind: 'http', operation: 'op', status: 400, retryable: false, ...fields });
}
