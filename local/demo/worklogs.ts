// Worklogs: exactly the requested number, shared out over the issues by how much work each had (largest
// remainder), then placed inside the issues' work spans, mostly in the engineer's office hours. A few are placed on
// purpose on customers' public holidays and across month ends (23:30 on the last day, 90 minutes), because billing
// must assign those to the right day and month in the customer's time zone.

import type { DemoContext } from './context';
import type { RawIssue } from './issues';
import type { WorkSpan } from './issue-builder';
import { apportion, between, chance, intBetween, pick, pickWeighted, type Rng, rngFor } from './rng';
import { addDays, DAY, HOUR, type LocalDate, localParts, localToInstant, MINUTE, offsetMinutes } from './time';
import { worklogComment } from './texts';

export interface RawWorklog {
  author: string;
  started: number;
  seconds: number;
  /** When it was logged, if later than the end of the work. */
  created?: number;
  comment?: string;
  special?: 'holiday' | 'month-end';
  /** Latest end that keeps it inside its work span (placement only). */
  limit?: number;
}

/** Minutes each engineer has logged per local day, so placement can prefer days that are not full yet. */
class DayLoad {
  private readonly minutes = new Map<number, number>();
  private readonly index = new Map<string, { i: number; zone: string }>();

  constructor(ctx: DemoContext, readonly enabled: boolean) {
    ctx.engineers.forEach((e, i) => this.index.set(e.spec.accountId, { i, zone: e.spec.timeZone }));
  }

  private key(author: string, t: number): number {
    const who = this.index.get(author);
    if (!who) return -1;
    return who.i * 1_000_000 + Math.floor((t + offsetMinutes(who.zone, t) * MINUTE) / DAY);
  }

  get(author: string, t: number): number {
    return this.minutes.get(this.key(author, t)) ?? 0;
  }

  add(w: RawWorklog): void {
    const k = this.key(w.author, w.started);
    this.minutes.set(k, (this.minutes.get(k) ?? 0) + w.seconds / 60);
  }
}

/** A day's worth of logged work; beyond it placement tries other times or colleagues. */
const DAY_BUDGET_MINUTES = 9 * 60;

const TYPE_WEIGHT: Record<RawIssue['type'], number> = { incident: 1, request: 0.7, change: 1.3, problem: 1.6, task: 0.8 };

/** Places exactly `total` worklogs; returns them per issue (same order as `issues`), each list sorted by start. */
export function placeWorklogs(ctx: DemoContext, issues: RawIssue[], total: number, seed: number): RawWorklog[][] {
  const out: RawWorklog[][] = issues.map(() => []);
  if (total === 0) return out;
  const windows = issues.map((issue) => workWindows(ctx, issue, seed));
  const weightRng = rngFor(seed, 'worklog-weights');
  const availableHours = windows.map((spans) => spans.reduce((sum, s) => sum + Math.min(s.available, 40 * HOUR) * s.weight, 0) / HOUR);
  let weights = issues.map((issue, i) => {
    if (issue.spans.every((s) => s.end - s.start < MINUTE)) return 0;
    const hours = availableHours[i] ?? 0;
    return hours > 0 ? (0.3 + hours ** 0.8) * TYPE_WEIGHT[issue.type] * between(weightRng, 0.6, 1.4) : 0;
  });
  // Nothing was worked on yet (a tiny or very recent data set): spread over the issues' lives instead.
  if (weights.every((w) => w === 0)) weights = issues.map(() => 1);
  // About one worklog per 45 minutes of working time an issue had, so a two-hour incident gets two or three.
  const caps = availableHours.map((h, i) => ((weights[i] ?? 0) > 0 ? Math.max(1, Math.floor(h / 0.75)) : 0));
  const quota = apportionCapped(total, weights, caps);

  placeSpecials(ctx, issues, windows, quota, out, seed);
  // A daily budget only makes sense when the total fits into the engineers' days (not at benchmark scale).
  const engineerDays = ctx.engineers.reduce((sum, e) => sum + e.office.workingBetween(ctx.historyStart, ctx.anchor), 0) / (8 * HOUR);
  const load = new DayLoad(ctx, (total * 50) / 60 / engineerDays < 7);
  for (const list of out) for (const w of list) load.add(w);

  issues.forEach((issue, i) => {
    const rng = rngFor(seed, 'worklogs', issue.key);
    const list = out[i] as RawWorklog[];
    const spans = windows[i] as Window[];
    // Per span, too: a short maintenance window gets a few worklogs, not a day's worth.
    const perSpan = apportionCapped(
      quota[i] ?? 0,
      spans.map((s) => s.available * s.weight),
      spans.map((s) => Math.max(1, Math.floor(s.available / (45 * MINUTE)))),
    );
    spans.forEach((span, k) => {
      for (let n = perSpan[k] ?? 0; n > 0; n--) {
        const w = placeWithinBudget(rng, ctx, issue, span, load);
        load.add(w);
        list.push(w);
      }
    });
    list.sort(byStart);
    avoidOverlaps(list);
    for (const w of list) finish(rng, issue, w, ctx.anchor);
    list.sort(byStart);
  });
  return out;
}

