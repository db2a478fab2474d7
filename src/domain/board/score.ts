// The priority board's score (DESIGN.md section 4): `score = wPriority*P + wTier*T + wSla*R + wAge*A`, every
// factor between 0 and 1, every weight the admin's 0-100 setting, every item shown decomposed.
//
// The factors, exactly:
// - P, priority: by position in Jira's priority order (`priorities`, highest first, compared case-insensitively
//   like SLA targets). With n priorities the one at index i scores (n - 1 - i) / (n - 1): highest 1, lowest 0;
//   a single known priority scores 1. No priority, or one not in the order, scores 0 (as the lowest).
// - T, customer tier: platinum 1, gold 2/3, silver 1/3, bronze 0 (`TIER_FACTORS`); no customer 0.
// - R, SLA band: the most urgent clock decides.
//     breached  1    some clock's latest cycle is breached (running or paused over target, or stopped late);
//     under10   0.8  a running clock has less than 10% of its target left (remaining / target < 0.10);
//     under25   0.6  ... less than 25% left;
//     under50   0.4  ... less than 50% left;
//     rest      0.2  running clocks, all with 50% or more left;
//     none      0    no running clock (none at all, not started, paused, met, or notApplicable).
//   Bounds belong to the calmer band: exactly 10% left is `under25`. A running clock with no time left but
//   not over target (remaining 0) is `under10`. Paused clocks do not count unless breached: nothing is due
//   while a clock is held. notApplicable clocks never count (time is measured, nothing is due or breached).
// - A, age: whole days since `created` at `now` (24-hour days, floored; 0 for a future `created`), saturating
//   linearly: min(days, 30) / 30, so 0 at 0 days, 0.5 at 15, 1 from 30 days on. Whole days keep an issue's
//   score still within a day.
//
// Points per factor are `weight * factor` rounded to 2 decimals, and `total` is the sum of the shown points
// (rounded to 2 decimals), so the decomposition always adds up to the total as displayed. Weights that are
// negative or not finite count as 0.
//
// `pinned`: an issue is pinned first in its lane while any clock's latest cycle is breached, that is exactly
// when R is the `breached` band: `clocks.some(c => c.breached && c.state !== 'notApplicable')`. This is the
// same notion as the `serviceSla.breached` issue property that JQL sees.
//
// The explanation is a list of reasons the UI translates (`{ key, vars }`), in a fixed order: pinned (when
// pinned), priority, tier, SLA, age; every factor is listed, with its points, even when its weight is 0.
import type { Settings, Tier } from '../../contract/config';
import type { SlaClockState } from '../../contract/sla';

export type Weights = Settings['weights'];

/** One SLA clock of an issue, as the board needs it (from the issue's evaluated metrics). */
export interface BoardClock {
  key: string;
  name: string;
  state: SlaClockState;
  /** Null when no target applies (notApplicable). */
  targetMinutes: number | null;
  /** Target minus elapsed, negative when over; null when no target applies. */
  remainingMinutes: number | null;
  breached: boolean;
}

/** An open issue on the board. */
export interface BoardIssue {
  issueId: string;
  /** The issue key, e.g. `ACME-12`. */
  key: string;
  /** Creation instant, epoch ms. */
  created: number;
  /** The priority's name; null when the issue has none. */
  priority: string | null;
  /** The customer's tier; null for an issue of no customer. */
  tier: Tier | null;
  clocks: readonly BoardClock[];
}

export interface ScoreContext {
  weights: Weights;
  /** Jira's priority names, highest first. */
  priorities: readonly string[];
  /** The instant the board is computed for, epoch ms. */
  now: number;
}

/** A short reason the UI translates: `key` is a message key, `vars` its values. */
export interface Reason {
  key: string;
  vars: Record<string, string | number>;
}

export const SLA_BANDS = ['breached', 'under10', 'under25', 'under50', 'rest', 'none'] as const;
export type SlaBand = (typeof SLA_BANDS)[number];

export const SLA_BAND_FACTORS: Readonly<Record<SlaBand, number>> = { breached: 1, under10: 0.8, under25: 0.6, under50: 0.4, rest: 0.2, none: 0 };

export const TIER_FACTORS: Readonly<Record<Tier, number>> = { platinum: 1, gold: 2 / 3, silver: 1 / 3, bronze: 0 };

/** Age at which A reaches 1. */
export const AGE_SATURATION_DAYS = 30;

const DAY_MS = 86_400_000;

export interface ScorePart {
  /** 0..1, unrounded. */
  factor: number;
  /** The weight used (0-100). */
  weight: number;
  /** weight * factor, rounded to 2 decimals. */
  points: number;
}

export interface ScoredIssue {
  issueId: string;
  key: string;
  created: number;
  /** Sum of the parts' points, rounded to 2 decimals. */
  total: number;
  parts: {
    /** `position`: 1-based place in the priority order; null when the priority is none or unknown. */
    priority: ScorePart & { priority: string | null; position: number | null };
    tier: ScorePart & { tier: Tier | null };
    /** `clock`: key of the clock that decided the band (null for `none`); `percentLeft` of a running one. */
    sla: ScorePart & { band: SlaBand; clock: string | null; percentLeft: number | null };
    age: ScorePart & { days: number };
  };
  /** Any clock breached: first in its lane. */
  pinned: boolean;
  explanation: Reason[];
}

export const round2 = (x: number): number => Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;

const weightOf = (w: number): number => (Number.isFinite(w) && w > 0 ? w : 0);

function part(weight: number, factor: number): ScorePart {
  const w = weightOf(weight);
  return { factor, weight: w, points: round2(w * factor) };
}

