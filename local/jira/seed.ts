// Plain data that the Jira emulator imports (`importSeed`) and the demo generator produces.
// Instants are ISO 8601 strings with an offset. Ids are strings, as in Jira's REST API.

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface SeedUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  /** IANA zone, e.g. `Europe/Zurich`. */
  timeZone: string;
  locale: string;
  /** `atlassian` for staff, `customer` for a customer's contact. */
  accountType: 'atlassian' | 'customer';
  groups: string[];
  active: boolean;
}

export interface SeedStatus { id: string; name: string; category: StatusCategoryKey }
export interface SeedPriority { id: string; name: string }
export interface SeedIssueType { id: string; name: string; subtask: boolean }
/** A transition that can be taken from any status other than its target (Jira's "global transition"). */
export interface SeedTransition { id: string; name: string; toStatusId: string }

export interface SeedProject {
  id: string;
  key: string;
  name: string;
  leadAccountId: string;
  /** Groups whose members may browse the project (and so see its issues). */
  browseGroups: string[];
  components: string[];
  /**
   * Whether the app's account may browse the project (its role `atlassian-addons-project-access` is in the project's
   * permission scheme, as Jira sets it up). Default true; false hides the project and its issues from `asApp` calls.
   */
  appAccess?: boolean;
}

export interface SeedChangeItem {
  field: 'status' | 'priority' | 'assignee' | 'resolution' | 'labels' | 'summary';
  /** Ids for status/priority/resolution, accountIds for assignee, raw text otherwise; null when empty. */
  from: string | null;
  to: string | null;
}

export interface SeedChange { at: string; authorAccountId: string; items: SeedChangeItem[] }

export interface SeedComment {
  at: string;
  authorAccountId: string;
  /** Plain text; the emulator stores it as an ADF document. */
  body: string;
  /** Internal (agents only): restricted visibility and `jsdPublic: false`. */
  internal: boolean;
}

export interface SeedWorklog {
  authorAccountId: string;
  started: string;
  timeSpentSeconds: number;
  comment?: string;
  /** When the worklog was recorded; defaults to `started` + time spent. */
  created?: string;
  /**
   * Restricts who sees the worklog: a group (by name) or a project role (`Administrators`, `Service Desk Team`,
   * `Service Desk Customers`, `Developers`). Default: visible to everyone who may browse the issue.
   */
  visibility?: { type: 'group' | 'role'; value: string };
}

export interface SeedIssue {
  key: string;
  projectKey: string;
  issueTypeId: string;
  summary: string;
  description?: string;
  reporterAccountId: string;
  /** Values at creation; `history` then changes them. The emulator derives current values by replaying history. */
  initial: { statusId: string; priorityId: string; assigneeAccountId: string | null };
  labels: string[];
  components: string[];
  created: string;
  history: SeedChange[];
  comments: SeedComment[];
  worklogs: SeedWorklog[];
  properties?: Record<string, unknown>;
  /** Values of the site's custom fields by id (`customfield_10010`), returned as given. */
  customFields?: Record<string, unknown>;
  /**
   * Makes the issue a sub-task of this issue: one of the same seed (in any order) or already stored, of the same
   * project, and not a sub-task itself; `issueTypeId` must then be a sub-task type (`subtask: true`), and an issue
   * of a sub-task type must have one.
   */
  parentKey?: string;
}

/** A resolution (`Done`, `Won't Do`, ...). The emulator defines Jira's defaults when a seed gives none. */
export interface SeedResolution { id: string; name: string; description?: string }

/** A custom field the site defines; `type` is the `schema.type` Jira reports (`string`, `number`, `option`, `array`). */
export interface SeedCustomField { id: string; name: string; type: string; items?: string }

export interface JiraSeed {
  users: SeedUser[];
  statuses: SeedStatus[];
  transitions: SeedTransition[];
  priorities: SeedPriority[];
  issueTypes: SeedIssueType[];
  projects: SeedProject[];
  issues: SeedIssue[];
  /** Groups that may administer Jira (see admin pages, every project). */
  adminGroups: string[];
  resolutions?: SeedResolution[];
  customFields?: SeedCustomField[];
}
