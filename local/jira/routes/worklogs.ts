// Worklogs: per issue (paged, filtered by start), the site-wide change feeds (`worklog/updated`, `worklog/deleted`,
// 1000 per page, the last minute left out) and `worklog/list` (at most 1000 per call). What the caller may see follows
// `permissions.ts`: the issue's project must be browsable and the worklog's restriction must admit the caller (the
// app included); `worklog/deleted` lists every deleted id (Jira: "access to Jira", app-access-rule exempt).
import { isAdfDoc } from '../adf';
import { type RequestContext, noContent, ok, type RouteResult } from '../context';
import { badRequest, fieldError, forbidden, isRecord, notFound } from '../errors';
import { parseDuration } from '../dates';
import type { Core } from '../core';
import { worklogEvent } from '../events';
import { item } from '../issue-edit';
import type { ChangeItemRec, ChangelogRec, IssueRec, WorklogRec } from '../model';
import { canSeeIssue, canSeeRestricted, hasProjectPermission } from '../permissions';
import type { Route } from '../router';
import { parseVisibility } from './comments';

/** The feeds' page size (default of the `worklogFeedPageSize` option) and the window they leave out, per Atlassian. */
export const WORKLOG_FEED_PAGE = 1000;
export const WORKLOG_FEED_LAG_MS = 60_000;
/** `POST /worklog/list` returns at most this many worklogs (the rest of the ids are ignored). */
export const WORKLOG_LIST_LIMIT = 1000;

/** Jira's own format for `started`: `2021-01-17T12:34:00.000+0000` (other ISO spellings are rejected). */
const STARTED = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})([+-]\d{2})(\d{2})$/;

function parseStarted(value: unknown): number {
  const m = typeof value === 'string' ? STARTED.exec(value) : null;
  const ms = m ? Date.parse(`${m[1]}${m[2]}:${m[3]}`) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw fieldError('started', "Invalid started date. Use the format yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2021-01-17T12:34:00.000+0000.");
  }
  return ms;
}

const ADJUST = new Set(['new', 'leave', 'manual', 'auto']);

function checkAdjustEstimate(ctx: RequestContext): void {
  const v = ctx.query('adjustEstimate');
  if (v !== undefined && !ADJUST.has(v)) throw badRequest(`The value '${v}' is not valid for adjustEstimate. Use new, leave, manual or auto.`);
}

interface WorklogInput { seconds?: number; started?: number; comment?: WorklogRec['comment']; visibility?: WorklogRec['visibility'] }

function parseWorklogBody(ctx: RequestContext, creating: boolean): WorklogInput {
  const body = ctx.objectBody();
  const out: WorklogInput = {};
  if (body.timeSpentSeconds !== undefined) {
    if (typeof body.timeSpentSeconds !== 'number' || !Number.isInteger(body.timeSpentSeconds)) throw fieldError('timeLogged', 'timeSpentSeconds must be a whole number of seconds.');
    out.seconds = body.timeSpentSeconds;
  } else if (body.timeSpent !== undefined) {
    const s = typeof body.timeSpent === 'string' ? parseDuration(body.timeSpent) : null;
    if (s === null) throw fieldError('timeLogged', `Invalid time duration entered: ${String(body.timeSpent)}.`);
    out.seconds = s;
  }
  if (out.seconds !== undefined && out.seconds < 60) throw fieldError('timeLogged', 'Time Spent must be at least one minute.');
  if (creating && out.seconds === undefined) throw fieldError('timeLogged', 'You must indicate the time spent working.');
  if (body.started !== undefined) out.started = parseStarted(body.started);
  if (body.comment !== undefined) {
    if (body.comment !== null && !isAdfDoc(body.comment)) {
      throw fieldError('comment', 'Worklog comment must be an Atlassian Document (see the Atlassian Document Format).');
    }
    out.comment = body.comment;
  }
  if (body.visibility !== undefined) out.visibility = parseVisibility(ctx, body.visibility, 'worklog');
  return out;
}

