// JSON shapes of Jira's REST v3 answers (as in Atlassian's OpenAPI document), built from the emulator's records
// for one caller: dates in the caller's time zone, restricted comments and worklogs left out when hidden from them.
import { formatDuration, formatJiraDateTime } from './dates';
import { type FieldSelection, ISSUE_LINK_FIELDS } from './fields';
import { APP_ACCOUNT_ID, APP_DISPLAY_NAME, type ChangelogRec, type CommentRec, type IssueRec, type ProjectRec, type ResolutionRec, type WorklogRec } from './model';
import { canSeeRestricted, groupId, type Viewer } from './permissions';
import type { SeedIssueType, SeedPriority, SeedStatus, SeedTransition, SeedUser, StatusCategoryKey } from './seed';
import type { JiraState } from './state';
import type { JiraStore } from './store';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const STATUS_CATEGORIES: Record<StatusCategoryKey | 'undefined', { id: number; key: string; colorName: string; name: string }> = {
  undefined: { id: 1, key: 'undefined', colorName: 'medium-gray', name: 'No Category' },
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
};

const PRIORITY_COLORS = ['#d04437', '#f15C75', '#f79232', '#707070', '#999999'];

export class Renderer {
  constructor(
    readonly baseUrl: string,
    readonly state: JiraState,
    readonly store: JiraStore,
    readonly viewer: Viewer,
    readonly timeZone: string,
  ) {}

  private url(path: string): string {
    return `${this.baseUrl}/rest/api/3${path}`;
  }

  date(ms: number): string {
    return formatJiraDateTime(ms, this.timeZone);
  }

  avatarUrls(kind: string, id: string): JsonObject {
    const out: JsonObject = {};
    for (const size of ['48x48', '24x24', '16x16', '32x32']) {
      out[size] = `${this.baseUrl}/secure/viewavatar?size=${size.split('x')[0]}&avatarType=${kind}&id=${encodeURIComponent(id)}`;
    }
    return out;
  }

  /** `UserDetails` (authors, assignees). A user missing from the directory renders as Jira's "former user". */
  userDetails(accountId: string | null): JsonObject | null {
    if (accountId === null) return null;
    if (accountId === APP_ACCOUNT_ID) return this.appUser();
    const u = this.state.catalog.users.get(accountId);
    if (!u) {
      return { accountId, accountType: 'unknown', active: false, displayName: 'Former user', self: this.url(`/user?accountId=${encodeURIComponent(accountId)}`), avatarUrls: this.avatarUrls('user', accountId) };
    }
    return {
      self: this.url(`/user?accountId=${encodeURIComponent(u.accountId)}`),
      accountId: u.accountId,
      emailAddress: u.emailAddress,
      avatarUrls: this.avatarUrls('user', u.accountId),
      displayName: u.displayName,
      active: u.active,
      timeZone: u.timeZone,
      accountType: u.accountType,
    };
  }

  /** The app's bot account as Jira shows it (`accountType: app`). */
  appUser(): JsonObject {
    return {
      self: this.url(`/user?accountId=${encodeURIComponent(APP_ACCOUNT_ID)}`),
      accountId: APP_ACCOUNT_ID,
      accountType: 'app',
      avatarUrls: this.avatarUrls('user', APP_ACCOUNT_ID),
      displayName: APP_DISPLAY_NAME,
      active: true,
    };
  }

  /** `User` (myself, user, user/search); `groups` and `applicationRoles` items only when expanded, as Jira does. */
  user(u: SeedUser, expand: Set<string>): JsonObject {
    const groups = [...u.groups].sort();
    return {
      self: this.url(`/user?accountId=${encodeURIComponent(u.accountId)}`),
      accountId: u.accountId,
      accountType: u.accountType,
      emailAddress: u.emailAddress,
      avatarUrls: this.avatarUrls('user', u.accountId),
      displayName: u.displayName,
      active: u.active,
      timeZone: u.timeZone,
      locale: u.locale,
      groups: {
        size: groups.length,
        items: expand.has('groups') ? groups.map((g) => ({ name: g, groupId: groupId(g), self: this.url(`/group?groupId=${groupId(g)}`) })) : [],
      },
      applicationRoles: {
        size: 1,
        items: expand.has('applicationRoles')
          ? [{ key: u.accountType === 'customer' ? 'jira-servicedesk' : 'jira-software', name: u.accountType === 'customer' ? 'Jira Service Management' : 'Jira', groups: [], groupDetails: [], defaultGroups: [], defaultGroupsDetails: [], selectedByDefault: false, defined: true, numberOfSeats: 100, remainingSeats: 50, userCount: 50, userCountDescription: 'users', hasUnlimitedSeats: false, platform: false }]
          : [],
      },
      expand: 'groups,applicationRoles',
    };
  }

