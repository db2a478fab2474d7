// Reads an issue's full history (fields, every changelog page, every comment page) for the SLA timeline.
import { route, type Route } from '@forge/api';
import type { ZodType } from 'zod';
import type { ChangelogEntry, CommentFacts } from '../domain/sla/jira-timeline';
import { changelogPageSchema, commentPageSchema, historyIssueSchema, userGroupsSchema } from './history-types';

export interface IssueHistory {
  id: string;
  key: string;
  summary: string;
  created: number;
  status: { id: string; name: string; category: 'new' | 'indeterminate' | 'done' };
  priority: string | null;
  assigneeAccountId: string | null;
  projectKey: string;
  labels: string[];
  components: string[];
  changes: ChangelogEntry[];
  comments: (CommentFacts & { authorAccountType: string | null })[];
}

/** How history reads reach Jira: a checked GET (null on 404), provided by the gateway. */
export type GetJson = <T>(operation: string, path: Route, schema: ZodType<T>, what: string) => Promise<T | null>;

const PAGE = 100;
/** Bounds a runaway history: 100 pages of 100 is more than any issue's real changelog. */
const MAX_PAGES = 100;

export async function readIssueHistory(getJson: GetJson, issueKey: string): Promise<IssueHistory | null> {
  const fields = 'summary,created,status,priority,assignee,project,labels,components';
  const issue = await getJson('getIssueHistory', route`/rest/api/3/issue/${issueKey}?fields=${fields}`, historyIssueSchema, `issue ${issueKey}`);
  if (!issue) return null;

  const changes: ChangelogEntry[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const startAt = page * PAGE;
    const reply = await getJson('getChangelog', route`/rest/api/3/issue/${issue.id}/changelog?startAt=${startAt}&maxResults=${PAGE}`, changelogPageSchema, `the changelog of ${issueKey}`);
    if (!reply) return null;
    for (const h of reply.values) {
      changes.push({
        at: Date.parse(h.created),
        id: h.id,
        items: h.items.map((i) => ({ field: i.field, from: i.from ?? null, fromString: i.fromString ?? null, to: i.to ?? null, toString: i.toString ?? null })),
      });
    }
    if (reply.isLast !== false || reply.values.length === 0) break;
  }

  const comments: IssueHistory['comments'] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const startAt = page * PAGE;
    const reply = await getJson('getComments', route`/rest/api/3/issue/${issue.id}/comment?startAt=${startAt}&maxResults=${PAGE}`, commentPageSchema, `the comments of ${issueKey}`);
    if (!reply) return null;
    for (const c of reply.comments) {
      // Internal: a service-desk internal note, or any comment restricted to a role or group.
      const isPublic = c.jsdPublic !== false && !c.visibility;
      comments.push({ at: Date.parse(c.created), authorAccountId: c.author?.accountId ?? null, authorAccountType: c.author?.accountType ?? null, public: isPublic });
    }
    if (startAt + reply.comments.length >= reply.total || reply.comments.length === 0) break;
  }

  const f = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    summary: f.summary,
    created: Date.parse(f.created),
    status: { id: f.status.id, name: f.status.name, category: f.status.statusCategory.key },
    priority: f.priority?.name ?? null,
    assigneeAccountId: f.assignee?.accountId ?? null,
    projectKey: f.project.key,
    labels: f.labels ?? [],
    components: (f.components ?? []).map((c) => c.name),
    changes,
    comments,
  };
}

export async function readUserGroups(getJson: GetJson, accountId: string): Promise<string[]> {
  const groups = await getJson('getUserGroups', route`/rest/api/3/user/groups?accountId=${accountId}`, userGroupsSchema, 'user groups');
  return groups?.map((g) => g.name) ?? [];
}
