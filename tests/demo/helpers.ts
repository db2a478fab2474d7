// Shared checks for the demo tests: generated companies are memoised per options (generation is pure), and local
// dates are computed with Intl directly, independently of the generator's own time code.

import { generateDemo } from '../../local/demo/generate';
import type { DemoCompany, DemoOptions } from '../../local/demo/types';
import type { SeedIssue } from '../../local/jira/seed';

const cache = new Map<string, DemoCompany>();

export function demo(options: DemoOptions): DemoCompany {
  const key = JSON.stringify(options);
  let company = cache.get(key);
  if (!company) {
    company = generateDemo(options);
    cache.set(key, company);
  }
  return company;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Local wall-clock parts of an instant in a zone, via Intl. */
export function local(zone: string, t: number): { date: string; month: string; hour: number; minute: number; weekday: number } {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formats.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1;
  return { date, month: date.slice(0, 7), hour: Number(parts.hour), minute: Number(parts.minute), weekday };
}

export const ms = (iso: string): number => {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new Error(`not an instant: ${iso}`);
  return t;
};

export interface Replayed {
  status: string;
  priority: string;
  assignee: string | null;
  resolution: string | null;
  /** When the issue last entered a done status from a not-done one (null while open). */
  resolvedAt: number | null;
  reopened: boolean;
  waited: boolean;
  /** Problems found while replaying: a `from` that does not match the current value, a no-op transition... */
  problems: string[];
}

/** Replays an issue's history from its initial values, checking each change against the current state. */
export function replay(
  issue: SeedIssue,
  doneStatuses: ReadonlySet<string>,
  transitionTargets: ReadonlySet<string>,
  waitingStatusId: string,
): Replayed {
  const r: Replayed = {
    status: issue.initial.statusId,
    priority: issue.initial.priorityId,
    assignee: issue.initial.assigneeAccountId,
    resolution: null,
    resolvedAt: null,
    reopened: false,
    waited: false,
    problems: [],
  };
  for (const change of issue.history) {
    for (const item of change.items) {
      const where = `${issue.key} at ${change.at} ${item.field}`;
      if (item.field === 'status') {
        if (item.from !== r.status) r.problems.push(`${where}: from ${item.from} but status is ${r.status}`);
        if (item.to === null || item.to === r.status) r.problems.push(`${where}: no-op or empty transition`);
        else if (!transitionTargets.has(item.to)) r.problems.push(`${where}: no transition leads to ${item.to}`);
        const wasDone = doneStatuses.has(r.status);
        r.status = item.to ?? r.status;
        if (doneStatuses.has(r.status) && !wasDone) r.resolvedAt = ms(change.at);
        if (!doneStatuses.has(r.status)) r.resolvedAt = null;
        if (wasDone && !doneStatuses.has(r.status)) r.reopened = true;
      } else if (item.field === 'priority') {
        if (item.from !== r.priority) r.problems.push(`${where}: from ${item.from} but priority is ${r.priority}`);
        r.priority = item.to ?? r.priority;
      } else if (item.field === 'assignee') {
        if (item.from !== r.assignee) r.problems.push(`${where}: from ${item.from} but assignee is ${r.assignee}`);
        r.assignee = item.to;
      } else if (item.field === 'resolution') {
        if (item.from !== r.resolution) r.problems.push(`${where}: from ${item.from} but resolution is ${r.resolution}`);
        r.resolution = item.to;
      }
    }
    // After each change as a whole: a resolution exactly while in a done status.
    if (doneStatuses.has(r.status) !== (r.resolution !== null)) {
      r.problems.push(`${issue.key} at ${change.at}: status ${r.status} with resolution ${r.resolution}`);
    }
    if (change.items.some((i) => i.field === 'status' && i.to === waitingStatusId)) r.waited = true;
  }
  return r;
}
