// Billable hours: requests and answers of the billing resolvers (their names begin with `billing`), and the
// invoice line every view and export is made of. Money is in integer minor units; durations in seconds.
import { z } from 'zod';

const customerKey = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, { error: 'must be a customer key' });
/** `YYYY-MM`, a calendar month in each contract's time zone. */
export const billingMonth = z.string().regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/, { error: 'must be a month such as 2026-11' });

/** The pseudo-customer of hours on issues that match no customer. */
export const NO_CUSTOMER = '_none';

export const EXCLUSION_REASONS = ['noCustomer', 'noContract', 'nonBillableLabel', 'nonBillableType', 'noRateCard'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** One worklog as it is invoiced (or why it is not). */
export interface BillingLine {
  worklogId: string;
  issueId: string;
  issueKey: string;
  issueSummary: string;
  issueType: string;
  /** Set for a sub-task, whose customer is its parent's. */
  parentKey: string | null;
  customerKey: string | null;
  contractId: string | null;
  authorAccountId: string;
  authorName: string;
  /** Epoch ms of the worklog's start. */
  started: number;
  /** The zone `date` is in: the contract's, else the customer's, else UTC. */
  timeZone: string;
  /** `YYYY-MM-DD` of `started` in `timeZone`. */
  date: string;
  /** Seconds as logged in Jira. */
  rawSeconds: number;
  /** Seconds after the contract's rounding (per entry). */
  roundedSeconds: number;
  /** Seconds invoiced: the rounded seconds, or 0 when excluded. */
  billableSeconds: number;
  /** Hourly rate in minor units, null without a contract or rate card. */
  rate: number | null;
  /** billableSeconds x rate / 3600, rounded half up to a minor unit. */
  amount: number;
  currency: string | null;
  excluded: { reason: ExclusionReason; detail: string } | null;
}

export interface BurnPoint {
  date: string;
  /** Billable seconds from the first of the month up to and including `date`. */
  cumulativeSeconds: number;
}

export interface MonthClosure {
  closedAt: string;
  closedBy: { accountId: string; displayName: string };
  /** Worklogs in the snapshot. */
  lineCount: number;
}

export interface ClosureEvent {
  action: 'closed' | 'reopened';
  at: string;
  by: { accountId: string; displayName: string };
  reason: string | null;
}

export interface CustomerMonthSummary {
  customerKey: string;
  /** The customer's name; "No customer" lines have the key NO_CUSTOMER. */
  customerName: string;
  contractId: string | null;
  contractName: string | null;
  currency: string | null;
  timeZone: string;
  rawSeconds: number;
  billableSeconds: number;
  amount: number;
  includedSeconds: number;
  includedUsedSeconds: number;
  includedRemainingSeconds: number;
  overageSeconds: number;
  excludedSeconds: number;
  lineCount: number;
  /** Seconds Jira counts on this customer's issues that the app cannot read (restricted worklogs). */
  notVisibleSeconds: number;
  /** Worklogs changed in Jira after the month was closed (the invoice shows the snapshot). */
  changedAfterClose: number;
  closure: MonthClosure | null;
}

export interface BillingDay { date: string; rawSeconds: number; billableSeconds: number; amount: number }
export interface BillingPerson { accountId: string; name: string; rawSeconds: number; billableSeconds: number; amount: number; days: BillingDay[] }
export interface BillingIssue {
  issueId: string;
  issueKey: string;
  summary: string;
  rawSeconds: number;
  billableSeconds: number;
  amount: number;
  people: BillingPerson[];
}

export interface ChangeAfterClose {
  worklogId: string;
  issueKey: string;
  kind: 'added' | 'removed' | 'changed';
  /** Seconds in the snapshot and now (null where the worklog is absent). */
  closedSeconds: number | null;
  currentSeconds: number | null;
}

export interface NotVisibleIssue {
  issueKey: string;
  summary: string;
  /** Seconds in Jira's time tracking that the app could not read as worklogs (any month). */
  seconds: number;
}

export interface WorklogSyncStatus {
  /** ISO 8601 instant of the last completed sync, null before the first. */
  lastSyncedAt: string | null;
  /** Worklogs updated in Jira up to this instant are in the app's copy. */
  coveredUntil: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Requests and answers

export const billingOverviewRequestSchema = z.strictObject({ month: billingMonth });
export type BillingOverviewRequest = z.infer<typeof billingOverviewRequestSchema>;

export interface BillingOverview {
  month: string;
  customers: CustomerMonthSummary[];
  /** Null when counted just now; for a large month, when its background count ran (ISO 8601). */
  figuresAt: string | null;
  sync: WorklogSyncStatus;
}

export const billingCustomerRequestSchema = z.strictObject({
  month: billingMonth,
  customerKey: z.union([customerKey, z.literal(NO_CUSTOMER)]),
});
export type BillingCustomerRequest = z.infer<typeof billingCustomerRequestSchema>;

export interface BillingCustomerMonth {
  month: string;
  summary: CustomerMonthSummary;
  burn: BurnPoint[];
  issues: BillingIssue[];
  /** Lines not invoiced and why (at most 500; `excludedCount` has them all). */
  excluded: BillingLine[];
  excludedCount: number;
  notVisible: NotVisibleIssue[];
  changedAfterClose: ChangeAfterClose[];
  history: ClosureEvent[];
  /** Whether the caller may reopen a closed month (Jira administrators only). */
  mayReopen: boolean;
  /** Null when counted just now; for a large month, when its background count ran (ISO 8601). */
  figuresAt: string | null;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const billingStartExportSchema = z.strictObject({
  month: billingMonth,
  /** One customer, or every customer (and the lines without one) when absent. */
  customerKey: z.union([customerKey, z.literal(NO_CUSTOMER)]).optional(),
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
});
export type BillingStartExportRequest = z.infer<typeof billingStartExportSchema>;

const exportId = z.string().regex(/^[a-z0-9-]{8,64}$/, { error: 'must be an export id' });
export const billingExportStatusSchema = z.strictObject({ exportId });
export type BillingExportStatusRequest = z.infer<typeof billingExportStatusSchema>;

export interface BillingExportStatus {
  exportId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** 0..1 */
  progress: number;
  fileName: string;
  /** When done: how many chunks to fetch, and the file's size in bytes. */
  chunks: number;
  bytes: number;
  message: string | null;
}

export const billingExportChunkSchema = z.strictObject({ exportId, index: z.number().int().min(0).max(10_000) });
export type BillingExportChunkRequest = z.infer<typeof billingExportChunkSchema>;
export interface BillingExportChunk {
  /** Base64 of the chunk's bytes. */
  data: string;
}

export const billingCloseSchema = z.strictObject({ month: billingMonth, customerKey });
export type BillingCloseRequest = z.infer<typeof billingCloseSchema>;

export const billingReopenSchema = z.strictObject({
  month: billingMonth,
  customerKey,
  reason: z.string().trim().min(1, { error: 'must say why the month is reopened' }).max(500),
});
export type BillingReopenRequest = z.infer<typeof billingReopenSchema>;
