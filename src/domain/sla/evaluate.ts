// SLA clocks from an issue's timeline: cycles opened by start conditions, closed by stop conditions, held
// by pause conditions, measured in the metric calendar's business time and judged against the target for
// the priority at `now`. Pure and allocation-light: it runs on every issue event and sweep.
import * as calendar from '../calendar';
import { ValidationError, type Calendar, type CompiledCalendar } from '../calendar';
import * as businessTime from '../calendar/business-time';
import { compilePolicy, type CompiledMetric, type CompiledTarget } from './compiled-policy';
import * as conditions from './conditions';
import type { Transition } from './conditions';
import { timelineProblem } from './schema';
import {
  STATUS_CATEGORIES,
  type CycleResult,
  type MetricResult,
  type MetricState,
  type Policy,
  type SlaResult,
  type StatusCategory,
  type Timeline,
  type TimelineEvent,
} from './types';

export interface EvaluateOptions {
  /** The calendar of metrics that carry none (normally the contract's calendar). */
  calendar?: Calendar;
}

interface Clock {
  open: boolean;
  paused: boolean;
  cycleStart: number;
  /** Start of the current running stretch, or of the current pause. */
  since: number;
  elapsedMs: number;
  /** Closed pauses of the open cycle, flat `[from, to, ...]`. */
  pauses: number[];
  history: { startedAt: number; stoppedAt: number | null; elapsedMs: number }[];
}

const CATEGORIES: ReadonlySet<string> = new Set(STATUS_CATEGORIES);

// The hot loop calls these through local bindings: tsx (esbuild) and swc compile imported names to getter
// calls, which cost a fifth of an evaluation.
const { add, addPaused, between, isWorking } = businessTime;
const { meetsAny } = conditions;
const { compileCalendar, MIN_INSTANT, MAX_INSTANT } = calendar;

/**
 * Evaluates every metric of `policy` for an issue with `timeline` at instant `now` (epoch ms). Events after
 * `now` are ignored; events at the same instant apply in list order. Throws ValidationError on a bad
 * policy, calendar or timeline.
 */
export function evaluateSla(policy: Policy, timeline: Timeline, now: number, options: EvaluateOptions = {}): SlaResult {
  const compiled = compilePolicy(policy);
  if (typeof now !== 'number' || !(now >= MIN_INSTANT && now < MAX_INSTANT)) {
    throw ValidationError.at('now', 'must be epoch milliseconds within the years 1900 to 2999');
  }
  const problem = timelineProblem(timeline);
  if (problem) throw new ValidationError([problem]);
  const fallback = options.calendar ? compileCalendar(options.calendar) : null;
  const metrics = compiled.metrics;
  const calendars = metrics.map((m) => {
    const cc = m.calendar ?? fallback;
    if (!cc) {
      throw ValidationError.at(`policy.metrics[${m.index}].calendar`, 'no calendar: give the metric one or pass a default calendar');
    }
    return cc;
  });
  const clocks: Clock[] = metrics.map(() => ({
    open: false,
    paused: false,
    cycleStart: 0,
    since: 0,
    elapsedMs: 0,
    pauses: [],
    history: [],
  }));

  const change: Transition = { fromStatus: '', toStatus: '', fromCategory: 'new', toCategory: 'new' };
  let status = '';
  let category: StatusCategory = 'new';
  let priority: string | null = null;

  for (let i = 0; i < timeline.length; i++) {
    const event = timeline[i] as TimelineEvent;
    if (event.at > now) break;
    const at = event.at;
    let statusChanged = false;
    if (event.type === 'created' || event.type === 'status') {
      const name = event.type === 'created' ? event.status : event.to;
      const next = event.type === 'created' ? event.statusCategory : event.toCategory;
      if (typeof name !== 'string' || !CATEGORIES.has(next)) {
        throw ValidationError.at(`timeline[${i}]`, 'a status event needs a status name and a category (new, indeterminate, done)');
      }
      // `change.from*` still holds the previous status (set at the end of each step).
      status = name;
      category = next;
      change.toStatus = name.toLowerCase();
      change.toCategory = next;
      statusChanged = true;
      if (event.type === 'created') {
        change.fromStatus = change.toStatus;
        change.fromCategory = next;
        priority = event.priority;
      }
    } else if (event.type === 'priority') {
      priority = event.to;
    }

    for (let m = 0; m < metrics.length; m++) {
      const metric = metrics[m] as CompiledMetric;
      const clock = clocks[m] as Clock;
      const cc = calendars[m] as CompiledCalendar;
      if (meetsAny(metric.stop, event, change)) {
        if (clock.open) close(clock, cc, at);
      } else if (!clock.open && meetsAny(metric.start, event, change)) {
        clock.open = true;
        clock.cycleStart = at;
        clock.since = at;
        clock.elapsedMs = 0;
        clock.pauses = [];
        clock.paused = metric.hasPause && holds(metric, change);
        clock.history.push({ startedAt: at, stoppedAt: null, elapsedMs: 0 });
      }
      // A cycle opened by this event already took its pause state from the new status.
      if (clock.open && statusChanged && metric.hasPause) {
        const hold = holds(metric, change);
        if (hold && !clock.paused) {
          clock.elapsedMs += between(cc, clock.since, at);
          clock.paused = true;
          clock.since = at;
        } else if (!hold && clock.paused) {
          clock.pauses.push(clock.since, at);
          clock.paused = false;
          clock.since = at;
        }
      }
    }
    change.fromStatus = change.toStatus;
    change.fromCategory = change.toCategory;
  }

  const result: SlaResult = {};
  for (let m = 0; m < metrics.length; m++) {
    const metric = metrics[m] as CompiledMetric;
    const clock = clocks[m] as Clock;
    const cc = calendars[m] as CompiledCalendar;
    if (clock.open && !clock.paused) clock.elapsedMs += between(cc, clock.since, now);
    const last = clock.history[clock.history.length - 1];
    if (last && clock.open) last.elapsedMs = clock.elapsedMs;
    result[metric.key] = report(metric, clock, cc, targetFor(metric.targets, priority), now, status, category);
  }
  return result;
}

