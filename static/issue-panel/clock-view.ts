// An SLA clock as the panel shows it at a browser instant: the live countdown from the server's evaluation, the
// remaining time in words ("2 h 14 min left", "45 min overdue"), the progress tone and which clock is most
// urgent. Pure: the instant comes in as an argument, texts through a `Translate`, so it is tested with plain data.
import type { PanelClock, SlaClockState } from '@contract/sla';
import { formatNearInstant, formatTime, localDay, type Translate } from '../shared/locale';

/** How the clock's bar and lozenge are coloured. */
export type ClockTone = 'information' | 'success' | 'warning' | 'danger' | 'neutral';

export interface LiveClock {
  clock: PanelClock;
  /** Business seconds in the latest cycle at the browser's instant. */
  elapsedSeconds: number;
  /** Target minus elapsed at the browser's instant (negative when over); null without a target. */
  remainingSeconds: number | null;
  /** Counting down right now: running inside working hours. */
  ticking: boolean;
  /** Running, but outside the calendar's working time: the remaining time holds still. */
  outsideHours: boolean;
  /** Open (running or paused) and past its target. */
  overdue: boolean;
  /** Elapsed has reached the metric's warning threshold (and is not over the target). */
  warning: boolean;
  /** Elapsed as a share of the target, 0 to 100 (capped); null when no target applies or the clock never started. */
  percent: number | null;
  tone: ClockTone;
}

/**
 * Seconds of wall-clock time since the server evaluated the clocks, by the browser's clock. When the browser's
 * clock is behind the server's, the time since the answer arrived is used instead, so the countdown never stalls
 * waiting for the browser to catch up; it never goes backwards.
 */
export function secondsSinceEvaluation(evaluatedAt: string, receivedAtMs: number, nowMs: number): number {
  const evaluated = Date.parse(evaluatedAt);
  const sinceEvaluated = Number.isNaN(evaluated) ? 0 : nowMs - evaluated;
  return Math.max(0, Math.floor(Math.max(sinceEvaluated, nowMs - receivedAtMs) / 1000));
}

const OPEN: ReadonlySet<SlaClockState> = new Set(['running', 'paused']);

/** The clock `sinceSeconds` after its evaluation: only a ticking clock moves. */
export function liveClock(clock: PanelClock, sinceSeconds: number): LiveClock {
  const ticking = clock.state === 'running' && clock.ticking;
  const moved = ticking ? Math.max(0, sinceSeconds) : 0;
  const elapsedSeconds = clock.elapsedSeconds + moved;
  const remainingSeconds = clock.remainingSeconds === null ? null : clock.remainingSeconds - moved;
  const targetSeconds = clock.targetMinutes === null ? null : clock.targetMinutes * 60;
  const open = OPEN.has(clock.state);
  const overdue = open && remainingSeconds !== null && remainingSeconds < 0;
  const over = clock.state === 'breached' || overdue || (open && clock.breached);
  const warning =
    !over &&
    open &&
    targetSeconds !== null &&
    clock.warnAtPercent !== null &&
    (clock.warning || elapsedSeconds * 100 >= clock.warnAtPercent * targetSeconds);
  const percent =
    targetSeconds === null || clock.state === 'notStarted' || clock.state === 'notApplicable'
      ? null
      : targetSeconds === 0
        ? 100
        : Math.min(100, Math.max(0, (elapsedSeconds * 100) / targetSeconds));

  let tone: ClockTone;
  if (over) tone = 'danger';
  else if (warning) tone = 'warning';
  else if (clock.state === 'met') tone = 'success';
  else if (clock.state === 'running') tone = 'information';
  else tone = 'neutral';

  return {
    clock,
    elapsedSeconds,
    remainingSeconds,
    ticking,
    outsideHours: clock.state === 'running' && !clock.ticking,
    overdue,
    warning,
    percent,
    tone,
  };
}

/**
 * Whole hours and minutes of `seconds` (its absolute value). Elapsed time is floored, as the SLA engine reports
 * it; remaining time is rounded up, so "1 min left" shows until the target is reached, never "0 min left".
 */
