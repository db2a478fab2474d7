// The app's configuration records (DESIGN.md section 4) as the UI edits them and the store keeps them.
// These schemas check shape and bounds; meaning (calendar times, policy rules, overlaps) is checked by the
// services with the domain's parsers, which name the field at fault the same way.
import { z } from 'zod';
import { LIMITS, ROUNDING_MINUTES, ROUNDING_MODES, TIERS } from './constants';

export { LIMITS, MATCH_FIELDS, ROUNDING_MINUTES, ROUNDING_MODES, TIERS, type MatchField, type Tier } from './constants';

const text = (max: number = LIMITS.nameLength) =>
  z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    error: 'is not a real date',
  });

export const timeZoneName = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return zone.length > 0;
    } catch {
      return false;
    }
  },
  { error: 'must be an IANA time zone such as Europe/Zurich' },
);

export const CUSTOMER_KEY = /^[a-z][a-z0-9-]{1,39}$/;
export const RECORD_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const customerKey = z.string().regex(CUSTOMER_KEY, { error: 'must be 2-40 lower-case letters, digits or "-", starting with a letter' });
const recordId = z.string().regex(RECORD_ID, { error: 'must be 1-64 lower-case letters, digits or "-"' });
const accountId = z.string().trim().min(1).max(128);

/** Who changed a record and when: shown in conflicts ("changed by Sofia Brandt at 14:02"). */
export interface RecordMeta {
  revision: number;
  /** ISO 8601 instant. */
  updatedAt: string;
  updatedBy: { accountId: string; displayName: string };
}

// ---------------------------------------------------------------------------------------------------------
// Customers and matching

export const contactSchema = z.strictObject({
  name: text(),
  email: z.email({ error: 'must be an email address' }).max(254),
  role: z.string().trim().max(LIMITS.nameLength).default(''),
  /** When the contact's details were last confirmed with the customer. */
  lastReviewedOn: isoDate.nullable().default(null),
});
export type Contact = z.infer<typeof contactSchema>;

export const customerSchema = z.strictObject({
  key: customerKey,
  name: text(),
  tier: z.enum(TIERS, { error: `must be one of ${TIERS.join(', ')}` }),
  timeZone: timeZoneName,
  /** Jira account id of the service manager, or null while none is named. */
  serviceManagerAccountId: accountId.nullable(),
  contacts: z.array(contactSchema).max(LIMITS.contacts, { error: `at most ${LIMITS.contacts} contacts` }),
});
export type Customer = z.infer<typeof customerSchema>;

const matchValues = z
  .array(z.string().trim().min(1, { error: 'must not be empty' }).max(255))
  .min(1, { error: 'list at least one value' })
  .max(LIMITS.ruleValues, { error: `at most ${LIMITS.ruleValues} values` });

/** One test on an issue: its project key, a label, a component, or a field's value is one of `values`. */
export const matchConditionSchema = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('project'), values: matchValues }),
  z.strictObject({ field: z.literal('label'), values: matchValues }),
  z.strictObject({ field: z.literal('component'), values: matchValues }),
  z.strictObject({
    field: z.literal('field'),
    /** A Jira field id such as `customfield_10010`. */
    fieldId: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: 'must be a Jira field id such as customfield_10010' }),
    values: matchValues,
  }),
]);
export type MatchCondition = z.infer<typeof matchConditionSchema>;

/** A rule matches an issue when every condition holds; rules are tried in order and the first match wins. */
export const matchRuleSchema = z.strictObject({
  id: recordId,
  customerKey,
  conditions: z.array(matchConditionSchema).min(1, { error: 'needs at least one condition' }).max(LIMITS.ruleConditions, { error: `at most ${LIMITS.ruleConditions} conditions` }),
});
export type MatchRule = z.infer<typeof matchRuleSchema>;

export const matchingSchema = z.strictObject({
  rules: z.array(matchRuleSchema).max(LIMITS.matchingRules, { error: `at most ${LIMITS.matchingRules} rules` }),
});
export type Matching = z.infer<typeof matchingSchema>;

