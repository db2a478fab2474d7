// The only way the app reaches Jira: typed calls, runtime-checked replies, paging, retries within the time
// limit, typed errors (errors.ts), and counts of calls and retries per operation.
import { route } from '@forge/api';
import type { ChangelogEntry } from '../domain/sla/jira-timeline';
import { createCaller, type JiraCall } from './call';
import { JiraRequestRefused, type JiraTarget } from './errors';
import { readIssueHistory, readIssueWithHistory, readUserGroups, toChangelogEntry, type IssueHistory, type IssueWithHistory } from './history';
import { bulkChangelogPageSchema } from './history-types';
import { type WorklogOperations, worklogOperations } from './worklogs';
import { readOffsetPages, readTokenPages } from './paging';
import { type Actor, defaultRetryPolicy, forgeTransport, type RetryPolicy, type Transport } from './request';
import {
  groupPickerSchema,
  issuePropertySchema,
  issueTypeListSchema,
  type JiraIssue,
  jiraIssueSchema,
  type JiraMyself,
  myPermissionsSchema,
  myselfSchema,
  worklogPageSchema,
  namedListSchema,
  projectPageSchema,
  searchIdPageSchema,
  searchPageSchema,
  statusListSchema,
  userListSchema,
} from './types';

export interface JiraStatus {
  id: string;
  name: string;
  category: 'new' | 'indeterminate' | 'done';
}

export interface SearchIdsOptions {
  /** The most issues to return (paging stops there); default: all, up to 100,000. */
  maxResults?: number;
  /** Up to 50 issue ids just written, for read-after-write consistency (Jira's search is eventually consistent). */
  reconcileIssues?: readonly (string | number)[];
}

export interface SearchIssuesOptions {
  /** The most issues to return; default: all, up to 10,000. */
  maxResults?: number;
  reconcileIssues?: readonly (string | number)[];
}

export interface SearchedIssue {
  id: string;
  key: string;
  /** The fields asked for, as Jira sent them (unchecked: the caller knows which fields it asked for). */
  fields: Record<string, unknown>;
  /** The issue properties asked for that the issue has. */
  properties: Record<string, unknown>;
}

export interface JiraNotification {
  subject: string;
  textBody: string;
  htmlBody?: string;
  to: { assignee?: boolean; reporter?: boolean; watchers?: boolean; users?: { accountId: string }[]; groupIds?: string[] };
}

export interface JiraGateway extends WorklogOperations {
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
  /**
   * The issue with its whole changelog and comments, or null when the actor cannot see it. One call when Jira
   * embedded everything; the paged endpoints only for what it truncated.
   */
  getIssueHistory(issueIdOrKey: string): Promise<IssueWithHistory | null>;
  /**
   * ONE call: the issue's fields with the changelog and comments Jira embeds (the latest 100 histories), and
   * whether those are complete; null when the actor cannot see the issue.
   */
  getIssueWithHistory(issueIdOrKey: string): Promise<IssueWithHistory | null>;
  /** Names of a user's groups (empty when the user is not visible). */
  getUserGroups(accountId: string): Promise<string[]>;
  /** A user's display name as the actor may see it; null when hidden or gone. */
  getUserName(accountId: string): Promise<string | null>;
  /** Seconds of work logged on an issue that started in `[from, to)` (epoch ms), as the actor may see them. */
  sumWorklogSeconds(issueIdOrKey: string, from: number, to: number): Promise<number>;
  /** Ids and keys of the issues a bounded JQL query matches (`POST /search/jql`, pages of up to 5000). */
  searchIssueIds(jql: string, options?: SearchIdsOptions): Promise<{ issues: { id: string; key: string | null }[]; complete: boolean }>;
  /** Issues with the given fields and (up to 5) properties, in pages of 100. */
  searchIssues(jql: string, fields: readonly string[], properties?: readonly string[], options?: SearchIssuesOptions): Promise<{ issues: SearchedIssue[]; complete: boolean }>;
  /**
   * Changelogs of many issues (`POST /changelog/bulkfetch`), oldest first per issue id, optionally only entries
   * touching up to 10 fields. Issues the actor cannot see, or without changes, are absent.
   */
  bulkFetchChangelogs(issueIdsOrKeys: readonly string[], fieldIds?: readonly string[]): Promise<{ changelogs: Record<string, ChangelogEntry[]>; complete: boolean }>;
  /** An issue property, or null when the issue or the property does not exist (or the issue is hidden). */
  getIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<{ key: string; value: unknown } | null>;
  /** Sets an issue property (JSON value up to 32 KB, refused before sending when larger). */
  setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<'created' | 'updated'>;
  /** Queues an email about the issue to the recipients Jira resolves (`POST /issue/{key}/notify`). */
  notifyIssue(issueIdOrKey: string, notification: JiraNotification): Promise<void>;
  /** Requests made through this gateway, by operation name (each page counts; retries do not). */
  readonly calls: Readonly<Record<string, number>>;
  /** Retries made, by operation name. */
  readonly retries: Readonly<Record<string, number>>;
}