function close(clock: Clock, cc: CompiledCalendar, at: number): void {
  if (!clock.paused) clock.elapsedMs += between(cc, clock.since, at);
  clock.open = false;
  clock.paused = false;
  const last = clock.history[clock.history.length - 1];
  if (last) {
    last.stoppedAt = at;
    last.elapsedMs = clock.elapsedMs;
  }
}

function holds(metric: CompiledMetric, change: Transition): boolean {
  return metric.pauseStatuses.includes(change.toStatus) || metric.pauseCategories.includes(change.toCategory);
}

function targetFor(targets: readonly CompiledTarget[], priority: string | null): CompiledTarget | null {
  const key = priority === null ? null : priority.toLowerCase();
  for (const t of targets) {
    if (t.priorities === null || (key !== null && t.priorities.has(key))) return t;
  }
  return null;
}

function report(
  metric: CompiledMetric,
  clock: Clock,
  cc: CompiledCalendar,
  target: CompiledTarget | null,
  now: number,
  status: string,
  category: StatusCategory,
): MetricResult {
  const targetSeconds = target ? target.minutes * 60 : null;
  const history: CycleResult[] = clock.history.map((c) => {
    const elapsedSeconds = Math.floor(c.elapsedMs / 1000);
    return {
      startedAt: c.startedAt,
      stoppedAt: c.stoppedAt,
      elapsedSeconds,
      breached: targetSeconds !== null && elapsedSeconds > targetSeconds,
    };
  });
  const latest = history[history.length - 1];
  const elapsedSeconds = latest ? latest.elapsedSeconds : 0;
  const elapsedMinutes = Math.floor(elapsedSeconds / 60);
  const breached = latest ? latest.breached : false;
  const running = clock.open && !clock.paused;

  let state: MetricState;
  if (!target) state = 'notApplicable';
  else if (!latest) state = 'notStarted';
  else if (clock.open) state = clock.paused ? 'paused' : 'running';
  else state = breached ? 'breached' : 'met';

  let dueAt: number | null = null;
  let warning = false;
  if (target && running && targetSeconds !== null) {
    const targetMs = target.minutes * 60_000;
    dueAt =
      clock.elapsedMs < targetMs
        ? add(cc, now, targetMs - clock.elapsedMs)
        : addPaused(cc, clock.cycleStart, targetMs, clock.pauses);
    warning = !breached && metric.warnAtPercent !== null && elapsedSeconds * 100 >= metric.warnAtPercent * targetSeconds;
  }

  return {
    key: metric.key,
    name: metric.name,
    state,
    targetMinutes: target ? target.minutes : null,
    elapsedSeconds,
    elapsedMinutes,
    remainingSeconds: targetSeconds === null ? null : targetSeconds - elapsedSeconds,
    remainingMinutes: target ? target.minutes - elapsedMinutes : null,
    dueAt,
    breached,
    everBreached: history.some((c) => c.breached),
    warning,
    cycles: history.length,
    pausedReason: clock.open && clock.paused ? { status, statusCategory: category } : null,
    withinCalendarHours: isWorking(cc, now),
    history,
  };
}