  statusCategory(key: StatusCategoryKey | 'undefined'): JsonObject {
    const c = STATUS_CATEGORIES[key];
    return { self: this.url(`/statuscategory/${c.id}`), id: c.id, key: c.key, colorName: c.colorName, name: c.name };
  }

  status(s: SeedStatus): JsonObject {
    return {
      self: this.url(`/status/${s.id}`),
      description: '',
      iconUrl: `${this.baseUrl}/images/icons/statuses/generic.png`,
      name: s.name,
      untranslatedName: s.name,
      id: s.id,
      statusCategory: this.statusCategory(s.category),
    };
  }

  priority(p: SeedPriority): JsonObject {
    const index = [...this.state.catalog.priorities.keys()].indexOf(p.id);
    return {
      self: this.url(`/priority/${p.id}`),
      statusColor: PRIORITY_COLORS[Math.min(Math.max(index, 0), PRIORITY_COLORS.length - 1)] ?? '#707070',
      description: p.name,
      iconUrl: `${this.baseUrl}/images/icons/priorities/${p.name.toLowerCase().replace(/\W+/g, '')}.svg`,
      name: p.name,
      id: p.id,
    };
  }

  issueType(t: SeedIssueType): JsonObject {
    return {
      self: this.url(`/issuetype/${t.id}`),
      id: t.id,
      description: '',
      iconUrl: `${this.baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.id}?size=medium`,
      name: t.name,
      subtask: t.subtask,
      avatarId: Number(t.id),
      hierarchyLevel: t.subtask ? -1 : 0,
    };
  }

  resolution(r: ResolutionRec): JsonObject {
    return { self: this.url(`/resolution/${r.id}`), id: r.id, description: r.description, name: r.name };
  }

  transition(t: SeedTransition): JsonObject {
    const to = this.state.catalog.statuses.get(t.toStatusId);
    return {
      id: t.id,
      name: t.name,
      ...(to ? { to: this.status(to) } : {}),
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    };
  }

  projectRef(p: ProjectRec): JsonObject {
    return {
      self: this.url(`/project/${p.id}`),
      id: p.id,
      key: p.key,
      name: p.name,
      projectTypeKey: 'service_desk',
      simplified: false,
      avatarUrls: this.avatarUrls('project', p.id),
    };
  }

  component(p: ProjectRec, name: string): JsonObject {
    const c = p.components.find((x) => x.name === name);
    const id = c?.id ?? name;
    return { self: this.url(`/component/${id}`), id, name };
  }

  /** `Project` for project/search and project/{key}; `full` adds lead, components and issue types. */
  project(p: ProjectRec, full: boolean): JsonObject {
    const base: JsonObject = {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      self: this.url(`/project/${p.id}`),
      id: p.id,
      key: p.key,
      name: p.name,
      avatarUrls: this.avatarUrls('project', p.id),
      projectTypeKey: 'service_desk',
      simplified: false,
      style: 'classic',
      isPrivate: false,
      properties: {},
    };
    if (!full) return base;
    return {
      ...base,
      description: '',
      lead: this.leadUser(p.leadAccountId),
      components: p.components.map((c) => ({
        self: this.url(`/component/${c.id}`),
        id: c.id,
        name: c.name,
        assigneeType: 'PROJECT_DEFAULT',
        realAssigneeType: 'PROJECT_DEFAULT',
        isAssigneeTypeValid: false,
        project: p.key,
        projectId: Number(p.id),
      })),
      issueTypes: [...this.state.catalog.issueTypes.values()].map((t) => this.issueType(t)),
      assigneeType: 'UNASSIGNED',
      versions: [],
      roles: {},
    };
  }

  private leadUser(accountId: string): JsonObject {
    const u = this.state.catalog.users.get(accountId);
    if (!u) return { accountId, accountType: 'unknown', active: false, displayName: 'Former user' };
    return {
      self: this.url(`/user?accountId=${encodeURIComponent(u.accountId)}`),
      accountId: u.accountId,
      accountType: u.accountType,
      avatarUrls: this.avatarUrls('user', u.accountId),
      displayName: u.displayName,
      active: u.active,
    };
  }

