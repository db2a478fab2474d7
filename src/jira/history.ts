// An issue's history for the SLA timeline: its fields, changelog and comments. One read in the common case
// (the issue with its embedded changelog and comments); the paged endpoints only when Jira truncated those.
import { route } from '@forge/api';
import type { z } from 'zod';
import type { ChangelogEntry, CommentFacts } from '../domain/sla/jira-timeline';
import type { Caller } from './call';
import {
  changelogPageSchema,
  commentPageSchema,
  historyIssueSchema,
  type JiraChangeHistory,
  type JiraComment,
  userGroupsSchema,
} from './history-types';
import { readOffsetPages } from './paging';

/** The issue's current facts. */
export interface IssueFacts {
  id: string;
  key: string;
  summary: string;
  /** Epoch ms. */
  created: number;
  /** Epoch ms of the last change Jira recorded: orders competing reads of the same issue. */
  updated: number;
  status: { id: string; name: string; category: 'new' | 'indeterminate' | 'done' };
  priority: string | null;
  assigneeAccountId: string | null;
  /** The assignee's name as Jira shows it to the reader. */
  assigneeName: string | null;
  projectKey: string;
  labels: string[];
  components: string[];
  issueType: string | null;
  /** Null when the issue has no parent (or Jira did not say). */
  parentKey: string | null;
  /** Epoch ms; null while unresolved. */
  resolutionDate: number | null;
}

export type IssueComment = CommentFacts & { authorAccountType: string | null };

export interface IssueHistory extends IssueFacts {
  /** Oldest first. */
  changes: ChangelogEntry[];
  /** Oldest first, as Jira lists them; only those the actor may see. */
  comments: IssueComment[];
}

export interface IssueWithHistory extends IssueHistory {
  /** False when `changes` lacks older entries (Jira embeds the latest 100): read the paged changelog for all. */
  changelogComplete: boolean;
  /** How many changelog entries the issue has, by Jira's count. */
  changelogTotal: number;
  /** False when `comments` lacks some that Jira counted. */
  commentsComplete: boolean;
  commentTotal: number;
}

/** The fields the timeline needs; `comment` is added for the one-call read. */
export const HISTORY_FIELDS = 'summary,created,updated,status,priority,assignee,project,labels,components,issuetype,parent,resolutiondate';

const ONE_READ_FIELDS = `${HISTORY_FIELDS},comment`;
const PAGE = 100;
/** Bounds a runaway history: 100 pages of 100 is more than any issue's real changelog. */
const MAX_PAGES = 100;

export function toChangelogEntry(h: JiraChangeHistory): ChangelogEntry {
  return {
    at: h.created,
    id: h.id,
    items: h.items.map((i) => ({ field: i.field, from: i.from ?? null, fromString: i.fromString ?? null, to: i.to ?? null, toString: i.toString ?? null })),
  };
}

export function toIssueComment(c: JiraComment): IssueComment {
  // Internal: a service-desk internal note, or any comment restricted to a role or group.
  const isPublic = c.jsdPublic !== false && !c.visibility;
  return { at: c.created, authorAccountId: c.author?.accountId ?? null, authorAccountType: c.author?.accountType ?? null, public: isPublic };
}

export function toIssueFacts(issue: z.infer<typeof historyIssueSchema>): IssueFacts {
  const f = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    summary: f.summary,
    created: f.created,
    updated: f.updated,
    status: { id: f.status.id, name: f.status.name, category: f.status.statusCategory.key },
    priority: f.priority?.name ?? null,
    assigneeAccountId: f.assignee?.accountId ?? null,
    assigneeName: f.assignee?.displayName ?? null,
    projectKey: f.project.key,
    labels: f.labels ?? [],
    components: (f.components ?? []).map((c) => c.name),
    issueType: f.issuetype?.name ?? null,
    parentKey: f.parent?.key ?? null,
    resolutionDate: f.resolutiondate ?? null,
  };
}