/** A rule that can never win (`shadowed`) or that claims issues another customer's rule claims too (`overlaps`). */
export interface RuleFinding {
  kind: 'shadowed' | 'overlaps';
  ruleId: string;
  /** The earlier rule that shadows it, or the other rule it overlaps with. */
  otherRuleId: string;
}

// ---------------------------------------------------------------------------------------------------------
// Calendars (the SLA engine's format; meaning checked by parseCalendar)

const interval = z.tuple([z.string(), z.string()], { error: 'expected a pair ["HH:MM", "HH:MM"]' });
const intervals = z.array(interval).max(48);
const holiday = z.strictObject({ date: z.string(), hours: intervals.optional(), name: z.string().max(LIMITS.nameLength).optional() });

export const calendarRecordSchema = z.strictObject({
  id: recordId,
  name: text(),
  timeZone: timeZoneName,
  weekly: z.strictObject({
    mon: intervals.optional(),
    tue: intervals.optional(),
    wed: intervals.optional(),
    thu: intervals.optional(),
    fri: intervals.optional(),
    sat: intervals.optional(),
    sun: intervals.optional(),
  }),
  holidays: z.array(holiday).max(LIMITS.holidays, { error: `at most ${LIMITS.holidays} holidays per calendar` }).default([]),
  yearlyHolidays: z.array(holiday).max(LIMITS.holidays, { error: `at most ${LIMITS.holidays} yearly holidays per calendar` }).default([]),
});
export type CalendarRecord = z.infer<typeof calendarRecordSchema>;

// ---------------------------------------------------------------------------------------------------------
// SLA policies (versioned; meaning checked by parsePolicy)

const statusCategory = z.enum(['new', 'indeterminate', 'done']);
const conditionSchema = z.union([
  z.strictObject({ event: z.literal('created') }),
  z.strictObject({ event: z.literal('status'), to: z.string() }),
  z.strictObject({ event: z.literal('statusCategory'), to: statusCategory.optional(), from: statusCategory.optional() }),
  z.strictObject({ event: z.literal('comment'), author: z.enum(['agent', 'customer']).optional(), public: z.boolean().optional() }),
  z.strictObject({ event: z.literal('assigned') }),
]);
export type PolicyCondition = z.infer<typeof conditionSchema>;

export const policyMetricSchema = z.strictObject({
  key: z.string(),
  name: z.string(),
  start: z.array(conditionSchema),
  stop: z.array(conditionSchema),
  pause: z.array(z.strictObject({ status: z.array(z.string()).optional(), statusCategory: z.array(statusCategory).optional() })).default([]),
  targets: z.array(z.strictObject({ priorities: z.array(z.string()).optional(), minutes: z.number() })),
  warnAtPercent: z.number().optional(),
  /** The metric's own calendar; absent = the calendar of the contract in force. */
  calendarId: recordId.optional(),
});
export type PolicyMetric = z.infer<typeof policyMetricSchema>;

/** What an admin edits: saving it creates the next version. */
export const policyDraftSchema = z.strictObject({
  id: recordId,
  name: text(),
  description: z.string().max(2000).default(''),
  metrics: z.array(policyMetricSchema).max(LIMITS.metrics, { error: `at most ${LIMITS.metrics} metrics` }),
});
export type PolicyDraft = z.infer<typeof policyDraftSchema>;

/** One saved version; versions never change once written. */
export interface PolicyVersion extends PolicyDraft {
  version: number;
  /** ISO 8601 instant. */
  savedAt: string;
  savedBy: { accountId: string; displayName: string };
}

// ---------------------------------------------------------------------------------------------------------
// Contracts

/** Money in minor units (cents, Rappen, paise): never floats. */
const minorUnits = z.number().int({ error: 'must be a whole number of minor units (e.g. cents)' }).min(0).max(100_000_000);

export const rateCardSchema = z.strictObject({
  /** The card applies from this date until the next card's date. */
  validFrom: isoDate,
  defaultRate: minorUnits,
  /** Per work type (the Jira issue type of the worked issue), overriding the default rate. */
  workTypeRates: z
    .array(z.strictObject({ workType: text(), rate: minorUnits }))
    .max(LIMITS.workTypeRates, { error: `at most ${LIMITS.workTypeRates} work-type rates` })
    .default([]),
});
export type RateCard = z.infer<typeof rateCardSchema>;

