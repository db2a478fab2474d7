// An issue's SLA state as the app publishes it: the `serviceSla` issue property (indexed for JQL by the manifest's
// jira:entityProperty module) and what the issue panel shows.

export const SLA_PROPERTY_KEY = 'serviceSla';

/** Booleans are indexed as strings ("true"/"false"): `true` is a reserved word in JQL. */
export type JqlBoolean = 'true' | 'false';

export type SlaClockState = 'notStarted' | 'running' | 'paused' | 'met' | 'breached' | 'notApplicable';

/** Why an issue has no clocks. */
export type SlaUntracked = 'noCustomer' | 'noContract' | 'noPolicy' | 'noCalendar';

export interface SlaPropertyMetric {
  name: string;
  state: SlaClockState;
  /** ISO 8601 instant; only while running. */
  dueAt?: string;
  elapsedMinutes: number;
  /** Absent when no target applies (notApplicable). */
  remainingMinutes?: number;
  targetMinutes?: number;
  breached: JqlBoolean;
  warning: JqlBoolean;
  cycles: number;
}

/** The `serviceSla` property: small (far below Jira's 32 KB), deterministic for the same history and instant. */
export interface SlaProperty {
  v: 1;
  tracked: JqlBoolean;
  untracked?: SlaUntracked;
  customer?: string;
  contract?: string;
  policy?: string;
  policyVersion?: number;
  breached: JqlBoolean;
  everBreached: JqlBoolean;
  /** The earliest due instant of a running metric (ISO 8601), for `ORDER BY issue.property[serviceSla].nextDueAt`. */
  nextDueAt?: string;
  metrics: Record<string, SlaPropertyMetric>;
}

/** One clock as the issue panel shows it (instants as ISO 8601). */
export interface PanelClock {
  key: string;
  name: string;
  state: SlaClockState;
  targetMinutes: number | null;
  /** Business time in the latest cycle, in seconds, at `evaluatedAt`. */
  elapsedSeconds: number;
  /** Target minus elapsed (negative when over), in seconds; null when no target applies. */
  remainingSeconds: number | null;
  /** While running: when the target is reached if the clock keeps running. */
  dueAt: string | null;
  breached: boolean;
  warning: boolean;
  warnAtPercent: number | null;
  /** The status holding a paused clock. */
  pausedBy: string | null;
  /** Whether the clock is ticking right now (running and inside the calendar's working time). */
  ticking: boolean;
  cycles: { startedAt: string; stoppedAt: string | null; elapsedSeconds: number; breached: boolean }[];
}

export interface PanelCustomer {
  key: string;
  name: string;
  tier: 'platinum' | 'gold' | 'silver' | 'bronze';
  timeZone: string;
  serviceManager: { accountId: string; displayName: string } | null;
  contacts: { name: string; email: string; role: string }[];
}

export interface PanelContract {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  includedHoursPerMonth: number;
  calendarName: string | null;
  policyName: string | null;
  policyVersion: number | null;
}

/** What the issue panel shows of an issue's SLA, computed when asked, as the viewing user may see the issue. */
export interface IssueSlaView {
  /** `tracked`, or why the issue has no clocks (the panel explains what to do). */
  status: 'tracked' | SlaUntracked;
  customer: PanelCustomer | null;
  contract: PanelContract | null;
  clocks: PanelClock[];
  /** When the clocks were evaluated (ISO 8601): the live countdown counts from here. */
  evaluatedAt: string;
  /** Work logged on the issue this calendar month (customer's zone) against the contract's included hours. */
  hours: { month: string; loggedSeconds: number; includedHours: number | null } | null;
}
