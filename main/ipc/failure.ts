import type { DeskError, ErrorCode } from '../../preload/contract';

/**
 * A failure a handler means to report: it reaches the renderer as `{ code, message, details }`.
 * Anything else a handler throws is reported as INTERNAL with a generic message, so that no stack,
 * path or secret from an unexpected error ever crosses the bridge.
 */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DeskFailure';
  }

  toError(): DeskError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
