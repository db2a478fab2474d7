// Date operands: absolute literals, relative periods and the startOf/endOf functions, resolved to instants once per
// query in the searching user's time zone (ctx.timeZone), the way Jira does.
import type { JqlContext } from './types';
import {
  addDays, addMonths, dayOfWeek, daysInMonth, fromWallTime, startOfWallDay, toWallTime, type WallDate,
} from './zoned-time';

export type InstantResult = { ok: true; instant: number } | { ok: false; message: string };

const MINUTE = 60_000;
const PERIOD_UNITS: Record<string, number> = { w: 7 * 1440 * MINUTE, d: 1440 * MINUTE, h: 60 * MINUTE, m: MINUTE };

/**
 * A date value as Jira reads it: `yyyy-MM-dd`, `yyyy/MM/dd` (local midnight), the same with ` HH:mm`,
 * a period relative to now (`-7d`, `-1w2d`, `"4w 2d"`, `30m`; w = 7 days, d = 24 h, fixed lengths as in Jira),
 * or a whole number of milliseconds since the epoch.
 */
export function dateFromLiteral(value: string, fieldName: string, ctx: JqlContext): InstantResult {
  const text = value.trim();
  const absolute = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (absolute) {
    const year = Number(absolute[1]);
    const month = Number(absolute[3]);
    const day = Number(absolute[4]);
    const hour = Number(absolute[5] ?? 0);
    const minute = Number(absolute[6] ?? 0);
    const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59;
    if (valid) {
      return { ok: true, instant: fromWallTime({ year, month, day, hour, minute, second: 0, millisecond: 0 }, ctx.timeZone) };
    }
  }
  const relative = /^([-+]?)\s*((?:\d+\s*[wdhm]\s*)+)$/.exec(text);
  if (relative) {
    let ms = 0;
    for (const part of (relative[2] ?? '').matchAll(/(\d+)\s*([wdhm])/g)) {
      ms += Number(part[1]) * (PERIOD_UNITS[part[2] ?? ''] ?? 0);
    }
    return { ok: true, instant: ctx.now + (relative[1] === '-' ? -ms : ms) };
  }
  if (/^-?\d{1,15}$/.test(text)) return { ok: true, instant: Number(text) };
  return { ok: false, message: invalidDateMessage(value, fieldName) };
}

export function invalidDateMessage(value: string, fieldName: string): string {
  return `Date value '${value}' for field '${fieldName}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', `
    + "'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";
}

type Period = 'day' | 'week' | 'month' | 'year';
const DATE_FUNCTIONS: Record<string, { edge: 'start' | 'end'; period: Period }> = {
  startofday: { edge: 'start', period: 'day' },
  endofday: { edge: 'end', period: 'day' },
  startofweek: { edge: 'start', period: 'week' },
  endofweek: { edge: 'end', period: 'week' },
  startofmonth: { edge: 'start', period: 'month' },
  endofmonth: { edge: 'end', period: 'month' },
  startofyear: { edge: 'start', period: 'year' },
  endofyear: { edge: 'end', period: 'year' },
};
const NATURAL_UNIT: Record<Period, string> = { day: 'd', week: 'w', month: 'M', year: 'y' };

/** Canonical names of the date functions this engine evaluates, by lower-case name. */
export const DATE_FUNCTION_NAMES: Record<string, string> = {
  now: 'now', startofday: 'startOfDay', endofday: 'endOfDay', startofweek: 'startOfWeek', endofweek: 'endOfWeek',
  startofmonth: 'startOfMonth', endofmonth: 'endOfMonth', startofyear: 'startOfYear', endofyear: 'endOfYear',
};

/**
 * now(), startOfDay() ... endOfYear() with Jira's optional increment `(+/-)n(y|M|w|d|h|m)`. An increment in the
 * function's own unit (or without unit) moves the period first, so endOfMonth(-1) is the last moment of last month;
 * any other unit is added to the computed boundary, so startOfMonth("+14d") is the 15th at 00:00.
 * End boundaries are the last millisecond of the period.
 */
export function dateFromFunction(name: string, args: string[], ctx: JqlContext): InstantResult {
  const lower = name.toLowerCase();
  const display = DATE_FUNCTION_NAMES[lower] ?? name;
  if (lower === 'now') {
    if (args.length !== 0) return { ok: false, message: `Function 'now' expected '0' arguments but received '${args.length}'.` };
    return { ok: true, instant: ctx.now };
  }
  const spec = DATE_FUNCTIONS[lower];
  if (spec === undefined) return { ok: false, message: `Unable to find JQL function '${name}()'.` };
  if (args.length > 1) {
    return { ok: false, message: `Function '${display}' expected between '0' and '1' arguments but received '${args.length}'.` };
  }
  let amount = 0;
  let unit = NATURAL_UNIT[spec.period];
  const arg = args[0];
  if (arg !== undefined) {
    const m = /^([+-]?)(\d{1,6})([yMwdhm]?)$/.exec(arg.trim());
    if (!m) {
      return {
        ok: false,
        message: `Duration for function '${display}' should have the format (+/-)n(y|M|w|d|h|m), e.g. -1M for 1 month earlier; got '${arg}'.`,
      };
    }
    amount = Number(m[2]) * (m[1] === '-' ? -1 : 1);
    if (m[3]) unit = m[3];
  }
  const natural = unit === NATURAL_UNIT[spec.period];
  const today = toWallTime(ctx.now, ctx.timeZone);
  const anchor = natural ? shiftDate(today, spec.period, amount) : today;
  const first = periodStart(anchor, spec.period, ctx.weekStart === 'monday' ? 1 : 0);
  let instant = spec.edge === 'start'
    ? fromWallTime(startOfWallDay(first), ctx.timeZone)
    : fromWallTime(startOfWallDay(shiftDate(first, spec.period, 1)), ctx.timeZone) - 1;
  if (!natural && amount !== 0) instant = addToInstant(instant, amount, unit, ctx.timeZone);
  return { ok: true, instant };
}

function shiftDate(d: WallDate, period: Period, amount: number): WallDate {
  switch (period) {
    case 'day': return addDays(d, amount);
    case 'week': return addDays(d, 7 * amount);
    case 'month': return addMonths(d, amount);
    case 'year': return addMonths(d, 12 * amount);
  }
}

function periodStart(d: WallDate, period: Period, weekStart: number): WallDate {
  switch (period) {
    case 'day': return d;
    case 'week': return addDays(d, -((dayOfWeek(d) - weekStart + 7) % 7));
    case 'month': return { year: d.year, month: d.month, day: 1 };
    case 'year': return { year: d.year, month: 1, day: 1 };
  }
}

/** Calendar units (y, M, w, d) keep the local time of day across daylight-saving changes; h and m are fixed lengths. */
function addToInstant(instant: number, amount: number, unit: string, timeZone: string): number {
  if (unit === 'h') return instant + amount * 60 * MINUTE;
  if (unit === 'm') return instant + amount * MINUTE;
  const wall = toWallTime(instant, timeZone);
  const date = unit === 'y' ? addMonths(wall, 12 * amount)
    : unit === 'M' ? addMonths(wall, amount)
      : addDays(wall, unit === 'w' ? 7 * amount : amount);
  return fromWallTime({ ...wall, year: date.year, month: date.month, day: date.day }, timeZone);
}