  visibility(v: CommentRec['visibility']): JsonObject | undefined {
    return v === null ? undefined : { type: v.type, value: v.value, identifier: v.identifier };
  }

  comment(c: CommentRec): JsonObject {
    const out: JsonObject = {
      self: this.url(`/issue/${c.issueId}/comment/${c.id}`),
      id: String(c.id),
      author: this.userDetails(c.authorId),
      body: c.body as unknown as Json,
      updateAuthor: this.userDetails(c.updateAuthorId),
      created: this.date(c.created),
      updated: this.date(c.updated),
      jsdPublic: c.jsdPublic,
    };
    const v = this.visibility(c.visibility);
    if (v) out.visibility = v;
    return out;
  }

  worklog(w: WorklogRec): JsonObject {
    const out: JsonObject = {
      self: this.url(`/issue/${w.issueId}/worklog/${w.id}`),
      author: this.userDetails(w.authorId),
      updateAuthor: this.userDetails(w.updateAuthorId),
      created: this.date(w.created),
      updated: this.date(w.updated),
      started: this.date(w.started),
      timeSpent: formatDuration(w.timeSpentSeconds),
      timeSpentSeconds: w.timeSpentSeconds,
      id: String(w.id),
      issueId: String(w.issueId),
    };
    if (w.comment) out.comment = w.comment as unknown as Json;
    const v = this.visibility(w.visibility);
    if (v) out.visibility = v;
    return out;
  }

  changelog(c: ChangelogRec, fieldIds?: Set<string>): JsonObject {
    const items = fieldIds ? c.items.filter((i) => i.fieldId !== undefined && fieldIds.has(i.fieldId)) : c.items;
    const out: JsonObject = {
      id: String(c.id),
      created: this.date(c.created),
      items: items.map((i) => ({ ...i })),
    };
    if (c.authorId !== null) out.author = this.userDetails(c.authorId);
    return out;
  }

  /** Comments of an issue that the viewer may see. */
  visibleComments(issue: IssueRec): CommentRec[] {
    const project = this.state.catalog.projects.get(issue.projectId);
    return this.store.commentsOf(issue.id).filter((c) => project !== undefined && canSeeRestricted(this.viewer, project, c.visibility));
  }

  visibleWorklogs(issue: IssueRec): WorklogRec[] {
    const project = this.state.catalog.projects.get(issue.projectId);
    return this.store.worklogsOf(issue.id).filter((w) => project !== undefined && canSeeRestricted(this.viewer, project, w.visibility));
  }

  /** A sub-task's `parent`, or an entry of `subtasks`: `{ id, key, self, fields: { summary, status, priority, issuetype } }`. */
  issueLink(issue: IssueRec): JsonObject {
    const fields: JsonObject = {};
    for (const f of ISSUE_LINK_FIELDS) {
      const v = this.fieldValue(issue, f);
      if (v !== undefined) fields[f] = v;
    }
    return { id: String(issue.id), key: issue.key, self: this.url(`/issue/${issue.id}`), fields };
  }

