// The calendar editor's form: weekly intervals as "HH:MM" pairs per weekday and one holiday list in which a
// row is a dated holiday (YYYY-MM-DD) or a yearly one (MM-DD); saving splits the list into the record's two.
import type { CalendarRecord, WithMeta } from '@contract/config';
import { path } from './field-errors';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface IntervalRow {
  start: string;
  end: string;
}

export interface HolidayRow {
  date: string;
  name: string;
  /** Half-day hours as typed: "09:00-12:00, 13:00-15:00"; empty = closed all day. */
  hours: string;
}

export interface CalendarDraft {
  name: string;
  timeZone: string;
  weekly: Record<Weekday, IntervalRow[]>;
  holidays: HolidayRow[];
}

const ROOT = 'calendar';
const YEARLY = /^\d{2}-\d{2}$/;

export function isYearly(date: string): boolean {
  return YEARLY.test(date.trim());
}

export function emptyCalendar(timeZone: string): CalendarDraft {
  const office = (): IntervalRow[] => [{ start: '08:00', end: '17:00' }];
  return {
    name: '',
    timeZone,
    weekly: { mon: office(), tue: office(), wed: office(), thu: office(), fri: office(), sat: [], sun: [] },
    holidays: [],
  };
}

export function hoursText(hours: [string, string][] | undefined): string {
  return (hours ?? []).map(([s, e]) => `${s}-${e}`).join(', ');
}

/** "09:00-12:00, 13:00–15:00" to pairs; pieces that are not two times are kept as typed so the server names them. */
export function parseHoursText(text: string): [string, string][] {
  return text
    .split(/[,;]/)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .map((piece) => {
      const [start = '', end = ''] = piece.split(/\s*[-–—]\s*/);
      return [start.trim(), end.trim()];
    });
}

export function calendarToDraft(record: WithMeta<CalendarRecord>): CalendarDraft {
  const weekly = {} as Record<Weekday, IntervalRow[]>;
  for (const day of WEEKDAYS) weekly[day] = (record.weekly[day] ?? []).map(([start, end]) => ({ start, end }));
  const row = (h: CalendarRecord['holidays'][number]): HolidayRow => ({ date: h.date, name: h.name ?? '', hours: hoursText(h.hours) });
  return {
    name: record.name,
    timeZone: record.timeZone,
    weekly,
    holidays: [...record.holidays.map(row), ...record.yearlyHolidays.map(row)],
  };
}

/** Where each holiday row goes in the record: `holidays[j]` or `yearlyHolidays[j]`. */
export function holidayTargets(rows: HolidayRow[]): { list: 'holidays' | 'yearlyHolidays'; index: number }[] {
  let dated = 0;
  let yearly = 0;
  return rows.map((row) => (isYearly(row.date) ? { list: 'yearlyHolidays', index: yearly++ } : { list: 'holidays', index: dated++ }));
}

/** The record's path of each holiday row's inputs, so the server's messages land under them. */
export function holidayPaths(rows: HolidayRow[]): { row: string; date: string; name: string; hours: string }[] {
  return holidayTargets(rows).map(({ list, index }) => {
    const row = path(ROOT, list, index);
    return { row, date: `${row}.date`, name: `${row}.name`, hours: `${row}.hours` };
  });
}

export function intervalPath(day: Weekday, index: number): { row: string; start: string; end: string } {
  const row = path(ROOT, 'weekly', day, index);
  return { row, start: `${row}[0]`, end: `${row}[1]` };
}

export function calendarPaths(draft: CalendarDraft): string[] {
  const known = [`${ROOT}.id`, `${ROOT}.name`, `${ROOT}.timeZone`, `${ROOT}.weekly`, `${ROOT}.holidays`, `${ROOT}.yearlyHolidays`];
  for (const day of WEEKDAYS) {
    known.push(path(ROOT, 'weekly', day));
    draft.weekly[day].forEach((_, i) => known.push(...Object.values(intervalPath(day, i))));
  }
  for (const p of holidayPaths(draft.holidays)) known.push(p.row, p.date, p.name, p.hours);
  return known;
}

export function draftToCalendar(draft: CalendarDraft, id: string): CalendarRecord {
  const weekly: CalendarRecord['weekly'] = {};
  for (const day of WEEKDAYS) {
    const list = draft.weekly[day];
    if (list.length > 0) weekly[day] = list.map(({ start, end }) => [start.trim(), end.trim()]);
  }
  const holidays: CalendarRecord['holidays'] = [];
  const yearlyHolidays: CalendarRecord['yearlyHolidays'] = [];
  for (const row of draft.holidays) {
    const hours = parseHoursText(row.hours);
    const item = {
      date: row.date.trim(),
      ...(row.name.trim() ? { name: row.name.trim() } : {}),
      ...(hours.length > 0 ? { hours } : {}),
    };
    (isYearly(row.date) ? yearlyHolidays : holidays).push(item);
  }
  return { id, name: draft.name, timeZone: draft.timeZone, weekly, holidays, yearlyHolidays };
}

/** Adds imported holidays whose date is not listed yet; says how many were added and how many were there. */
export function mergeHolidays(rows: HolidayRow[], imported: { date: string; name: string }[]): { rows: HolidayRow[]; added: number; present: number } {
  const seen = new Set(rows.map((r) => r.date.trim()));
  const next = [...rows];
  let added = 0;
  let present = 0;
  for (const h of imported) {
    if (seen.has(h.date)) {
      present += 1;
      continue;
    }
    seen.add(h.date);
    next.push({ date: h.date, name: h.name, hours: '' });
    added += 1;
  }
  next.sort((a, b) => sortKey(a.date).localeCompare(sortKey(b.date)));
  return { rows: next, added, present };
}

/** Dated holidays first in date order, then yearly ones by month and day. */
function sortKey(date: string): string {
  return isYearly(date) ? `z${date}` : date;
}

export function weeklyHours(record: CalendarRecord): number {
  let minutes = 0;
  for (const day of WEEKDAYS) {
    for (const [s, e] of record.weekly[day] ?? []) minutes += clockMinutes(e) - clockMinutes(s);
  }
  return minutes / 60;
}

function clockMinutes(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}
