// The laws of business-time arithmetic on random calendars (zones with DST, odd offsets, holidays), and
// agreement with a naive minute-stepping reference.
import fc from 'fast-check';
import {
  addBusinessTime,
  businessTimeBetween,
  isBusinessTime,
  nextBusinessMoment,
  subtractBusinessTime,
} from '../../../src/domain/calendar';
import { ZoneOffsets } from '../../../src/domain/calendar/zone';
import { DAY, MINUTE, pauseOffsets, pausesFrom, world, ZONES } from './support/arbitraries';
import { naiveAddMinutes, naiveBetweenMinutes, naiveIsWorking, naiveNextWorking } from './support/naive-reference';

const RUNS = { numRuns: 200 };
/** Any millisecond within a few days of the origin. */
const offsetMs = fc.integer({ min: -3 * DAY, max: 5 * DAY });
const durationMs = fc.oneof(fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: 600 }).map((m) => m * MINUTE));

describe('business-time laws', () => {
  it('between(a, add(a, d)) == d', () => {
    fc.assert(
      fc.property(world, offsetMs, durationMs, ({ calendar, origin }, off, d) => {
        const a = origin + off;
        const end = addBusinessTime(calendar, a, d);
        if (end === null) return;
        expect(end).toBeGreaterThanOrEqual(a);
        expect(businessTimeBetween(calendar, a, end)).toBe(d);
      }),
      RUNS,
    );
  });

  it('subtract inverts add: subtract(add(a, d), d) is a for working a, else the next opening', () => {
    fc.assert(
      fc.property(world, offsetMs, durationMs, ({ calendar, origin }, off, d) => {
        const a = origin + off;
        const end = addBusinessTime(calendar, a, d);
        if (end === null || d === 0) return;
        const back = subtractBusinessTime(calendar, end, d);
        expect(back).toBe(nextBusinessMoment(calendar, a));
        if (isBusinessTime(calendar, a)) expect(back).toBe(a);
      }),
      RUNS,
    );
  });

  it('add inverts subtract up to closed time: between(subtract(b, d), b) == d and add lands where no work remains before b', () => {
    fc.assert(
      fc.property(world, offsetMs, durationMs, ({ calendar, origin }, off, d) => {
        const b = origin + off;
        const start = subtractBusinessTime(calendar, b, d);
        if (start === null) return;
        expect(start).toBeLessThanOrEqual(b);
        expect(businessTimeBetween(calendar, start, b)).toBe(d);
        const again = addBusinessTime(calendar, start, d);
        expect(again).not.toBeNull();
        expect(again as number).toBeLessThanOrEqual(b);
        expect(businessTimeBetween(calendar, again as number, b)).toBe(0);
      }),
      RUNS,
    );
  });

  it('results are monotonic in the amount', () => {
    fc.assert(
      fc.property(world, offsetMs, durationMs, durationMs, ({ calendar, origin }, off, d1, d2) => {
        const a = origin + off;
        const [small, large] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const addSmall = addBusinessTime(calendar, a, small);
        const addLarge = addBusinessTime(calendar, a, large);
        if (addSmall !== null && addLarge !== null) expect(addSmall).toBeLessThanOrEqual(addLarge);
        if (addSmall === null) expect(addLarge).toBeNull();
        const subSmall = subtractBusinessTime(calendar, a, small);
        const subLarge = subtractBusinessTime(calendar, a, large);
        if (subSmall !== null && subLarge !== null) expect(subSmall).toBeGreaterThanOrEqual(subLarge);
        expect(businessTimeBetween(calendar, a, a + small)).toBeLessThanOrEqual(businessTimeBetween(calendar, a, a + large));
      }),
      RUNS,
    );
  });

  it('between is additive and antisymmetric', () => {
    fc.assert(
      fc.property(world, offsetMs, offsetMs, offsetMs, ({ calendar, origin }, x, y, z) => {
        const [a, b, c] = [origin + x, origin + y, origin + z];
        expect(businessTimeBetween(calendar, a, c)).toBe(businessTimeBetween(calendar, a, b) + businessTimeBetween(calendar, b, c));
        const back = businessTimeBetween(calendar, b, a);
        expect(back + businessTimeBetween(calendar, a, b)).toBe(0);
        expect(Object.is(back, -0)).toBe(false);
      }),
      RUNS,
    );
  });

  it('pauses never add time', () => {
    fc.assert(
      fc.property(world, offsetMs, durationMs, pauseOffsets, ({ calendar, origin }, off, d, offsets) => {
        const a = origin + off;
        const pauses = pausesFrom(origin, offsets);
        const b = a + d;
        const plain = businessTimeBetween(calendar, a, b);
        const paused = businessTimeBetween(calendar, a, b, pauses);
        expect(paused).toBeLessThanOrEqual(plain);
        expect(paused).toBeGreaterThanOrEqual(0);
        const due = addBusinessTime(calendar, a, d);
        const duePaused = addBusinessTime(calendar, a, d, pauses);
        if (due !== null && duePaused !== null) {
          expect(duePaused).toBeGreaterThanOrEqual(due);
          expect(businessTimeBetween(calendar, a, duePaused, pauses)).toBe(d);
        }
        const back = subtractBusinessTime(calendar, b, d, pauses);
        if (back !== null) {
          expect(back).toBeLessThanOrEqual(subtractBusinessTime(calendar, b, d) ?? Infinity);
          expect(businessTimeBetween(calendar, back, b, pauses)).toBe(d);
        }
      }),
      RUNS,
    );
  });
});

