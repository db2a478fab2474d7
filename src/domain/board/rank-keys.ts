// Fractional rank keys (DESIGN.md section 4: a service manager's manual order on the priority board).
//
// A rank key is a string of base-62 digits `0-9A-Za-z` that sorts by plain code-unit comparison (`<`, never
// `localeCompare`): the digit alphabet is in ASCII order, so string order is number order. Between any two
// distinct keys there is always another key, so an item can be dropped between any two neighbours without
// touching them.
//
// Layout: `head integer fraction`
// - `head` (one letter) says how many digits the integer part has and on which side of the start it lies:
//   `a`..`z` = 1..26 digits, counting up from the start key `a0`; `Z`..`A` = 1..26 digits, counting down below
//   it (`Z` one digit, `Y` two, ... `A` twenty-six). Upper case sorts before lower case and, on the lower side,
//   a longer integer has an earlier head, so the whole ladder `A…` < … < `Yzz` < `Z0` < … < `Zz` < `a0` < … <
//   `az` < `b00` < … sorts as strings.
// - `integer`: exactly that many digits (leading zeros are part of it).
// - `fraction`: optional further digits, never ending in `0` (so each position has one spelling and there is
//   always room below a fraction).
//
// Appending (`keyBetween(last, null)`) steps to the next integer and dropping any fraction, prepending steps to
// the previous one: both grow a key by one digit only every 62^n steps (1,000 appends from `a0` stay within
// three characters). Inserting between two keys with neighbouring integers extends the fraction by about one
// digit per six inserts into the same gap, the usual price of fractional indexing.
//
// Only the very smallest integer `A` + 26 zeros has nothing below it; no sequence of inserts reaches it in
// practice (it is about 10^46 prepends away), and `keyBetween(null, it)` throws a RangeError.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length; // 62
const MAX_INTEGER_DIGITS = 26;
const ZERO = DIGITS[0] as string;
const LAST = DIGITS[BASE - 1] as string;

/** The key of a first item, with no neighbours. */
export const FIRST_RANK_KEY = 'a0';

function digitValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 65 + 10;
  if (code >= 97 && code <= 122) return code - 97 + 36;
  return -1;
}

const digit = (value: number): string => DIGITS[value] as string;

/** Number of integer digits for a head letter, or 0 when `head` is not one. */
function integerLength(head: string): number {
  const code = head.charCodeAt(0);
  if (code >= 97 && code <= 122) return code - 97 + 1; // a..z -> 1..26
  if (code >= 65 && code <= 90) return 90 - code + 1; // Z..A -> 1..26
  return 0;
}

interface ParsedKey {
  /** Head and integer digits. */
  integer: string;
  /** Fraction digits, '' when none. */
  fraction: string;
}

function parse(key: string): ParsedKey | null {
  if (typeof key !== 'string' || key.length === 0) return null;
  const length = integerLength(key[0] as string);
  if (length === 0 || key.length < 1 + length) return null;
  for (let i = 1; i < key.length; i++) if (digitValue(key[i] as string) < 0) return null;
  const fraction = key.slice(1 + length);
  if (fraction.endsWith(ZERO)) return null;
  return { integer: key.slice(0, 1 + length), fraction };
}

/** Whether `key` is a well-formed rank key (stored keys are checked before use). */
export function isRankKey(key: unknown): key is string {
  return typeof key === 'string' && parse(key) !== null;
}

/** Orders two rank keys (code-unit order, independent of locale). */
export function compareRankKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The next integer (head + digits) in key order, or null after the largest. */
function incrementInteger(integer: string): string | null {
  const head = integer[0] as string;
  const digits = integer.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digitValue(digits[i] as string);
    if (d < BASE - 1) {
      digits[i] = digit(d + 1);
      return head + digits.join('');
    }
    digits[i] = ZERO;
  }
  // Every digit was the last one: the smallest integer of the next head.
  if (head === 'z') return null;
  if (head === 'Z') return 'a' + ZERO;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  return next + ZERO.repeat(integerLength(next));
}

/** The previous integer (head + digits) in key order, or null before the smallest. */
function decrementInteger(integer: string): string | null {
  const head = integer[0] as string;
  const digits = integer.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digitValue(digits[i] as string);
    if (d > 0) {
      digits[i] = digit(d - 1);
      return head + digits.join('');
    }
    digits[i] = LAST;
  }
  // Every digit was zero: the largest integer of the previous head.
  if (head === 'A') return null;
  if (head === 'a') return 'Z' + LAST;
  const previous = String.fromCharCode(head.charCodeAt(0) - 1);
  return previous + LAST.repeat(integerLength(previous));
}

/**
 * A fraction strictly between `low` and `high` (digit strings read as 0.d1d2…; `low` '' = 0, `high` null = 1),
 * not ending in `0`. Requires low < high and neither ending in `0`.
 */
