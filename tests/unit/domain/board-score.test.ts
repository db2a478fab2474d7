// The priority board's score: each factor, the SLA bands and their bounds, pinning, rounding, and the
// explanation the UI translates.
import { DEFAULT_SETTINGS } from '../../../src/contract/config';
import { scoreIssue, scoreIssues, slaBand, type BoardClock, type BoardIssue, type ScoreContext } from '../../../src/domain/board';

const DAY = 86_400_000;
const NOW = Date.parse('2026-05-04T09:00:00Z');
const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
const context: ScoreContext = { weights: DEFAULT_SETTINGS.weights, priorities: PRIORITIES, now: NOW }; // 40 / 20 / 30 / 10

const issue = (over: Partial<BoardIssue> = {}): BoardIssue => ({
  issueId: '10001',
  key: 'ACME-1',
  created: NOW,
  priority: null,
  tier: null,
  clocks: [],
  ...over,
});

const clock = (over: Partial<BoardClock> = {}): BoardClock => ({
  key: 'resolution',
  name: 'Time to resolution',
  state: 'running',
  targetMinutes: 600,
  remainingMinutes: 600,
  breached: false,
  ...over,
});

/** Only one factor weighted, at 100, so points = 100 * factor. */
const only = (factor: 'priority' | 'tier' | 'sla' | 'age'): ScoreContext => ({
  ...context,
  weights: { priority: 0, tier: 0, sla: 0, age: 0, [factor]: 100 },
});

