/**
 * Reconciliation v2 simulator (§14.9): Graph-audience tokens only where consent was granted, an
 * export that runs then succeeds, a linked manifest, gzip JSON-lines blobs readable with the SAS only.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { appOnlyToken, clientCredentials } from './sandbox-helpers';

describe('sandbox reconciliation exports', () => {
  let sandbox: RunningSandbox;
  let graphToken: string;
  beforeAll(async () => {
    sandbox = await startSandbox({
      catalog: 'small',
      lineItems: 1_200,
      reconciliation: { runningMs: 300, linesPerBlob: 500 },
    });
    graphToken = await appOnlyToken(sandbox, 'https://graph.microsoft.com/.default');
  });
  afterAll(() => sandbox.close());

  const post = (token: string, body: unknown): Promise<Response> =>
    fetch(`${sandbox.graphBaseUrl}/reports/partners/billing/reconciliation/billed/export`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('refuses a Partner Center token on the Graph routes', async () => {
    const response = await post(await sandbox.issueToken(), { invoiceId: sandbox.world.invoices[0]!.id });
    expect(response.status).toBe(401);
  });

  it('refuses to issue a Graph token where PartnerBilling.Read.All was never consented', async () => {
    const noConsent = await startSandbox({ catalog: 'small', lineItems: 10, graphConsent: false });
    try {
      const response = await clientCredentials(noConsent, 'https://graph.microsoft.com/.default');
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error_codes: number[]; error_description: string };
      expect(body.error_codes).toContain(65001);
      expect(body.error_description).toContain('PartnerBilling.Read.All');
    } finally {
      await noConsent.close();
    }
  });

  it('runs an export to a linked manifest of several gzip JSON-lines blobs, SAS only', async () => {
    const largest = sandbox.world.invoices.find(
      (i) => i.invoiceType === 'OneTime' && i.currencyCode === 'USD',
    )!;
    expect((await post(graphToken, {})).status).toBe(400);
    const started = await post(graphToken, { invoiceId: largest.id, attributeSet: 'full' });
    expect(started.status).toBe(202);
    const location = started.headers.get('location')!;
    expect(location.startsWith(sandbox.graphBaseUrl)).toBe(true);
    const auth = { Authorization: `Bearer ${graphToken}` };
    const first = (await (await fetch(location, { headers: auth })).json()) as Record<string, unknown>;
    expect(first.status).toBe('running');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const done = (await (await fetch(location, { headers: auth })).json()) as Record<string, unknown>;
    expect(done.status).toBe('succeeded');
    expect(String(done['@odata.type'])).toMatch(/exportSuccessOperation$/);
    const manifestUrl = String(done['resourceLocation@odata.navigationLink']);
    const manifest = (await (await fetch(manifestUrl, { headers: auth })).json()) as {
      rootDirectory: string;
      sasToken: string;
      blobs: { name: string }[];
    };
    expect(manifest.blobs).toHaveLength(3);
    const url = `${manifest.rootDirectory}/${manifest.blobs[0]!.name}?${manifest.sasToken}`;
    expect((await fetch(url, { headers: auth })).status).toBe(403);
    expect((await fetch(`${manifest.rootDirectory}/${manifest.blobs[0]!.name}`)).status).toBe(403);
    const blob = await fetch(url);
    expect(blob.status).toBe(200);
    const lines = gunzipSync(Buffer.from(await blob.arrayBuffer()))
      .toString('utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(500);
    expect(JSON.parse(lines[0]!)).toMatchObject({ invoiceNumber: largest.id, billingProvider: 'one_time' });
  });
});
