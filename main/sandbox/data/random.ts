/**
 * Deterministic randomness for the sandbox world: a seeded PRNG and string hashing.
 * Nothing here reads the clock or `Math.random`, so a seed always gives the same world.
 */

/** A seeded random stream (sfc32, seeded through splitmix32). */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: ReadonlyArray<T>): T;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
  /** A version-4-shaped GUID. */
  guid(): string;
  /** `length` characters from `alphabet`. */
  chars(alphabet: string, length: number): string;
}

/** sfc32 state plus the helpers; a class so that creating one per line item stays cheap. */
class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the 128-bit state (sfc32 needs well-mixed state).
    let s = seed >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // Warm up: the first outputs of sfc32 still correlate with the seed.
    for (let i = 0; i < 12; i++) this.uint();
  }

  private uint(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  next(): number {
    return this.uint() / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: ReadonlyArray<T>): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty array');
    return item;
  }

  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  hex(length: number): string {
    // 8 hex digits per 32-bit draw: guids are the hottest path of line-item generation.
    let out = '';
    while (out.length < length) out += this.uint().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  guid(): string {
    const h = this.hex(32);
    const variant = '89ab'[this.uint() & 3] ?? '8';
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** A random stream for a 32-bit seed. */
export function createRandom(seed: number): Random {
  return new Sfc32(seed);
}

/** A 32-bit hash of some parts (FNV-1a over their text, then avalanche-mixed). */
export function hashOf(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    // Separator, so that ('ab','c') and ('a','bc') hash differently.
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  return avalanche(h);
}

/** Mixes two 32-bit numbers into a well-spread 32-bit hash (numeric, so hot loops avoid strings). */
export function mix32(a: number, b: number): number {
  return avalanche((a ^ Math.imul(b, 0x9e3779b1)) >>> 0);
}

/** Spreads every input bit over the whole 32-bit result (a 32-bit finalizer in the style of murmur3's). */
function avalanche(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A random stream derived from some parts (used for lazily generated items, one stream per item). */
export function randomFor(...parts: ReadonlyArray<string | number>): Random {
  return createRandom(hashOf(...parts));
}

/** Uppercase alphanumerics without vowels-looking ambiguity, the way Partner Center ids look. */
export const ID_ALPHABET = '0123456789BCDFGHJKLMNPQRSTVWXZ';

/** `value` written in base 36, uppercase, left-padded with zeros to `width`. */
export function base36(value: number, width: number): string {
  return value.toString(36).toUpperCase().padStart(width, '0');
}
