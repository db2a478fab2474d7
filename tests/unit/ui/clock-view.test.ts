// The issue panel's clocks at a browser instant: the live countdown from the server's evaluation (only a ticking
// clock moves), remaining time in words in English and German, due times in the viewer's zone, the progress
// tone, and which clock the compact view shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PanelClock } from '../../../src/contract/sla';
import {
  anyTicking,
  dueText,
  formatDuration,
  liveClock,
  mostUrgent,
  needsRefresh,
  pausedText,
  remainingText,
  resultText,
  secondsSinceEvaluation,
  splitDuration,
} from '../../../static/issue-panel/clock-view';
import { translateWith, type Translate } from '../../../static/shared/locale';

type Texts = { [key: string]: string | Texts };
/** The UI's own texts, looked up as Forge does (a missing key reads as itself). */
function textsOf(locale: string): Translate {
  const texts = JSON.parse(readFileSync(join(__dirname, '../../../locales', `${locale}.json`), 'utf8')) as Texts;
  return translateWith((key) => {
    const found = key.split('.').reduce<Texts | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), texts);
    return typeof found === 'string' ? found : key;
  });
}
const en = textsOf('en-US');
const de = textsOf('de-DE');

const EVALUATED = '2026-03-10T13:00:00.000Z';
const EVALUATED_MS = Date.parse(EVALUATED);
const MIN = 60;

/** A running resolution clock: 4 h target, 1 h 46 min elapsed, due at 15:14 UTC, ticking. */
function clock(overrides: Partial<PanelClock> = {}): PanelClock {
  return {
    key: 'resolution',
    name: 'Time to resolution',
    state: 'running',
    targetMinutes: 240,
    elapsedSeconds: 106 * MIN,
    remainingSeconds: 134 * MIN,
    dueAt: '2026-03-10T15:14:00.000Z',
    breached: false,
    warning: false,
    warnAtPercent: 80,
    pausedBy: null,
    ticking: true,
    cycles: [{ startedAt: '2026-03-10T09:00:00.000Z', stoppedAt: null, elapsedSeconds: 106 * MIN, breached: false }],
    ...overrides,
  };
}

describe('secondsSinceEvaluation', () => {
  it('counts whole seconds from the evaluation by the browser clock', () => {
    expect(secondsSinceEvaluation(EVALUATED, EVALUATED_MS + 200, EVALUATED_MS + 90_900)).toBe(90);
  });

  it('counts from the answer’s arrival when the browser clock is behind the server’s, so the countdown starts at once', () => {
    // The browser reads 12:59:00 when the answer (evaluated 13:00:00) arrives; 30 s later it has moved 30 s.
    const received = EVALUATED_MS - 60_000;
    expect(secondsSinceEvaluation(EVALUATED, received, received + 30_000)).toBe(30);
  });

  it('is never negative, and 0 for an unreadable evaluation instant at arrival', () => {
    expect(secondsSinceEvaluation(EVALUATED, EVALUATED_MS + 5_000, EVALUATED_MS - 5_000)).toBe(0);
    expect(secondsSinceEvaluation('not a date', 1_000, 1_000)).toBe(0);
  });
});

