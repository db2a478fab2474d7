// Requests and responses of the admin page's resolvers (all need Jira's ADMINISTER permission).
import { z } from 'zod';
import {
  backupSchema,
  calendarRecordSchema,
  contractSchema,
  customerSchema,
  matchingSchema,
  policyDraftSchema,
  settingsSchema,
  CUSTOMER_KEY,
  RECORD_ID,
  type AdminConfig,
  type Backup,
  type CalendarRecord,
  type Contract,
  type Customer,
  type Matching,
  type PolicySummary,
  type PolicyVersion,
  type RecordMeta,
  type RuleFinding,
  type Settings,
  type WithMeta,
} from './config';
import { ISSUE_KEY_PATTERN } from './issue-panel';

/**
 * The revision the edit started from; null (or 0, the revision of settings never saved) when creating. A stale
 * one is refused with CONFLICT.
 */
const expectedRevision = z.number().int().min(0).nullable();
const recordId = z.string().regex(RECORD_ID, { error: 'must be 1-64 lower-case letters, digits or "-"' });

export const emptyRequestSchema = z.strictObject({});
export type EmptyRequest = z.infer<typeof emptyRequestSchema>;

export const saveCustomerRequestSchema = z.strictObject({ customer: customerSchema, expectedRevision });
export const saveContractRequestSchema = z.strictObject({ contract: contractSchema, expectedRevision });
export const saveCalendarRequestSchema = z.strictObject({ calendar: calendarRecordSchema, expectedRevision });
export const savePolicyRequestSchema = z.strictObject({ policy: policyDraftSchema, expectedRevision });
export const saveSettingsRequestSchema = z.strictObject({ settings: settingsSchema, expectedRevision });
export const saveMatchingRequestSchema = z.strictObject({ matching: matchingSchema, expectedRevision });

export const deleteCustomerRequestSchema = z.strictObject({
  key: z.string().regex(CUSTOMER_KEY, { error: 'must be a customer key' }),
  expectedRevision: z.number().int().min(1),
});
export const deleteRecordRequestSchema = z.strictObject({ id: recordId, expectedRevision: z.number().int().min(1) });
export const policyVersionsRequestSchema = z.strictObject({ id: recordId });

export const simulatePolicyRequestSchema = z.strictObject({
  issueKey: z.string().regex(ISSUE_KEY_PATTERN, { error: 'must be an issue key such as SUP-12' }),
  policy: policyDraftSchema,
  /** Evaluate on this calendar instead of the one of the issue's contract. */
  calendarId: recordId.optional(),
});

export const importConfigRequestSchema = z.strictObject({ backup: backupSchema });

export type SaveCustomerRequest = z.infer<typeof saveCustomerRequestSchema>;
export type SaveContractRequest = z.infer<typeof saveContractRequestSchema>;
export type SaveCalendarRequest = z.infer<typeof saveCalendarRequestSchema>;
export type SavePolicyRequest = z.infer<typeof savePolicyRequestSchema>;
export type SaveSettingsRequest = z.infer<typeof saveSettingsRequestSchema>;
export type SaveMatchingRequest = z.infer<typeof saveMatchingRequestSchema>;
export type DeleteCustomerRequest = z.infer<typeof deleteCustomerRequestSchema>;
export type DeleteRecordRequest = z.infer<typeof deleteRecordRequestSchema>;
export type PolicyVersionsRequest = z.infer<typeof policyVersionsRequestSchema>;
export type SimulatePolicyRequest = z.infer<typeof simulatePolicyRequestSchema>;
export type ImportConfigRequest = z.infer<typeof importConfigRequestSchema>;

export interface Deleted {
  deleted: true;
}

/** Jira's names the editors offer in pickers (read as the admin). */
export interface JiraCatalog {
  projects: { key: string; name: string }[];
  priorities: string[];
  statuses: { name: string; category: 'new' | 'indeterminate' | 'done' }[];
  issueTypes: string[];
  groups: string[];
  users: { accountId: string; displayName: string }[];
}

/** One clock as the simulator shows it (times as ISO 8601 instants). */
export interface SimulatedClock {
  key: string;
  name: string;
  state: 'notStarted' | 'running' | 'paused' | 'met' | 'breached' | 'notApplicable';
  targetMinutes: number | null;
  elapsedMinutes: number;
  remainingMinutes: number | null;
  dueAt: string | null;
  breached: boolean;
  cycles: number;
  pausedReason: string | null;
}

export interface PolicySimulation {
  issue: { key: string; summary: string; priority: string | null; status: string };
  customer: { key: string; name: string } | null;
  calendar: { id: string; name: string } | null;
  /** ISO 8601 instant the clocks were evaluated at. */
  evaluatedAt: string;
  draft: SimulatedClock[];
  /** The saved policy's latest version; null when the policy was never saved. */
  saved: { version: number; clocks: SimulatedClock[] } | null;
}

export interface ImportSummary {
  customers: number;
  contracts: number;
  calendars: number;
  policies: number;
  /** Records that were stored before and are not in the file. */
  removed: number;
}

export type {
  AdminConfig,
  Backup,
  CalendarRecord,
  Contract,
  Customer,
  Matching,
  PolicySummary,
  PolicyVersion,
  RecordMeta,
  RuleFinding,
  Settings,
  WithMeta,
};
