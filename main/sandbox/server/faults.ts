/**
 * Fault injection, deterministic under the seed: the n-th API request of a run always draws the same
 * number, so a sequential client sees the same faults every time it runs with the same seed.
 */

/** The kinds of fault the sandbox can inject. */
export type FaultKind = '429' | '500' | '503' | 'timeout' | 'stall' | 'drop-after-commit' | 'malformed';

const KINDS: ReadonlyArray<FaultKind> = [
  '429',
  '500',
  '503',
  'timeout',
  'stall',
  'drop-after-commit',
  'malformed',
];

/** A parsed `--faults` spec: each kind with its probability per request. */
export type FaultSpec = ReadonlyArray<{ readonly kind: FaultKind; readonly probability: number }>;

/** Parses `429:0.05,503:0.02,timeout:0.01`; throws a readable message on anything else. */
export function parseFaultSpec(spec: string | undefined): FaultSpec {
  if (spec === undefined || spec.trim() === '') return [];
  const out: { kind: FaultKind; probability: number }[] = [];
  for (const part of spec.split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const colon = trimmed.lastIndexOf(':');
    if (colon <= 0) throw new Error(`fault "${trimmed}" must look like KIND:PROBABILITY, e.g. 429:0.05`);
    const kind = trimmed.slice(0, colon).toLowerCase();
    const probability = Number(trimmed.slice(colon + 1));
    if (!isFaultKind(kind)) throw new Error(`unknown fault kind "${kind}" (known: ${KINDS.join(', ')})`);
    if (!Number.isFinite(probability) || probability < 0 || probability > 1) {
      throw new Error(`fault probability for "${kind}" must be a number from 0 to 1`);
    }
    out.push({ kind, probability });
  }
  const total = out.reduce((sum, fault) => sum + fault.probability, 0);
  if (total > 1 + 1e-9) throw new Error(`fault probabilities add up to ${total}, more than 1`);
  return out;
}

/** Whether a string names a fault kind. */
export function isFaultKind(value: string): value is FaultKind {
  return (KINDS as ReadonlyArray<string>).includes(value);
}

/** mulberry32: tiny, fast, and good enough to spread faults evenly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws one fault (or none) per request from a seeded stream. */
export class FaultInjector {
  private readonly random: () => number;

  constructor(
    private readonly spec: FaultSpec,
    seed: number,
  ) {
    // A different stream from the data generator's, so adding faults never changes the data.
    this.random = seededRandom((seed ^ 0x5eed_fa17) >>> 0);
  }

  /** Whether any fault is configured at all (lets the hot path skip the draw). */
  get enabled(): boolean {
    return this.spec.length > 0;
  }

  /** The fault for the next request, or null. */
  next(): FaultKind | null {
    if (this.spec.length === 0) return null;
    const roll = this.random();
    let cumulative = 0;
    for (const fault of this.spec) {
      cumulative += fault.probability;
      if (roll < cumulative) return fault.kind;
    }
    return null;
  }
}
