/**
 * Path building for operations: ids come from users and from responses, so every segment is encoded
 * and an empty one is refused before it can turn `/customers/{c}/orders` into another route.
 */
import { PartnerCenterError } from '../errors';

/** Encodes one path segment; throws an `invalid-request` error when it is empty. */
export function segment(operation: string, name: string, value: string): string {
  if (value.trim() === '') {
    throw new PartnerCenterError({
      kind: 'invalid-request',
      operation,
      retryable: false,
      description: `${name} is empty`,
    });
  }
  return encodeURIComponent(value);
}
