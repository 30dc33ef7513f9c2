/**
 * The one shape of every asynchronous state in the renderer: nothing asked yet, asking, the answer,
 * or the failure as main described it. Stores hold `Load<T>`; screens switch on `status`.
 */
import type { DeskError, DeskResult } from '../../../preload/contract';

export type Load<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly previous?: T }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: DeskError; readonly previous?: T };

export const idle: Load<never> = { status: 'idle' };

/** The failure means "no connection" (rather than a refusal): the screen says so calmly and waits. */
export function isOffline(error: DeskError | undefined): boolean {
  return error?.code === 'OFFLINE' || error?.code === 'TIMEOUT';
}

/** Loading again keeps what was there, so a screen can keep showing it while it refreshes. */
export function loading<T>(current: Load<T>): Load<T> {
  const previous = valueOf(current);
  return previous === undefined ? { status: 'loading' } : { status: 'loading', previous };
}

/** The answer of a bridge call as a `Load`; a failure keeps the last good value. */
export function settle<T>(current: Load<T>, result: DeskResult<T>): Load<T> {
  if (result.ok) return { status: 'ready', value: result.value };
  const previous = valueOf(current);
  return previous === undefined
    ? { status: 'error', error: result.error }
    : { status: 'error', error: result.error, previous };
}

/** A bridge answer narrowed to the part a store keeps (`{ customers }` → the customers). */
export function mapResult<T, U>(result: DeskResult<T>, pick: (value: T) => U): DeskResult<U> {
  return result.ok ? { ok: true, value: pick(result.value) } : result;
}

/** The same state with its value (and a kept previous value) transformed. */
export function mapLoad<T, U>(load: Load<T>, pick: (value: T) => U): Load<U> {
  switch (load.status) {
    case 'idle':
      return load;
    case 'ready':
      return { status: 'ready', value: pick(load.value) };
    case 'loading':
      return load.previous === undefined
        ? { status: 'loading' }
        : { status: 'loading', previous: pick(load.previous) };
    case 'error':
      return load.previous === undefined
        ? { status: 'error', error: load.error }
        : { status: 'error', error: load.error, previous: pick(load.previous) };
  }
}

/** The freshest value a `Load` holds, if any. */
export function valueOf<T>(load: Load<T>): T | undefined {
  switch (load.status) {
    case 'ready':
      return load.value;
    case 'loading':
    case 'error':
      return load.previous;
    case 'idle':
      return undefined;
  }
}

/** The profile and customer a per-customer store shows. */
export interface CustomerTarget {
  readonly profileId: string | null;
  readonly customerId: string | null;
}

/**
 * Whether a store that showed `before` already holds (or is reading) `load` for `target`, so opening
 * the same customer again asks main for nothing.
 */
export function alreadyOpen(before: CustomerTarget, target: CustomerTarget, load: Load<unknown>): boolean {
  return (
    before.profileId === target.profileId && before.customerId === target.customerId && load.status !== 'idle'
  );
}
