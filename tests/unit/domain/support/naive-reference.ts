// A deliberately naive business-time and SLA reference: it steps minute by minute and asks Intl for every
// minute's wall clock. Slow and obviously right; the engine must agree with it on minute-aligned inputs.
// It shares no code with src/domain except the input types.
import type { Calendar } from '../../../../src/domain/calendar';
import type { Policy, StatusCategory, Timeline } from '../../../../src/domain/sla';

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const wallCache = new Map<string, { date: string; monthDay: string; weekday: number; minuteOfDay: number }>();
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function wallOf(zone: string, t: number): { date: string; monthDay: string; weekday: number; minuteOfDay: number } {
  const key = `${zone}|${t}`;
  const hit = wallCache.get(key);
  if (hit) return hit;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(t)) parts[p.type] = p.value;
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts['weekday'] ?? '');
  const wall = {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    monthDay: `${parts['month']}-${parts['day']}`,
    weekday,
    minuteOfDay: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
  if (wallCache.size > 2_000_000) wallCache.clear();
  wallCache.set(key, wall);
  return wall;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Is the minute starting at t (minute-aligned) working time: its wall clock inside that date's hours? */
export function naiveIsWorking(cal: Calendar, t: number): boolean {
  const wall = wallOf(cal.timeZone, t);
  const dated = cal.holidays?.find((h) => h.date === wall.date);
  const yearly = cal.yearlyHolidays?.find((h) => h.date === wall.monthDay);
  const hours = dated ? (dated.hours ?? []) : yearly ? (yearly.hours ?? []) : (cal.weekly[WEEKDAY_KEYS[wall.weekday] ?? 'sun'] ?? []);
  return hours.some(([s, e]) => wall.minuteOfDay >= toMinutes(s) && wall.minuteOfDay < toMinutes(e));
}

function paused(pauses: readonly { from: number; to: number }[], t: number): boolean {
  return pauses.some((p) => t >= p.from && t < p.to);
}

/** Working minutes in [a, b), a and b minute-aligned. */
export function naiveBetweenMinutes(cal: Calendar, a: number, b: number, pauses: readonly { from: number; to: number }[] = []): number {
  let n = 0;
  for (let t = a; t < b; t += MINUTE) if (naiveIsWorking(cal, t) && !paused(pauses, t)) n++;
  return n;
}

/** The end of the d-th working minute from a, or null when not found within `maxDays`. */
export function naiveAddMinutes(
  cal: Calendar,
  a: number,
  d: number,
  pauses: readonly { from: number; to: number }[] = [],
  maxDays = 30,
): number | null {
  if (d === 0) return a;
  let n = 0;
  for (let t = a; t < a + maxDays * 1440 * MINUTE; t += MINUTE) {
    if (naiveIsWorking(cal, t) && !paused(pauses, t)) {
      n++;
      if (n === d) return t + MINUTE;
    }
  }
  return null;
}

export function naiveNextWorking(cal: Calendar, t: number, maxDays = 30): number | null {
  for (let u = t; u < t + maxDays * 1440 * MINUTE; u += MINUTE) if (naiveIsWorking(cal, u)) return u;
  return null;
}

export interface NaiveMetric {
  state: string;
  cycles: number;
  elapsedMinutes: number;
  breached: boolean;
  everBreached: boolean;
  /** undefined when the reference gave up searching. */
  dueAt: number | null | undefined;
  warning: boolean;
}

/**
 * The SLA rules read literally from the case format, minute by minute: walk the events to find cycles and
 * the instants where the issue sat in a pause status, then count working, unpaused minutes.
 */
export function naiveSla(policy: Policy, timeline: Timeline, now: number, cal: Calendar): Record<string, NaiveMetric> {
  const out: Record<string, NaiveMetric> = {};
  const events = timeline.filter((e) => e.at <= now);
  let priority: string | null = null;
  for (const e of events) {
    if (e.type === 'created') priority = e.priority;
    if (e.type === 'priority') priority = e.to;
  }
  for (const m of policy.metrics) {
    const target = m.targets.find((t) => !t.priorities || (priority !== null && t.priorities.some((p) => p.toLowerCase() === priority?.toLowerCase())));
    const inPause = (status: string, category: StatusCategory): boolean =>
      (m.pause ?? []).some(
        (p) => (p.status ?? []).some((s) => s.toLowerCase() === status.toLowerCase()) || (p.statusCategory ?? []).includes(category),
      );
    // Status intervals: [from, to) with the status held then.
    let status = '';
    let category: StatusCategory = 'new';
    const cycles: { start: number; stop: number | null }[] = [];
    const statusSpans: { from: number; status: string; category: StatusCategory }[] = [];
    for (const e of events) {
      const prevStatus = status;
      const prevCategory = category;
      if (e.type === 'created') {
        status = e.status;
        category = e.statusCategory;
      }
      if (e.type === 'status') {
        status = e.to;
        category = e.toCategory;
      }
      if (e.type === 'created' || e.type === 'status') statusSpans.push({ from: e.at, status, category });
      const meets = (c: (typeof m.start)[number]): boolean => {
        if (c.event === 'created') return e.type === 'created';
        if (c.event === 'status') return e.type === 'status' && status.toLowerCase() === c.to.toLowerCase() && prevStatus.toLowerCase() !== c.to.toLowerCase();
        if (c.event === 'statusCategory') {
          return e.type === 'status' && prevCategory !== category && (c.to === undefined || c.to === category) && (c.from === undefined || c.from === prevCategory);
        }
        if (c.event === 'comment') return e.type === 'comment' && (c.author === undefined || c.author === e.author) && (c.public === undefined || c.public === e.public);
        return e.type === 'assigned' && e.to !== null;
      };
      const open = cycles.length > 0 && cycles[cycles.length - 1]?.stop === null;
      if (m.stop.some(meets)) {
        if (open) (cycles[cycles.length - 1] as { stop: number | null }).stop = e.at;
      } else if (!open && m.start.some(meets)) {
        cycles.push({ start: e.at, stop: null });
      }
    }
    // The status in force at minute t: the last status span starting at or before t (same-instant: the last).
    const pausedAt = (t: number): boolean => {
      let span: (typeof statusSpans)[number] | undefined;
      for (const s of statusSpans) if (s.from <= t) span = s;
      return span ? inPause(span.status, span.category) : false;
    };
    const elapsedOf = (c: { start: number; stop: number | null }): number => {
      let n = 0;
      for (let t = c.start; t < (c.stop ?? now); t += MINUTE) if (naiveIsWorking(cal, t) && !pausedAt(t)) n++;
      return n;
    };
    const elapsed = cycles.map(elapsedOf);
    const last = cycles[cycles.length - 1];
    const lastElapsed = elapsed[elapsed.length - 1] ?? 0;
    const targetMinutes = target?.minutes ?? null;
    const breached = targetMinutes !== null && lastElapsed > targetMinutes;
    const open = last !== undefined && last.stop === null;
    const isPaused = open && pausedAt(now);
    let state: string;
    if (targetMinutes === null) state = 'notApplicable';
    else if (!last) state = 'notStarted';
    else if (open) state = isPaused ? 'paused' : 'running';
    else state = breached ? 'breached' : 'met';
    let dueAt: number | null | undefined = null;
    if (state === 'running' && last && targetMinutes !== null) {
      // Count minutes from the cycle start; after now the clock keeps running (no pause).
      dueAt = undefined;
      if (targetMinutes === 0) dueAt = last.start;
      else {
        let n = 0;
        for (let t = last.start; t < now + 30 * 1440 * MINUTE; t += MINUTE) {
          if (naiveIsWorking(cal, t) && (t >= now || !pausedAt(t))) {
            n++;
            if (n === targetMinutes) {
              dueAt = t + MINUTE;
              break;
            }
          }
        }
      }
    }
    const warning = state === 'running' && !breached && m.warnAtPercent !== undefined && targetMinutes !== null && lastElapsed * 100 >= m.warnAtPercent * targetMinutes;
    out[m.key] = {
      state,
      cycles: cycles.length,
      elapsedMinutes: lastElapsed,
      breached,
      everBreached: targetMinutes !== null && elapsed.some((e) => e > targetMinutes),
      dueAt,
      warning,
    };
  }
  return out;
}
