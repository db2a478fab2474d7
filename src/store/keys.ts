// Every storage key and entity name the app uses is built here, and only here.

export const entities = {
  customer: 'customer',
  contract: 'contract',
  calendar: 'calendar',
  policy: 'sla-policy',
  policyVersion: 'sla-policy-version',
  appConfig: 'app-config',
  issueSla: 'issue-sla',
  boardRank: 'board-rank',
  worklog: 'worklog',
} as const;

export const keys = {
  /** Configuration records are keyed by their own key or id (validated by the contract's patterns). */
  customer: (customerKey: string) => customerKey,
  contract: (contractId: string) => contractId,
  calendar: (calendarId: string) => calendarId,
  policy: (policyId: string) => policyId,
  /** Zero-padded so keys sort by version. */
  policyVersion: (policyId: string, version: number) => `${policyId}#${String(version).padStart(6, '0')}`,
  /** An issue's SLA state: by issue id, never by key (keys change when an issue moves). */
  issueSla: (issueId: string) => issueId,
  /** Plain KVS keys of cached Jira facts (they expire). */
  statusCategories: () => 'jira:status-categories',
  accountGroups: (accountId: string) => `jira:groups:${accountId}`,
  /** Plain KVS keys of the SLA backfill: its state, and the issue ids of a run in numbered pages. */
  backfillState: () => 'backfill:state',
  backfillPage: (runId: string, page: number) => `backfill:${runId}:ids:${page}`,
  /** An issue's hand-made place in its customer's lane. */
  boardRank: (customerKey: string, issueId: string) => `${customerKey}#${issueId}`,
  /** The app's copy of a Jira worklog, by its id. */
  worklog: (worklogId: string) => worklogId,
  /** Plain KVS keys of billing: the seconds the app holds per issue, the worklog feeds' cursors. */
  worklogTotal: (issueId: string) => `worklogs:total:${issueId}`,
  worklogSync: () => 'worklogs:sync',
  /** When the copy of the worklogs last changed (epoch ms): counts older than that are redone. */
  worklogsChanged: () => 'worklogs:changed',
  /** A customer's month: open or closed, with its snapshot's pages. */
  billingPeriod: (customerKey: string, month: string) => `billing:period:${customerKey}:${month}`,
  /** A month counted in the background (each customer's figures, and its live lines in numbered pages). */
  billingMonthCount: (month: string) => `billing:count:${month}`,
  billingMonthCountPage: (countId: string, customerKey: string, page: number) => `billing:count:${countId}:${customerKey}:${page}`,
  billingSnapshotPage: (snapshotId: string, page: number) => `billing:snapshot:${snapshotId}:${page}`,
  /** An export's status and its file in numbered chunks (they expire). */
  billingExport: (exportId: string) => `billing:export:${exportId}`,
  billingExportChunk: (exportId: string, index: number) => `billing:export:${exportId}:${index}`,
  settings: () => 'settings',
  matching: () => 'matching',
} as const;

/** Largest value Forge's KVS stores (240 KiB), in bytes of JSON. */
export const MAX_VALUE_BYTES = 240 * 1024;
