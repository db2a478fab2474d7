// Every storage key and entity name the app uses is built here, and only here.

export const entities = {
  issueActivity: 'issue-activity',
} as const;

export const keys = {
  /** Entity key of an issue's activity record. */
  issueActivity: (issueKey: string) => issueKey,
  /** Plain KVS key of the scheduled sweep's bookkeeping. */
  sweepState: () => 'sweep:state',
} as const;
