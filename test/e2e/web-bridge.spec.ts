/**
 * The web build's bridge as a page sees it: `(globalThis as unknown as Page).desk` resolves (never rejects) whatever it is
 * given, and a page left open across a restart of the app says where to go instead of retrying
 * the old address silently.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeskApi } from '../../preload/desk-api';
import { expect, startWebApp, test } from './fixtures';

/** The page's global, as typed inside `page.evaluate` (which runs in the browser). */
type Page = { desk: DeskApi };
type ProfileInput = Parameters<DeskApi['profiles']['create']>[0];

test('window.desk resolves input it cannot send to INVALID_INPUT, naming the size limit', async ({
  page,
  shell,
  webApp,
}) => {
  await shell.open(webApp.url);
  const codes = await page.evaluate(async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const throwing = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    const results = [];
    for (const input of [{ name: 10n }, circular, throwing]) {
      results.push(
        await (globalThis as unknown as Page).desk.profiles
          .create(input as unknown as ProfileInput)
          .catch(() => 'rejected'),
      );
    }
    return results.map((r) => (typeof r === 'string' ? r : r.ok ? 'ok' : r.error.code));
  });
  expect(codes).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT']);

  const tooLarge = await page.evaluate(async () => {
    const result = await (globalThis as unknown as Page).desk.profiles.create({
      name: 'x'.repeat(1_100_000),
      tenantId: '00000000-0000-0000-0000-000000000001',
      appId: '00000000-0000-0000-0000-000000000002',
      authMode: 'app-only',
    });
    return result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`;
  });
  expect(tooLarge).toMatch(/^INVALID_INPUT: .*1 MB the app accepts at once/);
  // The connection survived: the next call is answered.
  expect(await page.evaluate(async () => (await (globalThis as unknown as Page).desk.app.info()).ok)).toBe(
    true,
  );
});

test('a page open across a restart says the app was restarted and where to look', async ({ page, shell }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-e2e-restart-'));
  const first = await startWebApp({ dataDir });
  let second: Awaited<ReturnType<typeof startWebApp>> | undefined;
  try {
    await shell.open(first.app.url);
    await expect(shell.restartedBanner).toHaveCount(0);

    await first.stop();
    second = await startWebApp({ dataDir });
    expect(second.app.origin).not.toBe(first.app.origin);

    await expect(shell.restartedBanner).toHaveText(
      'Reservation Desk was restarted: open the new address printed in the terminal',
      { timeout: 30_000 },
    );
    const answer = await page.evaluate(async () => {
      const result = await (globalThis as unknown as Page).desk.app.info();
      return result.ok ? 'ok' : result.error.code;
    });
    expect(answer).toBe('BRIDGE_UNAVAILABLE');
  } finally {
    if (second) await second.dispose();
    await first.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
