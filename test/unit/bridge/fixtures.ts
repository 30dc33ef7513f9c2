/** The real app core (handlers, dispatcher, events) over a temp data folder, for tests of the bridge. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CallContext } from '../../../main/ipc/dispatcher';
import { createAppCore } from '../../../main/services';
import { createMemorySecretStore } from '../../../main/vault/memory-secret-store';

export const facts = {
  name: 'Reservation Desk',
  version: '9.9.9-test',
  dataDir: mkdtempSync(path.join(tmpdir(), 'desk-unit-')),
  startedAt: new Date('2026-11-23T10:00:00Z'),
};

/** Secrets in memory: these tests are about the bridge, not the keychain (see test/keychain). */
export function realDispatcher(onUnexpected: (channel: string, error: unknown) => void = () => {}) {
  const core = createAppCore({
    facts,
    secrets: createMemorySecretStore(),
    sandbox: { catalog: 'small' },
    onUnexpected,
  });
  const context: CallContext = { transport: 'websocket', events: core.events };
  return { dispatcher: core.dispatcher, events: core.events, context, close: () => core.close() };
}