export const contractSchema = z.strictObject({
  id: recordId,
  customerKey,
  name: text(),
  validFrom: isoDate,
  /** Last day in force (inclusive); null = open-ended. */
  validTo: isoDate.nullable(),
  calendarId: recordId,
  policyId: recordId,
  includedHoursPerMonth: z.number().min(0, { error: 'must be zero or more' }).max(10_000, { error: 'must be at most 10000' }),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as CHF' }),
  rateCards: z
    .array(rateCardSchema)
    .min(1, { error: 'needs at least one rate card' })
    .max(LIMITS.rateCards, { error: `at most ${LIMITS.rateCards} rate cards` }),
  rounding: z.strictObject({
    mode: z.enum(ROUNDING_MODES, { error: `must be one of ${ROUNDING_MODES.join(', ')}` }),
    minutes: z.union(ROUNDING_MINUTES.map((m) => z.literal(m)) as [z.ZodLiteral<1>, z.ZodLiteral<6>, z.ZodLiteral<15>, z.ZodLiteral<30>], {
      error: `must be one of ${ROUNDING_MINUTES.join(', ')}`,
    }),
  }),
  nonBillable: z.strictObject({
    labels: z.array(text(255)).max(LIMITS.ruleValues).default([]),
    issueTypes: z.array(text(255)).max(LIMITS.ruleValues).default([]),
  }),
});
export type Contract = z.infer<typeof contractSchema>;

// ---------------------------------------------------------------------------------------------------------
// Settings

export const settingsSchema = z.strictObject({
  /** Board score weights (DESIGN.md section 4), 0-100 each. */
  weights: z.strictObject({
    priority: z.number().min(0).max(100),
    tier: z.number().min(0).max(100),
    sla: z.number().min(0).max(100),
    age: z.number().min(0).max(100),
  }),
  /** Jira groups whose members count as agents (their comments are agent responses). */
  agentGroups: z.array(text(255)).max(LIMITS.groups),
  /** Jira groups that may see billing, besides Jira administrators. */
  billingGroups: z.array(text(255)).max(LIMITS.groups),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  weights: { priority: 40, tier: 20, sla: 30, age: 10 },
  agentGroups: [],
  billingGroups: [],
};

// ---------------------------------------------------------------------------------------------------------
// Stored form, as the admin page receives it

export type WithMeta<T> = T & { meta: RecordMeta };

export interface PolicySummary {
  id: string;
  /** The latest version, as the editor shows it. */
  latest: PolicyVersion;
  versions: number;
  meta: RecordMeta;
}

/** The latest recompute of every affected issue after a change (or the installation). */
export interface BackfillStatus {
  reason: string;
  /** ISO 8601 instants; `finishedAt` null while it runs. */
  startedAt: string;
  finishedAt: string | null;
  total: number;
  done: number;
  failed: number;
}

export interface AdminConfig {
  customers: WithMeta<Customer>[];
  contracts: WithMeta<Contract>[];
  calendars: WithMeta<CalendarRecord>[];
  policies: PolicySummary[];
  settings: WithMeta<Settings>;
  matching: WithMeta<Matching> & { findings: RuleFinding[] };
  /** Null before the first backfill. */
  backfill: BackfillStatus | null;
}

// ---------------------------------------------------------------------------------------------------------
// Backup file

export const BACKUP_FORMAT = 'service-manager-config/1';

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT, { error: `must be "${BACKUP_FORMAT}" (a file exported by Service Manager)` }),
  exportedAt: z.string(),
  customers: z.array(customerSchema).max(1000),
  contracts: z.array(contractSchema).max(5000),
  calendars: z.array(calendarRecordSchema).max(500),
  policies: z
    .array(z.strictObject({ id: recordId, versions: z.array(policyDraftSchema.extend({ version: z.number().int().min(1) })).min(1) }))
    .max(500),
  settings: settingsSchema,
  matching: matchingSchema,
});
export type Backup = z.infer<typeof backupSchema>;