function fractionBetween(low: string, high: string | null): string {
  if (high !== null) {
    // Skip the digits both share, reading `low` as padded with zeros.
    let n = 0;
    while (n < high.length && (low[n] ?? ZERO) === high[n]) n++;
    if (n > 0) return high.slice(0, n) + fractionBetween(low.slice(n), high.slice(n));
  }
  const lowDigit = low.length > 0 ? digitValue(low[0] as string) : 0;
  const highDigit = high !== null ? digitValue(high[0] as string) : BASE;
  if (highDigit - lowDigit > 1) return digit(Math.floor((lowDigit + highDigit) / 2));
  // Neighbouring first digits: `high`'s first digit alone if `high` goes on, else `low`'s and something after it.
  if (high !== null && high.length > 1) return high[0] as string;
  return digit(lowDigit) + fractionBetween(low.slice(1), null);
}

function parseOrThrow(key: string, name: string): ParsedKey {
  const parsed = parse(key);
  if (!parsed) throw new RangeError(`${name} is not a rank key: ${JSON.stringify(key)}`);
  return parsed;
}

/**
 * A key that sorts strictly between `a` and `b` (null = open end): `keyBetween(null, null)` is the first key,
 * `keyBetween(last, null)` appends, `keyBetween(null, first)` prepends. Throws a RangeError for a malformed key
 * or when `a` does not sort before `b`.
 */
export function keyBetween(a: string | null, b: string | null): string {
  const low = a === null ? null : parseOrThrow(a, 'a');
  const high = b === null ? null : parseOrThrow(b, 'b');
  if (a !== null && b !== null && !(a < b)) throw new RangeError(`a must sort before b: ${JSON.stringify(a)} >= ${JSON.stringify(b)}`);

  if (low === null && high === null) return FIRST_RANK_KEY;
  if (low === null) {
    const h = high as ParsedKey;
    // The bare integer sorts before the same integer with a fraction.
    if (h.fraction !== '') return h.integer;
    const previous = decrementInteger(h.integer);
    if (previous === null) throw new RangeError('no rank key sorts before the smallest one');
    return previous;
  }
  if (high === null) {
    const next = incrementInteger(low.integer);
    return next ?? low.integer + fractionBetween(low.fraction, null);
  }
  if (low.integer === high.integer) return low.integer + fractionBetween(low.fraction, high.fraction);
  const next = incrementInteger(low.integer);
  // The next integer is the shortest choice unless it is `b` itself.
  if (next !== null && next < (b as string)) return next;
  return low.integer + fractionBetween(low.fraction, null);
}

/**
 * `n` keys in ascending order, strictly between `a` and `b` (null = open end), spread so that none of the gaps
 * is needlessly narrow: used to give several items keys at once.
 */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, got ${n}`);
  if (n === 0) {
    // Still check the bounds, as for n > 0.
    if (a !== null) parseOrThrow(a, 'a');
    if (b !== null) parseOrThrow(b, 'b');
    if (a !== null && b !== null && !(a < b)) throw new RangeError(`a must sort before b: ${JSON.stringify(a)} >= ${JSON.stringify(b)}`);
    return [];
  }
  if (n === 1) return [keyBetween(a, b)];
  if (b === null) {
    const keys: string[] = [];
    let last = a;
    for (let i = 0; i < n; i++) keys.push((last = keyBetween(last, null)));
    return keys;
  }
  if (a === null) {
    const keys: string[] = [];
    let first: string = b;
    for (let i = 0; i < n; i++) keys.push((first = keyBetween(null, first)));
    return keys.reverse();
  }
  const middle = keyBetween(a, b);
  const before = Math.floor(n / 2);
  return [...keysBetween(a, middle, before), middle, ...keysBetween(middle, b, n - before - 1)];
}

/**
 * The key of integer `value` (0 <= value < 62^width) written with exactly `width` digits under head `a` + width
 * - 1, optionally followed by `fraction` (which must not end in `0`): keys built this way sort by value, then by
 * fraction, and interleave with every other rank key. Used for keys derived from scores.
 */
export function integerRankKey(value: number, width: number, fraction = ''): string {
  if (!Number.isInteger(width) || width < 1 || width > MAX_INTEGER_DIGITS) throw new RangeError(`width must be 1..${MAX_INTEGER_DIGITS}`);
  if (!Number.isInteger(value) || value < 0 || value >= BASE ** width) throw new RangeError(`value ${value} does not fit in ${width} digits`);
  const key = String.fromCharCode(97 + width - 1) + toDigits(value, width) + fraction;
  parseOrThrow(key, 'key');
  return key;
}

/** `value` (a whole number >= 0) in base 62, left-padded with zeros to `width` digits. */
export function toDigits(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = digit(rest % BASE) + out;
    rest = Math.floor(rest / BASE);
  }
  return out.padStart(width, ZERO);
}
