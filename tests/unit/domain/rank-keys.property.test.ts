// Fractional rank keys: always strictly ordered and unique under any sequence of inserts, always room between
// two keys, and short for the common cases (appending, inserting at the front).
import fc from 'fast-check';
import { FIRST_RANK_KEY, compareRankKeys, isRankKey, keyBetween, keysBetween } from '../../../src/domain/board';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const digitChar = fc.integer({ min: 0, max: 61 }).map((i) => DIGITS[i] as string);
const nonZeroDigit = fc.integer({ min: 1, max: 61 }).map((i) => DIGITS[i] as string);
const HEADS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const integerLength = (head: string): number => (head >= 'a' ? head.charCodeAt(0) - 96 : 91 - head.charCodeAt(0));

/** Any well-formed key: a head, its integer digits, and a fraction not ending in 0. */
const anyKey = fc
  .record({
    head: fc.constantFrom(...HEADS.split('')),
    fraction: fc.oneof(fc.constant(''), fc.tuple(fc.array(digitChar, { maxLength: 6 }), nonZeroDigit).map(([d, last]) => d.join('') + last)),
  })
  .chain(({ head, fraction }) =>
    fc.array(digitChar, { minLength: integerLength(head), maxLength: integerLength(head) }).map((digits) => head + digits.join('') + fraction),
  );

/** The smallest integer: nothing sorts before it. */
const SMALLEST = 'A' + '0'.repeat(26);

function expectStrictlyOrdered(keys: readonly string[]): void {
  for (const key of keys) expect(isRankKey(key)).toBe(true);
  for (let i = 1; i < keys.length; i++) {
    if (!((keys[i - 1] as string) < (keys[i] as string))) throw new Error(`not strictly ordered at ${i}: ${keys[i - 1]} !< ${keys[i]}`);
  }
}

describe('keyBetween', () => {
  it('starts at a0 and sorts by plain code units, not by locale', () => {
    expect(keyBetween(null, null)).toBe(FIRST_RANK_KEY);
    // localeCompare would put "a" before "B"; rank keys must not.
    expect(compareRankKeys('Zz', 'a0')).toBe(-1);
    expect(keyBetween('Zz', 'a0')).toBe('ZzV');
  });

  it('keeps a random sequence of inserts strictly ordered and unique', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 300 }), (picks) => {
        const keys: string[] = [];
        for (const pick of picks) {
          const at = pick % (keys.length + 1);
          keys.splice(at, 0, keyBetween(keys[at - 1] ?? null, keys[at] ?? null));
        }
        expectStrictlyOrdered(keys);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a key strictly between any two distinct well-formed keys', () => {
    fc.assert(
      fc.property(anyKey, anyKey, (x, y) => {
        fc.pre(x !== y);
        const [a, b] = x < y ? [x, y] : [y, x];
        const key = keyBetween(a, b);
        expect(isRankKey(key)).toBe(true);
        expect(a < key && key < b).toBe(true);
        // Open ends too.
        const after = keyBetween(b, null);
        expect(isRankKey(after) && b < after).toBe(true);
        if (a !== SMALLEST) {
          const before = keyBetween(null, a);
          expect(isRankKey(before) && before < a).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('stays within three characters for 1,000 appends and 1,000 inserts at the front', () => {
    const appended: string[] = [];
    let last: string | null = null;
    for (let i = 0; i < 1000; i++) appended.push((last = keyBetween(last, null)));
    expectStrictlyOrdered(appended);
    expect(Math.max(...appended.map((k) => k.length))).toBeLessThanOrEqual(3);

    const prepended: string[] = [];
    let first: string | null = null;
    for (let i = 0; i < 1000; i++) prepended.unshift((first = keyBetween(null, first)));
    expectStrictlyOrdered(prepended);
    expect(Math.max(...prepended.map((k) => k.length))).toBeLessThanOrEqual(3);
  });

  it('grows by at most two characters over 1,000 appends or front inserts from any key a lane can reach', () => {
    const reachable = fc.array(fc.nat(), { minLength: 1, maxLength: 60 }).map((picks) => {
      const keys: string[] = [];
      for (const pick of picks) {
        const at = pick % (keys.length + 1);
        keys.splice(at, 0, keyBetween(keys[at - 1] ?? null, keys[at] ?? null));
      }
      return keys;
    });
    fc.assert(
      fc.property(reachable, (keys) => {
        const start = keys[keys.length - 1] as string;
        let last = start;
        let longest = 0;
        for (let i = 0; i < 1000; i++) {
          const next = keyBetween(last, null);
          if (!(next > last)) throw new Error(`append ${next} is not after ${last}`);
          longest = Math.max(longest, (last = next).length);
        }
        expect(longest).toBeLessThanOrEqual(Math.max(start.length, 3) + 2);
        const head = keys[0] as string;
        let first = head;
        longest = 0;
        for (let i = 0; i < 1000; i++) {
          const next = keyBetween(null, first);
          if (!(next < first)) throw new Error(`front insert ${next} is not before ${first}`);
          longest = Math.max(longest, (first = next).length);
        }
        expect(longest).toBeLessThanOrEqual(Math.max(head.length, 3) + 2);
      }),
      { numRuns: 30 },
    );
  });

  it('grows by about one character per six inserts into the same gap', () => {
    for (const side of ['low', 'high'] as const) {
      let a = 'a0';
      let b = 'a1';
      for (let i = 0; i < 120; i++) {
        const key = keyBetween(a, b);
        if (side === 'low') b = key;
        else a = key;
      }
      expect(Math.max(a.length, b.length)).toBeLessThanOrEqual(3 + Math.ceil(120 / 5));
    }
  });

  it('refuses keys out of order, equal keys and malformed keys', () => {
    expect(() => keyBetween('a1', 'a0')).toThrow(RangeError);
    expect(() => keyBetween('a1', 'a1')).toThrow(RangeError);
    for (const bad of ['', 'a', 'a00', '0a', 'a0-', 'b0', 'aé', ' a0']) {
      expect(isRankKey(bad)).toBe(false);
      expect(() => keyBetween(bad, null)).toThrow(RangeError);
      expect(() => keyBetween(null, bad)).toThrow(RangeError);
    }
    expect(() => keyBetween(null, SMALLEST)).toThrow(RangeError);
  });
});

describe('keysBetween', () => {
  it('gives n strictly ordered keys inside the bounds', () => {
    const bounds = fc.tuple(fc.option(anyKey, { nil: null }), fc.option(anyKey, { nil: null })).filter(([a, b]) => (a === null || b === null || a !== b) && b !== SMALLEST);
    fc.assert(
      fc.property(bounds, fc.integer({ min: 0, max: 40 }), ([x, y], n) => {
        const [a, b] = x !== null && y !== null && y < x ? [y, x] : [x, y];
        const keys = keysBetween(a, b, n);
        expect(keys).toHaveLength(n);
        expectStrictlyOrdered([...(a === null ? [] : [a]), ...keys, ...(b === null ? [] : [b])]);
      }),
      { numRuns: 300 },
    );
  });

  it('spreads keys so that they stay short', () => {
    const keys = keysBetween('a0', 'a1', 100);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(5);
    expect(keysBetween(null, null, 3)).toEqual(['a0', 'a1', 'a2']);
    expect(() => keysBetween('a0', 'a1', -1)).toThrow(RangeError);
    expect(() => keysBetween('a1', 'a0', 0)).toThrow(RangeError);
  });
});
