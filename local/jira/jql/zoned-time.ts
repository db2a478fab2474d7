// Wall-clock <-> instant conversion in an IANA time zone, on the SLA engine's cached zone offsets.
// Used at compile time only: relative dates and startOfDay() etc. are resolved once per query.
import { zoneOffsets, type ZoneOffsets } from '../../../src/domain/calendar';

export interface WallDate { year: number; month: number; day: number }   // month 1-12
export interface WallTime extends WallDate { hour: number; minute: number; second: number; millisecond: number }

function offsetsOf(timeZone: string): ZoneOffsets {
  const offsets = zoneOffsets(timeZone);
  if (!offsets) throw new Error(`unknown time zone ${timeZone}`);
  return offsets;
}

export function isValidTimeZone(timeZone: string): boolean {
  return zoneOffsets(timeZone) !== null;
}

/** The local date and time of `instant` in `timeZone`. */
export function toWallTime(instant: number, timeZone: string): WallTime {
  const t = new Date(instant + offsetsOf(timeZone).offsetAt(instant));
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    millisecond: t.getUTCMilliseconds(),
  };
}

function wallAsUtc(w: WallTime): number {
  const t = new Date(0);
  t.setUTCFullYear(w.year, w.month - 1, w.day);
  t.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return t.getTime();
}

/** Offset of the zone from UTC at `instant`, in ms (east positive). */
function offsetAt(instant: number, timeZone: string): number {
  return offsetsOf(timeZone).offsetAt(instant);
}

/**
 * The instant at which clocks in `timeZone` show `wall`. A time skipped by a daylight-saving change moves forward by
 * the gap (02:30 on a spring-forward night is 03:30), as Java's lenient calendar does; a repeated time takes the first.
 */
export function fromWallTime(wall: WallTime, timeZone: string): number {
  const asUtc = wallAsUtc(wall);
  // Offsets around the target: try the earlier offset first so a repeated hour resolves to its first occurrence.
  const before = offsetAt(asUtc - 86_400_000, timeZone);
  const after = offsetAt(asUtc + 86_400_000, timeZone);
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = asUtc - offset;
    if (offsetAt(candidate, timeZone) === offset) return candidate;
  }
  // In a gap: neither offset reproduces the wall time; use the offset in force before the change.
  return asUtc - before;
}

export function startOfWallDay(d: WallDate): WallTime {
  return { year: d.year, month: d.month, day: d.day, hour: 0, minute: 0, second: 0, millisecond: 0 };
}

export function addDays(d: WallDate, days: number): WallDate {
  const t = new Date(0);
  t.setUTCFullYear(d.year, d.month - 1, d.day + days);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Month arithmetic on (year, month); the day is kept but clamped to the month's length (Jan 31 + 1 month = Feb 28). */
export function addMonths(d: WallDate, months: number): WallDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function daysInMonth(year: number, month: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month, 0);
  return t.getUTCDate();
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(d: WallDate): number {
  const t = new Date(0);
  t.setUTCFullYear(d.year, d.month - 1, d.day);
  return t.getUTCDay();
}