describe('liveClock', () => {
  it('counts a ticking clock down: remaining shrinks and elapsed grows by the seconds since the evaluation', () => {
    const live = liveClock(clock(), 10 * MIN);
    expect(live.remainingSeconds).toBe(124 * MIN);
    expect(live.elapsedSeconds).toBe(116 * MIN);
    expect(live.ticking).toBe(true);
    expect(live.tone).toBe('information');
    expect(live.percent).toBeCloseTo((116 / 240) * 100);
  });

  it('holds a running clock outside working hours still, and says so', () => {
    const live = liveClock(clock({ ticking: false }), 3600);
    expect(live.remainingSeconds).toBe(134 * MIN);
    expect(live.elapsedSeconds).toBe(106 * MIN);
    expect(live.ticking).toBe(false);
    expect(live.outsideHours).toBe(true);
    expect(pausedText(live, en)).toBe('Paused outside working hours');
    expect(pausedText(live, de)).toBe('Pausiert außerhalb der Arbeitszeit');
  });

  it('holds a paused clock still even if the server marked it ticking', () => {
    const live = liveClock(clock({ state: 'paused', ticking: true, dueAt: null, pausedBy: 'Waiting for customer' }), 3600);
    expect(live.remainingSeconds).toBe(134 * MIN);
    expect(live.ticking).toBe(false);
    expect(live.outsideHours).toBe(false);
    expect(pausedText(live, en)).toBe('Paused: Waiting for customer');
    expect(pausedText(live, de)).toBe('Pausiert: Waiting for customer');
    expect(pausedText(liveClock(clock({ state: 'paused', pausedBy: null }), 0), en)).toBe('Paused');
    expect(pausedText(liveClock(clock(), 0), en)).toBeNull();
  });

  it('turns warning at the threshold while counting, and danger once past the target', () => {
    // 80% of 240 min is 192 min: 86 min after the evaluation.
    expect(liveClock(clock(), 85 * MIN + 59).tone).toBe('information');
    const warned = liveClock(clock(), 86 * MIN);
    expect([warned.warning, warned.tone]).toEqual([true, 'warning']);
    const due = liveClock(clock(), 134 * MIN);
    expect([due.remainingSeconds, due.overdue, due.tone]).toEqual([0, false, 'warning']);
    const over = liveClock(clock(), 134 * MIN + 1);
    expect([over.remainingSeconds, over.overdue, over.warning, over.tone, over.percent]).toEqual([-1, true, false, 'danger', 100]);
  });

  it('takes the server’s warning and breach as they were evaluated', () => {
    expect(liveClock(clock({ warning: true }), 0).tone).toBe('warning');
    const paused = liveClock(clock({ state: 'paused', ticking: false, dueAt: null, elapsedSeconds: 250 * MIN, remainingSeconds: -10 * MIN, breached: true }), 0);
    expect([paused.overdue, paused.tone]).toEqual([true, 'danger']);
  });

  it('shows no warning without a threshold', () => {
    expect(liveClock(clock({ warnAtPercent: null, elapsedSeconds: 230 * MIN, remainingSeconds: 10 * MIN }), 0).tone).toBe('information');
  });

  it('colours stopped clocks by their result and leaves the bar out where nothing is measured against a target', () => {
    const met = liveClock(clock({ state: 'met', ticking: false, dueAt: null, elapsedSeconds: 220 * MIN, remainingSeconds: 20 * MIN }), 600);
    expect([met.tone, met.warning, met.elapsedSeconds]).toEqual(['success', false, 220 * MIN]);
    expect(met.percent).toBeCloseTo((220 / 240) * 100);
    expect(liveClock(clock({ state: 'breached', ticking: false, dueAt: null, breached: true, elapsedSeconds: 300 * MIN, remainingSeconds: -60 * MIN }), 0).tone).toBe('danger');
    const none = liveClock(clock({ state: 'notApplicable', targetMinutes: null, remainingSeconds: null, dueAt: null, warnAtPercent: null }), 600);
    expect([none.percent, none.tone, none.remainingSeconds]).toEqual([null, 'neutral', null]);
    expect(liveClock(clock({ state: 'notStarted', elapsedSeconds: 0, remainingSeconds: 240 * MIN, dueAt: null, ticking: false, cycles: [] }), 0).percent).toBeNull();
    expect(liveClock(clock({ targetMinutes: 0, remainingSeconds: 0, elapsedSeconds: 0 }), 0).percent).toBe(100);
  });
});

describe('durations', () => {
  it('splits seconds into whole hours and minutes, floored or rounded up', () => {
    expect(splitDuration(8040, 'floor')).toEqual({ hours: 2, minutes: 14 });
    expect(splitDuration(8041, 'floor')).toEqual({ hours: 2, minutes: 14 });
    expect(splitDuration(8041, 'ceil')).toEqual({ hours: 2, minutes: 15 });
    expect(splitDuration(-2700, 'floor')).toEqual({ hours: 0, minutes: 45 });
  });

  it('writes "h min" in English and German, keeping business hours as hours (no days)', () => {
    expect(formatDuration(8040, en)).toBe('2 h 14 min');
    expect(formatDuration(8040, de)).toBe('2 Std. 14 Min.');
    expect(formatDuration(3 * 3600, en)).toBe('3 h');
    expect(formatDuration(45 * MIN, de)).toBe('45 Min.');
    expect(formatDuration(52 * 3600 + 10 * MIN, en)).toBe('52 h 10 min');
    expect(formatDuration(0, en)).toBe('0 min');
    expect(formatDuration(30, en)).toBe('< 1 min');
    expect(formatDuration(30, en, 'ceil')).toBe('1 min');
  });
});

