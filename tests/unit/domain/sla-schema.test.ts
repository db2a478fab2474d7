// Policies and timelines from untrusted input: clear errors naming the path.
import { parsePolicy, parseTimeline, ValidationError } from '../../../src/domain/sla';

const metric = {
  key: 'resolution',
  name: 'Time to resolution',
  start: [{ event: 'created' }],
  stop: [{ event: 'statusCategory', to: 'done' }],
  targets: [{ priorities: ['Highest'], minutes: 240 }, { minutes: 2400 }],
};

function messageOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parsePolicy', () => {
  it('accepts a valid policy', () => {
    const policy = { name: 'Gold', version: 3, metrics: [metric, { ...metric, key: 'firstResponse', warnAtPercent: 75 }] };
    expect(parsePolicy(policy)).toEqual(policy);
  });

  it.each([
    ['no metrics', { metrics: [] }, 'policy.metrics: needs at least one metric'],
    ['a duplicate key', { metrics: [metric, metric] }, 'policy.metrics[1].key: "resolution" is used twice (also policy.metrics[0])'],
    ['a bad key', { metrics: [{ ...metric, key: '1st response' }] }, 'policy.metrics[0].key: must be a letter'],
    ['no start condition', { metrics: [{ ...metric, start: [] }] }, 'policy.metrics[0].start: needs at least one start condition'],
    ['an unknown event', { metrics: [{ ...metric, stop: [{ event: 'resolved' }] }] }, 'policy.metrics[0].stop[0].event: unknown value, expected one of "created", "status"'],
    ['a status condition without a name', { metrics: [{ ...metric, stop: [{ event: 'status' }] }] }, 'policy.metrics[0].stop[0].to: is required'],
    ['a category condition without to or from', { metrics: [{ ...metric, stop: [{ event: 'statusCategory' }] }] }, 'policy.metrics[0].stop[0]: give "to", "from" or both'],
    ['an unknown category', { metrics: [{ ...metric, stop: [{ event: 'statusCategory', to: 'closed' }] }] }, 'policy.metrics[0].stop[0].to'],
    ['an unknown comment author', { metrics: [{ ...metric, stop: [{ event: 'comment', author: 'bot' }] }] }, 'policy.metrics[0].stop[0].author'],
    ['an empty pause', { metrics: [{ ...metric, pause: [{}] }] }, 'policy.metrics[0].pause[0]: list at least one status or statusCategory'],
    ['a negative target', { metrics: [{ ...metric, targets: [{ minutes: -5 }] }] }, 'policy.metrics[0].targets[0].minutes: must be zero or more'],
    ['a fractional target', { metrics: [{ ...metric, targets: [{ minutes: 1.5 }] }] }, 'policy.metrics[0].targets[0].minutes: must be a whole number of minutes'],
    ['an empty priority list', { metrics: [{ ...metric, targets: [{ priorities: [], minutes: 5 }] }] }, 'policy.metrics[0].targets[0].priorities: list at least one priority'],
    ['a target after the catch-all', { metrics: [{ ...metric, targets: [{ minutes: 60 }, { priorities: ['High'], minutes: 30 }] }] }, 'policy.metrics[0].targets[1]: can never apply: targets[0] has no priorities'],
    ['a warning over 100 %', { metrics: [{ ...metric, warnAtPercent: 120 }] }, 'policy.metrics[0].warnAtPercent: must be at most 100'],
    ['a bad metric calendar', { metrics: [{ ...metric, calendar: { timeZone: 'UTC', weekly: { mon: [['12:00', '08:00']] } } }] }, 'policy.metrics[0].calendar.weekly.mon[0]: interval is reversed'],
    ['a misspelled field', { metrics: [{ ...metric, target: [] }] }, 'policy.metrics[0]: unknown field "target"'],
  ])('rejects %s', (_what, input, expected) => {
    expect(messageOf(() => parsePolicy(input))).toContain(expected);
  });
});

describe('parseTimeline', () => {
  const created = { at: 1_794_816_000_000, type: 'created', status: 'Open', statusCategory: 'new', priority: 'High' };

  it('accepts a valid timeline', () => {
    const timeline = [created, { at: created.at, type: 'assigned', to: null }, { at: created.at + 1, type: 'priority', to: null }];
    expect(parseTimeline(timeline)).toEqual(timeline);
  });

  it.each([
    ['an unknown event type', [created, { at: created.at, type: 'resolved' }], 'timeline[1].type: unknown value'],
    ['a comment without author', [created, { at: created.at, type: 'comment', public: true }], 'timeline[1].author: is required'],
    ['an ISO string as time', [{ ...created, at: '2026-11-16T09:00:00Z' }], 'timeline[0].at: expected number'],
    ['events out of order', [created, { at: created.at - 1, type: 'priority', to: 'Low' }], 'timeline[1].at: events must be in time order'],
  ])('rejects %s', (_what, input, expected) => {
    expect(messageOf(() => parseTimeline(input))).toContain(expected);
  });
});
