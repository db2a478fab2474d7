// The SLA policy editor's form: metrics with their conditions, one pause list (statuses or categories, any of
// which holds the clock) and targets typed as hours and minutes; converted to a PolicyDraft to save or simulate.
import type { PolicyCondition, PolicyDraft, PolicyMetric, PolicyVersion } from '@contract/config';
import { joinMinutes, splitMinutes } from './duration';
import { path, type FieldMessage } from './field-errors';

const ROOT = 'policy';

export const STATUS_CATEGORIES = ['new', 'indeterminate', 'done'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];
export const CONDITION_EVENTS = ['created', 'status', 'statusCategory', 'comment', 'assigned'] as const;
export type ConditionEvent = (typeof CONDITION_EVENTS)[number];

export interface TargetDraft {
  /** Empty = any priority (the default target, last). */
  priorities: string[];
  hours: string;
  minutes: string;
}

export interface MetricDraft {
  key: string;
  name: string;
  start: PolicyCondition[];
  stop: PolicyCondition[];
  pauseStatuses: string[];
  pauseCategories: StatusCategory[];
  targets: TargetDraft[];
  warnAtPercent: string;
  /** Empty = the calendar of the contract in force. */
  calendarId: string;
}

export interface PolicyForm {
  name: string;
  description: string;
  metrics: MetricDraft[];
}

export function emptyTarget(minutes = 480): TargetDraft {
  const { hours, minutes: rest } = splitMinutes(minutes);
  return { priorities: [], hours: String(hours), minutes: String(rest) };
}

export function emptyMetric(): MetricDraft {
  return {
    key: '',
    name: '',
    start: [{ event: 'created' }],
    stop: [{ event: 'statusCategory', to: 'done' }],
    pauseStatuses: [],
    pauseCategories: [],
    targets: [emptyTarget()],
    warnAtPercent: '80',
    calendarId: '',
  };
}

export function emptyPolicy(): PolicyForm {
  return { name: '', description: '', metrics: [emptyMetric()] };
}

/** A condition of another event kind, keeping nothing that does not apply to it. */
export function conditionOf(event: ConditionEvent): PolicyCondition {
  switch (event) {
    case 'status':
      return { event, to: '' };
    case 'statusCategory':
      return { event, to: 'done' };
    case 'comment':
      return { event };
    default:
      return { event };
  }
}

function metricToDraft(m: PolicyMetric): MetricDraft {
  const pauseStatuses = new Set<string>();
  const pauseCategories = new Set<StatusCategory>();
  for (const p of m.pause) {
    p.status?.forEach((s) => pauseStatuses.add(s));
    p.statusCategory?.forEach((c) => pauseCategories.add(c));
  }
  return {
    key: m.key,
    name: m.name,
    start: m.start.map((c) => ({ ...c })),
    stop: m.stop.map((c) => ({ ...c })),
    pauseStatuses: [...pauseStatuses],
    pauseCategories: [...pauseCategories],
    targets: m.targets.map((t) => {
      const { hours, minutes } = splitMinutes(t.minutes);
      return { priorities: t.priorities ?? [], hours: String(hours), minutes: String(minutes) };
    }),
    warnAtPercent: m.warnAtPercent === undefined ? '' : String(m.warnAtPercent),
    calendarId: m.calendarId ?? '',
  };
}

export function policyToForm(p: PolicyDraft | PolicyVersion): PolicyForm {
  return { name: p.name, description: p.description, metrics: p.metrics.map(metricToDraft) };
}

export const metricPath = (m: number, ...rest: (string | number)[]) => path(ROOT, 'metrics', m, ...rest);

export function policyPaths(form: PolicyForm): string[] {
  const known = [`${ROOT}.id`, `${ROOT}.name`, `${ROOT}.description`, `${ROOT}.metrics`];
  form.metrics.forEach((metric, m) => {
    known.push(metricPath(m), ...['key', 'name', 'start', 'stop', 'pause', 'targets', 'warnAtPercent', 'calendarId', 'calendar'].map((f) => metricPath(m, f)));
    metric.start.forEach((_, i) => known.push(metricPath(m, 'start', i)));
    metric.stop.forEach((_, i) => known.push(metricPath(m, 'stop', i)));
    metric.targets.forEach((_, i) => known.push(metricPath(m, 'targets', i), metricPath(m, 'targets', i, 'priorities'), metricPath(m, 'targets', i, 'minutes')));
  });
  return known;
}

function cleanCondition(c: PolicyCondition): PolicyCondition {
  switch (c.event) {
    case 'status':
      return { event: 'status', to: c.to.trim() };
    case 'statusCategory':
      return { event: 'statusCategory', ...(c.to ? { to: c.to } : {}), ...(c.from ? { from: c.from } : {}) };
    case 'comment':
      return { event: 'comment', ...(c.author ? { author: c.author } : {}), ...(c.public !== undefined ? { public: c.public } : {}) };
    default:
      return { event: c.event };
  }
}

/** The policy to save or simulate, or the inputs that are not numbers (the server only sees numbers). */
export function formToPolicy(form: PolicyForm, id: string, messages: { duration: string; number: string }): { policy: PolicyDraft; errors: FieldMessage[] } {
  const errors: FieldMessage[] = [];
  const metrics: PolicyMetric[] = form.metrics.map((m, i) => {
    const pause = m.pauseStatuses.length + m.pauseCategories.length > 0
      ? [{ ...(m.pauseStatuses.length ? { status: m.pauseStatuses } : {}), ...(m.pauseCategories.length ? { statusCategory: m.pauseCategories } : {}) }]
      : [];
    const targets = m.targets.map((t, j) => {
      const minutes = joinMinutes(t.hours, t.minutes);
      if (minutes === null) errors.push({ field: metricPath(i, 'targets', j, 'minutes'), message: messages.duration });
      return { ...(t.priorities.length ? { priorities: t.priorities } : {}), minutes: minutes ?? 0 };
    });
    const warnText = m.warnAtPercent.trim().replace(',', '.');
    const warn = warnText === '' ? undefined : Number(warnText);
    if (warn !== undefined && !Number.isFinite(warn)) errors.push({ field: metricPath(i, 'warnAtPercent'), message: messages.number });
    return {
      key: m.key.trim(),
      name: m.name.trim(),
      start: m.start.map(cleanCondition),
      stop: m.stop.map(cleanCondition),
      pause,
      targets,
      ...(warn !== undefined && Number.isFinite(warn) ? { warnAtPercent: warn } : {}),
      ...(m.calendarId ? { calendarId: m.calendarId } : {}),
    };
  });
  return { policy: { id, name: form.name, description: form.description, metrics }, errors };
}
