// Runtime schemas of SLA policies and timelines, with the meaning checks zod cannot express.
import { z } from 'zod';
import * as calendar from '../calendar';
import { calendarSchema, parseCalendar, ValidationError, type ValidationIssue } from '../calendar';
import { issuesFromZod } from '../calendar/schema-issues';
import { STATUS_CATEGORIES, type Policy, type Timeline, type TimelineEvent } from './types';

const category = z.enum(STATUS_CATEGORIES);
const nonEmpty = z.string().trim().min(1, { error: 'must not be empty' });

const conditionSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('created') }),
  z.strictObject({ event: z.literal('status'), to: nonEmpty }),
  z
    .strictObject({ event: z.literal('statusCategory'), to: category.optional(), from: category.optional() })
    .refine((c) => c.to !== undefined || c.from !== undefined, { error: 'give "to", "from" or both' })
    .refine((c) => c.to === undefined || c.to !== c.from, { error: '"to" and "from" are the same category' }),
  z.strictObject({ event: z.literal('comment'), author: z.enum(['agent', 'customer']).optional(), public: z.boolean().optional() }),
  z.strictObject({ event: z.literal('assigned') }),
]);

const pauseSchema = z
  .strictObject({ status: z.array(nonEmpty).optional(), statusCategory: z.array(category).optional() })
  .refine((p) => (p.status?.length ?? 0) + (p.statusCategory?.length ?? 0) > 0, {
    error: 'list at least one status or statusCategory',
  });

// Ten years of minutes: larger targets are typing mistakes.
const MAX_TARGET_MINUTES = 10 * 366 * 24 * 60;

const targetSchema = z.strictObject({
  priorities: z.array(nonEmpty).min(1, { error: 'list at least one priority, or leave the field out for any priority' }).optional(),
  minutes: z
    .number()
    .int({ error: 'must be a whole number of minutes' })
    .min(0, { error: 'must be zero or more' })
    .max(MAX_TARGET_MINUTES, { error: `must be at most ${MAX_TARGET_MINUTES} (ten years)` }),
});

const metricSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, { error: 'must be a letter then up to 63 letters, digits, "_" or "-"' }),
  name: nonEmpty,
  start: z.array(conditionSchema).min(1, { error: 'needs at least one start condition' }),
  stop: z.array(conditionSchema).min(1, { error: 'needs at least one stop condition' }),
  pause: z.array(pauseSchema).optional(),
  targets: z.array(targetSchema).min(1, { error: 'needs at least one target' }),
  warnAtPercent: z.number().gt(0, { error: 'must be more than 0' }).max(100, { error: 'must be at most 100' }).optional(),
  calendar: calendarSchema.optional(),
});

export const policySchema = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  version: z.number().int().min(1).optional(),
  metrics: z.array(metricSchema).min(1, { error: 'needs at least one metric' }),
});

/** Validates untrusted input as an SLA policy; throws ValidationError naming every bad field. */
export function parsePolicy(input: unknown, root = 'policy'): Policy {
  const shape = policySchema.safeParse(input, { reportInput: true });
  if (!shape.success) throw new ValidationError(issuesFromZod(root, shape.error));
  const policy: Policy = shape.data;
  const issues: ValidationIssue[] = [];
  const keys = new Map<string, number>();
  policy.metrics.forEach((metric, m) => {
    const here = `${root}.metrics[${m}]`;
    const earlier = keys.get(metric.key);
    if (earlier !== undefined) issues.push({ path: `${here}.key`, message: `"${metric.key}" is used twice (also ${root}.metrics[${earlier}])` });
    keys.set(metric.key, m);
    const catchAll = metric.targets.findIndex((t) => t.priorities === undefined);
    if (catchAll >= 0 && catchAll < metric.targets.length - 1) {
      issues.push({
        path: `${here}.targets[${catchAll + 1}]`,
        message: `can never apply: targets[${catchAll}] has no priorities and matches every issue first`,
      });
    }
    if (metric.calendar) {
      try {
        parseCalendar(metric.calendar, `${here}.calendar`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        issues.push(...error.issues);
      }
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return policy;
}

const at = z.number().int({ error: 'must be epoch milliseconds' });
const priority = z.string().min(1).nullable();

const eventSchema = z.discriminatedUnion('type', [
  z.strictObject({ at, type: z.literal('created'), status: nonEmpty, statusCategory: category, priority }),
  z.strictObject({ at, type: z.literal('status'), to: nonEmpty, toCategory: category }),
  z.strictObject({ at, type: z.literal('priority'), to: priority }),
  z.strictObject({ at, type: z.literal('comment'), author: z.enum(['agent', 'customer']), public: z.boolean() }),
  z.strictObject({ at, type: z.literal('assigned'), to: z.string().min(1).nullable() }),
]);

export const timelineSchema = z.array(eventSchema);

/** Validates untrusted input as a timeline (shape, order, one `created` first). */
export function parseTimeline(input: unknown, root = 'timeline'): Timeline {
  const shape = timelineSchema.safeParse(input, { reportInput: true });
  if (!shape.success) throw new ValidationError(issuesFromZod(root, shape.error));
  const timeline: TimelineEvent[] = shape.data;
  const problem = timelineProblem(timeline, root);
  if (problem) throw new ValidationError([problem]);
  return timeline;
}

// Local bindings: the check below runs per event on every evaluation (imports compile to getters).
const { MIN_INSTANT, MAX_INSTANT } = calendar;

/** The first ordering problem of a timeline, or null. Cheap enough to run on every evaluation. */
export function timelineProblem(timeline: Timeline, root = 'timeline'): ValidationIssue | null {
  let previous = -Infinity;
  for (let i = 0; i < timeline.length; i++) {
    const event = timeline[i] as TimelineEvent;
    if (typeof event.at !== 'number' || !(event.at >= MIN_INSTANT && event.at < MAX_INSTANT)) {
      return { path: `${root}[${i}].at`, message: 'must be epoch milliseconds within the years 1900 to 2999' };
    }
    if (i === 0 && event.type !== 'created') return { path: `${root}[0].type`, message: 'the first event must be "created"' };
    if (i > 0 && event.type === 'created') return { path: `${root}[${i}].type`, message: 'only the first event may be "created"' };
    if (event.at < previous) {
      return {
        path: `${root}[${i}].at`,
        message: `events must be in time order: ${new Date(event.at).toISOString()} is before the previous event (${new Date(previous).toISOString()})`,
      };
    }
    previous = event.at;
  }
  return null;
}
