// Real public holidays for the demo customers' and offices' regions. Fixed-date and Easter-based holidays are
// computed for any year; India's lunar-calendar holidays come from the Government of India's published gazetted
// lists, which exist only year by year (2025 and 2026 here). Other years get India's fixed-date holidays only.

import { addDays, isoDate, type LocalDate, weekdayOf } from './time';

export type HolidayRule = 'CH-ZH' | 'CH-BE' | 'US-FED' | 'US-RETAIL' | 'IN-MH' | 'IN-KA';

export interface Holiday {
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
  name: string;
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y: year, m: month, d: day };
}

/** The n-th given ISO weekday of a month (n = -1: the last). */
function nthWeekday(year: number, month: number, weekday: number, n: number): LocalDate {
  if (n > 0) {
    const first = { y: year, m: month, d: 1 };
    const shift = (weekday - weekdayOf(first) + 7) % 7;
    return addDays(first, shift + 7 * (n - 1));
  }
  const last = addDays({ y: year, m: month + 1, d: 1 }, -1);
  const back = (weekdayOf(last) - weekday + 7) % 7;
  return addDays(last, -back);
}

/** US federal rule: a Saturday holiday is observed on Friday, a Sunday one on Monday. */
function observed(date: LocalDate): LocalDate {
  const wd = weekdayOf(date);
  return wd === 6 ? addDays(date, -1) : wd === 7 ? addDays(date, 1) : date;
}

function swiss(year: number, withLabourDay: boolean): [LocalDate, string][] {
  const easter = easterSunday(year);
  const list: [LocalDate, string][] = [
    [{ y: year, m: 1, d: 1 }, "New Year's Day"],
    [{ y: year, m: 1, d: 2 }, "Berchtold's Day"],
    [addDays(easter, -2), 'Good Friday'],
    [addDays(easter, 1), 'Easter Monday'],
    [addDays(easter, 39), 'Ascension Day'],
    [addDays(easter, 50), 'Whit Monday'],
    [{ y: year, m: 8, d: 1 }, 'Swiss National Day'],
    [{ y: year, m: 12, d: 25 }, 'Christmas Day'],
    [{ y: year, m: 12, d: 26 }, "St. Stephen's Day"],
  ];
  if (withLabourDay) list.push([{ y: year, m: 5, d: 1 }, 'Labour Day']);
  return list;
}

function unitedStates(year: number, retailOnly: boolean): [LocalDate, string][] {
  const fixed = (y: number, m: number, d: number, name: string): [LocalDate, string] => [observed({ y, m, d }), name];
  const all: [LocalDate, string, boolean][] = [
    // Next year's 1 January can be observed on 31 December of this year.
    [...fixed(year + 1, 1, 1, "New Year's Day"), true],
    [...fixed(year, 1, 1, "New Year's Day"), true],
    [nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day', false],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday", false],
    [nthWeekday(year, 5, 1, -1), 'Memorial Day', true],
    [...fixed(year, 6, 19, 'Juneteenth National Independence Day'), false],
    [...fixed(year, 7, 4, 'Independence Day'), true],
    [nthWeekday(year, 9, 1, 1), 'Labor Day', true],
    [nthWeekday(year, 10, 1, 2), 'Columbus Day', false],
    [...fixed(year, 11, 11, 'Veterans Day'), false],
    [nthWeekday(year, 11, 4, 4), 'Thanksgiving Day', true],
    [...fixed(year, 12, 25, 'Christmas Day'), true],
  ];
  return all.filter(([, , retail]) => !retailOnly || retail).map(([date, name]) => [date, name]);
}

/** Gazetted (compulsory) central-government holidays with lunar dates, plus Holi, as published per year. */
const INDIA_LUNAR: Record<number, [string, string][]> = {
  2025: [
    ['03-14', 'Holi'],
    ['03-31', 'Id-ul-Fitr'],
    ['04-10', 'Mahavir Jayanti'],
    ['05-12', 'Buddha Purnima'],
    ['06-07', 'Id-ul-Zuha (Bakrid)'],
    ['07-06', 'Muharram'],
    ['09-05', 'Milad-un-Nabi'],
    ['10-02', 'Dussehra'],
    ['10-20', 'Diwali'],
    ['11-05', "Guru Nanak's Birthday"],
  ],
  2026: [
    ['03-04', 'Holi'],
    ['03-21', 'Id-ul-Fitr'],
    ['03-31', 'Mahavir Jayanti'],
    ['05-01', 'Buddha Purnima'],
    ['05-27', 'Id-ul-Zuha (Bakrid)'],
    ['06-26', 'Muharram'],
    ['08-26', 'Milad-un-Nabi'],
    ['10-20', 'Dussehra'],
    ['11-08', 'Diwali'],
    ['11-24', "Guru Nanak's Birthday"],
  ],
};

function india(year: number, state: 'MH' | 'KA'): [LocalDate, string][] {
  const list: [LocalDate, string][] = [
    [{ y: year, m: 1, d: 26 }, 'Republic Day'],
    [addDays(easterSunday(year), -2), 'Good Friday'],
    [{ y: year, m: 8, d: 15 }, 'Independence Day'],
    [{ y: year, m: 10, d: 2 }, "Mahatma Gandhi's Birthday"],
    [{ y: year, m: 12, d: 25 }, 'Christmas Day'],
  ];
  for (const [mmdd, name] of INDIA_LUNAR[year] ?? []) {
    list.push([{ y: year, m: Number(mmdd.slice(0, 2)), d: Number(mmdd.slice(3)) }, name]);
  }
  if (state === 'MH') list.push([{ y: year, m: 5, d: 1 }, 'Maharashtra Day']);
  else list.push([{ y: year, m: 5, d: 1 }, 'May Day'], [{ y: year, m: 11, d: 1 }, 'Karnataka Rajyotsava']);
  return list;
}

/** The rule's holidays in `year`, sorted by date; two holidays on one date are merged into one entry. */
export function holidaysInYear(rule: HolidayRule, year: number): Holiday[] {
  const raw =
    rule === 'CH-ZH' ? swiss(year, true)
    : rule === 'CH-BE' ? swiss(year, false)
    : rule === 'US-FED' ? unitedStates(year, false)
    : rule === 'US-RETAIL' ? unitedStates(year, true)
    : rule === 'IN-MH' ? india(year, 'MH')
    : india(year, 'KA');
  const byDate = new Map<string, string[]>();
  for (const [date, name] of raw) {
    if (date.y !== year) continue;
    const key = isoDate(date);
    const names = byDate.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    byDate.set(key, names);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, names]) => ({ date, name: names.join(' / ') }));
}

/** Holidays of every year from `fromYear` to `toYear`, inclusive. */
export function holidaysInYears(rule: HolidayRule, fromYear: number, toYear: number): Holiday[] {
  const out: Holiday[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push(...holidaysInYear(rule, y));
  return out;
}
