/**
 * Whether a URL belongs to an origin. Compares scheme and host by hand because WHATWG URL reports the
 * origin of a custom scheme (our `app://reservation-desk`) as the string "null".
 */
export function isSameOrigin(url: string, origin: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(origin);
    return a.protocol === b.protocol && a.host === b.host && a.host !== '';
  } catch {
    return false;
  }
}
