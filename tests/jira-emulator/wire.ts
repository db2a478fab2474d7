// The parts of Jira's JSON answers the emulator tests read (shapes are checked in full by openapi.test.ts).

export interface NamedJson { id: string; name: string }
export interface UserJson {
  accountId: string;
  displayName: string;
  accountType: string;
  timeZone?: string;
  locale?: string;
  emailAddress?: string;
  groups?: { size: number; items: { name: string }[] };
}
export interface StatusJson extends NamedJson { statusCategory: { id: number; key: string; colorName: string; name: string } }
export interface ChangeItemJson { field: string; fieldId: string; from: string | null; fromString: string | null; to: string | null; toString: string | null }
export interface ChangelogJson { id: string; created: string; author?: UserJson; items: ChangeItemJson[] }
export interface CommentJson { id: string; body: unknown; author: UserJson; created: string; updated: string; jsdPublic: boolean; visibility?: { type: string; value: string } }
export interface WorklogJson { id: string; issueId: string; author: UserJson; started: string; timeSpent: string; timeSpentSeconds: number; created: string; updated: string; comment?: unknown }
export interface IssueFieldsJson {
  summary: string;
  status: StatusJson;
  priority: NamedJson;
  assignee: UserJson | null;
  reporter: UserJson;
  resolution: NamedJson | null;
  resolutiondate: string | null;
  statuscategorychangedate: string;
  labels: string[];
  components: NamedJson[];
  created: string;
  updated: string;
  timespent: number | null;
  comment: { comments: CommentJson[]; total: number };
  worklog: { total: number; maxResults: number; worklogs: WorklogJson[] };
  [field: string]: unknown;
}
export interface IssueJson {
  id: string;
  key: string;
  self: string;
  fields: IssueFieldsJson;
  properties?: Record<string, unknown>;
  changelog?: { histories: ChangelogJson[]; total: number };
  transitions?: NamedJson[];
}
export interface SearchJson { issues: IssueJson[]; nextPageToken?: string; isLast: boolean; names?: Record<string, string> }
export interface ErrorJson { errorMessages: string[]; errors: Record<string, string> }
export interface FeedJson { values: { worklogId: number; updatedTime: number }[]; since: number; until: number; lastPage: boolean; nextPage?: string }
export interface PageJson<T> { values: T[]; total: number; isLast: boolean; startAt: number; maxResults: number }
export interface PermissionsJson { permissions: Record<string, { havePermission: boolean }> }
