// The only way the app reaches Jira: typed calls, runtime-checked replies, retries, and a call count.
import { route, type Route } from '@forge/api';
import type { ZodType } from 'zod';
import { UpstreamError } from '../services/errors';
import { readIssueHistory, readUserGroups, type IssueHistory } from './history';
import { type Actor, defaultRetryPolicy, requestJira, type RetryPolicy } from './request';
import {
  groupPickerSchema,
  issueTypeListSchema,
  type JiraIssue,
  jiraIssueSchema,
  type JiraMyself,
  myPermissionsSchema,
  myselfSchema,
  namedListSchema,
  projectPageSchema,
  statusListSchema,
  userListSchema,
} from './types';

export interface JiraStatus {
  id: string;
  name: string;
  category: 'new' | 'indeterminate' | 'done';
}

export interface JiraGateway {
  /** The issue as the actor may see it, or null when it does not exist or is hidden from them. */
  getIssue(issueKey: string): Promise<JiraIssue | null>;
  /** Whether the actor holds a global permission such as ADMINISTER. */
  hasGlobalPermission(permission: 'ADMINISTER'): Promise<boolean>;
  /** The calling user. */
  getMyself(): Promise<JiraMyself>;
  listProjects(): Promise<{ key: string; name: string }[]>;
  listPriorities(): Promise<string[]>;
  listStatuses(): Promise<JiraStatus[]>;
  listIssueTypes(): Promise<string[]>;
  listGroups(): Promise<string[]>;
  /** Atlassian (staff) accounts the actor may see, for pickers. */
  listStaffUsers(): Promise<{ accountId: string; displayName: string }[]>;
  /** The issue with its whole changelog and comments, or null when the actor cannot see it. */
  getIssueHistory(issueKey: string): Promise<IssueHistory | null>;
  /** Names of a user's groups (empty when the user is not visible). */
  getUserGroups(accountId: string): Promise<string[]>;
  /** Calls made through this gateway, by operation name. */
  readonly calls: Readonly<Record<string, number>>;
}

const ISSUE_FIELDS = 'summary,status,priority,assignee,updated';
const PROJECT_PAGE = 50;
const MAX_PROJECT_PAGES = 40;

export function createJiraGateway(actor: Actor, policy: RetryPolicy = defaultRetryPolicy): JiraGateway {
  const calls: Record<string, number> = {};
  const count = (operation: string) => {
    calls[operation] = (calls[operation] ?? 0) + 1;
  };

  /** As getJson, but a 404 (missing, or hidden from the actor) is null. */
  async function findJson<T>(operation: string, path: Route, schema: ZodType<T>, what: string): Promise<T | null> {
    count(operation);
    const reply = await requestJira(actor, path, { headers: { Accept: 'application/json' } }, policy);
    if (reply.status === 404) return null;
    if (reply.status !== 200) throw new UpstreamError(`Jira answered ${reply.status} for ${what}`, reply.status);
    const parsed = schema.safeParse(await reply.json());
    if (!parsed.success) throw new UpstreamError(`Jira sent an unexpected shape for ${what}`, reply.status);
    return parsed.data;
  }

  async function getJson<T>(operation: string, path: Route, schema: ZodType<T>, what: string): Promise<T> {
    const found = await findJson(operation, path, schema, what);
    if (found === null) throw new UpstreamError(`Jira answered 404 for ${what}`, 404);
    return found;
  }

  return {
    calls,
    getIssueHistory: (issueKey) => readIssueHistory(findJson, issueKey),
    getUserGroups: (accountId) => readUserGroups(findJson, accountId),
    getIssue(issueKey) {
      return findJson('getIssue', route`/rest/api/3/issue/${issueKey}?fields=${ISSUE_FIELDS}`, jiraIssueSchema, `issue ${issueKey}`);
    },
    async hasGlobalPermission(permission) {
      const answer = await getJson('myPermissions', route`/rest/api/3/mypermissions?permissions=${permission}`, myPermissionsSchema, 'permissions');
      return answer.permissions[permission]?.havePermission === true;
    },
    getMyself() {
      return getJson('getMyself', route`/rest/api/3/myself`, myselfSchema, 'the current user');
    },
    async listProjects() {
      const out: { key: string; name: string }[] = [];
      for (let page = 0; page < MAX_PROJECT_PAGES; page++) {
        const startAt = page * PROJECT_PAGE;
        const reply = await getJson('listProjects', route`/rest/api/3/project/search?startAt=${startAt}&maxResults=${PROJECT_PAGE}`, projectPageSchema, 'projects');
        out.push(...reply.values.map((p) => ({ key: p.key, name: p.name })));
        if (reply.isLast !== false || reply.values.length === 0) break;
      }
      return out;
    },
    async listPriorities() {
      return (await getJson('listPriorities', route`/rest/api/3/priority`, namedListSchema, 'priorities')).map((p) => p.name);
    },
    async listStatuses() {
      const statuses = await getJson('listStatuses', route`/rest/api/3/status`, statusListSchema, 'statuses');
      return statuses.map((s) => ({ id: s.id, name: s.name, category: s.statusCategory.key }));
    },
    async listIssueTypes() {
      const types = await getJson('listIssueTypes', route`/rest/api/3/issuetype`, issueTypeListSchema, 'issue types');
      return [...new Set(types.map((t) => t.name))];
    },
    async listGroups() {
      const reply = await getJson('listGroups', route`/rest/api/3/groups/picker?maxResults=${1000}`, groupPickerSchema, 'groups');
      return reply.groups.map((g) => g.name);
    },
    async listStaffUsers() {
      const users = await getJson('listUsers', route`/rest/api/3/user/search?query=${''}&maxResults=${1000}`, userListSchema, 'users');
      return users.filter((u) => u.accountType === undefined || u.accountType === 'atlassian').map((u) => ({ accountId: u.accountId, displayName: u.displayName }));
    },
  };
}
