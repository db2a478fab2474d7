// Wall-clock <-> instant conversion for IANA zones, and ISO formatting with the zone's offset. Offsets come from
// the SLA engine's cached zone tables (the runtime's tz database, read once per zone and period).
import { zoneOffsets, type ZoneOffsets } from '../../src/domain/calendar';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

function offsetsOf(zone: string): ZoneOffsets {
  const offsets = zoneOffsets(zone);
  if (!offsets) throw new Error(`Unknown time zone ${zone}`);
  return offsets;
}

/** The zone's UTC offset in minutes at instant `t` (e.g. 330 for Asia/Kolkata). */
export function offsetMinutes(zone: string, t: number): number {
  return offsetsOf(zone).offsetAt(t) / MINUTE;
}

export interface LocalDate { y: number; m: number; d: number }

/** The instant of a wall-clock time in `zone`. Minutes may exceed 1440 (`24:00` = next midnight). */
export function localToInstant(zone: string, date: LocalDate, minuteOfDay: number): number {
  const wall = Date.UTC(date.y, date.m - 1, date.d) + minuteOfDay * MINUTE;
  const first = wall - offsetMinutes(zone, wall) * MINUTE;
  return wall - offsetMinutes(zone, first) * MINUTE;
}

/** The local calendar date and minute of day of instant `t` in `zone`. */
export function localParts(zone: string, t: number): LocalDate & { minute: number; weekday: number } {
  const shifted = new Date(t + offsetMinutes(zone, t) * MINUTE);
  return {
    y: shifted.getUTCFullYear(),
    m: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    // ISO weekday: 1 = Monday ... 7 = Sunday.
    weekday: shifted.getUTCDay() === 0 ? 7 : shifted.getUTCDay(),
  };
}

export function isoDate(date: LocalDate): string {
  return `${String(date.y).padStart(4, '0')}-${pad2(date.m)}-${pad2(date.d)}`;
}

/** The local date in `zone` of instant `t`, as `YYYY-MM-DD`. */
export function localIsoDate(zone: string, t: number): string {
  return isoDate(localParts(zone, t));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  const day = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return day === 0 ? 7 : day;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2026-03-31T23:30:00.000+02:00`: the instant written in `zone`'s local time with its offset. */
export function formatInstant(zone: string, t: number): string {
  const off = offsetMinutes(zone, t);
  const s = new Date(t + off * MINUTE);
  const abs = Math.abs(off);
  const ms = s.getUTCMilliseconds();
  const text = (
    `${s.getUTCFullYear()}-${pad2(s.getUTCMonth() + 1)}-${pad2(s.getUTCDate())}T${pad2(s.getUTCHours())}:` +
    `${pad2(s.getUTCMinutes())}:${pad2(s.getUTCSeconds())}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}` +
    `${off < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
  // Reading a character makes V8 flatten the concatenation (a tree of ~15 pieces) into one flat string: a million
  // timestamps then take ~60 MB instead of ~460 MB, which matters at the benchmark scale.
  text.charCodeAt(0);
  return text;
}

/** Same instant, same day-of-month clamp as `Date`: 31 May minus 3 months is 28/29 February, not 3 March. */
export function minusMonthsUtc(t: number, months: number): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}
