/** Real handlers with fixed facts, for tests of the bridge. */
import { createHandlers } from '../../../main/handlers';
import { createDispatcher, type CallContext } from '../../../main/ipc/dispatcher';
import { createEventHub } from '../../../main/ipc/event-hub';

export const facts = {
  name: 'Reservation Desk',
  version: '9.9.9-test',
  dataDir: '/tmp/reservation-desk-test',
  startedAt: new Date('2026-11-23T10:00:00Z'),
};

export function realDispatcher(onUnexpected: (channel: string, error: unknown) => void = () => {}) {
  const events = createEventHub();
  const dispatcher = createDispatcher(createHandlers({ facts }), onUnexpected);
  const context: CallContext = { transport: 'websocket', events };
  return { dispatcher, events, context };
}