describe('priority factor P', () => {
  it('follows the position in Jira priority order, highest 1 and lowest 0', () => {
    const factors = PRIORITIES.map((priority) => scoreIssue(issue({ priority }), only('priority')).parts.priority);
    expect(factors.map((p) => p.factor)).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect(factors.map((p) => p.points)).toEqual([100, 75, 50, 25, 0]);
    expect(factors.map((p) => p.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it('compares names case-insensitively, as SLA targets do', () => {
    expect(scoreIssue(issue({ priority: 'high' }), only('priority')).parts.priority).toMatchObject({ factor: 0.75, position: 2 });
  });

  it('scores no priority and a priority unknown to the order as the lowest, and says which', () => {
    const none = scoreIssue(issue({ priority: null }), only('priority'));
    expect(none.parts.priority).toMatchObject({ factor: 0, points: 0, position: null, priority: null });
    expect(none.explanation).toContainEqual({ key: 'board.why.priorityNone', vars: { points: 0, weight: 100 } });

    const unknown = scoreIssue(issue({ priority: 'Blocker' }), only('priority'));
    expect(unknown.parts.priority).toMatchObject({ factor: 0, points: 0, position: null, priority: 'Blocker' });
    expect(unknown.explanation).toContainEqual({ key: 'board.why.priorityUnknown', vars: { priority: 'Blocker', points: 0, weight: 100 } });

    // An empty order knows no priority at all.
    expect(scoreIssue(issue({ priority: 'High' }), { ...only('priority'), priorities: [] }).parts.priority.factor).toBe(0);
  });

  it('gives the only priority of a one-priority order the full factor', () => {
    expect(scoreIssue(issue({ priority: 'Normal' }), { ...only('priority'), priorities: ['Normal'] }).parts.priority.factor).toBe(1);
  });
});

describe('tier factor T', () => {
  it('is platinum 1, gold 2/3, silver 1/3, bronze 0, no customer 0', () => {
    const parts = (['platinum', 'gold', 'silver', 'bronze', null] as const).map((tier) => scoreIssue(issue({ tier }), only('tier')).parts.tier);
    expect(parts.map((p) => p.factor)).toEqual([1, 2 / 3, 1 / 3, 0, 0]);
    expect(parts.map((p) => p.points)).toEqual([100, 66.67, 33.33, 0, 0]);
    expect(scoreIssue(issue({ tier: null }), only('tier')).explanation).toContainEqual({ key: 'board.why.tierNone', vars: { points: 0, weight: 100 } });
  });
});

describe('SLA factor R', () => {
  const band = (clocks: BoardClock[]) => slaBand(clocks).band;
  const left = (remainingMinutes: number) => [clock({ targetMinutes: 1000, remainingMinutes })];

  it('bands the most urgent running clock by the share of its target left; a bound belongs to the calmer band', () => {
    expect(band(left(1000))).toBe('rest');
    expect(band(left(500))).toBe('rest');
    expect(band(left(499))).toBe('under50');
    expect(band(left(250))).toBe('under50');
    expect(band(left(249))).toBe('under25');
    expect(band(left(100))).toBe('under25');
    expect(band(left(99))).toBe('under10');
    // Due right now but not over target yet.
    expect(band(left(0))).toBe('under10');
  });

  it('gives each band its factor and names the deciding clock', () => {
    const factors = [1000, 400, 200, 50].map((remaining) => scoreIssue(issue({ clocks: left(remaining) }), only('sla')).parts.sla);
    expect(factors.map((s) => [s.band, s.factor, s.points, s.clock, s.percentLeft])).toEqual([
      ['rest', 0.2, 20, 'resolution', 100],
      ['under50', 0.4, 40, 'resolution', 40],
      ['under25', 0.6, 60, 'resolution', 20],
      ['under10', 0.8, 80, 'resolution', 5],
    ]);
  });

  it('takes the running clock with the least left, not the least minutes', () => {
    const clocks = [
      clock({ key: 'resolution', name: 'Time to resolution', targetMinutes: 2400, remainingMinutes: 200 }), // 8%
      clock({ key: 'response', name: 'Time to first response', targetMinutes: 60, remainingMinutes: 20 }), // 33%
    ];
    expect(slaBand(clocks)).toMatchObject({ band: 'under10', clock: { key: 'resolution' } });
  });

  it('is breached (1) when any clock is breached: running or paused over target, or stopped late', () => {
    for (const state of ['running', 'paused', 'breached'] as const) {
      const scored = scoreIssue(issue({ clocks: [clock(), clock({ key: 'response', name: 'Time to first response', state, remainingMinutes: -5, breached: true })] }), only('sla'));
      expect(scored.parts.sla).toMatchObject({ band: 'breached', factor: 1, points: 100, clock: 'response', percentLeft: null });
      expect(scored.pinned).toBe(true);
      expect(scored.explanation[0]).toEqual({ key: 'board.why.pinned', vars: { clock: 'Time to first response' } });
    }
  });

  it('is none (0) without clocks, and for clocks not running: not started, paused, met, notApplicable', () => {
    expect(scoreIssue(issue({ clocks: [] }), only('sla')).parts.sla).toEqual({ factor: 0, weight: 100, points: 0, band: 'none', clock: null, percentLeft: null });
    for (const state of ['notStarted', 'paused', 'met'] as const) expect(band([clock({ state, remainingMinutes: 1 })])).toBe('none');
    const notApplicable = clock({ state: 'notApplicable', targetMinutes: null, remainingMinutes: null });
    expect(band([notApplicable])).toBe('none');
    // A notApplicable clock never pins, even if a caller marks it breached.
    expect(scoreIssue(issue({ clocks: [{ ...notApplicable, breached: true }] }), only('sla'))).toMatchObject({ pinned: false, parts: { sla: { band: 'none' } } });
    // Beside a running clock it changes nothing.
    expect(band([notApplicable, ...left(300)])).toBe('under50');
  });

  it('explains the band with the clock and the share left', () => {
    const scored = scoreIssue(issue({ clocks: left(150) }), context);
    expect(scored.explanation).toContainEqual({ key: 'board.why.sla.under25', vars: { clock: 'Time to resolution', percentLeft: 15, points: 18, weight: 30 } });
    expect(scoreIssue(issue(), context).explanation).toContainEqual({ key: 'board.why.sla.none', vars: { points: 0, weight: 30 } });
  });

  it('treats a zero target as nothing left', () => {
    expect(band([clock({ targetMinutes: 0, remainingMinutes: 0 })])).toBe('under10');
  });
});

describe('age factor A', () => {
  const age = (created: number) => scoreIssue(issue({ created }), only('age')).parts.age;

  it('counts whole days, linear to 30 days, then stays at 1', () => {
    expect(age(NOW)).toMatchObject({ days: 0, factor: 0, points: 0 });
    expect(age(NOW - DAY + 1)).toMatchObject({ days: 0, factor: 0 });
    expect(age(NOW - DAY)).toMatchObject({ days: 1, points: 3.33 });
    expect(age(NOW - 15 * DAY)).toMatchObject({ days: 15, factor: 0.5, points: 50 });
    expect(age(NOW - 30 * DAY)).toMatchObject({ days: 30, factor: 1, points: 100 });
    expect(age(NOW - 400 * DAY)).toMatchObject({ days: 400, factor: 1, points: 100 });
  });

  it('gives an issue created after now (clock skew) age 0', () => {
    expect(age(NOW + 5 * DAY)).toMatchObject({ days: 0, factor: 0, points: 0 });
  });

  it('depends on the now passed in, not on the clock', () => {
    const created = NOW - 3 * DAY;
    expect(scoreIssue(issue({ created }), { ...only('age'), now: NOW + 3 * DAY }).parts.age.days).toBe(6);
    expect(scoreIssue(issue({ created }), only('age'))).toEqual(scoreIssue(issue({ created }), only('age')));
  });
});

describe('total and explanation', () => {
  const busy = issue({ priority: 'High', tier: 'gold', created: NOW - 12 * DAY, clocks: [clock({ targetMinutes: 480, remainingMinutes: 100 })] });

  it('sums the rounded points of every part, so the decomposition adds up to the total shown', () => {
    const scored = scoreIssue(busy, context);
    // 40*0.75 + 20*2/3 + 30*0.6 (20.8% left) + 10*12/30
    expect(scored.parts.priority.points).toBe(30);
    expect(scored.parts.tier.points).toBe(13.33);
    expect(scored.parts.sla.points).toBe(18);
    expect(scored.parts.age.points).toBe(4);
    expect(scored.total).toBe(65.33);
    expect(scored.pinned).toBe(false);
  });

  it('lists every factor in a fixed order as translatable reasons', () => {
    expect(scoreIssue(busy, context).explanation).toEqual([
      { key: 'board.why.priority', vars: { priority: 'High', position: 2, of: 5, points: 30, weight: 40 } },
      { key: 'board.why.tier', vars: { tier: 'gold', points: 13.33, weight: 20 } },
      { key: 'board.why.sla.under25', vars: { clock: 'Time to resolution', percentLeft: 20, points: 18, weight: 30 } },
      { key: 'board.why.age', vars: { days: 12, points: 4, weight: 10 } },
    ]);
  });

  it('rounds the total to 2 decimals', () => {
    const scored = scoreIssue(issue({ tier: 'silver', created: NOW - DAY }), { ...context, weights: { priority: 0, tier: 7, sla: 0, age: 7 } });
    // 7/3 = 2.333.. and 7/30 = 0.2333..
    expect(scored.parts.tier.points).toBe(2.33);
    expect(scored.parts.age.points).toBe(0.23);
    expect(scored.total).toBe(2.56);
  });

  it('scores 0 with all weights 0 and still explains every factor', () => {
    const scored = scoreIssue(busy, { ...context, weights: { priority: 0, tier: 0, sla: 0, age: 0 } });
    expect(scored.total).toBe(0);
    expect(Object.values(scored.parts).map((p) => [p.weight, p.points])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    // The factors are still known: the UI can show what a weight would change.
    expect(scored.parts.priority.factor).toBe(0.75);
    expect(scored.explanation).toHaveLength(4);
  });

  it('keeps a breached issue pinned even when the SLA weight is 0', () => {
    const scored = scoreIssue(issue({ clocks: [clock({ remainingMinutes: -1, breached: true })] }), { ...context, weights: { priority: 40, tier: 20, sla: 0, age: 10 } });
    expect(scored.pinned).toBe(true);
    expect(scored.parts.sla).toMatchObject({ band: 'breached', points: 0 });
  });

  it('counts a negative or non-finite weight as 0', () => {
    const scored = scoreIssue(busy, { ...context, weights: { priority: -10, tier: Number.NaN, sla: 30, age: 10 } });
    expect(scored.parts.priority).toMatchObject({ weight: 0, points: 0 });
    expect(scored.parts.tier).toMatchObject({ weight: 0, points: 0 });
    expect(scored.total).toBe(22);
  });

  it('scores many issues in their order, carrying id, key and creation for the ranking', () => {
    const scored = scoreIssues([issue({ issueId: '1', key: 'ACME-1' }), busy], context);
    expect(scored.map((s) => [s.issueId, s.key, s.created])).toEqual([
      ['1', 'ACME-1', NOW],
      ['10001', 'ACME-1', NOW - 12 * DAY],
    ]);
    expect(JSON.parse(JSON.stringify(scored))).toEqual(scored);
  });
});
