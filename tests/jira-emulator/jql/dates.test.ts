// Date clauses: absolute and relative values, the startOf/endOf functions with increments, and how the searching
// user's time zone moves day, week, month and year boundaries (including daylight-saving days).
import { dateFromFunction, dateFromLiteral } from '../../../local/jira/jql/dates';
import { fromWallTime, toWallTime } from '../../../local/jira/jql/zoned-time';
import { ALL_KEYS, context, matchingKeys, NOW, sorted } from './fixtures';

const UNRESOLVED = ['OPS-1', 'OPS-2', 'SUP-1', 'SUP-2', 'SUP-10', 'SUP-11'];
const NOVEMBER_BERLIN = ['SUP-2', 'SUP-3', 'SUP-10', 'SUP-11', 'OPS-1', 'OPS-2'];

describe('date clauses in Europe/Berlin (now: Wed 2026-11-18 12:00 local)', () => {
  const table: [string, string[]][] = [
    ['created >= startOfMonth()', NOVEMBER_BERLIN],
    // A date alone is local midnight, and = matches that instant only (as in Jira).
    ['created = "2026-11-01"', ['SUP-3']],
    ['created >= "2026-11-01" and created < "2026-11-02"', ['SUP-2', 'SUP-3']],
    ['created < "2026-11-01"', ['SUP-1', 'SUP-9']],
    ['created <= "2026-11-01"', ['SUP-1', 'SUP-3', 'SUP-9']],
    ['created >= "2026/11/01 00:30"', ['SUP-2', 'SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['created > "2026-11-01 00:30"', ['SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['created = "2026-11-01 00:30"', ['SUP-2']],
    ['created != "2026-11-01"', ALL_KEYS.filter((k) => k !== 'SUP-3')],
    ['created in ("2026-11-01", "2026-11-01 00:30")', ['SUP-2', 'SUP-3']],
    ['created not in ("2026-11-01")', ALL_KEYS.filter((k) => k !== 'SUP-3')],
    ['created >= 2026-11-01', NOVEMBER_BERLIN],
    // Relative periods: w = 7 d, d = 24 h, h, m, combined, with or without spaces
    ['created >= -1d', ['SUP-11', 'OPS-1', 'OPS-2']],
    ['created >= -3d', ['SUP-11', 'OPS-1', 'OPS-2']],
    ['created >= "-3d 2h"', ['SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['created > -1w2d', ['SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['created >= -5h', ['SUP-11', 'OPS-1']],
    ['created >= "-300m"', ['SUP-11', 'OPS-1']],
    ['created < "-4w 2d"', ['SUP-1', 'SUP-9']],
    ['created < 1d', ALL_KEYS],
    // Functions
    ['created >= startOfDay()', ['SUP-11', 'OPS-1', 'OPS-2']],
    ['created >= startOfWeek()', ['SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['created >= startOfMonth(-1) and created <= endOfMonth(-1)', ['SUP-1']],
    ['created >= startOfMonth("+14d")', ['SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['created >= startOfYear("+10M")', NOVEMBER_BERLIN],
    ['created < endOfWeek() and created > startOfWeek(-1)', ['SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['created > endOfYear(-1) and created < startOfYear(1)', ALL_KEYS],
    ['updated >= startOfDay("-2h")', ['SUP-2', 'SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['updated > startOfDay(-1)', ['SUP-1', 'SUP-2', 'SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['updated < endOfDay("-1d")', ['SUP-1', 'SUP-3', 'SUP-9']],
    ['created > now()', []],
    ['updated <= now()', ALL_KEYS],
    ['updatedDate >= "2026-11-18 09:00"', ['OPS-2', 'SUP-2', 'SUP-10']],
    ['createdDate >= startOfMonth()', NOVEMBER_BERLIN],
    // resolved / resolutiondate: empty when unresolved, and comparisons never match an empty date
    ['resolved >= startOfYear()', ['SUP-3', 'SUP-9']],
    ['resolved <= endOfYear(-1)', []],
    ['resolved > "2026-10-01"', ['SUP-3']],
    ['resolved is empty', UNRESOLVED],
    ['resolved = EMPTY', UNRESOLVED],
    ['resolved is not empty', ['SUP-3', 'SUP-9']],
    ['resolved != "2026-11-02 17:00"', ['SUP-9']],
    ['resolutiondate = "2026-11-02 17:00"', ['SUP-3']],
    [`created >= ${Date.parse('2026-11-18T06:00:00Z')}`, ['SUP-11', 'OPS-1']],
  ];
  test.each(table)('%s', (jql, expected) => {
    expect(matchingKeys(jql)).toEqual(sorted(expected));
  });
});

describe('the searching user\'s time zone moves the boundaries', () => {
  const table: [string, string, string[]][] = [
    // 1 November 00:00 in New York is 04:00 UTC: the Berlin-November issues created before that are October there.
    ['America/New_York', 'created >= startOfMonth()', ['SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['America/New_York', 'created >= "2026-11-01"', ['SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['America/New_York', 'created >= startOfMonth(-1) and created <= endOfMonth(-1)', ['SUP-1', 'SUP-2', 'SUP-3']],
    ['America/New_York', 'created >= startOfDay()', ['SUP-11', 'OPS-1']],
    // In Auckland (UTC+13) it is already 00:00 on 19 November.
    ['Pacific/Auckland', 'created >= startOfDay()', []],
    ['Pacific/Auckland', 'updated >= startOfDay(-1)', ['SUP-2', 'SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
    ['Asia/Kolkata', 'created >= startOfDay()', ['SUP-11', 'OPS-1', 'OPS-2']],
    ['UTC', 'created >= startOfMonth()', ['SUP-10', 'SUP-11', 'OPS-1', 'OPS-2']],
  ];
  test.each(table)('%s: %s', (timeZone, jql, expected) => {
    expect(matchingKeys(jql, context({ timeZone }))).toEqual(sorted(expected));
  });

  test('a week that starts on Monday leaves out Sunday', () => {
    expect(matchingKeys('created >= startOfWeek()', context({ weekStart: 'monday' }))).toEqual(sorted(['SUP-11', 'OPS-1', 'OPS-2']));
  });
});

describe('date functions resolve to exact instants', () => {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const at = (name: string, args: string[], overrides = {}): string => {
    const r = dateFromFunction(name, args, context(overrides));
    if (!r.ok) throw new Error(r.message);
    return iso(r.instant);
  };
  const berlin: [string, string[], string][] = [
    ['now', [], '2026-11-18T11:00:00.000Z'],
    ['startOfDay', [], '2026-11-17T23:00:00.000Z'],
    ['endOfDay', [], '2026-11-18T22:59:59.999Z'],
    ['startOfWeek', [], '2026-11-14T23:00:00.000Z'],
    ['endOfWeek', [], '2026-11-21T22:59:59.999Z'],
    ['startOfMonth', [], '2026-10-31T23:00:00.000Z'],
    ['endOfMonth', [], '2026-11-30T22:59:59.999Z'],
    ['startOfYear', [], '2025-12-31T23:00:00.000Z'],
    ['endOfYear', [], '2026-12-31T22:59:59.999Z'],
    // Increments in the function's own unit move the period (October is still summer time in Berlin).
    ['startOfMonth', ['-1'], '2026-09-30T22:00:00.000Z'],
    ['endOfMonth', ['-1'], '2026-10-31T22:59:59.999Z'],
    ['endOfMonth', ['-1M'], '2026-10-31T22:59:59.999Z'],
    ['startOfMonth', ['1'], '2026-11-30T23:00:00.000Z'],
    ['endOfMonth', ['-9'], '2026-02-28T22:59:59.999Z'],
    ['startOfDay', ['-3d'], '2026-11-14T23:00:00.000Z'],
    ['startOfDay', ['-3'], '2026-11-14T23:00:00.000Z'],
    ['startOfDay', ['+1'], '2026-11-18T23:00:00.000Z'],
    ['startOfWeek', ['1'], '2026-11-21T23:00:00.000Z'],
    ['startOfYear', ['-1y'], '2024-12-31T23:00:00.000Z'],
    // Other units are added to the boundary.
    ['startOfWeek', ['+1d'], '2026-11-15T23:00:00.000Z'],
    ['startOfMonth', ['+14d'], '2026-11-14T23:00:00.000Z'],
    ['startOfYear', ['+10M'], '2026-10-31T23:00:00.000Z'],
    ['endOfDay', ['+2h'], '2026-11-19T00:59:59.999Z'],
    ['startOfDay', ['-30m'], '2026-11-17T22:30:00.000Z'],
    ['STARTOFDAY', [], '2026-11-17T23:00:00.000Z'],
  ];
  test.each(berlin)('%s(%j) in Berlin', (name, args, expected) => {
    expect(at(name, args)).toBe(expected);
  });

  test('month boundaries at the end of March (short February, summer time starting)', () => {
    const now = Date.parse('2026-03-31T10:00:00Z');
    expect(at('startOfMonth', ['-1'], { now })).toBe('2026-01-31T23:00:00.000Z');
    expect(at('endOfMonth', ['-1'], { now })).toBe('2026-02-28T22:59:59.999Z');
    expect(at('startOfDay', [], { now })).toBe('2026-03-30T22:00:00.000Z');
    expect(at('startOfMonth', [], { now })).toBe('2026-02-28T23:00:00.000Z');
  });

  test('the day clocks go forward has 23 hours', () => {
    const now = Date.parse('2026-03-29T12:00:00Z');
    expect(at('startOfDay', [], { now })).toBe('2026-03-28T23:00:00.000Z');
    expect(at('endOfDay', [], { now })).toBe('2026-03-29T21:59:59.999Z');
    expect(at('startOfDay', ['1'], { now })).toBe('2026-03-29T22:00:00.000Z');
  });

  test('weeks starting on Monday', () => {
    expect(at('startOfWeek', [], { weekStart: 'monday' })).toBe('2026-11-15T23:00:00.000Z');
    expect(at('endOfWeek', [], { weekStart: 'monday' })).toBe('2026-11-22T22:59:59.999Z');
  });

  test('New York: the month starts in summer time, the day in winter time', () => {
    expect(at('startOfMonth', [], { timeZone: 'America/New_York' })).toBe('2026-11-01T04:00:00.000Z');
    expect(at('endOfMonth', ['-1'], { timeZone: 'America/New_York' })).toBe('2026-11-01T03:59:59.999Z');
    expect(at('startOfDay', [], { timeZone: 'America/New_York' })).toBe('2026-11-18T05:00:00.000Z');
  });
});

describe('date literals', () => {
  const instant = (value: string, overrides = {}): number => {
    const r = dateFromLiteral(value, 'created', context(overrides));
    if (!r.ok) throw new Error(r.message);
    return r.instant;
  };

  test('relative periods are fixed lengths, also across a daylight-saving change', () => {
    const now = Date.parse('2026-03-29T12:00:00Z');
    expect(instant('-1d', { now })).toBe(now - 86_400_000);
    expect(instant('-1w2d', { now })).toBe(now - 9 * 86_400_000);
    expect(instant('4w 2d', { now })).toBe(now + 30 * 86_400_000);
    expect(instant('-4h', {})).toBe(NOW - 4 * 3_600_000);
    expect(instant('-30m', {})).toBe(NOW - 30 * 60_000);
  });

  test('a local time skipped by the spring change moves forward by the gap', () => {
    expect(new Date(instant('2026-03-29 02:30')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  test('a local time repeated by the autumn change means its first occurrence', () => {
    expect(new Date(instant('2026-10-25 02:30')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  test('single-digit months and days are accepted', () => {
    expect(instant('2026/3/5')).toBe(Date.parse('2026-03-04T23:00:00Z'));
  });
});

describe('zoned time', () => {
  test('wall time round-trips through instants in zones with odd offsets', () => {
    for (const timeZone of ['Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham']) {
      const wall = toWallTime(NOW, timeZone);
      expect(fromWallTime(wall, timeZone)).toBe(NOW);
    }
  });

  test('the second 02:30 of the autumn change reads as 02:30', () => {
    const wall = toWallTime(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin');
    expect([wall.day, wall.hour, wall.minute]).toEqual([25, 2, 30]);
  });
});
