// The contract between the JQL engine and the Jira emulator's search endpoints.
// The emulator builds plain snapshots and a context; the engine compiles a query once and evaluates it per issue.

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';
export interface JqlIssue {
  id: string; key: string; projectId: string; projectKey: string;
  issueTypeName: string; statusId: string; statusName: string; statusCategory: StatusCategoryKey;
  priorityId: string; priorityName: string;
  assigneeAccountId: string | null; reporterAccountId: string;
  labels: string[]; components: string[]; summary: string;
  created: number; updated: number; resolved: number | null;   // epoch ms
  properties: Record<string, unknown>;                           // issue properties by property key
  /** Plain-text description; searched by `text ~` together with the summary. */
  description?: string | null;
  /** A sub-task's parent (id and key), searched by `parent`; absent or null for other issues. */
  parentId?: string | null;
  parentKey?: string | null;
}
export interface IndexedPropertyValue { path: string; type: 'number' | 'string' | 'text' | 'user' | 'date'; searchAlias?: string }
export interface IndexedProperty { propertyKey: string; values: IndexedPropertyValue[] }   // from manifest jira:entityProperty
export interface JqlContext {
  now: number;                          // epoch ms
  timeZone: string;                     // the searching user's IANA zone: relative dates and startOfDay() etc. use it
  currentAccountId: string | null;      // for currentUser()
  indexedProperties: IndexedProperty[];
  projects: { id: string; key: string; name: string }[];
  statuses: { id: string; name: string; category: StatusCategoryKey }[];
  priorities: { id: string; name: string }[];
  issueTypes: { id: string; name: string }[];
  users: { accountId: string; displayName: string; emailAddress: string }[];
  /** First day of the week for startOfWeek()/endOfWeek(); Jira takes it from the user's locale. Default 'sunday' (en_US). */
  weekStart?: 'sunday' | 'monday';
  /** When given, `key = X-1` for an issue that does not exist is a 400, as in Jira. Otherwise only the project is checked. */
  issueExists?: (key: string) => boolean;
}
export interface CompiledJql {
  matches(issue: JqlIssue): boolean;
  compare(a: JqlIssue, b: JqlIssue): number;   // ORDER BY (default when absent: as Jira, e.g. key/created DESC; check and document)
  orderBy: { field: string; direction: 'asc' | 'desc' }[];
  /** Optional fast path: project keys / issue keys the query is limited to, so the caller can narrow before scanning. */
  hints?: { projectKeys?: string[]; issueKeys?: string[] };
  /**
   * False when the query has no search restriction (empty, or only ORDER BY). `/search/jql` and `approximate-count`
   * reject such queries with {@link UNBOUNDED_JQL_MESSAGE}; the engine leaves that decision to the endpoint.
   */
  bounded?: boolean;
}
export type JqlResult = { ok: true; query: CompiledJql } | { ok: false; status: 400; errorMessages: string[] };
