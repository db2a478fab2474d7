// When a running clock will next cross its warning threshold or its target, if nothing else happens: the sweep
// indexes issues by the earliest of these instants instead of scanning every issue.
import { subtractBusinessTime, type Calendar } from '../calendar';
import type { Policy, SlaResult } from './types';

export interface Crossing {
  metricKey: string;
  kind: 'warning' | 'breach';
  /** Epoch ms. */
  at: number;
}

/**
 * The crossings still ahead of `now` (strictly later), earliest first. A running clock is due at `dueAt`; it
 * warns `(100 - warnAtPercent)%` of the target before that, in the metric calendar's business time.
 */
export function upcomingCrossings(policy: Policy, results: SlaResult, defaultCalendar: Calendar, now: number): Crossing[] {
  const out: Crossing[] = [];
  for (const metric of policy.metrics) {
    const result = results[metric.key];
    if (!result || result.state !== 'running' || result.dueAt === null || result.targetMinutes === null) continue;
    if (!result.breached && result.dueAt > now) out.push({ metricKey: metric.key, kind: 'breach', at: result.dueAt });
    if (metric.warnAtPercent === undefined || result.warning || result.breached) continue;
    const beforeDueMs = Math.round(result.targetMinutes * 60_000 * (1 - metric.warnAtPercent / 100));
    const warnAt = subtractBusinessTime(metric.calendar ?? defaultCalendar, result.dueAt, beforeDueMs);
    if (warnAt !== null && warnAt > now) out.push({ metricKey: metric.key, kind: 'warning', at: warnAt });
  }
  return out.sort((a, b) => a.at - b.at || a.metricKey.localeCompare(b.metricKey));
}
