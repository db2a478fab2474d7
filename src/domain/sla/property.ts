// The `serviceSla` issue property from an evaluation: what JQL indexes and the panel reads. Pure and
// deterministic, so an unchanged history at an unchanged minute gives an identical property (and no write).
import type { JqlBoolean, SlaProperty, SlaPropertyMetric, SlaUntracked } from '../../contract/sla';
import type { MetricResult, SlaResult } from './types';

export interface TrackedBy {
  customer: string;
  contract: string;
  policy: string;
  policyVersion: number;
}

const bool = (value: boolean): JqlBoolean => (value ? 'true' : 'false');
const iso = (ms: number): string => new Date(ms).toISOString();

function metricProperty(result: MetricResult): SlaPropertyMetric {
  return {
    name: result.name,
    state: result.state,
    ...(result.state === 'running' && result.dueAt !== null ? { dueAt: iso(result.dueAt) } : {}),
    elapsedMinutes: result.elapsedMinutes,
    ...(result.remainingMinutes !== null ? { remainingMinutes: result.remainingMinutes } : {}),
    ...(result.targetMinutes !== null ? { targetMinutes: result.targetMinutes } : {}),
    breached: bool(result.breached),
    warning: bool(result.warning),
    cycles: result.cycles,
  };
}

export function trackedProperty(by: TrackedBy, results: SlaResult): SlaProperty {
  const metrics: Record<string, SlaPropertyMetric> = {};
  let breached = false;
  let everBreached = false;
  let nextDue: number | null = null;
  for (const [key, result] of Object.entries(results)) {
    metrics[key] = metricProperty(result);
    breached ||= result.breached;
    everBreached ||= result.everBreached;
    if (result.state === 'running' && result.dueAt !== null && (nextDue === null || result.dueAt < nextDue)) nextDue = result.dueAt;
  }
  return {
    v: 1,
    tracked: 'true',
    customer: by.customer,
    contract: by.contract,
    policy: by.policy,
    policyVersion: by.policyVersion,
    breached: bool(breached),
    everBreached: bool(everBreached),
    ...(nextDue !== null ? { nextDueAt: iso(nextDue) } : {}),
    metrics,
  };
}

/** An issue the app cannot track, and why; the customer is named when it is known. */
export function untrackedProperty(untracked: SlaUntracked, customer?: string, contract?: string): SlaProperty {
  return {
    v: 1,
    tracked: 'false',
    untracked,
    ...(customer ? { customer } : {}),
    ...(contract ? { contract } : {}),
    breached: 'false',
    everBreached: 'false',
    metrics: {},
  };
}