export function splitDuration(seconds: number, round: 'floor' | 'ceil'): { hours: number; minutes: number } {
  const total = (round === 'ceil' ? Math.ceil : Math.floor)(Math.abs(seconds) / 60);
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/**
 * "2 h 14 min", "3 h", "45 min" in the viewer's language; "< 1 min" for a part of a minute that floors to none.
 * Hours are not folded into days: SLA time is business time, and a day of it is not 24 hours.
 */
export function formatDuration(seconds: number, t: Translate, round: 'floor' | 'ceil' = 'floor'): string {
  const { hours, minutes } = splitDuration(seconds, round);
  if (hours === 0 && minutes === 0) return seconds === 0 ? t('panel.duration.m', { m: 0 }) : t('panel.duration.underMinute');
  if (hours === 0) return t('panel.duration.m', { m: minutes });
  if (minutes === 0) return t('panel.duration.h', { h: hours });
  return t('panel.duration.hm', { h: hours, m: minutes });
}

/** "2 h 14 min left", "Due now", "45 min overdue"; null when nothing is due (no target, not open). */
export function remainingText(live: LiveClock, t: Translate): string | null {
  if (live.remainingSeconds === null || !OPEN.has(live.clock.state)) return null;
  if (live.remainingSeconds > 0) return t('panel.clock.left', { duration: formatDuration(live.remainingSeconds, t, 'ceil') });
  if (live.remainingSeconds === 0) return t('panel.clock.dueNow');
  return t('panel.clock.overdue', { duration: formatDuration(live.remainingSeconds, t, 'floor') });
}

/** What a clock that is not counting says instead: met, breached, not started or measured without a target. */
export function resultText(live: LiveClock, t: Translate): string | null {
  const { clock } = live;
  const target = clock.targetMinutes === null ? null : formatDuration(clock.targetMinutes * 60, t);
  const elapsed = formatDuration(live.elapsedSeconds, t);
  switch (clock.state) {
    case 'met':
      return t('panel.clock.metIn', { elapsed, target: target ?? '' });
    case 'breached':
      return t('panel.clock.breachedBy', {
        over: formatDuration(live.elapsedSeconds - (clock.targetMinutes ?? 0) * 60, t),
        elapsed,
        target: target ?? '',
      });
    case 'notStarted':
      return target === null ? null : t('panel.clock.target', { target });
    case 'notApplicable':
      return clock.cycles.length > 0 ? t('panel.clock.noTargetMeasured', { elapsed }) : t('panel.clock.noTarget');
    default:
      return null;
  }
}

/** Why the clock does not count down right now; null when it does (or is not open). */
export function pausedText(live: LiveClock, t: Translate): string | null {
  if (live.clock.state === 'paused') {
    return live.clock.pausedBy ? t('panel.clock.pausedBy', { reason: live.clock.pausedBy }) : t('panel.clock.paused');
  }
  if (live.outsideHours) return t('panel.clock.outsideHours');
  return null;
}

/**
 * When the clock is due, in the viewer's zone and locale: "Due today at 4:30 PM", "Due Mar 11, 9:00 AM", or
 * "Was due …" once past. Null when nothing is due (only a running clock has a due instant).
 */
export function dueText(live: LiveClock, t: Translate, locale: string, timeZone: string, nowMs: number): string | null {
  const { dueAt } = live.clock;
  if (!dueAt || live.clock.state !== 'running') return null;
  const at = Date.parse(dueAt);
  if (Number.isNaN(at)) return null;
  if (live.overdue || at < nowMs) return t('panel.clock.wasDue', { when: formatNearInstant(dueAt, locale, timeZone, nowMs) });
  if (localDay(at, timeZone) === localDay(nowMs, timeZone)) return t('panel.clock.dueToday', { time: formatTime(dueAt, locale, timeZone) });
  return t('panel.clock.due', { when: formatNearInstant(dueAt, locale, timeZone, nowMs) });
}

/** Ranks of `mostUrgent`: lower is more urgent. */
function urgencyRank(live: LiveClock): number {
  const { state } = live.clock;
  if (live.overdue) return 0;
  if (OPEN.has(state) && live.remainingSeconds !== null) return 1;
  if (state === 'breached') return 2;
  if (OPEN.has(state)) return 3;
  if (state === 'notStarted') return 4;
  if (state === 'met') return 5;
  return 6;
}

/**
 * The instant an open clock runs out: its due instant while running; for a paused clock the earliest it could
 * (were it resumed now), so a paused clock with 5 minutes left ranks before a running one with an hour.
 */
function runsOutAt(live: LiveClock, nowMs: number): number {
  const due = live.clock.dueAt ? Date.parse(live.clock.dueAt) : Number.NaN;
  if (!Number.isNaN(due)) return due;
  return nowMs + (live.remainingSeconds ?? Number.POSITIVE_INFINITY) * 1000;
}

/**
 * The clock the compact view shows: an open clock past its target first (the longest overdue), then the open
 * clock due earliest; only when none is open, a breached one, then not started, met, and no target. A cycle that
 * breached and stopped is history: an engineer can still meet the clock that is running, so it goes first.
 */
export function mostUrgent(clocks: readonly LiveClock[], nowMs: number): LiveClock | null {
  let best: LiveClock | null = null;
  for (const live of clocks) {
    if (!best) {
      best = live;
      continue;
    }
    const rank = urgencyRank(live) - urgencyRank(best);
    if (rank < 0 || (rank === 0 && runsOutAt(live, nowMs) < runsOutAt(best, nowMs))) best = live;
  }
  return best;
}

/** Whether anything shown moves with time: the countdown ticks only then. */
export function anyTicking(clocks: readonly PanelClock[]): boolean {
  return clocks.some((c) => c.state === 'running' && c.ticking);
}

/**
 * Whether the answer goes stale on its own: a running clock starts or stops ticking at the calendar's working
 * hours, which the answer does not say when, so the panel asks again now and then while one runs.
 */
export function needsRefresh(clocks: readonly PanelClock[]): boolean {
  return clocks.some((c) => c.state === 'running');
}
