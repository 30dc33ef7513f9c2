/** What every benchmark needs to report: percentiles of its timings and figures with a goal. */
import type { Figure } from './run';

/** The nearest-rank percentile `p` (0–100) of some measurements; NaN when there are none. */
export function percentile(values: ReadonlyArray<number>, p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** A figure whose goal is to stay at or below `max` (a ratio against a bound, a latency). */
export function atMost(name: string, value: number, unit: string, max: number): Figure {
  return { name, value, unit, goal: `≤ ${max}`, met: value <= max };
}

/** A figure whose goal is to reach at least `min` (a speed-up, a share, a count). */
export function atLeast(name: string, value: number, unit: string, min: number): Figure {
  return { name, value, unit, goal: `≥ ${min}`, met: value >= min };
}
