// Public holidays of the demo regions, checked against published calendars for known years.

import { easterSunday, holidaysInYear } from '../../local/demo/holidays';

const dates = (rule: Parameters<typeof holidaysInYear>[0], year: number) => holidaysInYear(rule, year).map((h) => h.date);
const named = (rule: Parameters<typeof holidaysInYear>[0], year: number, name: string) =>
  holidaysInYear(rule, year).find((h) => h.name.startsWith(name))?.date;

describe('holidays', () => {
  it('computes Easter Sunday', () => {
    expect([2024, 2025, 2026, 2027, 2038].map((y) => easterSunday(y))).toEqual([
      { y: 2024, m: 3, d: 31 },
      { y: 2025, m: 4, d: 20 },
      { y: 2026, m: 4, d: 5 },
      { y: 2027, m: 3, d: 28 },
      { y: 2038, m: 4, d: 25 },
    ]);
  });

  it('gives Zurich its ten holidays and Bern the same without Labour Day', () => {
    expect(dates('CH-ZH', 2026)).toEqual([
      '2026-01-01', '2026-01-02', '2026-04-03', '2026-04-06', '2026-05-01',
      '2026-05-14', '2026-05-25', '2026-08-01', '2026-12-25', '2026-12-26',
    ]);
    expect(dates('CH-BE', 2026)).toEqual(dates('CH-ZH', 2026).filter((d) => d !== '2026-05-01'));
  });

  it('observes US federal holidays on the nearest weekday and keeps retail to the major ones', () => {
    expect(named('US-FED', 2026, 'Independence')).toBe('2026-07-03'); // 4 July 2026 is a Saturday
    expect(named('US-FED', 2026, 'Thanksgiving')).toBe('2026-11-26');
    expect(named('US-FED', 2026, 'Martin Luther King')).toBe('2026-01-19');
    expect(named('US-FED', 2026, 'Memorial')).toBe('2026-05-25');
    expect(named('US-FED', 2027, 'Christmas')).toBe('2027-12-24'); // Saturday -> Friday
    // New Year's Day 2028 is a Saturday: observed on Friday 31 December 2027, besides 1 January 2027 itself.
    expect(holidaysInYear('US-FED', 2027).filter((h) => h.name === "New Year's Day").map((h) => h.date)).toEqual(['2027-01-01', '2027-12-31']);
    expect(dates('US-FED', 2026)).toHaveLength(11);
    expect(holidaysInYear('US-RETAIL', 2026).map((h) => h.name)).toEqual([
      "New Year's Day", 'Memorial Day', 'Independence Day', 'Labor Day', 'Thanksgiving Day', 'Christmas Day',
    ]);
  });

  it('uses the published Indian gazetted dates and adds state days, merging two holidays on one date', () => {
    expect(named('IN-MH', 2026, 'Diwali')).toBe('2026-11-08');
    expect(named('IN-MH', 2025, 'Id-ul-Fitr')).toBe('2025-03-31');
    expect(named('IN-KA', 2026, 'Karnataka Rajyotsava')).toBe('2026-11-01');
    expect(named('IN-MH', 2026, 'Karnataka Rajyotsava')).toBeUndefined();
    const mayFirst = holidaysInYear('IN-MH', 2026).filter((h) => h.date === '2026-05-01');
    expect(mayFirst).toEqual([{ date: '2026-05-01', name: 'Buddha Purnima / Maharashtra Day' }]);
    // Years without a published list keep the fixed-date national holidays.
    expect(dates('IN-MH', 2030)).toEqual(expect.arrayContaining(['2030-01-26', '2030-08-15', '2030-10-02', '2030-12-25']));
  });

  it('returns each year sorted, without duplicates', () => {
    for (const rule of ['CH-ZH', 'CH-BE', 'US-FED', 'US-RETAIL', 'IN-MH', 'IN-KA'] as const) {
      for (const year of [2025, 2026, 2027]) {
        const list = dates(rule, year);
        expect(list).toEqual([...new Set(list)].sort());
        expect(list.every((d) => d.startsWith(String(year)))).toBe(true);
      }
    }
  });
});
