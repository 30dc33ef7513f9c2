import { describe, expect, it } from 'vitest';
import {
  createGuardedSecretStore,
  KeychainUnavailableError,
  keychainMissingMessage,
  VaultError,
  type SecretStore,
} from '../../../main/vault';
import { createMemorySecretStore } from '../../../main/vault/memory-secret-store';

const DEMO_KEY = 'profile:demo:token-cache';
const REAL_KEY = 'profile:p1:client-secret';
const isDemo = (key: string) => key.startsWith('profile:demo:');

/** A keychain whose probe fails like @napi-rs/keyring does without a Secret Service. */
function missingKeychain(): SecretStore & { probe: () => Promise<void>; touched: number } {
  const keychain = {
    description: 'os-keychain:test',
    touched: 0,
    probe: () =>
      Promise.reject(
        new KeychainUnavailableError(
          'open failed: Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled',
        ),
      ),
    get: () => {
      keychain.touched += 1;
      return Promise.resolve(null);
    },
    set: () => {
      keychain.touched += 1;
      return Promise.resolve();
    },
    delete: () => {
      keychain.touched += 1;
      return Promise.resolve(false);
    },
    list: () => Promise.resolve([]),
  };
  return keychain;
}

describe('keychain guard', () => {
  it('without a keychain: says once what is missing, keeps the demo in memory, refuses real secrets', async () => {
    const keychain = missingKeychain();
    const told: string[] = [];
    const secrets = createGuardedSecretStore({
      keychain,
      mayLiveInMemory: isDemo,
      onUnavailable: (check) => told.push(check.message),
    });

    expect(await secrets.check()).toEqual({ available: false, message: keychainMissingMessage() });
    await secrets.check();
    expect(told).toEqual([keychainMissingMessage()]);
    expect(told[0]).not.toMatch(/d-?bus|X11/i);

    await secrets.set(DEMO_KEY, 'cache');
    expect(await secrets.get(DEMO_KEY)).toBe('cache');
    expect(await secrets.list()).toEqual([DEMO_KEY]);

    const refused: unknown = await secrets.set(REAL_KEY, 'secret').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(KeychainUnavailableError);
    expect((refused as Error).message).toBe(keychainMissingMessage());
    await expect(secrets.get(REAL_KEY)).rejects.toBeInstanceOf(KeychainUnavailableError);
    expect(keychain.touched).toBe(0);
  });

  it('with a keychain: everything goes there, the demo too', async () => {
    const keychain = Object.assign(createMemorySecretStore(), { probe: () => Promise.resolve() });
    const secrets = createGuardedSecretStore({ keychain, mayLiveInMemory: isDemo });
    expect(await secrets.check()).toEqual({ available: true });
    await secrets.set(DEMO_KEY, 'cache');
    await secrets.set(REAL_KEY, 'secret');
    expect([...keychain.entries.keys()].sort()).toEqual([DEMO_KEY, REAL_KEY]);
  });

  it('a keychain that fails otherwise is not reported missing: each call reports its own failure', async () => {
    const keychain = Object.assign(createMemorySecretStore(), {
      probe: () => Promise.reject(new VaultError('keychain-failure', 'odd')),
    });
    const secrets = createGuardedSecretStore({ keychain, mayLiveInMemory: isDemo });
    expect(await secrets.check()).toEqual({ available: true });
  });

  it('names what to do on each platform', () => {
    expect(keychainMissingMessage('linux')).toContain('Secret Service such as gnome-keyring');
    expect(keychainMissingMessage('darwin')).toContain('Keychain Access');
    expect(keychainMissingMessage('win32')).toContain('Credential Manager');
  });
});
