// The generator's working-time helper and time formatting: DST days, a +05:30 zone, half-open intervals.

import { WorkCalendar } from '../../local/demo/calendar';
import { formatInstant, localToInstant, minusMonthsUtc } from '../../local/demo/time';
import { apportion, mulberry32 } from '../../local/demo/rng';
import { apportionCapped } from '../../local/demo/worklogs';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const nineToFive = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 };

describe('WorkCalendar', () => {
  const from = at('2026-03-20T00:00:00Z');
  const to = at('2026-04-10T00:00:00Z');
  const zurich = WorkCalendar.weekly('Europe/Zurich', nineToFive, new Set(['2026-04-03', '2026-04-06']), from, to);

  it('follows the zone across a DST change (Zurich moves to UTC+2 on 29 March 2026)', () => {
    expect(zurich.next(at('2026-03-27T07:00:00Z'))).toBe(at('2026-03-27T08:00:00Z')); // 09:00 CET
    expect(zurich.next(at('2026-03-30T06:00:00Z'))).toBe(at('2026-03-30T07:00:00Z')); // 09:00 CEST
  });

  it('adds working time over nights, weekends and holidays, landing on an interval end exactly', () => {
    // Friday 16:00 CET + 1h = 17:00 that Friday, not Monday morning.
    expect(zurich.add(at('2026-03-27T15:00:00Z'), H)).toBe(at('2026-03-27T16:00:00Z'));
    // Thursday 2 April 16:00 + 2h skips Good Friday, the weekend and Easter Monday: Tuesday 10:00.
    expect(zurich.add(at('2026-04-02T14:00:00Z'), 2 * H)).toBe(at('2026-04-07T08:00:00Z'));
    expect(zurich.workingBetween(at('2026-04-02T14:00:00Z'), at('2026-04-07T08:00:00Z'))).toBe(2 * H);
    expect(zurich.isWorking(at('2026-03-27T16:00:00Z'))).toBe(false); // 17:00 is the end, half-open
  });

  it('handles a +05:30 zone and picks random moments only in working time', () => {
    const kolkata = WorkCalendar.weekly('Asia/Kolkata', nineToFive, new Set(), from, to);
    expect(kolkata.next(at('2026-03-23T00:00:00Z'))).toBe(at('2026-03-23T03:30:00Z'));
    const rng = mulberry32(1);
    for (let i = 0; i < 200; i++) {
      const t = kolkata.randomIn(rng(), from, to);
      expect(kolkata.isWorking(t)).toBe(true);
    }
    expect(Number.isNaN(kolkata.randomIn(0.5, at('2026-03-21T00:00:00Z'), at('2026-03-22T00:00:00Z')))).toBe(true); // Saturday
  });

  it('answers Infinity past its range instead of inventing times', () => {
    expect(zurich.add(at('2026-04-09T08:00:00Z'), 100 * H)).toBe(Infinity);
    expect(zurich.next(to + H)).toBe(Infinity);
  });
});

describe('time helpers', () => {
  it('writes instants with the zone offset, including +05:30 and both sides of a DST change', () => {
    expect(formatInstant('Asia/Kolkata', at('2026-03-31T18:00:00Z'))).toBe('2026-03-31T23:30:00.000+05:30');
    expect(formatInstant('Europe/Zurich', at('2026-03-29T00:30:00Z'))).toBe('2026-03-29T01:30:00.000+01:00');
    expect(formatInstant('Europe/Zurich', at('2026-03-29T01:30:00Z'))).toBe('2026-03-29T03:30:00.000+02:00');
    expect(formatInstant('America/New_York', at('2026-11-01T06:00:07.045Z'))).toBe('2026-11-01T01:00:07.045-05:00');
    expect(localToInstant('America/New_York', { y: 2026, m: 3, d: 31 }, 23 * 60 + 30)).toBe(at('2026-04-01T03:30:00Z'));
  });

  it('steps back whole months, clamping the day', () => {
    expect(new Date(minusMonthsUtc(at('2026-05-31T10:00:00Z'), 3)).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(new Date(minusMonthsUtc(at('2026-01-15T10:00:00Z'), 3)).toISOString()).toBe('2025-10-15T10:00:00.000Z');
  });

  it('apportions a total exactly by weight', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 2, 5])).toEqual([0, 2, 5]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
    const shares = apportion(200_000, Array.from({ length: 999 }, (_, i) => (i % 7) + 0.3));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(200_000);
  });

  it('apportions within caps, passing the excess to those with room, and past them only when it must', () => {
    expect(apportionCapped(10, [8, 1, 1], [3, 10, 10])).toEqual([3, 4, 3]);
    const capped = apportionCapped(1000, [5, 1, 1, 1], [100, 400, 400, 400]);
    expect(capped.reduce((a, b) => a + b, 0)).toBe(1000);
    capped.forEach((q, i) => expect(q).toBeLessThanOrEqual([100, 400, 400, 400][i] ?? 0));
    // Caps hold 6 in all: the other 4 are shared by weight.
    expect(apportionCapped(10, [1, 1, 1], [2, 2, 2])).toEqual([4, 3, 3]);
  });
});
