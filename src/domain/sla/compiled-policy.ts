// A policy prepared for fast evaluation: names lower-cased, conditions as small records, calendars
// compiled. Cached per policy object, so evaluating many issues against one policy validates it once.
import { compileCalendar, type CompiledCalendar } from '../calendar';
import { parsePolicy } from './schema';
import type { Condition, Policy, StatusCategory } from './types';

export interface CompiledTarget {
  /** Lower-cased; null = any priority. */
  priorities: ReadonlySet<string> | null;
  minutes: number;
}

export interface CompiledMetric {
  index: number;
  key: string;
  name: string;
  start: readonly Condition[];
  stop: readonly Condition[];
  /** Lower-cased; short lists, so a scan beats hashing fresh strings. */
  pauseStatuses: readonly string[];
  pauseCategories: readonly StatusCategory[];
  hasPause: boolean;
  targets: readonly CompiledTarget[];
  warnAtPercent: number | null;
  calendar: CompiledCalendar | null;
}

export interface CompiledPolicy {
  metrics: readonly CompiledMetric[];
}

const cache = new WeakMap<Policy, CompiledPolicy>();

export function compilePolicy(policy: Policy): CompiledPolicy {
  let compiled = cache.get(policy);
  if (!compiled) {
    compiled = build(parsePolicy(policy));
    cache.set(policy, compiled);
  }
  return compiled;
}

function build(policy: Policy): CompiledPolicy {
  const metrics = policy.metrics.map((m, index): CompiledMetric => {
    const pauseStatuses = new Set<string>();
    const pauseCategories = new Set<StatusCategory>();
    for (const p of m.pause ?? []) {
      for (const s of p.status ?? []) pauseStatuses.add(s.toLowerCase());
      for (const c of p.statusCategory ?? []) pauseCategories.add(c);
    }
    return {
      index,
      key: m.key,
      name: m.name,
      start: m.start.map(lowerCaseStatus),
      stop: m.stop.map(lowerCaseStatus),
      pauseStatuses: [...pauseStatuses],
      pauseCategories: [...pauseCategories],
      hasPause: pauseStatuses.size + pauseCategories.size > 0,
      targets: m.targets.map((t) => ({
        priorities: t.priorities ? new Set(t.priorities.map((p) => p.toLowerCase())) : null,
        minutes: t.minutes,
      })),
      warnAtPercent: m.warnAtPercent ?? null,
      calendar: m.calendar ? compileCalendar(m.calendar) : null,
    };
  });
  return { metrics };
}

function lowerCaseStatus(c: Condition): Condition {
  return c.event === 'status' ? { event: 'status', to: c.to.toLowerCase() } : c;
}
