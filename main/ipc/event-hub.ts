import { events, type EventName, type EventPayload } from '../../preload/contract';

/** One event as transports forward it. */
export interface DeskEvent {
  readonly event: EventName;
  readonly payload: unknown;
}

/** Fans main→renderer events out to every connected transport. */
export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: (event: DeskEvent) => void): () => void;
}

/** Payloads are checked against the contract here, once, so a bad one fails loudly in main. */
export function createEventHub(): EventHub {
  const listeners = new Set<(event: DeskEvent) => void>();
  return {
    emit(event, payload) {
      const checked: unknown = events[event].parse(payload);
      for (const listener of listeners) listener({ event, payload: checked });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
