// fast-check generators for random calendars, instants near daylight-saving changes, pauses and timelines.
import fc from 'fast-check';
import type { Calendar, WorkingInterval } from '../../../../src/domain/calendar';
import type { Policy, StatusCategory, TimelineEvent } from '../../../../src/domain/sla';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Zones with DST, half- and quarter-hour offsets, 30-minute DST shifts and midnight transitions. */
export const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/Zurich',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'America/Havana',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Africa/Casablanca',
] as const;

/** Days around 2026's clock changes in those zones, so random windows often cross one. */
const ANCHORS = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01', '2026-11-16'].map(
  (d) => Date.parse(`${d}T00:00:00Z`),
);

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 0-3 disjoint intervals on a 5-minute grid, `24:00` allowed as an end. */
export const dayHours: fc.Arbitrary<WorkingInterval[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 288 }), { minLength: 0, maxLength: 6 })
  .map((points) => {
    const sorted = points.map((p) => p * 5).sort((a, b) => a - b);
    const out: WorkingInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push([clock(sorted[i] as number), clock(sorted[i + 1] as number)]);
    return out;
  });

const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);

export interface World {
  calendar: Calendar;
  /** A minute-aligned instant near a clock change. */
  origin: number;
}

/** A random calendar plus an origin instant; holidays fall around the origin. */
export const world: fc.Arbitrary<World> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    anchor: fc.constantFrom(...ANCHORS),
    shiftMinutes: fc.integer({ min: -4 * 1440, max: 2 * 1440 }),
    week: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
    closedDays: fc.integer({ min: 0, max: 6 }),
    holidays: fc.uniqueArray(fc.record({ day: fc.integer({ min: -6, max: 8 }), hours: fc.option(dayHours, { nil: undefined }) }), {
      maxLength: 3,
      selector: (h) => h.day,
    }),
    yearly: fc.option(fc.record({ day: fc.integer({ min: -6, max: 8 }), hours: fc.option(dayHours, { nil: undefined }) }), { nil: undefined }),
  })
  .map(({ zone, anchor, shiftMinutes, week, closedDays, holidays, yearly }) => {
    const keys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
    const weekly: Calendar['weekly'] = {};
    keys.forEach((k, i) => {
      // Close some days entirely so weekends-like gaps are common.
      if (i >= closedDays || i === 0) weekly[k] = week[i] ?? [];
    });
    const calendar: Calendar = {
      timeZone: zone,
      weekly,
      holidays: holidays.map((h) => ({ date: isoDay(anchor + h.day * DAY), ...(h.hours ? { hours: h.hours } : {}) })),
      yearlyHolidays: yearly ? [{ date: isoDay(anchor + yearly.day * DAY).slice(5), ...(yearly.hours ? { hours: yearly.hours } : {}) }] : [],
    };
    return { calendar, origin: anchor + shiftMinutes * MINUTE };
  });

/** Pauses as minute-aligned `[from, to)` offsets from an origin (may overlap, touch or be empty). */
export const pauseOffsets = fc.array(
  fc.tuple(fc.integer({ min: -600, max: 6000 }), fc.integer({ min: 0, max: 1500 })).map(([start, length]) => ({ start, length })),
  { maxLength: 4 },
);

export function pausesFrom(origin: number, offsets: readonly { start: number; length: number }[]): { from: number; to: number }[] {
  return offsets.map((p) => ({ from: origin + p.start * MINUTE, to: origin + (p.start + p.length) * MINUTE }));
}

const STATUSES: readonly [string, StatusCategory][] = [
  ['Open', 'new'],
  ['In Progress', 'indeterminate'],
  ['Waiting for customer', 'indeterminate'],
  ['waiting for CUSTOMER', 'indeterminate'],
  ['Pending vendor', 'indeterminate'],
  ['Done', 'done'],
  ['Closed', 'done'],
  ['Reopened', 'indeterminate'],
];

const laterEvent: fc.Arbitrary<{ gap: number; make: (at: number) => TimelineEvent }> = fc.record({
  // Gaps of 0 put events at the same instant.
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 })),
  make: fc.oneof(
    fc.constantFrom(...STATUSES).map(([to, toCategory]) => (at: number): TimelineEvent => ({ at, type: 'status', to, toCategory })),
    fc.constantFrom('Highest', 'High', 'medium', 'Low').map((to) => (at: number): TimelineEvent => ({ at, type: 'priority', to })),
    fc.record({ author: fc.constantFrom('agent' as const, 'customer' as const), pub: fc.boolean() }).map(
      ({ author, pub }) => (at: number): TimelineEvent => ({ at, type: 'comment', author, public: pub }),
    ),
    fc.option(fc.constant('acc-1'), { nil: null }).map((to) => (at: number): TimelineEvent => ({ at, type: 'assigned', to })),
  ),
});

/** A minute-aligned timeline starting at `origin`, and a `now` somewhere in or after it. */
export function timelineAt(origin: number): fc.Arbitrary<{ timeline: TimelineEvent[]; now: number }> {
  return fc
    .record({
      first: fc.constantFrom(...STATUSES.slice(0, 3)),
      priority: fc.constantFrom('Highest', 'High', 'Medium', null),
      rest: fc.array(laterEvent, { maxLength: 12 }),
      nowAfter: fc.integer({ min: -60, max: 4000 }),
    })
    .map(({ first, priority, rest, nowAfter }) => {
      const timeline: TimelineEvent[] = [{ at: origin, type: 'created', status: first[0], statusCategory: first[1], priority }];
      let at = origin;
      for (const e of rest) {
        at += e.gap * MINUTE;
        timeline.push(e.make(at));
      }
      return { timeline, now: origin + nowAfter * MINUTE };
    });
}

/** A two-metric policy like the shared cases, with small targets so due instants are near. */
export const policy: fc.Arbitrary<Policy> = fc
  .record({
    fr: fc.integer({ min: 0, max: 240 }),
    res: fc.integer({ min: 0, max: 600 }),
    warn: fc.integer({ min: 1, max: 100 }),
    pauseByCategory: fc.boolean(),
  })
  .map(({ fr, res, warn, pauseByCategory }) => ({
    metrics: [
      {
        key: 'firstResponse',
        name: 'Time to first response',
        start: [{ event: 'created' }],
        stop: [{ event: 'comment', author: 'agent', public: true }, { event: 'statusCategory', to: 'done' }],
        targets: [{ priorities: ['Highest'], minutes: Math.floor(fr / 4) }, { minutes: fr }],
        warnAtPercent: warn,
      },
      {
        key: 'resolution',
        name: 'Time to resolution',
        start: [{ event: 'created' }, { event: 'statusCategory', from: 'done' }, { event: 'assigned' }],
        stop: [{ event: 'statusCategory', to: 'done' }],
        pause: pauseByCategory ? [{ status: ['Waiting for customer'] }, { statusCategory: ['new'] }] : [{ status: ['waiting for customer', 'Pending vendor'] }],
        targets: [{ priorities: ['highest', 'HIGH'], minutes: Math.floor(res / 3) }, { priorities: ['Medium'], minutes: res }],
        warnAtPercent: 80,
      },
    ],
  }));
