/** Which blob URLs a v2 export may send the client to: the configured storage only (§14.5). */
import { describe, expect, it } from 'vitest';
import { isUnderBlobBase } from '../../../main/partner-center/reconciliation';

const allowed = (url: string, base: string) => isUnderBlobBase(new URL(url), new URL(base));

describe('the blob base', () => {
  it('allows any storage account under a wildcard host, and nothing else', () => {
    const base = 'https://*.blob.core.windows.net/';
    expect(
      allowed('https://adlsreconbuprodeastus201.blob.core.windows.net/billed/x.json.gz?sig=1', base),
    ).toBe(true);
    expect(allowed('https://blob.core.windows.net.evil.example/x', base)).toBe(false);
    expect(allowed('https://evilblob.core.windows.net/x', base)).toBe(false);
    expect(allowed('http://acct.blob.core.windows.net/x', base)).toBe(false);
    expect(allowed('https://.blob.core.windows.net/x', base)).toBe(false);
  });

  it('wants the exact host, port and path prefix otherwise (the sandbox)', () => {
    const base = 'http://127.0.0.1:4000/blob';
    expect(allowed('http://127.0.0.1:4000/blob/a/b.gz', base)).toBe(true);
    expect(allowed('http://127.0.0.1:4001/blob/a/b.gz', base)).toBe(false);
    expect(allowed('http://127.0.0.1:4000/other/b.gz', base)).toBe(false);
  });
});
