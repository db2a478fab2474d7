// Wall-clock and civil-date arithmetic on plain numbers: a local date is a day number (days since
// 1970-01-01), a wall time is minutes since local midnight. No time zone is involved here.

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Instants the engine accepts: years 1900 to 2999, far wider than any contract. */
export const MIN_INSTANT = Date.UTC(1900, 0, 1);
export const MAX_INSTANT = Date.UTC(3000, 0, 1);

const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** `"08:30"` -> 510; `"24:00"` -> 1440; anything else -> null. */
export function parseClockTime(text: string): number | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > 1440 ? null : minutes;
}

export function formatClockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** `"2026-12-25"` -> day number, or null when malformed, not a real date, or outside 1900..2999. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return Date.UTC(y, mo - 1, d) / DAY_MS;
}

/** `"12-25"` -> 1225 (month * 100 + day), or null; `"02-29"` is a valid yearly date. */
export function parseMonthDay(text: string): number | null {
  const m = MONTH_DAY.exec(text);
  if (!m) return null;
  const mo = Number(m[1]);
  const d = Number(m[2]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(2000, mo)) return null;
  return mo * 100 + d;
}

/** Month * 100 + day of a day number. */
export function monthDayOf(dayNumber: number): number {
  const date = new Date(dayNumber * DAY_MS);
  return (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}