/**
 * With the `worklogChangelog` option, the issue history Jira writes when work is logged, edited or deleted (in the
 * same transaction as the worklog):
 * `timespent` (the issue's total in seconds, as strings; null when there was none) and `WorklogId` (no `fieldId`,
 * as Jira writes it). Deleting adds `WorklogTimeSpent` (the deleted worklog's seconds). No `timeestimate`: the
 * emulator keeps no estimates. No `avi:jira:updated:issue` either (see README, "Work logged").
 */
function worklogChangelog(core: Core, issueId: number, authorId: string, at: number, items: (ChangeItemRec | null)[]): void {
  if (!core.worklogChangelog) return;
  const kept = items.filter((i): i is ChangeItemRec => i !== null);
  if (kept.length === 0) return;
  const changelog: ChangelogRec = { id: core.state.nextId('changelog'), issueId, created: at, authorId, items: kept };
  core.store.insertChangelog(changelog);
}

const seconds = (s: number): string | null => (s > 0 ? String(s) : null);

function timespentItem(before: number, after: number): ChangeItemRec | null {
  return before === after ? null : item('timespent', 'timespent', seconds(before), seconds(before), seconds(after), seconds(after));
}

/** A static item without `fieldId`, as Jira writes `WorklogId` and `WorklogTimeSpent`. */
const staticItem = (field: string, from: string | null, to: string | null): ChangeItemRec => ({ field, fieldtype: 'jira', from, fromString: from, to, toString: to });

function renderWorklog(ctx: RequestContext, w: WorklogRec, withProperties: boolean) {
  const out = ctx.render.worklog(w);
  if (withProperties) out.properties = [];
  return out;
}

function listIssueWorklogs(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const { startAt, maxResults } = ctx.paging(5000);
  const after = ctx.optionalIntQuery('startedAfter');
  const before = ctx.optionalIntQuery('startedBefore');
  const withProperties = ctx.queryList('expand').includes('properties');
  // Ordered by creation; `startedAfter` is inclusive ("started on or after"), `startedBefore` exclusive.
  const all = ctx.render
    .visibleWorklogs(issue)
    .filter((w) => (after === undefined || w.started >= after) && (before === undefined || w.started < before));
  const page = all.slice(startAt, startAt + Math.min(maxResults, 5000));
  return ok({ startAt, maxResults, total: all.length, worklogs: page.map((w) => renderWorklog(ctx, w, withProperties)) });
}

function addWorklog(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  ctx.requirePermission(ctx.projectOf(issue), 'WORK_ON_ISSUES', 'You do not have the permission to log work on this issue.');
  checkAdjustEstimate(ctx);
  const input = parseWorklogBody(ctx, true);
  const core = ctx.core;
  const now = core.now();
  const author = ctx.authorId;
  const actor = ctx.actor;
  const worklog = core.write((tx) => {
    const w: WorklogRec = {
      id: core.state.nextId('worklog'),
      issueId: issue.id,
      authorId: author,
      updateAuthorId: author,
      comment: input.comment ?? null,
      started: input.started ?? now,
      timeSpentSeconds: input.seconds ?? 0,
      created: now,
      updated: now,
      visibility: input.visibility ?? null,
    };
    core.store.insertWorklog(w);
    const next = { ...issue, updated: now, timeSpentSeconds: issue.timeSpentSeconds + w.timeSpentSeconds };
    core.store.updateIssue(next);
    worklogChangelog(core, issue.id, author, now, [timespentItem(issue.timeSpentSeconds, next.timeSpentSeconds), staticItem('WorklogId', null, String(w.id))]);
    tx.after(() => core.state.putIssue(next));
    tx.emit(() => worklogEvent(core, actor, 'created', w));
    return w;
  });
  return ok(renderWorklog(ctx, worklog, false), 201);
}

