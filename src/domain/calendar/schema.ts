// Runtime schema of a calendar: zod checks the shape, `checkCalendar` the meaning (times, dates, zone,
// overlaps), and both report the path of what is wrong.
import { z } from 'zod';
import { formatClockTime, parseClockTime, parseIsoDate, parseMonthDay } from './civil';
import { ValidationError, type ValidationIssue } from './errors';
import { issuesFromZod } from './schema-issues';
import { WEEKDAYS, type Calendar, type Holiday, type WorkingInterval } from './types';
import { canonicalZoneName, zoneOffsets } from './zone';

const intervalSchema = z.tuple([z.string(), z.string()], { error: 'expected a pair ["HH:MM", "HH:MM"]' });
const intervalsSchema = z.array(intervalSchema);

const holidaySchema = z.strictObject({
  date: z.string(),
  hours: intervalsSchema.optional(),
  name: z.string().optional(),
});

export const calendarSchema = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  timeZone: z.string(),
  weekly: z.strictObject({
    mon: intervalsSchema.optional(),
    tue: intervalsSchema.optional(),
    wed: intervalsSchema.optional(),
    thu: intervalsSchema.optional(),
    fri: intervalsSchema.optional(),
    sat: intervalsSchema.optional(),
    sun: intervalsSchema.optional(),
  }),
  holidays: z.array(holidaySchema).optional(),
  yearlyHolidays: z.array(holidaySchema).optional(),
});

/** A calendar reduced to numbers: minute pairs `[s0, e0, s1, e1, ...]`, sorted, adjacent ones merged. */
export interface NormalizedCalendar {
  timeZone: string;
  /** Index 0 = Sunday. */
  weekly: number[][];
  /** Day number -> that day's hours. */
  dated: Map<number, number[]>;
  /** Month * 100 + day -> that day's hours. */
  yearly: Map<number, number[]>;
}

/**
 * Validates untrusted input as a calendar; throws ValidationError naming every bad field, e.g.
 * `calendar.weekly.mon[1]: intervals overlap (08:00-12:00 and 11:00-13:00)`.
 */
export function parseCalendar(input: unknown, root = 'calendar'): Calendar {
  return validateCalendar(input, root).calendar;
}

/** parseCalendar plus the numeric form the engine compiles. */
export function validateCalendar(input: unknown, root = 'calendar'): { calendar: Calendar; normalized: NormalizedCalendar } {
  const shape = calendarSchema.safeParse(input, { reportInput: true });
  if (!shape.success) throw new ValidationError(issuesFromZod(root, shape.error));
  const calendar: Calendar = shape.data;
  return { calendar, normalized: checkCalendar(calendar, root) };
}

/** The meaning checks; returns the numeric form the engine compiles. */
export function checkCalendar(calendar: Calendar, root = 'calendar'): NormalizedCalendar {
  const issues: ValidationIssue[] = [];
  checkZone(calendar.timeZone, `${root}.timeZone`, issues);

  const weekly = WEEKDAYS.map((day) => {
    const list = calendar.weekly[day];
    return list ? checkIntervals(list, `${root}.weekly.${day}`, issues) : [];
  });

  const dated = new Map<number, number[]>();
  checkHolidays(calendar.holidays, `${root}.holidays`, parseIsoDate, 'a date YYYY-MM-DD between 1900 and 2999', dated, issues);
  const yearly = new Map<number, number[]>();
  checkHolidays(calendar.yearlyHolidays, `${root}.yearlyHolidays`, parseMonthDay, 'a yearly date MM-DD', yearly, issues);

  if (issues.length > 0) throw new ValidationError(issues);
  return { timeZone: calendar.timeZone, weekly, dated, yearly };
}

function checkZone(name: string, path: string, issues: ValidationIssue[]): void {
  if (zoneOffsets(name) === null) {
    issues.push({ path, message: `unknown time zone "${name}", expected an IANA zone such as "Europe/Zurich"` });
    return;
  }
  const canonical = canonicalZoneName(name);
  if (canonical !== null && canonical !== name && canonical.toLowerCase() === name.toLowerCase()) {
    issues.push({ path, message: `time zone "${name}" is misspelled, write "${canonical}"` });
  }
}

function checkHolidays(
  list: readonly Holiday[] | undefined,
  path: string,
  parseDate: (text: string) => number | null,
  expected: string,
  into: Map<number, number[]>,
  issues: ValidationIssue[],
): void {
  const seenAt = new Map<number, number>();
  (list ?? []).forEach((holiday, index) => {
    const here = `${path}[${index}]`;
    const hours = holiday.hours ? checkIntervals(holiday.hours, `${here}.hours`, issues) : [];
    const key = parseDate(holiday.date);
    if (key === null) {
      issues.push({ path: `${here}.date`, message: `"${holiday.date}" is not ${expected}` });
      return;
    }
    const earlier = seenAt.get(key);
    if (earlier !== undefined) {
      issues.push({ path: `${here}.date`, message: `${holiday.date} is listed twice (also ${path}[${earlier}])` });
      return;
    }
    seenAt.set(key, index);
    into.set(key, hours);
  });
}

/** Checks a list of `[HH:MM, HH:MM]` and returns it as sorted, merged minute pairs. */
function checkIntervals(list: readonly WorkingInterval[], path: string, issues: ValidationIssue[]): number[] {
  const parsed: { start: number; end: number; index: number }[] = [];
  list.forEach(([startText, endText], index) => {
    const here = `${path}[${index}]`;
    const start = parseClockTime(startText);
    const end = parseClockTime(endText);
    if (start === null || start === 1440) {
      issues.push({ path: `${here}[0]`, message: `"${startText}" is not a start time, expected HH:MM from 00:00 to 23:59` });
    }
    if (end === null) {
      issues.push({ path: `${here}[1]`, message: `"${endText}" is not an end time, expected HH:MM from 00:00 to 24:00` });
    }
    if (start === null || start === 1440 || end === null) return;
    if (end < start) issues.push({ path: here, message: `interval is reversed (${startText}-${endText}), the end must be after the start` });
    else if (end === start) issues.push({ path: here, message: `interval is empty (${startText}-${endText})` });
    else parsed.push({ start, end, index });
  });
  parsed.sort((a, b) => a.start - b.start);
  const flat: number[] = [];
  let previous: { start: number; end: number } | undefined;
  for (const interval of parsed) {
    if (previous && interval.start < previous.end) {
      const [a, b] = previous.start <= interval.start ? [previous, interval] : [interval, previous];
      issues.push({
        path: `${path}[${interval.index}]`,
        message: `intervals overlap (${span(a)} and ${span(b)})`,
      });
      continue;
    }
    if (previous && interval.start === previous.end) {
      flat[flat.length - 1] = interval.end;
    } else {
      flat.push(interval.start, interval.end);
    }
    previous = interval;
  }
  return flat;
}

function span(i: { start: number; end: number }): string {
  return `${formatClockTime(i.start)}-${formatClockTime(i.end)}`;
}
