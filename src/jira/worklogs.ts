// Worklogs through the gateway: the site-wide change feeds (`worklog/updated`, `worklog/deleted`, 1000 ids a
// page, the last minute left out), `worklog/list` (1000 ids a call) and an issue's worklogs started in a window.
import { route } from '@forge/api';
import { z } from 'zod';
import type { WorklogFact } from '../domain/billing';
import type { Caller } from './call';
import { readOffsetPages } from './paging';

/** A worklog as the app keeps it (what billing reads, and when Jira last changed it): times as epoch ms. */
export interface JiraWorklog extends WorklogFact {
  updated: number;
}

export interface FeedPage {
  /** Ids with their change time (epoch ms), oldest first. */
  values: { worklogId: string; time: number }[];
  /** The time of the youngest item on the page (Jira's `until`), or the `since` asked when the page is empty. */
  until: number;
  lastPage: boolean;
}

/** Jira writes offsets without a colon (`+0100`); Date.parse reads both spellings. */
const jiraInstant = z.string().transform((v, ctx) => {
  const ms = Date.parse(v);
  if (!Number.isFinite(ms)) ctx.addIssue({ code: 'custom', message: `not a date-time: ${v}` });
  return ms;
});

const worklogSchema = z.object({
  id: z.string(),
  issueId: z.string(),
  author: z.object({ accountId: z.string(), displayName: z.string().optional() }).optional(),
  started: jiraInstant,
  updated: jiraInstant,
  timeSpentSeconds: z.number().int().min(0),
});

const toWorklog = (w: z.infer<typeof worklogSchema>): JiraWorklog => ({
  id: w.id,
  issueId: w.issueId,
  // A worklog whose author is gone or unknown still counts: Jira reports `unknown` for such records.
  authorAccountId: w.author?.accountId ?? 'unknown',
  authorName: w.author?.displayName ?? w.author?.accountId ?? 'unknown',
  started: w.started,
  seconds: w.timeSpentSeconds,
  updated: w.updated,
});

const feedSchema = z.object({
  values: z.array(z.object({ worklogId: z.union([z.number(), z.string()]), updatedTime: z.number() })),
  until: z.number().optional(),
  lastPage: z.boolean().optional(),
});

const issuePageSchema = z.object({ worklogs: z.array(worklogSchema), total: z.number().optional(), startAt: z.number().optional() });

export const WORKLOG_LIST_MAX = 1000;
/** Per-issue pages: Jira's default and largest page; 200 pages bound an issue at a million worklogs. */
const ISSUE_PAGE = 5000;
const MAX_ISSUE_PAGES = 200;

export function worklogOperations(jira: Caller) {
  async function feed(kind: 'updated' | 'deleted', since: number): Promise<FeedPage> {
    const path = kind === 'updated' ? route`/rest/api/3/worklog/updated?since=${since}` : route`/rest/api/3/worklog/deleted?since=${since}`;
    const { data } = await jira.get({ operation: kind === 'updated' ? 'worklogsUpdated' : 'worklogsDeleted', what: `worklogs ${kind} since ${since}`, path, schema: feedSchema });
    const values = data.values.map((v) => ({ worklogId: String(v.worklogId), time: v.updatedTime }));
    const youngest = values.at(-1)?.time ?? since;
    return { values, until: data.until ?? youngest, lastPage: data.lastPage ?? true };
  }

  return {
    worklogsUpdatedSince: (since: number) => feed('updated', since),
    worklogsDeletedSince: (since: number) => feed('deleted', since),

    /** The worklogs of up to 1000 ids that the actor may see (others are silently absent, as in Jira). */
    async worklogsByIds(ids: readonly string[]): Promise<JiraWorklog[]> {
      if (ids.length === 0) return [];
      if (ids.length > WORKLOG_LIST_MAX) throw new RangeError(`worklog/list takes at most ${WORKLOG_LIST_MAX} ids, got ${ids.length}`);
      const { data } = await jira.get({
        operation: 'worklogsByIds',
        what: `${ids.length} worklogs`,
        method: 'POST',
        path: route`/rest/api/3/worklog/list`,
        body: { ids: ids.map(Number) },
        schema: z.array(worklogSchema),
      });
      return data.map(toWorklog);
    },

    /** Every worklog of an issue started in `[from, to)` (epoch ms) that the actor may see; null when the issue is hidden or gone. */
    async issueWorklogs(issueId: string, from: number, to: number): Promise<JiraWorklog[] | null> {
      const read = await readOffsetPages(async (startAt, maxResults) => {
        const answer = await jira.find({
          operation: 'issueWorklogs',
          what: `the work logged on issue ${issueId}`,
          path: route`/rest/api/3/issue/${issueId}/worklog?startAt=${startAt}&maxResults=${maxResults}&startedAfter=${from}&startedBefore=${to}`,
          schema: issuePageSchema,
        });
        return answer ? { items: answer.data.worklogs, total: answer.data.total } : null;
      }, { pageSize: ISSUE_PAGE, maxPages: MAX_ISSUE_PAGES });
      return read === null ? null : read.items.map(toWorklog);
    },

    /** One worklog, or null when it is gone or hidden from the actor. */
    async getWorklog(issueId: string, worklogId: string): Promise<JiraWorklog | null> {
      const answer = await jira.find({ operation: 'getWorklog', what: `worklog ${worklogId}`, path: route`/rest/api/3/issue/${issueId}/worklog/${worklogId}`, schema: worklogSchema });
      return answer ? toWorklog(answer.data) : null;
    },
  };
}

export type WorklogOperations = ReturnType<typeof worklogOperations>;
