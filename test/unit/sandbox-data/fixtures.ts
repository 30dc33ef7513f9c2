/** Shared worlds for the sandbox-data tests (generated once per test file). */
import { generateWorld, type World } from '../../../main/sandbox/data/index';

/** The fixed "now" every test world is dated from. */
export const NOW = new Date('2026-11-23T12:00:00.000Z');

let small: World | undefined;
let full: World | undefined;

/** A small-catalog world (seed 7, 600-line largest invoice). */
export function smallWorld(): World {
  small ??= generateWorld({ seed: 7, catalog: 'small', lineItems: 600, now: NOW });
  return small;
}

/** A full-catalog world (seed 7, 600-line largest invoice). */
export function fullWorld(): World {
  full ??= generateWorld({ seed: 7, catalog: 'full', lineItems: 600, now: NOW });
  return full;
}