export interface GatewayOptions {
  /** Overrides of the default retry policy: deadline, clock, sleep, limits. */
  policy?: Partial<RetryPolicy>;
  /** How requests reach Jira; Forge's `requestJira` unless a test gives another. */
  transport?: Transport;
}

const ISSUE_FIELDS = 'summary,status,priority,assignee,updated';
const WORKLOG_PAGE = 5000;
const MAX_WORKLOG_PAGES = 20;
const PROJECT_PAGE = 50;
const MAX_PROJECT_PAGES = 40;
/** Jira's largest search page, for id/key-only searches; 20 pages bound a search at 100,000 ids. */
const ID_PAGE = 5000;
const MAX_ID_PAGES = 20;
/** Jira gives about 100 issues a page when fields are asked for; 100 pages bound a search at 10,000 issues. */
const ISSUE_PAGE = 100;
const MAX_ISSUE_PAGES = 100;
const MAX_SEARCH_PROPERTIES = 5;
const MAX_RECONCILE = 50;
/** `changelog/bulkfetch`: 1000 issues a request, 10 field ids, 1000 histories a page. */
const BULK_ISSUES = 1000;
const BULK_FIELDS = 10;
const BULK_PAGE = 1000;
const MAX_BULK_PAGES = 100;
/** Issue property limits (Jira REST reference, setIssueProperty). */
export const PROPERTY_VALUE_MAX_BYTES = 32_768;
const PROPERTY_KEY_MAX = 255;