function byStart(a: RawWorklog, b: RawWorklog): number {
  return a.started - b.started || (a.author < b.author ? -1 : a.author > b.author ? 1 : 0);
}

/**
 * Shares `total` by weight without exceeding the caps: the excess goes to issues with room left, by their room.
 * When the caps cannot hold the total (benchmark scale), the rest is shared by weight regardless of caps.
 */
export function apportionCapped(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const quota = apportion(total, weights);
  for (let round = 0; round < 20; round++) {
    let excess = 0;
    quota.forEach((q, i) => {
      const cap = caps[i] ?? 0;
      if (q > cap) {
        excess += q - cap;
        quota[i] = cap;
      }
    });
    if (excess === 0) return quota;
    const room = quota.map((q, i) => Math.max(0, (caps[i] ?? 0) - q));
    const roomTotal = room.reduce((a, b) => a + b, 0);
    if (roomTotal < excess) {
      // Fill every cap, then share what is left by weight.
      room.forEach((r, i) => (quota[i] = (quota[i] ?? 0) + r));
      apportion(excess - roomTotal, weights).forEach((extra, i) => (quota[i] = (quota[i] ?? 0) + extra));
      return quota;
    }
    apportion(excess, room).forEach((extra, i) => (quota[i] = (quota[i] ?? 0) + extra));
  }
  return quota;
}

/** A work span with the working time the customer's engineers have in it. */
interface Window extends WorkSpan {
  available: number;
}

/** The issue's work spans of at least a minute, or its whole life when it has none. */
function workWindows(ctx: DemoContext, issue: RawIssue, seed: number): Window[] {
  const hours = issue.customer.wideWorkHours;
  const spans = issue.spans
    .filter((s) => s.end - s.start >= MINUTE)
    .map((s) => ({ ...s, available: s.anyTime ? s.end - s.start : hours.workingBetween(s.start, s.end) }));
  if (spans.length > 0) {
    // Worked only out of hours (a night call-out): the span itself is the time available.
    if (spans.every((s) => s.available === 0)) for (const s of spans) s.available = s.end - s.start;
    return spans;
  }
  const rng = rngFor(seed, 'life-engineer', issue.key);
  const engineer = issue.customer.spec.engineers[0]?.accountId ?? pick(rng, ctx.engineers).spec.accountId;
  return [{ start: issue.created, end: issue.lifeEnd, engineer, weight: 1, anyTime: true, available: issue.lifeEnd - issue.created }];
}

const QUARTERS: readonly (readonly [number, number])[] = [[15, 14], [30, 22], [45, 14], [60, 16], [75, 5], [90, 8]];

/** Minutes: mostly quarter hours between 15 and 90, some odd lengths, a few long sessions and quick checks. */
function sampleMinutes(rng: Rng): number {
  const r = rng();
  if (r < 0.79) return pickWeighted(rng, QUARTERS);
  if (r < 0.92) return intBetween(rng, 10, 95);
  if (r < 0.97) return intBetween(rng, 8, 16) * 15;
  return intBetween(rng, 5, 10);
}