/** The issue with what Jira embeds of its changelog and comments, in one call; null when the actor cannot see it. */
export async function readIssueWithHistory(jira: Caller, issueIdOrKey: string, operation = 'getIssueWithHistory'): Promise<IssueWithHistory | null> {
  const answer = await jira.find({
    operation,
    what: `issue ${issueIdOrKey}`,
    path: route`/rest/api/3/issue/${issueIdOrKey}?fields=${ONE_READ_FIELDS}&expand=changelog`,
    schema: historyIssueSchema,
  });
  if (!answer) return null;
  const issue = answer.data;
  // Embedded histories are the most recent first; the app keeps them oldest first, as the paged endpoint lists.
  const histories = issue.changelog?.histories ?? [];
  const changelogTotal = issue.changelog?.total ?? histories.length;
  const comments = issue.fields.comment?.comments ?? [];
  const commentTotal = issue.fields.comment?.total ?? comments.length;
  return {
    ...toIssueFacts(issue),
    changes: histories.map(toChangelogEntry).reverse(),
    comments: comments.map(toIssueComment),
    // Without an embedded changelog at all, Jira said nothing: read the pages.
    changelogComplete: issue.changelog !== undefined && histories.length >= changelogTotal,
    changelogTotal,
    commentsComplete: issue.fields.comment !== undefined && comments.length >= commentTotal,
    commentTotal,
  };
}

/** Every changelog entry of the issue, oldest first, from the paged endpoint; null when the issue went away. */
export async function readChangelog(jira: Caller, issueId: string, issueKey: string): Promise<{ changes: ChangelogEntry[]; complete: boolean } | null> {
  const read = await readOffsetPages(async (startAt, maxResults) => {
    const answer = await jira.find({
      operation: 'getChangelog',
      what: `the changelog of ${issueKey}`,
      path: route`/rest/api/3/issue/${issueId}/changelog?startAt=${startAt}&maxResults=${maxResults}`,
      schema: changelogPageSchema,
    });
    return answer && { items: answer.data.values, isLast: answer.data.isLast, total: answer.data.total };
  }, { pageSize: PAGE, maxPages: MAX_PAGES });
  return read && { changes: read.items.map(toChangelogEntry), complete: read.complete };
}

/** Every comment the actor may see, oldest first, from the paged endpoint; null when the issue went away. */
export async function readComments(jira: Caller, issueId: string, issueKey: string): Promise<{ comments: IssueComment[]; complete: boolean } | null> {
  const read = await readOffsetPages(async (startAt, maxResults) => {
    const answer = await jira.find({
      operation: 'getComments',
      what: `the comments of ${issueKey}`,
      path: route`/rest/api/3/issue/${issueId}/comment?startAt=${startAt}&maxResults=${maxResults}`,
      schema: commentPageSchema,
    });
    return answer && { items: answer.data.comments, total: answer.data.total };
  }, { pageSize: PAGE, maxPages: MAX_PAGES });
  return read && { comments: read.items.map(toIssueComment), complete: read.complete };
}

/**
 * The issue with its whole changelog and comments: one call when Jira embedded them all, the paged endpoints
 * for whichever it truncated. Null when the actor cannot see the issue (or it went away while being read).
 */
export async function readIssueHistory(jira: Caller, issueIdOrKey: string): Promise<IssueWithHistory | null> {
  const issue = await readIssueWithHistory(jira, issueIdOrKey, 'getIssueHistory');
  if (!issue) return null;
  let { changes, changelogComplete, comments, commentsComplete } = issue;
  if (!changelogComplete) {
    const read = await readChangelog(jira, issue.id, issue.key);
    if (!read) return null;
    ({ changes, complete: changelogComplete } = read);
  }
  if (!commentsComplete) {
    const read = await readComments(jira, issue.id, issue.key);
    if (!read) return null;
    ({ comments, complete: commentsComplete } = read);
  }
  return {
    ...issue,
    changes,
    comments,
    changelogComplete,
    changelogTotal: Math.max(issue.changelogTotal, changes.length),
    commentsComplete,
    commentTotal: Math.max(issue.commentTotal, comments.length),
  };
}

export async function readUserGroups(jira: Caller, accountId: string): Promise<string[]> {
  const answer = await jira.find({
    operation: 'getUserGroups',
    what: `the groups of user ${accountId}`,
    path: route`/rest/api/3/user/groups?accountId=${accountId}`,
    schema: userGroupsSchema,
  });
  return answer?.data.map((g) => g.name) ?? [];
}