export function createJiraGateway(actor: Actor, options: GatewayOptions = {}): JiraGateway {
  const calls: Record<string, number> = {};
  const retries: Record<string, number> = {};
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.policy };
  const jira = createCaller(actor, policy, options.transport ?? forgeTransport, { calls, retries });
  const refuse = (target: Omit<JiraTarget, 'actor'>, reason: string) => new JiraRequestRefused({ ...target, actor }, reason);

  const data = async <T>(call: JiraCall<T>): Promise<T> => (await jira.get(call)).data;

  function reconcileIds(operation: string, what: string, ids: readonly (string | number)[] | undefined): number[] | undefined {
    if (ids === undefined || ids.length === 0) return undefined;
    if (ids.length > MAX_RECONCILE) throw refuse({ operation, what }, `reconcileIssues takes at most ${MAX_RECONCILE} issue ids, got ${ids.length}.`);
    const numbers = ids.map(Number);
    if (!numbers.every((n) => Number.isSafeInteger(n) && n > 0)) throw refuse({ operation, what }, 'reconcileIssues takes issue ids (numbers), not keys.');
    return numbers;
  }

  function maxResultsOf(operation: string, what: string, maxResults: number | undefined): number {
    if (maxResults === undefined) return Number.POSITIVE_INFINITY;
    if (!Number.isInteger(maxResults) || maxResults < 1) throw refuse({ operation, what }, `maxResults must be a whole number of at least 1, got ${maxResults}.`);
    return maxResults;
  }

  return {
    calls,
    retries,
    getIssueHistory: (issueIdOrKey) => readIssueHistory(jira, issueIdOrKey),
    getIssueWithHistory: (issueIdOrKey) => readIssueWithHistory(jira, issueIdOrKey),
    getUserGroups: (accountId) => readUserGroups(jira, accountId),
    ...worklogOperations(jira),

    async getUserName(accountId) {
      const answer = await jira.find({ operation: 'getUser', what: `user ${accountId}`, path: route`/rest/api/3/user?accountId=${accountId}`, schema: myselfSchema });
      return answer?.data.displayName ?? null;
    },
    async sumWorklogSeconds(issueIdOrKey, from, to) {
      const read = await readOffsetPages(async (startAt, maxResults) => {
        const answer = await jira.find({
          operation: 'getWorklogs',
          what: `the work logged on ${issueIdOrKey}`,
          path: route`/rest/api/3/issue/${issueIdOrKey}/worklog?startAt=${startAt}&maxResults=${maxResults}&startedAfter=${from}&startedBefore=${to}`,
          schema: worklogPageSchema,
        });
        return answer ? { items: answer.data.worklogs, total: answer.data.total } : null;
      }, { pageSize: WORKLOG_PAGE, maxPages: MAX_WORKLOG_PAGES });
      return (read?.items ?? []).reduce((sum, w) => sum + w.timeSpentSeconds, 0);
    },

    async getIssue(issueKey) {
      const answer = await jira.find({
        operation: 'getIssue',
        what: `issue ${issueKey}`,
        path: route`/rest/api/3/issue/${issueKey}?fields=${ISSUE_FIELDS}`,
        schema: jiraIssueSchema,
      });
      return answer?.data ?? null;
    },
    async hasGlobalPermission(permission) {
      const answer = await data({
        operation: 'myPermissions',
        what: `the ${permission} permission`,
        path: route`/rest/api/3/mypermissions?permissions=${permission}`,
        schema: myPermissionsSchema,
      });
      return answer.permissions[permission]?.havePermission === true;
    },
    getMyself() {
      return data({ operation: 'getMyself', what: 'the current user', path: route`/rest/api/3/myself`, schema: myselfSchema });
    },
    async listProjects() {
      const read = await readOffsetPages(async (startAt, maxResults) => {
        const page = await data({
          operation: 'listProjects',
          what: 'projects',
          path: route`/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`,
          schema: projectPageSchema,
        });
        return { items: page.values, isLast: page.isLast, total: page.total };
      }, { pageSize: PROJECT_PAGE, maxPages: MAX_PROJECT_PAGES });
      return (read?.items ?? []).map((p) => ({ key: p.key, name: p.name }));
    },
    async listPriorities() {
      return (await data({ operation: 'listPriorities', what: 'priorities', path: route`/rest/api/3/priority`, schema: namedListSchema })).map((p) => p.name);
    },
    async listStatuses() {
      const statuses = await data({ operation: 'listStatuses', what: 'statuses', path: route`/rest/api/3/status`, schema: statusListSchema });
      return statuses.map((s) => ({ id: s.id, name: s.name, category: s.statusCategory.key }));
    },
    async listIssueTypes() {
      const types = await data({ operation: 'listIssueTypes', what: 'issue types', path: route`/rest/api/3/issuetype`, schema: issueTypeListSchema });
      return [...new Set(types.map((t) => t.name))];
    },
    async listGroups() {
      const reply = await data({ operation: 'listGroups', what: 'groups', path: route`/rest/api/3/groups/picker?maxResults=${1000}`, schema: groupPickerSchema });
      return reply.groups.map((g) => g.name);
    },
    async listStaffUsers() {
      const users = await data({ operation: 'listUsers', what: 'users', path: route`/rest/api/3/user/search?query=${''}&maxResults=${1000}`, schema: userListSchema });
      return users.filter((u) => u.accountType === undefined || u.accountType === 'atlassian').map((u) => ({ accountId: u.accountId, displayName: u.displayName }));
    },

    async searchIssueIds(jql, options = {}) {
      const operation = 'searchIssueIds';
      const what = 'the issue search';
      const maxItems = maxResultsOf(operation, what, options.maxResults);
      const reconcileIssues = reconcileIds(operation, what, options.reconcileIssues);
      const read = await readTokenPages(async (nextPageToken, wanted) => {
        const page = await data({
          operation,
          what,
          method: 'POST',
          path: route`/rest/api/3/search/jql`,
          // `key` is as cheap as `id`: both get Jira's largest pages.
          body: { jql, fields: ['id', 'key'], maxResults: Math.min(ID_PAGE, wanted), nextPageToken, reconcileIssues },
          schema: searchIdPageSchema,
        });
        return { items: page.issues, nextPageToken: page.nextPageToken, isLast: page.isLast };
      }, { maxPages: MAX_ID_PAGES, maxItems });
      const result = read ?? { items: [], complete: true };
      return { issues: result.items.map((i) => ({ id: i.id, key: i.key ?? null })), complete: result.complete };
    },

    async searchIssues(jql, fields, properties = [], options = {}) {
      const operation = 'searchIssues';
      const what = 'the issue search';
      if (properties.length > MAX_SEARCH_PROPERTIES) {
        throw refuse({ operation, what }, `A search returns at most ${MAX_SEARCH_PROPERTIES} issue properties, got ${properties.length}.`);
      }
      const maxItems = maxResultsOf(operation, what, options.maxResults);
      const reconcileIssues = reconcileIds(operation, what, options.reconcileIssues);
      const read = await readTokenPages(async (nextPageToken, wanted) => {
        const page = await data({
          operation,
          what,
          method: 'POST',
          path: route`/rest/api/3/search/jql`,
          body: {
            jql,
            fields: fields.length > 0 ? [...fields] : ['key'],
            ...(properties.length > 0 ? { properties: [...properties] } : {}),
            maxResults: Math.min(ISSUE_PAGE, wanted),
            nextPageToken,
            reconcileIssues,
          },
          schema: searchPageSchema,
        });
        return { items: page.issues, nextPageToken: page.nextPageToken, isLast: page.isLast };
      }, { maxPages: MAX_ISSUE_PAGES, maxItems });
      const result = read ?? { items: [], complete: true };
      return {
        issues: result.items.map((i) => ({ id: i.id, key: i.key, fields: i.fields ?? {}, properties: i.properties ?? {} })),
        complete: result.complete,
      };
    },

    async bulkFetchChangelogs(issueIdsOrKeys, fieldIds = []) {
      const operation = 'bulkFetchChangelogs';
      const what = 'the changelogs of several issues';
      if (fieldIds.length > BULK_FIELDS) throw refuse({ operation, what }, `The bulk changelog filters by at most ${BULK_FIELDS} field ids, got ${fieldIds.length}.`);
      const ids = [...new Set(issueIdsOrKeys)];
      const changelogs: Record<string, ChangelogEntry[]> = {};
      let complete = true;
      for (let i = 0; i < ids.length; i += BULK_ISSUES) {
        const chunk = ids.slice(i, i + BULK_ISSUES);
        const read = await readTokenPages(async (nextPageToken) => {
          const page = await data({
            operation,
            what,
            method: 'POST',
            path: route`/rest/api/3/changelog/bulkfetch`,
            body: { issueIdsOrKeys: chunk, ...(fieldIds.length > 0 ? { fieldIds: [...fieldIds] } : {}), maxResults: BULK_PAGE, nextPageToken },
            schema: bulkChangelogPageSchema,
          });
          return { items: page.issueChangeLogs, nextPageToken: page.nextPageToken };
        }, { maxPages: MAX_BULK_PAGES });
        if (!read) continue;
        complete &&= read.complete;
        // An issue's histories may continue on the next page.
        for (const log of read.items) (changelogs[log.issueId] ??= []).push(...log.changeHistories.map(toChangelogEntry));
      }
      return { changelogs, complete };
    },

    async getIssueProperty(issueIdOrKey, propertyKey) {
      const answer = await jira.find({
        operation: 'getIssueProperty',
        what: `property ${propertyKey} of issue ${issueIdOrKey}`,
        path: route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
        schema: issuePropertySchema,
      });
      return answer && { key: answer.data.key, value: answer.data.value };
    },

    async setIssueProperty(issueIdOrKey, propertyKey, value) {
      const target = {
        operation: 'setIssueProperty',
        what: `property ${propertyKey} of issue ${issueIdOrKey}`,
        action: `set property ${propertyKey} on issue ${issueIdOrKey}`,
      };
      if (propertyKey.trim() === '' || propertyKey.length > PROPERTY_KEY_MAX) {
        throw refuse(target, `A property key has 1 to ${PROPERTY_KEY_MAX} characters, this one ${propertyKey.length}.`);
      }
      let json: string | undefined;
      try {
        json = JSON.stringify(value);
      } catch {
        json = undefined;
      }
      if (json === undefined || value === null || value === '') throw refuse(target, 'A property value must be a non-empty JSON value.');
      const bytes = Buffer.byteLength(json, 'utf8');
      if (bytes > PROPERTY_VALUE_MAX_BYTES) {
        throw refuse(target, `The value is ${bytes} bytes of JSON; Jira keeps at most ${PROPERTY_VALUE_MAX_BYTES} bytes in an issue property.`);
      }
      const answer = await jira.get({ ...target, method: 'PUT', path: route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`, body: value, ok: [200, 201] });
      return answer.status === 201 ? 'created' : 'updated';
    },

    async notifyIssue(issueIdOrKey, notification) {
      const target = { operation: 'notifyIssue', what: `issue ${issueIdOrKey}`, action: `send a notification about issue ${issueIdOrKey}` };
      const to = notification.to;
      const anyone = to.assignee === true || to.reporter === true || to.watchers === true || (to.users?.length ?? 0) > 0 || (to.groupIds?.length ?? 0) > 0;
      if (!anyone) throw refuse(target, 'The notification names no recipient.');
      const body = {
        subject: notification.subject,
        textBody: notification.textBody,
        ...(notification.htmlBody !== undefined ? { htmlBody: notification.htmlBody } : {}),
        to: { ...to, ...(to.users ? { users: to.users.map((u) => ({ accountId: u.accountId })) } : {}) },
      };
      await jira.get({ ...target, method: 'POST', path: route`/rest/api/3/issue/${issueIdOrKey}/notify`, body, ok: [200, 204] });
    },
  };
}

export type { IssueHistory, IssueWithHistory };
