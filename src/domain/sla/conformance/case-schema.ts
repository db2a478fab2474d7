// The conformance case format (shared/sla-cases/README.md): a calendar and checks against it. Each check is
// validated on its own so one malformed check fails alone, naming its path.
import { z } from 'zod';
import { MAX_INSTANT, MIN_INSTANT } from '../../calendar';
import { parseIsoInstant } from './iso';

export const isoInstant = z.string().transform((text, ctx) => {
  const t = parseIsoInstant(text);
  if (t === null || t < MIN_INSTANT || t >= MAX_INSTANT) {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not an ISO 8601 instant with an offset (e.g. 2026-11-16T09:00:00+01:00) in the years 1900 to 2999`,
    });
    return z.NEVER;
  }
  return t;
});

const pauses = z.array(z.tuple([isoInstant, isoInstant])).optional();
const amount = z.number().min(0, { error: 'must be zero or more' }).max(1e9, { error: 'is too large' });
const note = z.string().optional();

const shift = z
  .strictObject({
    op: z.enum(['add', 'subtract']),
    note,
    start: isoInstant,
    minutes: amount.optional(),
    seconds: amount.optional(),
    pauses,
    /** null: no such instant within the search horizon. */
    expect: isoInstant.nullable(),
  })
  .refine((c) => (c.minutes === undefined) !== (c.seconds === undefined), { error: 'give either "minutes" or "seconds"' });

const between = z
  .strictObject({
    op: z.literal('between'),
    note,
    start: isoInstant,
    end: isoInstant,
    pauses,
    expectMinutes: z.number().int().optional(),
    expectSeconds: z.number().int().optional(),
  })
  .refine((c) => c.expectMinutes !== undefined || c.expectSeconds !== undefined, {
    error: 'give "expectMinutes" or "expectSeconds"',
  });

const next = z.strictObject({ op: z.literal('nextBusinessMoment'), note, at: isoInstant, expect: isoInstant.nullable() });
const isBusiness = z.strictObject({ op: z.literal('isBusinessTime'), note, at: isoInstant, expect: z.boolean() });

export const metricExpectSchema = z.strictObject({
  state: z.enum(['notStarted', 'running', 'paused', 'met', 'breached', 'notApplicable']).optional(),
  elapsedMinutes: z.number().int().optional(),
  elapsedSeconds: z.number().int().optional(),
  remainingMinutes: z.number().int().nullable().optional(),
  remainingSeconds: z.number().int().nullable().optional(),
  targetMinutes: z.number().int().nullable().optional(),
  dueAt: isoInstant.nullable().optional(),
  breached: z.boolean().optional(),
  everBreached: z.boolean().optional(),
  warning: z.boolean().optional(),
  cycles: z.number().int().optional(),
  withinCalendarHours: z.boolean().optional(),
});
export type MetricExpectation = z.output<typeof metricExpectSchema>;

const sla = z.strictObject({
  op: z.literal('sla'),
  note,
  /** Checked by parsePolicy, which names the path of a bad field. */
  policy: z.unknown(),
  /** `at` as ISO; the rest is checked by parseTimeline. */
  timeline: z.array(z.looseObject({ at: isoInstant })),
  now: isoInstant,
  expect: z.record(z.string(), metricExpectSchema),
});

export const checkSchema = z.discriminatedUnion('op', [shift, between, next, isBusiness, sla]);
export type Check = z.output<typeof checkSchema>;

export const caseFileSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  /** Checked by parseCalendar. */
  calendar: z.unknown(),
  checks: z.array(z.unknown()).min(1, { error: 'needs at least one check' }),
});
