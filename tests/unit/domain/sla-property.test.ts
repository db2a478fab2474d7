// The serviceSla property and the next warning/breach crossings, from real evaluations of plain data.
import type { Calendar } from '../../../src/domain/calendar';
import { evaluateSla, trackedProperty, untrackedProperty, upcomingCrossings, type Policy, type Timeline } from '../../../src/domain/sla';

const officeHours: Calendar = {
  timeZone: 'Europe/Zurich',
  weekly: { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], wed: [['08:00', '17:00']], thu: [['08:00', '17:00']], fri: [['08:00', '17:00']] },
};

const policy: Policy = {
  metrics: [
    {
      key: 'firstResponse',
      name: 'First response',
      start: [{ event: 'created' }],
      stop: [{ event: 'comment', author: 'agent', public: true }],
      targets: [{ minutes: 120 }],
      warnAtPercent: 75,
    },
    {
      key: 'resolution',
      name: 'Resolution',
      start: [{ event: 'created' }],
      stop: [{ event: 'statusCategory', to: 'done' }],
      pause: [{ status: ['Waiting for customer'] }],
      targets: [{ priorities: ['High'], minutes: 480 }],
    },
  ],
};

// Monday 2 March 2026, 09:00 in Zurich (UTC+1).
const created = Date.parse('2026-03-02T08:00:00Z');
const timeline: Timeline = [{ at: created, type: 'created', status: 'Open', statusCategory: 'new', priority: 'High' }];
const by = { customer: 'alpenbank', contract: 'alpenbank-msa', policy: 'gold-sla', policyVersion: 3 };

describe('serviceSla property', () => {
  it('publishes each running clock with its due instant, and the earliest as nextDueAt', () => {
    const now = Date.parse('2026-03-02T09:00:00Z'); // 10:00 local: 60 minutes in
    const property = trackedProperty(by, evaluateSla(policy, timeline, now, { calendar: officeHours }));
    expect(property).toEqual({
      v: 1,
      tracked: 'true',
      ...by,
      breached: 'false',
      everBreached: 'false',
      nextDueAt: '2026-03-02T10:00:00.000Z',
      metrics: {
        firstResponse: { name: 'First response', state: 'running', dueAt: '2026-03-02T10:00:00.000Z', elapsedMinutes: 60, remainingMinutes: 60, targetMinutes: 120, breached: 'false', warning: 'false', cycles: 1 },
        resolution: { name: 'Resolution', state: 'running', dueAt: '2026-03-02T16:00:00.000Z', elapsedMinutes: 60, remainingMinutes: 420, targetMinutes: 480, breached: 'false', warning: 'false', cycles: 1 },
      },
    });
    expect(JSON.stringify(property).length).toBeLessThan(32 * 1024);
  });

  it('says breached once a clock is over, and leaves nextDueAt out when nothing runs', () => {
    const resolved: Timeline = [
      ...timeline,
      { at: created + 3 * 3_600_000, type: 'comment', author: 'agent', public: true },
      { at: created + 4 * 3_600_000, type: 'status', to: 'Resolved', toCategory: 'done' },
    ];
    const property = trackedProperty(by, evaluateSla(policy, resolved, created + 5 * 3_600_000, { calendar: officeHours }));
    expect(property.breached).toBe('true');
    expect(property.everBreached).toBe('true');
    expect(property.nextDueAt).toBeUndefined();
    expect(property.metrics.firstResponse).toMatchObject({ state: 'breached', elapsedMinutes: 180, remainingMinutes: -60 });
    expect(property.metrics.resolution).toMatchObject({ state: 'met' });
    expect(property.metrics.resolution?.dueAt).toBeUndefined();
  });

  it('describes an issue the app cannot track', () => {
    expect(untrackedProperty('noContract', 'alpenbank')).toEqual({ v: 1, tracked: 'false', untracked: 'noContract', customer: 'alpenbank', breached: 'false', everBreached: 'false', metrics: {} });
  });
});

describe('upcoming crossings', () => {
  it('lists warnings and breaches still ahead, in business time, earliest first', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    const results = evaluateSla(policy, timeline, now, { calendar: officeHours });
    // First response: 120 min target, warn at 75% = 90 min in = 10:30 local; due 11:00 local.
    expect(upcomingCrossings(policy, results, officeHours, now)).toEqual([
      { metricKey: 'firstResponse', kind: 'warning', at: Date.parse('2026-03-02T09:30:00Z') },
      { metricKey: 'firstResponse', kind: 'breach', at: Date.parse('2026-03-02T10:00:00Z') },
      { metricKey: 'resolution', kind: 'breach', at: Date.parse('2026-03-02T16:00:00Z') },
    ]);
  });

  it('counts the warning back across closing time and the night', () => {
    // Created Monday 16:00 local: first response due Tuesday 09:00, warning at 75% = 90 min in = Tuesday 08:30.
    const late = Date.parse('2026-03-02T15:00:00Z');
    const results = evaluateSla(policy, [{ ...timeline[0]!, at: late }] as Timeline, late + 60_000, { calendar: officeHours });
    const crossings = upcomingCrossings(policy, results, officeHours, late + 60_000).filter((c) => c.metricKey === 'firstResponse');
    expect(crossings).toEqual([
      { metricKey: 'firstResponse', kind: 'warning', at: Date.parse('2026-03-03T07:30:00Z') },
      { metricKey: 'firstResponse', kind: 'breach', at: Date.parse('2026-03-03T08:00:00Z') },
    ]);
  });

  it('has none for a paused, stopped or already breached clock', () => {
    const waiting: Timeline = [...timeline, { at: created + 60_000, type: 'status', to: 'Waiting for customer', toCategory: 'indeterminate' }];
    const now = created + 3 * 3_600_000;
    const results = evaluateSla(policy, waiting, now, { calendar: officeHours });
    const crossings = upcomingCrossings(policy, results, officeHours, now);
    expect(crossings.map((c) => c.metricKey)).not.toContain('resolution');
    // First response was due at 11:00 local and it is 12:00: already breached, nothing ahead.
    expect(crossings).toEqual([]);
  });
});
