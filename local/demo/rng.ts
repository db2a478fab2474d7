// A small seeded PRNG so the demo is identical on every start (no Math.random, no clock).
// mulberry32: 32-bit state, fast, good enough statistical quality for test data.

export type Rng = () => number;

/** Returns floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes numbers and strings into one 32-bit seed, so each issue or phase gets its own independent stream. */
export function hashSeed(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  const mix = (x: number): void => {
    h ^= x;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const part of parts) {
    if (typeof part === 'number') {
      mix(part & 0xffff);
      mix((part >>> 16) & 0xffff);
      mix(Math.floor(part / 4294967296) & 0xffff);
    } else {
      for (let i = 0; i < part.length; i++) mix(part.charCodeAt(i));
    }
    mix(0x9e);
  }
  // Final avalanche (murmur3 fmix32) so near seeds give unrelated streams.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function rngFor(seed: number, ...salt: (number | string)[]): Rng {
  return mulberry32(hashSeed(seed, ...salt));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Integer in [min, max], both inclusive. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function between(rng: Rng, min: number, max: number): number {
  return min + rng() * (max - min);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: empty list');
  return items[Math.floor(rng() * items.length)] as T;
}

/** Picks by weight; weights need not sum to 1. */
export function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('pickWeighted: empty list');
  return last[0];
}

/**
 * Splits `total` into integer shares proportional to `weights` (largest remainder), so the shares add up exactly.
 * Ties go to the lower index, which keeps the result deterministic.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 0);
  const shares = weights.map((w) => (total * w) / sum);
  const out = shares.map((s) => Math.floor(s));
  let rest = total - out.reduce((s, n) => s + n, 0);
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) {
    const idx = order[k]?.[1] ?? 0;
    out[idx] = (out[idx] ?? 0) + 1;
  }
  return out;
}
