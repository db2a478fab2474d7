// SLA policies, issue timelines and SLA results: plain serialisable objects (stored, sent to the UI).
import type { Calendar } from '../calendar';

export const STATUS_CATEGORIES = ['new', 'indeterminate', 'done'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** When a cycle starts or stops. */
export type Condition =
  | { event: 'created' }
  /** Entered this status (names compare case-insensitively). */
  | { event: 'status'; to: string }
  /** Entered `to` from another category and/or left `from`. */
  | { event: 'statusCategory'; to?: StatusCategory; from?: StatusCategory }
  | { event: 'comment'; author?: 'agent' | 'customer'; public?: boolean }
  /** An assignee was set (not cleared). */
  | { event: 'assigned' };

/** Holds the clock while the issue is in one of these statuses or categories. */
export interface PauseCondition {
  status?: readonly string[];
  statusCategory?: readonly StatusCategory[];
}

export interface Target {
  /** Absent = any priority. */
  priorities?: readonly string[];
  minutes: number;
}

export interface Metric {
  key: string;
  name: string;
  start: readonly Condition[];
  stop: readonly Condition[];
  pause?: readonly PauseCondition[];
  /** Tried in order; the first whose priorities contain the current priority applies. */
  targets: readonly Target[];
  /** Warn when elapsed reaches this share of the target (running clocks only). */
  warnAtPercent?: number;
  /** The metric's own calendar; else the calendar passed to evaluateSla. */
  calendar?: Calendar;
}

export interface Policy {
  id?: string;
  name?: string;
  version?: number;
  metrics: readonly Metric[];
}

/** One thing that happened to an issue, `at` in epoch ms. A timeline lists them in time order. */
export type TimelineEvent =
  | { at: number; type: 'created'; status: string; statusCategory: StatusCategory; priority: string | null }
  | { at: number; type: 'status'; to: string; toCategory: StatusCategory }
  | { at: number; type: 'priority'; to: string | null }
  | { at: number; type: 'comment'; author: 'agent' | 'customer'; public: boolean }
  | { at: number; type: 'assigned'; to: string | null };

export type Timeline = readonly TimelineEvent[];

export type MetricState = 'notStarted' | 'running' | 'paused' | 'met' | 'breached' | 'notApplicable';

export interface CycleResult {
  startedAt: number;
  /** Null while the cycle is open. */
  stoppedAt: number | null;
  elapsedSeconds: number;
  /** Elapsed seconds > target seconds (judged against the current target). */
  breached: boolean;
}

export interface MetricResult {
  key: string;
  name: string;
  /** The latest cycle's state; `notApplicable` when no target matches the current priority. */
  state: MetricState;
  /** Null when no target applies. */
  targetMinutes: number | null;
  /** Business time in the latest cycle (0 when none), floored. */
  elapsedSeconds: number;
  elapsedMinutes: number;
  /** Target - elapsed (negative when over); null when no target applies. */
  remainingSeconds: number | null;
  remainingMinutes: number | null;
  /** While running: when elapsed reaches the target if the clock keeps running (past when over). */
  dueAt: number | null;
  breached: boolean;
  everBreached: boolean;
  warning: boolean;
  /** How many cycles opened. */
  cycles: number;
  /** Why a paused clock is held. */
  pausedReason: { status: string; statusCategory: StatusCategory } | null;
  /** Whether `now` is inside the metric calendar's working time (a running clock only ticks then). */
  withinCalendarHours: boolean;
  history: CycleResult[];
}

export type SlaResult = Record<string, MetricResult>;