/** Tries a few placements and keeps the first within the author's daily budget, else the least loaded one. */
function placeWithinBudget(rng: Rng, ctx: DemoContext, issue: RawIssue, span: Window, load: DayLoad): RawWorklog {
  let best: RawWorklog | null = null;
  let bestLoad = Infinity;
  for (let attempt = 0; attempt < (load.enabled ? 6 : 1); attempt++) {
    const w = regularWorklog(rng, ctx, issue, span);
    const after = load.get(w.author, w.started) + w.seconds / 60;
    if (after <= DAY_BUDGET_MINUTES) return w;
    if (after < bestLoad) {
      best = w;
      bestLoad = after;
    }
  }
  return best as RawWorklog;
}

function regularWorklog(rng: Rng, ctx: DemoContext, issue: RawIssue, span: Window): RawWorklog {
  let seconds = sampleMinutes(rng) * 60;
  const length = span.end - span.start;
  if (seconds * 1000 > length) seconds = Math.max(1, Math.floor(length / MINUTE) * 60 || Math.floor(length / 1000));
  const latest = span.end - seconds * 1000;
  const hours = chance(rng, 0.75) ? issue.customer.workHours : issue.customer.wideWorkHours;
  let started = span.anyTime ? NaN : hours.randomIn(rng(), span.start, latest + 1);
  if (Number.isNaN(started) && !span.anyTime) started = issue.customer.wideWorkHours.randomIn(rng(), span.start, latest + 1);
  if (Number.isNaN(started)) started = span.start + rng() * (latest - span.start);
  started = toWholeMinute(started, span.start, latest);
  return { author: authorAt(rng, ctx, issue, span.engineer, started), started, seconds, limit: span.end };
}

/** The span's engineer when on shift (or a night call-out), sometimes a colleague on shift who helped. */
function authorAt(rng: Rng, ctx: DemoContext, issue: RawIssue, engineer: string, t: number): string {
  const on = (id: string): boolean => ctx.staff.get(id)?.office.isWorking(t) ?? false;
  const engineerOn = on(engineer);
  if (engineerOn && chance(rng, 0.85)) return engineer;
  const own = issue.customer.spec.engineers;
  const start = Math.floor(rng() * own.length);
  for (let k = 0; k < own.length; k++) {
    const id = (own[(start + k) % own.length] as (typeof own)[number]).accountId;
    if (id !== engineer && on(id)) return id;
  }
  if (engineerOn || !chance(rng, 0.7)) return engineer;
  const first = Math.floor(rng() * ctx.engineers.length);
  for (let k = 0; k < ctx.engineers.length; k++) {
    const e = ctx.engineers[(first + k) % ctx.engineers.length];
    if (e && e.office.isWorking(t)) return e.spec.accountId;
  }
  return engineer;
}

/** Moves an engineer's worklog after their previous one on the same issue when it still fits in its span. */
function avoidOverlaps(list: RawWorklog[]): void {
  const lastEnd = new Map<string, number>();
  for (const w of list) {
    const prev = lastEnd.get(w.author) ?? -Infinity;
    if (w.special === undefined && w.started < prev && w.limit !== undefined) {
      const moved = Math.ceil(prev / (5 * MINUTE)) * 5 * MINUTE;
      if (moved + w.seconds * 1000 <= w.limit) w.started = moved;
    }
    lastEnd.set(w.author, Math.max(prev, w.started + w.seconds * 1000));
  }
}

/** Rounds to a whole minute (or 5 minutes, as people often type) when that stays inside [min, max]. */
function toWholeMinute(t: number, min: number, max: number): number {
  for (const step of [5 * MINUTE, MINUTE]) {
    const up = Math.ceil(t / step) * step;
    if (up <= max && up >= min) return up;
    const down = Math.floor(t / step) * step;
    if (down >= min && down <= max) return down;
  }
  return Math.min(Math.max(Math.round(t / 1000) * 1000, min), max);
}

