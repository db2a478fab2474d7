// What evaluateSla reports beyond the case format (pause reason, cycle history, calendar hours) and how it
// treats bad input.
import { parseCalendar, type Calendar } from '../../../src/domain/calendar';
import { evaluateSla, parsePolicy, ValidationError, type Policy, type TimelineEvent } from '../../../src/domain/sla';

const office: Calendar = parseCalendar({
  timeZone: 'Europe/Zurich',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '12:00'], ['13:00', '17:00']]])),
});

const policy: Policy = parsePolicy({
  metrics: [
    {
      key: 'resolution',
      name: 'Time to resolution',
      start: [{ event: 'created' }, { event: 'statusCategory', from: 'done' }],
      stop: [{ event: 'statusCategory', to: 'done' }],
      pause: [{ status: ['Waiting for customer'] }],
      targets: [{ priorities: ['Highest'], minutes: 240 }, { minutes: 2400 }],
      warnAtPercent: 80,
    },
  ],
});

const at = (local: string): number => Date.parse(`2026-11-16T${local}+01:00`);
const created: TimelineEvent = { at: at('09:00'), type: 'created', status: 'Open', statusCategory: 'new', priority: 'Highest' };

describe('evaluateSla results', () => {
  it('names the status that holds a paused clock', () => {
    const timeline: TimelineEvent[] = [created, { at: at('10:00'), type: 'status', to: 'Waiting for customer', toCategory: 'indeterminate' }];
    const r = evaluateSla(policy, timeline, at('11:00'), { calendar: office }).resolution;
    expect(r?.state).toBe('paused');
    expect(r?.pausedReason).toEqual({ status: 'Waiting for customer', statusCategory: 'indeterminate' });
    expect(r?.elapsedMinutes).toBe(60);
  });

  it('keeps the history of every cycle, judged against the current target', () => {
    const timeline: TimelineEvent[] = [
      created,
      { at: at('14:00'), type: 'status', to: 'Done', toCategory: 'done' },
      { at: at('15:00'), type: 'status', to: 'Reopened', toCategory: 'indeterminate' },
    ];
    const r = evaluateSla(policy, timeline, at('16:00'), { calendar: office }).resolution;
    expect(r?.history).toEqual([
      { startedAt: at('09:00'), stoppedAt: at('14:00'), elapsedSeconds: 240 * 60, breached: false },
      { startedAt: at('15:00'), stoppedAt: null, elapsedSeconds: 60 * 60, breached: false },
    ]);
    expect(r?.cycles).toBe(2);
    expect(r?.pausedReason).toBeNull();
  });

  it('says whether now is inside the calendar hours', () => {
    const lunch = evaluateSla(policy, [created], at('12:30'), { calendar: office }).resolution;
    const afternoon = evaluateSla(policy, [created], at('13:30'), { calendar: office }).resolution;
    expect(lunch?.withinCalendarHours).toBe(false);
    expect(afternoon?.withinCalendarHours).toBe(true);
  });

  it('reports a metric that has not started with its full target remaining', () => {
    const r = evaluateSla(policy, [created], at('08:00'), { calendar: office }).resolution;
    expect(r).toMatchObject({ state: 'notStarted', cycles: 0, elapsedSeconds: 0, history: [], dueAt: null, warning: false });
    // Before creation the priority is unknown, so only the target without priorities applies.
    expect(r?.targetMinutes).toBe(2400);
    expect(r?.remainingMinutes).toBe(2400);
  });

  it('prefers the metric calendar over the default one', () => {
    const aroundTheClock = { timeZone: 'UTC', weekly: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['00:00', '24:00']]])) };
    const own = parsePolicy({ metrics: [{ ...policy.metrics[0], calendar: aroundTheClock }] });
    const r = evaluateSla(own, [created], at('12:30'), { calendar: office }).resolution;
    expect(r?.elapsedMinutes).toBe(210);
  });

  it('does not change its inputs and gives the same answer twice', () => {
    const timeline: TimelineEvent[] = [created, { at: at('10:00'), type: 'priority', to: 'Low' }];
    const before = JSON.stringify({ policy, timeline });
    const first = evaluateSla(policy, timeline, at('11:00'), { calendar: office });
    const second = evaluateSla(policy, timeline, at('11:00'), { calendar: office });
    expect(second).toEqual(first);
    expect(JSON.stringify({ policy, timeline })).toBe(before);
  });
});

describe('evaluateSla input errors', () => {
  const run = (timeline: unknown, now = at('11:00'), options: { calendar?: Calendar } = { calendar: office }) => () =>
    evaluateSla(policy, timeline as TimelineEvent[], now, options);

  it.each([
    ['events out of order', [created, { at: at('10:00'), type: 'comment', author: 'agent', public: true }, { at: at('09:30'), type: 'priority', to: 'High' }], 'timeline[2].at: events must be in time order'],
    ['a timeline that does not begin with created', [{ at: at('10:00'), type: 'priority', to: 'High' }], 'timeline[0].type: the first event must be "created"'],
    ['a second created event', [created, created], 'timeline[1].type: only the first event may be "created"'],
    ['an event time that is not a number', [{ ...created, at: '2026-11-16' }], 'timeline[0].at: must be epoch milliseconds'],
    ['a status event without a category', [created, { at: at('10:00'), type: 'status', to: 'Done' }], 'timeline[1]: a status event needs a status name and a category'],
  ])('rejects %s', (_what, timeline, expected) => {
    expect(run(timeline)).toThrow(ValidationError);
    expect(run(timeline)).toThrow(expected);
  });

  it('rejects a bad now', () => {
    expect(run([created], NaN)).toThrow('now: must be epoch milliseconds');
  });

  it('needs a calendar for every metric', () => {
    expect(run([created], at('11:00'), {})).toThrow('policy.metrics[0].calendar: no calendar');
  });

  it('validates a hand-built policy on first use', () => {
    const bad = { metrics: [{ ...policy.metrics[0], targets: [] }] } as unknown as Policy;
    expect(() => evaluateSla(bad, [created], at('11:00'), { calendar: office })).toThrow('policy.metrics[0].targets: needs at least one target');
  });
});
