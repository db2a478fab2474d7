// The emulator's internal records. Instants are epoch milliseconds; ids of issues, comments, worklogs and
// changelogs are numbers here and strings on the wire (as in Jira).
import type { AdfDoc } from './adf';
import type { SeedIssueType, SeedPriority, SeedStatus, SeedTransition, SeedUser } from './seed';

/** The account the app acts as (`asApp`): author of what the app writes, as Jira shows an app's bot user. */
export const APP_ACCOUNT_ID = '557058:0f9a2b7c-5d3e-4c1a-9e6f-service-manager-app';
export const APP_DISPLAY_NAME = 'Service Manager for Jira';

export interface Visibility {
  type: 'group' | 'role';
  value: string;
  identifier: string;
}

export interface ComponentRec { id: string; name: string }

export interface ProjectRec {
  id: string;
  key: string;
  name: string;
  leadAccountId: string;
  browseGroups: string[];
  components: ComponentRec[];
  /**
   * False when an admin took the app's role (`atlassian-addons-project-access`) out of the project's permission
   * scheme: the app cannot browse the project. Stored only when false (absent = the default, true).
   */
  appAccess?: boolean;
}

export interface ResolutionRec { id: string; name: string; description: string }

/** A custom field the site defines (`customfield_NNNNN`); values are stored and returned as given. */
export interface CustomFieldRec {
  id: string;
  name: string;
  /** The `schema.type` Jira reports (`string`, `number`, `option`, `array`, ...). */
  type: string;
  /** For arrays, the item type. */
  items?: string;
}

export interface IssueRec {
  id: number;
  key: string;
  projectId: string;
  issueTypeId: string;
  summary: string;
  description: AdfDoc | null;
  statusId: string;
  priorityId: string;
  resolutionId: string | null;
  resolutionDate: number | null;
  statusCategoryChangeDate: number;
  assigneeId: string | null;
  reporterId: string;
  creatorId: string;
  labels: string[];
  /** Component names (unique within the project). */
  components: string[];
  created: number;
  updated: number;
  customFields: Record<string, unknown>;
  /** Sum of the issue's worklogs, restricted ones included, kept current on every worklog write (the `timespent` field). */
  timeSpentSeconds: number;
  properties: Map<string, unknown>;
  /** A sub-task's parent (an issue of the same project); absent for standard issues. */
  parentId?: number;
}

export interface ChangeItemRec {
  field: string;
  fieldtype: 'jira' | 'custom';
  /** Absent on some items Jira writes, e.g. `WorklogId` when work is logged. */
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangelogRec {
  id: number;
  issueId: number;
  created: number;
  authorId: string | null;
  items: ChangeItemRec[];
}

export interface CommentRec {
  id: number;
  issueId: number;
  authorId: string;
  updateAuthorId: string;
  body: AdfDoc;
  created: number;
  updated: number;
  visibility: Visibility | null;
  jsdPublic: boolean;
}

export interface WorklogRec {
  id: number;
  issueId: number;
  authorId: string;
  updateAuthorId: string;
  comment: AdfDoc | null;
  started: number;
  timeSpentSeconds: number;
  created: number;
  updated: number;
  visibility: Visibility | null;
}

/** An email Jira queued for `POST /rest/api/3/issue/{issueIdOrKey}/notify` (the emulator records it instead). */
export interface NotificationRec {
  id: number;
  issueId: string;
  issueKey: string;
  /**
   * Account ids that receive it: the requested reporter, assignee, users and group members, in that order without
   * repeats, keeping only active users who may browse the issue and pass `restrict`, less the calling user.
   */
  recipients: string[];
  subject: string;
  textBody: string | null;
  htmlBody: string | null;
  /** The calling user's account id; null for the app (`asApp`). */
  requestedBy: string | null;
  fromApp: boolean;
  /** When it was queued (the emulator's clock, epoch ms). */
  at: number;
}

export interface DeletedWorklogRec { id: number; issueId: number; deletedAt: number }

/** Everything but issues: the site's configuration. */
export interface Catalog {
  users: Map<string, SeedUser>;
  usersByEmail: Map<string, SeedUser>;
  statuses: Map<string, SeedStatus>;
  priorities: Map<string, SeedPriority>;
  issueTypes: Map<string, SeedIssueType>;
  transitions: Map<string, SeedTransition>;
  resolutions: Map<string, ResolutionRec>;
  projects: Map<string, ProjectRec>;
  projectsByKey: Map<string, ProjectRec>;
  customFields: Map<string, CustomFieldRec>;
  adminGroups: Set<string>;
}

export function emptyCatalog(): Catalog {
  return {
    users: new Map(),
    usersByEmail: new Map(),
    statuses: new Map(),
    priorities: new Map(),
    issueTypes: new Map(),
    transitions: new Map(),
    resolutions: new Map(),
    projects: new Map(),
    projectsByKey: new Map(),
    customFields: new Map(),
    adminGroups: new Set(),
  };
}
