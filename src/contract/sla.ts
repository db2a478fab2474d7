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