/** Whether a clock's latest cycle is breached (the issue is pinned). */
export function isBreachedClock(clock: BoardClock): boolean {
  return clock.breached && clock.state !== 'notApplicable';
}

/** Whether an issue is pinned first in its lane: any clock breached. */
export function isPinned(clocks: readonly BoardClock[]): boolean {
  return clocks.some(isBreachedClock);
}

export interface SlaBandResult {
  band: SlaBand;
  /** The clock that decided the band; null for `none`. */
  clock: BoardClock | null;
  /** remaining / target of the deciding running clock (may be below 0 only for a breached one); null otherwise. */
  fractionLeft: number | null;
}

function fractionLeft(clock: BoardClock): number | null {
  const { targetMinutes: target, remainingMinutes: remaining } = clock;
  if (target === null || remaining === null || !Number.isFinite(target) || !Number.isFinite(remaining)) return null;
  if (target <= 0) return remaining > 0 ? 1 : 0;
  return remaining / target;
}

/** R's band: a breached clock, else the running clock with the least of its target left (first one on a tie). */
export function slaBand(clocks: readonly BoardClock[]): SlaBandResult {
  const breached = clocks.find(isBreachedClock);
  if (breached) return { band: 'breached', clock: breached, fractionLeft: fractionLeft(breached) };
  let best: { clock: BoardClock; left: number } | null = null;
  for (const clock of clocks) {
    if (clock.state !== 'running') continue;
    const left = fractionLeft(clock);
    if (left === null) continue;
    if (best === null || left < best.left) best = { clock, left };
  }
  if (best === null) return { band: 'none', clock: null, fractionLeft: null };
  const band: SlaBand = best.left < 0.1 ? 'under10' : best.left < 0.25 ? 'under25' : best.left < 0.5 ? 'under50' : 'rest';
  return { band, clock: best.clock, fractionLeft: best.left };
}

/** P and the priority's 1-based position (null when none or unknown). */
export function priorityFactor(priority: string | null, priorities: readonly string[]): { factor: number; position: number | null } {
  if (priority === null) return { factor: 0, position: null };
  const wanted = priority.toLowerCase();
  const index = priorities.findIndex((p) => p.toLowerCase() === wanted);
  if (index < 0) return { factor: 0, position: null };
  const factor = priorities.length === 1 ? 1 : (priorities.length - 1 - index) / (priorities.length - 1);
  return { factor, position: index + 1 };
}

/** Whole days from `created` to `now` (0 when `created` is later or either is not a number). */
export function ageInDays(created: number, now: number): number {
  const ms = now - created;
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / DAY_MS) : 0;
}

/** A: min(days, 30) / 30. */
export const ageFactor = (days: number): number => Math.min(Math.max(days, 0), AGE_SATURATION_DAYS) / AGE_SATURATION_DAYS;

/** An issue's score, decomposed and explained. */
export function scoreIssue(issue: BoardIssue, context: ScoreContext): ScoredIssue {
  const { weights, priorities, now } = context;

  const p = priorityFactor(issue.priority, priorities);
  const priority = { ...part(weights.priority, p.factor), priority: issue.priority, position: p.position };

  const tierValue = issue.tier === null ? 0 : (TIER_FACTORS[issue.tier] ?? 0);
  const tier = { ...part(weights.tier, tierValue), tier: issue.tier };

  const r = slaBand(issue.clocks);
  const percentLeft = r.fractionLeft === null || r.band === 'breached' ? null : Math.max(0, Math.floor(r.fractionLeft * 100));
  const sla = { ...part(weights.sla, SLA_BAND_FACTORS[r.band]), band: r.band, clock: r.clock?.key ?? null, percentLeft };

  const days = ageInDays(issue.created, now);
  const age = { ...part(weights.age, ageFactor(days)), days };

  const total = round2(priority.points + tier.points + sla.points + age.points);
  const pinned = r.band === 'breached';

  const explanation: Reason[] = [];
  if (pinned && r.clock) explanation.push({ key: 'board.why.pinned', vars: { clock: r.clock.name } });
  const pointsOf = (x: ScorePart) => ({ points: x.points, weight: x.weight });
  if (issue.priority === null) explanation.push({ key: 'board.why.priorityNone', vars: pointsOf(priority) });
  else if (p.position === null) explanation.push({ key: 'board.why.priorityUnknown', vars: { priority: issue.priority, ...pointsOf(priority) } });
  else explanation.push({ key: 'board.why.priority', vars: { priority: issue.priority, position: p.position, of: priorities.length, ...pointsOf(priority) } });
  if (issue.tier === null) explanation.push({ key: 'board.why.tierNone', vars: pointsOf(tier) });
  else explanation.push({ key: 'board.why.tier', vars: { tier: issue.tier, ...pointsOf(tier) } });
  const slaVars: Record<string, string | number> = { ...pointsOf(sla) };
  if (r.clock) slaVars.clock = r.clock.name;
  if (percentLeft !== null) slaVars.percentLeft = percentLeft;
  explanation.push({ key: `board.why.sla.${r.band}`, vars: slaVars });
  explanation.push({ key: 'board.why.age', vars: { days, ...pointsOf(age) } });

  return { issueId: issue.issueId, key: issue.key, created: issue.created, total, parts: { priority, tier, sla, age }, pinned, explanation };
}

/** Every issue's score, in the given order. */
export function scoreIssues(issues: readonly BoardIssue[], context: ScoreContext): ScoredIssue[] {
  return issues.map((issue) => scoreIssue(issue, context));
}