  /** One field's value on an issue, as Jira renders it. */
  fieldValue(issue: IssueRec, fieldId: string): Json | undefined {
    const c = this.state.catalog;
    switch (fieldId) {
      case 'summary':
        return issue.summary;
      case 'description':
        return issue.description as unknown as Json;
      case 'issuetype': {
        const t = c.issueTypes.get(issue.issueTypeId);
        return t ? this.issueType(t) : null;
      }
      case 'project': {
        const p = c.projects.get(issue.projectId);
        return p ? this.projectRef(p) : null;
      }
      case 'status': {
        const s = c.statuses.get(issue.statusId);
        return s ? this.status(s) : null;
      }
      case 'priority': {
        const p = c.priorities.get(issue.priorityId);
        return p ? this.priority(p) : null;
      }
      case 'assignee':
        return this.userDetails(issue.assigneeId);
      case 'reporter':
        return this.userDetails(issue.reporterId);
      case 'creator':
        return this.userDetails(issue.creatorId);
      case 'created':
        return this.date(issue.created);
      case 'updated':
        return this.date(issue.updated);
      case 'resolution': {
        const r = issue.resolutionId === null ? undefined : c.resolutions.get(issue.resolutionId);
        return r ? this.resolution(r) : null;
      }
      case 'resolutiondate':
        return issue.resolutionDate === null ? null : this.date(issue.resolutionDate);
      case 'statuscategorychangedate':
        return this.date(issue.statusCategoryChangeDate);
      case 'labels':
        return [...issue.labels];
      case 'components': {
        const p = c.projects.get(issue.projectId);
        return p ? issue.components.map((name) => this.component(p, name)) : [];
      }
      case 'parent': {
        // Sub-tasks live in their parent's project, so whoever sees the sub-task sees the parent.
        const parent = issue.parentId === undefined ? undefined : this.state.issues.get(issue.parentId);
        return parent ? this.issueLink(parent) : undefined;
      }
      case 'subtasks': {
        // Jira sends `[]` for an issue without sub-tasks; the emulator leaves the field out then (see README).
        const subtasks = this.state.subtasksOf(issue.id);
        return subtasks.length > 0 ? subtasks.map((s) => this.issueLink(s)) : undefined;
      }
      // Totals of every worklog, those the viewer may not see included (worklog restrictions hide entries, not time).
      case 'timespent':
        return issue.timeSpentSeconds > 0 ? issue.timeSpentSeconds : null;
      case 'aggregatetimespent': {
        // Σ Time Spent: the issue's own time plus its sub-tasks' (summing it over a parent and its sub-tasks counts twice).
        const total = this.state.subtasksOf(issue.id).reduce((sum, s) => sum + s.timeSpentSeconds, issue.timeSpentSeconds);
        return total > 0 ? total : null;
      }
      case 'timetracking':
        return issue.timeSpentSeconds > 0
          ? { timeSpent: formatDuration(issue.timeSpentSeconds), timeSpentSeconds: issue.timeSpentSeconds }
          : {};
      case 'comment': {
        const comments = this.visibleComments(issue);
        return {
          comments: comments.map((x) => this.comment(x)),
          self: this.url(`/issue/${issue.id}/comment`),
          maxResults: comments.length,
          total: comments.length,
          startAt: 0,
        };
      }
      case 'worklog': {
        // Jira embeds at most 20 worklogs; `total` tells how many there are (read the rest per issue).
        const worklogs = this.visibleWorklogs(issue);
        return { startAt: 0, maxResults: 20, total: worklogs.length, worklogs: worklogs.slice(0, 20).map((w) => this.worklog(w)) };
      }
      case 'lastViewed':
        return null;
      default:
        if (c.customFields.has(fieldId)) return (issue.customFields[fieldId] ?? null) as Json;
        return undefined;
    }
  }

  /** `IssueBean`. `selection.full === false` renders `{ id }` only (search/jql asked for ids). */
  issue(
    issue: IssueRec,
    selection: FieldSelection,
    opts: { properties?: string[]; expand?: Set<string>; fieldDefs?: { id: string; name: string; schema: JsonObject }[]; changelogLimit?: number } = {},
  ): JsonObject {
    const out: JsonObject = selection.full
      ? { expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations', id: String(issue.id), self: this.url(`/issue/${issue.id}`), key: issue.key }
      : { id: String(issue.id) };
    if (selection.full) {
      const fields: JsonObject = {};
      for (const f of selection.fields) {
        const v = this.fieldValue(issue, f);
        if (v !== undefined) fields[f] = v;
      }
      out.fields = fields;
    }
    if (opts.properties && opts.properties.length > 0) {
      const props: JsonObject = {};
      const wanted = opts.properties.includes('*all') ? [...issue.properties.keys()] : opts.properties;
      for (const key of wanted) if (issue.properties.has(key)) props[key] = issue.properties.get(key) as Json;
      out.properties = props;
    }
    const expand = opts.expand ?? new Set<string>();
    if (expand.has('changelog')) {
      // Most recent first, at most 100 (40 in bulk fetch), as the documentation describes.
      const all = this.store.changelogsOf(issue.id).reverse();
      const histories = all.slice(0, opts.changelogLimit ?? 100).map((h) => this.changelog(h));
      out.changelog = { startAt: 0, maxResults: histories.length, total: all.length, histories };
    }
    if (expand.has('names') && opts.fieldDefs) {
      const names: JsonObject = {};
      for (const f of opts.fieldDefs) if (selection.fields.includes(f.id)) names[f.id] = f.name;
      out.names = names;
    }
    if (expand.has('schema') && opts.fieldDefs) {
      const schema: JsonObject = {};
      for (const f of opts.fieldDefs) if (selection.fields.includes(f.id)) schema[f.id] = f.schema;
      out.schema = schema;
    }
    if (expand.has('transitions')) {
      out.transitions = [...this.state.catalog.transitions.values()].filter((t) => t.toStatusId !== issue.statusId).map((t) => this.transition(t));
    }
    return out;
  }
}
