/**
 * Without an OS keychain (#14): the web build started with no reachable D-Bus session, as on a machine
 * without a Secret Service. Connect says once, in plain words, what is missing; the demo signs in from
 * memory; a real profile's secret is refused with the same plain words.
 */
import { expect, startWebApp, test } from './fixtures';
import { SAMPLE_IDS } from './pages/connect-page';

const SECRET = 'S3cret~value-that-has-nowhere-to-go-4c1d';
/** What the keychain library's own errors would show. */
const RAW_TEXT = /d-?bus|autolaunch|X11|platform failure/i;

test('no keychain: one plain banner, the demo works from memory, a real secret is refused', async ({
  shell,
  connect,
  page,
}) => {
  const { DBUS_SESSION_BUS_ADDRESS: _bus, ...env } = process.env;
  const { app, dispose } = await startWebApp({ env: { ...env, XDG_RUNTIME_DIR: '/nonexistent' } });
  try {
    await shell.open(app.url);
    await expect(connect.keychainBanner).toContainText('Secret Service such as gnome-keyring');
    await expect(connect.keychainBanner).toContainText('unlocked');
    await expect(connect.keychainBanner).toContainText('The demo profile works without it');

    await connect.tryDemo();

    const form = await connect.startNewProfile({
      name: 'Fabrikam (App-only)',
      ...SAMPLE_IDS,
      secret: SECRET,
    });
    await form.save();
    await expect(form.root).toContainText('No OS keychain is available');
    await expect(connect.profileCards).toHaveCount(1);

    await expect(connect.keychainBanner).toHaveCount(1);
    expect(await page.content()).not.toMatch(RAW_TEXT);
  } finally {
    await dispose();
  }
});
