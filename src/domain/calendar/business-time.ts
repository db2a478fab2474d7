// Business-time arithmetic on a compiled calendar. Instants and durations are epoch ms / ms.
//
// Conventions (see docs/sla-conventions.md):
// - add(a, d) is the earliest instant t >= a with d of business time in [a, t): a deadline that falls on
//   closing time is that closing instant, and add(a, 0) = a.
// - subtract(a, d) is the latest instant t <= a with d of business time in [t, a), so after a closed gap it
//   is the next opening, and subtract(add(a, d), d) = a for every working instant a.
// - Searches look at most HORIZON_DAYS away; past that the answer is null ("not within the horizon"),
//   which is also the answer for a calendar without working time.
import { DAY_MS } from './civil';
import * as compiled from './compiled';
import type { Block, CompiledCalendar } from './compiled';

// Local bindings for the hot paths (tsx/esbuild and swc compile imported names to getter calls).
const { cumulativeAt, spanIndexAt } = compiled;

export const HORIZON_DAYS = 3660;
export const HORIZON_MS = HORIZON_DAYS * DAY_MS;

/** Business ms in [a, b); negative when b < a. */
export function between(cc: CompiledCalendar, a: number, b: number): number {
  if (b < a) return 0 - between(cc, b, a); // never -0
  if (!cc.recurring) {
    // Only dated holidays can hold work: skip the empty years around them.
    if (a < cc.firstWork) a = cc.firstWork;
    if (b > cc.lastWork) b = cc.lastWork;
    if (a >= b) return 0;
  }
  const ia = cc.blockIndex(a);
  const ib = cc.blockIndex(b);
  const first = cc.block(ia);
  if (ia === ib) return cumulativeAt(first, b) - cumulativeAt(first, a);
  let sum = first.total - cumulativeAt(first, a);
  for (let k = ia + 1; k < ib; k++) sum += cc.block(k).total;
  return sum + cumulativeAt(cc.block(ib), b);
}

/** Earliest t >= a with d business ms in [a, t), or null when t would lie past `limit`. */
export function add(cc: CompiledCalendar, a: number, d: number, limit = a + HORIZON_MS): number | null {
  if (d <= 0) return a;
  if (!cc.recurring && a >= cc.lastWork) return null;
  let index = cc.blockIndex(a);
  let block = cc.block(index);
  let target = cumulativeAt(block, a) + d;
  while (target > block.total) {
    target -= block.total;
    block = cc.block(++index);
    if (block.start > limit || (!cc.recurring && block.start >= cc.lastWork)) return null;
  }
  const i = firstSpanReaching(block, target, false);
  const t = (block.s[i] as number) + target - (block.c[i] as number);
  return t > limit ? null : t;
}

/** Latest t <= a with d business ms in [t, a), or null when t would lie before `limit`. */
export function subtract(cc: CompiledCalendar, a: number, d: number, limit = a - HORIZON_MS): number | null {
  if (d <= 0) return a;
  if (!cc.recurring && a <= cc.firstWork) return null;
  let index = cc.blockIndex(a);
  let block = cc.block(index);
  let target = cumulativeAt(block, a) - d;
  while (target < 0) {
    block = cc.block(--index);
    if (block.end < limit || (!cc.recurring && block.end <= cc.firstWork)) return null;
    target += block.total;
  }
  const i = firstSpanReaching(block, target, true);
  const t = (block.s[i] as number) + target - (block.c[i] as number);
  return t < limit ? null : t;
}

/**
 * First span whose cumulative end is >= target (add: the earliest instant) or > target (subtract: the
 * latest instant, i.e. the next opening when target sits exactly on a closing).
 */
function firstSpanReaching(block: Block, target: number, strictly: boolean): number {
  const { s, e, c } = block;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const end = (c[mid] as number) + (e[mid] as number) - (s[mid] as number);
    if (strictly ? end > target : end >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function isWorking(cc: CompiledCalendar, t: number): boolean {
  const block = cc.blockAt(t);
  const i = spanIndexAt(block, t);
  return i >= 0 && t < (block.e[i] as number);
}

/** t itself when it is working time, else the next opening; null past the horizon. */
export function nextWorking(cc: CompiledCalendar, t: number, limit = t + HORIZON_MS): number | null {
  if (!cc.recurring && t >= cc.lastWork) return null;
  let index = cc.blockIndex(t);
  let block = cc.block(index);
  const i = spanIndexAt(block, t);
  if (i >= 0 && t < (block.e[i] as number)) return t;
  let next = i + 1;
  while (next >= block.s.length) {
    block = cc.block(++index);
    if (block.start > limit || (!cc.recurring && block.start >= cc.lastWork)) return null;
    next = 0;
  }
  const opening = block.s[next] as number;
  return opening > limit ? null : opening;
}

// ---- the same with pauses: `pauses` is flat `[from0, to0, from1, to1, ...]`, sorted and merged ----

export function betweenPaused(cc: CompiledCalendar, a: number, b: number, pauses: readonly number[]): number {
  if (b < a) return 0 - betweenPaused(cc, b, a, pauses);
  let sum = between(cc, a, b);
  for (let k = 0; k < pauses.length; k += 2) {
    const lo = Math.max(a, pauses[k] as number);
    const hi = Math.min(b, pauses[k + 1] as number);
    if (lo < hi) sum -= between(cc, lo, hi);
  }
  return sum;
}

export function addPaused(cc: CompiledCalendar, a: number, d: number, pauses: readonly number[]): number | null {
  if (d <= 0) return a;
  const limit = a + HORIZON_MS;
  let cur = a;
  let rest = d;
  for (let k = 0; k < pauses.length; k += 2) {
    const from = pauses[k] as number;
    const to = pauses[k + 1] as number;
    if (to <= cur) continue;
    if (from > cur) {
      const available = between(cc, cur, from);
      if (available >= rest) return add(cc, cur, rest, limit);
      rest -= available;
    }
    cur = to;
    if (cur > limit) return null;
  }
  return add(cc, cur, rest, limit);
}

export function subtractPaused(cc: CompiledCalendar, a: number, d: number, pauses: readonly number[]): number | null {
  if (d <= 0) return a;
  const limit = a - HORIZON_MS;
  let cur = a;
  let rest = d;
  for (let k = pauses.length - 2; k >= 0; k -= 2) {
    const from = pauses[k] as number;
    const to = pauses[k + 1] as number;
    if (from >= cur) continue;
    if (to < cur) {
      const available = between(cc, to, cur);
      if (available >= rest) return subtract(cc, cur, rest, limit);
      rest -= available;
    }
    cur = from;
    if (cur < limit) return null;
  }
  return subtract(cc, cur, rest, limit);
}
