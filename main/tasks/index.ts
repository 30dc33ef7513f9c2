/**
 * Long jobs: one engine runs them all (progress, cancel, one outcome). See `task-engine.ts`.
 */
export * from './task-engine';
export { ProgressThrottle, type ProgressSnapshot } from './progress-throttle';
export type { CachedCapabilityOptions } from './capability';
