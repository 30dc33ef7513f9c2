/**
 * Every handler of the contract, wired to the capabilities that implement them.
 * Both entry points (Electron and the web build) serve exactly this object.
 */
import type { Handlers } from './ipc/dispatcher';
import { appInfo, type RuntimeFacts } from './system/app-info';

export interface Services {
  readonly facts: RuntimeFacts;
}

export function createHandlers(services: Services): Handlers {
  return {
    app: {
      info: (_input, context) => appInfo(services.facts, context.transport),
    },
  };
}