describe('remainingText', () => {
  it('rounds time left up, so the last minute reads "1 min left" until the target is reached', () => {
    expect(remainingText(liveClock(clock(), 0), en)).toBe('2 h 14 min left');
    expect(remainingText(liveClock(clock(), 0), de)).toBe('Noch 2 Std. 14 Min.');
    expect(remainingText(liveClock(clock(), 1), en)).toBe('2 h 14 min left');
    expect(remainingText(liveClock(clock(), 60), en)).toBe('2 h 13 min left');
    expect(remainingText(liveClock(clock(), 134 * MIN - 1), en)).toBe('1 min left');
  });

  it('says due now at the target, then how long overdue, floored', () => {
    expect(remainingText(liveClock(clock(), 134 * MIN), en)).toBe('Due now');
    expect(remainingText(liveClock(clock(), 134 * MIN), de)).toBe('Jetzt fällig');
    expect(remainingText(liveClock(clock(), 134 * MIN + 30), en)).toBe('< 1 min overdue');
    expect(remainingText(liveClock(clock(), 179 * MIN + 59), en)).toBe('45 min overdue');
    expect(remainingText(liveClock(clock(), 179 * MIN + 59), de)).toBe('45 Min. überfällig');
  });

  it('keeps a paused clock’s time left still and says nothing of stopped clocks or clocks without a target', () => {
    expect(remainingText(liveClock(clock({ state: 'paused', ticking: false, dueAt: null }), 3600), en)).toBe('2 h 14 min left');
    expect(remainingText(liveClock(clock({ state: 'met', ticking: false }), 0), en)).toBeNull();
    expect(remainingText(liveClock(clock({ state: 'notApplicable', targetMinutes: null, remainingSeconds: null }), 0), en)).toBeNull();
  });
});

describe('resultText', () => {
  it('says how a stopped clock ended, what a clock not yet started aims for, and what is measured without a target', () => {
    const stopped = { ticking: false, dueAt: null } as const;
    expect(resultText(liveClock(clock({ ...stopped, state: 'met', elapsedSeconds: 80 * MIN }), 0), en)).toBe('Met in 1 h 20 min (target 4 h)');
    expect(resultText(liveClock(clock({ ...stopped, state: 'met', elapsedSeconds: 80 * MIN }), 0), de)).toBe('Erfüllt in 1 Std. 20 Min. (Ziel 4 Std.)');
    const breached = liveClock(clock({ ...stopped, state: 'breached', breached: true, elapsedSeconds: 270 * MIN, remainingSeconds: -30 * MIN }), 0);
    expect(resultText(breached, en)).toBe('Breached by 30 min: took 4 h 30 min of 4 h');
    expect(resultText(breached, de)).toBe('Um 30 Min. verletzt: 4 Std. 30 Min. von 4 Std.');
    expect(resultText(liveClock(clock({ ...stopped, state: 'notStarted', elapsedSeconds: 0, cycles: [] }), 0), en)).toBe('Target 4 h');
    const noTarget = { state: 'notApplicable', targetMinutes: null, remainingSeconds: null, dueAt: null } as const;
    expect(resultText(liveClock(clock({ ...noTarget, elapsedSeconds: 80 * MIN }), 0), en)).toBe('No target for the current priority · 1 h 20 min measured');
    expect(resultText(liveClock(clock({ ...noTarget, elapsedSeconds: 0, cycles: [] }), 0), de)).toBe('Kein Ziel für die aktuelle Priorität');
    expect(resultText(liveClock(clock(), 0), en)).toBeNull();
  });
});

describe('dueText', () => {
  const now = EVALUATED_MS;

  it('writes a due time later today as a time of day in the viewer’s zone and locale', () => {
    expect(dueText(liveClock(clock(), 0), en, 'en-US', 'America/New_York', now)).toMatch(/^Due today at 11:14\sAM$/);
    expect(dueText(liveClock(clock(), 0), de, 'de-CH', 'Europe/Zurich', now)).toBe('Fällig heute um 16:14');
  });

  it('writes another day with its date; what is "today" depends on the viewer’s zone', () => {
    // 23:30 UTC is still March 10 in New York but already March 11 in Zurich.
    const late = liveClock(clock({ dueAt: '2026-03-10T23:30:00.000Z' }), 0);
    expect(dueText(late, en, 'en-US', 'America/New_York', now)).toMatch(/^Due today at 7:30\sPM$/);
    expect(dueText(late, de, 'de-DE', 'Europe/Zurich', now)).toBe('Fällig am 11. März, 00:30');
    expect(dueText(liveClock(clock({ dueAt: '2027-01-05T08:00:00.000Z' }), 0), en, 'en-US', 'UTC', now)).toMatch(/^Due Jan 5, 2027, 8:00\sAM$/);
  });

  it('says "was due" once past, and nothing for clocks that are not running', () => {
    const over = liveClock(clock({ elapsedSeconds: 250 * MIN, remainingSeconds: -10 * MIN, breached: true, dueAt: '2026-03-10T12:50:00.000Z' }), 0);
    expect(dueText(over, en, 'en-US', 'UTC', now)).toMatch(/^Was due Mar 10, 12:50\sPM$/);
    expect(dueText(over, de, 'de-DE', 'UTC', now)).toBe('War fällig am 10. März, 12:50');
    expect(dueText(liveClock(clock({ state: 'paused', dueAt: null }), 0), en, 'en-US', 'UTC', now)).toBeNull();
    expect(dueText(liveClock(clock({ state: 'met' }), 0), en, 'en-US', 'UTC', now)).toBeNull();
  });
});