describe('agreement with a naive minute-stepping reference', () => {
  const minuteOffset = fc.integer({ min: -3 * 1440, max: 4 * 1440 });

  it('between, add, nextBusinessMoment and isBusinessTime', () => {
    fc.assert(
      fc.property(
        world,
        minuteOffset,
        fc.integer({ min: 0, max: 3 * 1440 }),
        fc.integer({ min: 0, max: 900 }),
        pauseOffsets,
        ({ calendar, origin }, off, span, d, offsets) => {
          const a = origin + off * MINUTE;
          const pauses = pausesFrom(origin, offsets);
          expect(isBusinessTime(calendar, a)).toBe(naiveIsWorking(calendar, a));
          expect(businessTimeBetween(calendar, a, a + span * MINUTE, pauses)).toBe(naiveBetweenMinutes(calendar, a, a + span * MINUTE, pauses) * MINUTE);
          const naiveDue = naiveAddMinutes(calendar, a, d, pauses, 8);
          if (naiveDue !== null) expect(addBusinessTime(calendar, a, d * MINUTE, pauses)).toBe(naiveDue);
          const naiveNext = naiveNextWorking(calendar, a, 8);
          if (naiveNext !== null) expect(nextBusinessMoment(calendar, a)).toBe(naiveNext);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('zone offsets', () => {
  it('agree with Intl at random instants, including right at transitions', () => {
    const f = new Map<string, Intl.DateTimeFormat>();
    const intlOffset = (zone: string, t: number): number => {
      let fmt = f.get(zone);
      if (!fmt) {
        fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
        f.set(zone, fmt);
      }
      const name = fmt.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
      const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
      return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * MINUTE : 0;
    };
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), (zone, t) => {
        const offsets = new ZoneOffsets(zone);
        expect(offsets.offsetAt(t)).toBe(intlOffset(zone, t));
        // The instants just before and at each transition near t.
        for (const seg of offsets.segments(t - 200 * DAY, t + 200 * DAY)) {
          expect(offsets.offsetAt(seg.start)).toBe(intlOffset(zone, seg.start));
          expect(offsets.offsetAt(seg.start - 1000)).toBe(intlOffset(zone, seg.start - 1000));
        }
      }),
      { numRuns: 60 },
    );
  });
});