function visibleWorklog(ctx: RequestContext, issue: IssueRec): WorklogRec {
  const id = ctx.param('id');
  const w = /^\d+$/.test(id) ? ctx.core.store.worklog(Number(id)) : undefined;
  if (!w || w.issueId !== issue.id || !canSeeRestricted(ctx.viewer, ctx.projectOf(issue), w.visibility)) {
    throw notFound(`Cannot find worklog with id: '${id}'.`);
  }
  return w;
}

function mayChange(ctx: RequestContext, issue: IssueRec, w: WorklogRec, verb: 'EDIT' | 'DELETE'): boolean {
  const project = ctx.projectOf(issue);
  if (hasProjectPermission(ctx.viewer, project, `${verb}_ALL_WORKLOGS`)) return true;
  return w.authorId === ctx.accountId && hasProjectPermission(ctx.viewer, project, `${verb}_OWN_WORKLOGS`);
}

function getWorklog(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  return ok(renderWorklog(ctx, visibleWorklog(ctx, issue), ctx.queryList('expand').includes('properties')));
}

function updateWorklog(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const current = visibleWorklog(ctx, issue);
  if (!mayChange(ctx, issue, current, 'EDIT')) throw forbidden('You do not have the permission to edit this worklog.');
  checkAdjustEstimate(ctx);
  const input = parseWorklogBody(ctx, false);
  const core = ctx.core;
  const now = core.now();
  const next: WorklogRec = {
    ...current,
    timeSpentSeconds: input.seconds ?? current.timeSpentSeconds,
    started: input.started ?? current.started,
    comment: input.comment === undefined ? current.comment : input.comment,
    visibility: input.visibility === undefined ? current.visibility : input.visibility,
    updateAuthorId: ctx.authorId,
    updated: now,
  };
  const actor = ctx.actor;
  core.write((tx) => {
    core.store.updateWorklog(next);
    const nextIssue = { ...issue, updated: now, timeSpentSeconds: issue.timeSpentSeconds - current.timeSpentSeconds + next.timeSpentSeconds };
    core.store.updateIssue(nextIssue);
    const id = String(current.id);
    worklogChangelog(core, issue.id, next.updateAuthorId, now, [timespentItem(issue.timeSpentSeconds, nextIssue.timeSpentSeconds), staticItem('WorklogId', id, id)]);
    tx.after(() => core.state.putIssue(nextIssue));
    tx.emit(() => worklogEvent(core, actor, 'updated', next));
  });
  return ok(renderWorklog(ctx, next, false));
}

function deleteWorklog(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const w = visibleWorklog(ctx, issue);
  if (!mayChange(ctx, issue, w, 'DELETE')) throw forbidden('You do not have the permission to delete this worklog.');
  checkAdjustEstimate(ctx);
  const core = ctx.core;
  const now = core.now();
  const actor = ctx.actor;
  core.write((tx) => {
    core.store.deleteWorklog(w, now);
    const nextIssue = { ...issue, updated: now, timeSpentSeconds: Math.max(0, issue.timeSpentSeconds - w.timeSpentSeconds) };
    core.store.updateIssue(nextIssue);
    worklogChangelog(core, issue.id, ctx.authorId, now, [
      timespentItem(issue.timeSpentSeconds, nextIssue.timeSpentSeconds),
      staticItem('WorklogId', String(w.id), null),
      staticItem('WorklogTimeSpent', String(w.timeSpentSeconds), null),
    ]);
    tx.after(() => core.state.putIssue(nextIssue));
    tx.emit(() => worklogEvent(core, actor, 'deleted', w));
  });
  return noContent();
}

/**
 * One page of a change feed: the first `size` items after `since`, ordered by time, then id. Atlassian documents only
 * the page size and that `until` is the youngest item's time, so the page may end inside a run of equal timestamps;
 * a client that passes `until` back as `since` (exclusive) then never sees the rest of that run.
 */
function feedPage<T>(rows: T[], size: number): { page: T[]; lastPage: boolean } {
  return rows.length <= size ? { page: rows, lastPage: true } : { page: rows.slice(0, size), lastPage: false };
}

