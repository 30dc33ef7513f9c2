/**
 * Debian's Chromium, as every browser test here launches it (never a downloaded browser), with the
 * flags a closed network needs (see shared/runtime-notes.md). Shared by the Playwright config and the
 * integration tests that drive a sign-in page.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: ReadonlyArray<string> = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