/** Adds a comment and, for some, a later logging time (people log at the end of the day or the next morning). */
function finish(rng: Rng, issue: RawIssue, w: RawWorklog, anchor: number): void {
  const text = { rng, vocabulary: issue.customer.spec.vocabulary, component: issue.components[0] ?? '' };
  if (chance(rng, 0.75)) w.comment = worklogComment(text);
  const end = w.started + w.seconds * 1000;
  const delay = pickWeighted(rng, [[0, 60], [between(rng, 2, 180) * MINUTE, 30], [between(rng, 12, 20) * HOUR, 10]] as const);
  const created = Math.min(anchor, Math.round((end + delay) / 1000) * 1000);
  if (created > end) w.created = created;
}

interface Target {
  issueIndex: number;
  span: Window;
}

/** Holiday and month-end worklogs; each takes one of the chosen issue's share, so the total stays exact. */
function placeSpecials(
  ctx: DemoContext,
  issues: RawIssue[],
  windows: Window[][],
  quota: number[],
  out: RawWorklog[][],
  seed: number,
): void {
  const rng = rngFor(seed, 'special-worklogs');
  const byCustomer = new Map<string, number[]>();
  issues.forEach((issue, i) => {
    const list = byCustomer.get(issue.customer.spec.key) ?? [];
    list.push(i);
    byCustomer.set(issue.customer.spec.key, list);
  });

  /** Work spans of the customer's issues (with worklogs left to give) overlapping [from, to] by at least `min`. */
  const targets = (indexes: number[], from: number, to: number, min: number): Target[] => {
    const found: Target[] = [];
    for (const i of indexes) {
      if ((quota[i] ?? 0) < 1) continue;
      const span = windows[i]?.find((s) => Math.min(s.end, to) - Math.max(s.start, from) >= min);
      if (span) found.push({ issueIndex: i, span });
    }
    return found;
  };
  const take = (target: Target, started: number, seconds: number, special: RawWorklog['special']): void => {
    quota[target.issueIndex] = (quota[target.issueIndex] ?? 0) - 1;
    (out[target.issueIndex] as RawWorklog[]).push({ author: target.span.engineer, started, seconds, special });
  };

  for (const customer of ctx.customers) {
    const indexes = byCustomer.get(customer.spec.key) ?? [];
    const zone = customer.spec.timeZone;

    // Public holidays in the history: up to two worklogs between 08:00 and 20:00 local on the holiday.
    for (const holiday of customer.holidays) {
      const date = { y: Number(holiday.date.slice(0, 4)), m: Number(holiday.date.slice(5, 7)), d: Number(holiday.date.slice(8, 10)) };
      const dayFrom = localToInstant(zone, date, 8 * 60);
      const dayTo = localToInstant(zone, date, 20 * 60);
      if (dayFrom < ctx.historyStart || dayFrom > ctx.anchor) continue;
      const found = targets(indexes, dayFrom, dayTo, 20 * MINUTE);
      for (let k = 0; k < 2 && found.length > 0; k++) {
        const target = found.splice(Math.floor(rng() * found.length), 1)[0] as Target;
        const a = Math.max(dayFrom, target.span.start);
        const b = Math.min(dayTo, target.span.end);
        const seconds = Math.min(intBetween(rng, 1, 4) * 15 * 60, Math.floor((b - a) / MINUTE) * 60);
        const latest = b - seconds * 1000;
        take(target, toWholeMinute(a + rng() * (latest - a), a, latest), seconds, 'holiday');
      }
    }

    // Month ends: started 23:15-23:45 local on the last day of a month, running 30-75 minutes into the next.
    const first = localParts(zone, ctx.historyStart);
    let month: LocalDate = { y: first.y, m: first.m, d: 1 };
    for (let k = 0; k < 13; k++) {
      month = addDays({ y: month.y, m: month.m + 1, d: 1 }, 0);
      const midnight = localToInstant(zone, month, 0);
      if (midnight > ctx.anchor) break;
      const started = midnight - intBetween(rng, 1, 3) * 15 * MINUTE;
      const seconds = Math.round((midnight - started) / 1000) + intBetween(rng, 2, 5) * 15 * 60;
      const end = started + seconds * 1000;
      if (started < ctx.historyStart || end > ctx.anchor) continue;
      const found = targets(indexes, started, end, end - started);
      if (found.length > 0) take(pick(rng, found), started, seconds, 'month-end');
    }
  }
}