function sinceParam(ctx: RequestContext): number {
  const since = ctx.intQuery('since', 0);
  if (since < 0) throw badRequest('since must not be negative.');
  return since;
}

function worklogsUpdated(ctx: RequestContext): RouteResult {
  const since = sinceParam(ctx);
  const cutoff = ctx.core.now() - WORKLOG_FEED_LAG_MS;
  const size = ctx.core.worklogFeedPageSize;
  const rows = ctx.core.store.worklogsUpdated(since, cutoff, size + 1);
  // The page is cut before filtering: worklogs the caller may not see still take their place (and may set `until`).
  const { page, lastPage } = feedPage(rows, size);
  const until = page.length > 0 ? (page[page.length - 1] as WorklogRec).updated : since;
  const values = page
    .filter((w) => canSeeWorklog(ctx, w))
    .map((w) => ({ worklogId: w.id, updatedTime: w.updated, properties: [] }));
  return ok(feedBody(ctx, 'updated', since, until, lastPage, values));
}

function worklogsDeleted(ctx: RequestContext): RouteResult {
  const since = sinceParam(ctx);
  const cutoff = ctx.core.now() - WORKLOG_FEED_LAG_MS;
  const size = ctx.core.worklogFeedPageSize;
  const rows = ctx.core.store.worklogsDeleted(since, cutoff, size + 1);
  const { page, lastPage } = feedPage(rows, size);
  const until = page.length > 0 ? (page[page.length - 1] as { deletedAt: number }).deletedAt : since;
  const values = page.map((d) => ({ worklogId: d.id, updatedTime: d.deletedAt, properties: [] }));
  return ok(feedBody(ctx, 'deleted', since, until, lastPage, values));
}

function feedBody(
  ctx: RequestContext,
  kind: 'updated' | 'deleted',
  since: number,
  until: number,
  lastPage: boolean,
  values: { worklogId: number; updatedTime: number; properties: never[] }[],
) {
  const base = `${ctx.core.baseUrl}/rest/api/3/worklog/${kind}`;
  return {
    values,
    since,
    until,
    self: `${base}?since=${since}`,
    ...(lastPage ? {} : { nextPage: `${base}?since=${until}` }),
    lastPage,
  };
}

function canSeeWorklog(ctx: RequestContext, w: WorklogRec): boolean {
  const issue = ctx.state.issues.get(w.issueId);
  if (!issue || !canSeeIssue(ctx.viewer, issue, ctx.catalog)) return false;
  return canSeeRestricted(ctx.viewer, ctx.projectOf(issue), w.visibility);
}

function worklogList(ctx: RequestContext): RouteResult {
  const body = ctx.body();
  if (!isRecord(body) || !Array.isArray(body.ids)) throw fieldError('ids', 'ids is required: a list of worklog ids.');
  const ids: number[] = [];
  for (const v of body.ids) {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw fieldError('ids', `Worklog id '${String(v)}' is not a number.`);
    ids.push(v);
  }
  if (new Set(ids).size !== ids.length) throw fieldError('ids', 'Worklog ids must be unique.');
  const withProperties = ctx.queryList('expand').includes('properties');
  const out = [];
  for (const id of ids.slice(0, WORKLOG_LIST_LIMIT)) {
    const w = ctx.core.store.worklog(id);
    if (w && canSeeWorklog(ctx, w)) out.push(renderWorklog(ctx, w, withProperties));
  }
  return ok(out);
}

export const worklogRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/worklog', handler: listIssueWorklogs },
  { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/worklog', handler: addWorklog },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}', handler: getWorklog },
  { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}', handler: updateWorklog },
  { method: 'DELETE', template: '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}', handler: deleteWorklog },
  { method: 'GET', template: '/rest/api/3/worklog/updated', handler: worklogsUpdated },
  { method: 'GET', template: '/rest/api/3/worklog/deleted', handler: worklogsDeleted },
  { method: 'POST', template: '/rest/api/3/worklog/list', handler: worklogList },
];