describe('mostUrgent', () => {
  const now = EVALUATED_MS;
  const firstResponse = clock({ key: 'firstResponse', name: 'Time to first response', targetMinutes: 60, elapsedSeconds: 20 * MIN, remainingSeconds: 40 * MIN, dueAt: '2026-03-10T13:40:00.000Z' });
  const resolution = clock();
  const keyOf = (clocks: PanelClock[], since = 0) => mostUrgent(clocks.map((c) => liveClock(c, since)), now)?.clock.key ?? null;

  it('is the open clock due earliest, whatever the order', () => {
    expect(keyOf([resolution, firstResponse])).toBe('firstResponse');
    expect(keyOf([firstResponse, resolution])).toBe('firstResponse');
  });

  it('puts an open clock past its target first, the longest overdue before others', () => {
    const overdue = clock({ key: 'update', elapsedSeconds: 250 * MIN, remainingSeconds: -10 * MIN, breached: true, dueAt: '2026-03-10T12:50:00.000Z' });
    const longer = clock({ key: 'older', elapsedSeconds: 300 * MIN, remainingSeconds: -60 * MIN, breached: true, dueAt: '2026-03-10T12:00:00.000Z' });
    expect(keyOf([firstResponse, overdue])).toBe('update');
    expect(keyOf([overdue, longer, firstResponse])).toBe('older');
  });

  it('ranks a paused clock by the time it has left, as if it resumed now', () => {
    const paused = clock({ key: 'paused', state: 'paused', ticking: false, dueAt: null, remainingSeconds: 5 * MIN });
    expect(keyOf([firstResponse, paused])).toBe('paused');
    expect(keyOf([clock({ key: 'paused', state: 'paused', ticking: false, dueAt: null, remainingSeconds: 50 * MIN }), firstResponse])).toBe('firstResponse');
  });

  it('prefers a running clock an engineer can still meet over a cycle that breached and stopped', () => {
    const stopped = clock({ key: 'firstResponse', state: 'breached', ticking: false, dueAt: null, breached: true, remainingSeconds: -30 * MIN });
    expect(keyOf([stopped, resolution])).toBe('resolution');
    expect(keyOf([stopped, clock({ state: 'met', ticking: false, dueAt: null })])).toBe('firstResponse');
  });

  it('moves with the countdown: the clock that runs out first becomes the overdue one', () => {
    expect(keyOf([resolution, firstResponse], 41 * MIN)).toBe('firstResponse');
    expect(liveClock(firstResponse, 41 * MIN).overdue).toBe(true);
  });

  it('falls back to not started, met and no target, and is null without clocks', () => {
    const notStarted = clock({ key: 'a', state: 'notStarted', ticking: false, dueAt: null, cycles: [] });
    const met = clock({ key: 'b', state: 'met', ticking: false, dueAt: null });
    const none = clock({ key: 'c', state: 'notApplicable', targetMinutes: null, remainingSeconds: null, dueAt: null });
    expect(keyOf([none, met, notStarted])).toBe('a');
    expect(keyOf([none, met])).toBe('b');
    expect(keyOf([])).toBeNull();
  });
});

describe('anyTicking and needsRefresh', () => {
  it('tick only for a running clock inside working hours; refresh while any clock runs', () => {
    expect(anyTicking([clock()])).toBe(true);
    expect(anyTicking([clock({ ticking: false })])).toBe(false);
    expect(anyTicking([clock({ state: 'paused' })])).toBe(false);
    expect(needsRefresh([clock({ ticking: false })])).toBe(true);
    expect(needsRefresh([clock({ state: 'paused' }), clock({ state: 'met' })])).toBe(false);
    expect(needsRefresh([])).toBe(false);
  });
});
