// The public business-time operations: validate the arguments, compile (cached) and compute.
import { add, addPaused, between, betweenPaused, isWorking, nextWorking, subtract, subtractPaused } from './business-time';
import { compileCalendar } from './compiled';
import { assertDuration, assertInstant } from './instants';
import { normalizePauses } from './pauses';
import type { Calendar, Pause } from './types';

/**
 * The earliest instant at which `durationMs` of business time has passed since `start`, not counting
 * `pauses`. A result on closing time stays there (17:00, not next morning). Null when there is no such
 * instant within HORIZON_DAYS (for example a calendar without working time).
 */
export function addBusinessTime(calendar: Calendar, start: number, durationMs: number, pauses?: readonly Pause[]): number | null {
  const cc = compileCalendar(calendar);
  assertInstant(start, 'start');
  assertDuration(durationMs, 'duration');
  const flat = normalizePauses(pauses);
  return flat.length > 0 ? addPaused(cc, start, durationMs, flat) : add(cc, start, durationMs);
}

/** The latest instant with `durationMs` of business time between it and `start`; the inverse of add. */
export function subtractBusinessTime(calendar: Calendar, start: number, durationMs: number, pauses?: readonly Pause[]): number | null {
  const cc = compileCalendar(calendar);
  assertInstant(start, 'start');
  assertDuration(durationMs, 'duration');
  const flat = normalizePauses(pauses);
  return flat.length > 0 ? subtractPaused(cc, start, durationMs, flat) : subtract(cc, start, durationMs);
}

/** Business ms in `[start, end)` minus pauses; negative when end is before start. */
export function businessTimeBetween(calendar: Calendar, start: number, end: number, pauses?: readonly Pause[]): number {
  const cc = compileCalendar(calendar);
  assertInstant(start, 'start');
  assertInstant(end, 'end');
  const flat = normalizePauses(pauses);
  return flat.length > 0 ? betweenPaused(cc, start, end, flat) : between(cc, start, end);
}

/** `at` itself when it is working time, else the next opening; null when none within HORIZON_DAYS. */
export function nextBusinessMoment(calendar: Calendar, at: number): number | null {
  const cc = compileCalendar(calendar);
  assertInstant(at, 'at');
  return nextWorking(cc, at);
}

/** Whether `at` lies inside a working interval (half-open: the closing instant is not working time). */
export function isBusinessTime(calendar: Calendar, at: number): boolean {
  const cc = compileCalendar(calendar);
  assertInstant(at, 'at');
  return isWorking(cc, at);
}
