// Changelogs: per issue (oldest first, paged) and `POST /changelog/bulkfetch` (up to 1000 issues, up to 10 fields).
import { type RequestContext, ok, type RouteResult } from '../context';
import { fieldError } from '../errors';
import type { ChangelogRec } from '../model';
import { decodePageToken, encodePageToken } from '../page-token';
import { canSeeIssue } from '../permissions';
import type { Route } from '../router';

function issueChangelog(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const { startAt, maxResults } = ctx.paging(100, 1);
  const size = Math.min(maxResults, 100);
  const all = ctx.core.store.changelogsOf(issue.id);
  const page = all.slice(startAt, startAt + size);
  const isLast = startAt + page.length >= all.length;
  const self = `${ctx.core.baseUrl}/rest/api/3/issue/${issue.key}/changelog`;
  return ok({
    self: `${self}?maxResults=${size}&startAt=${startAt}`,
    ...(isLast ? {} : { nextPage: `${self}?maxResults=${size}&startAt=${startAt + page.length}` }),
    maxResults: size,
    startAt,
    total: all.length,
    isLast,
    values: page.map((c) => ctx.render.changelog(c)),
  });
}

function bulkFetch(ctx: RequestContext): RouteResult {
  const body = ctx.objectBody();
  const refs = body.issueIdsOrKeys;
  if (!Array.isArray(refs) || refs.length === 0 || !refs.every((r) => typeof r === 'string')) {
    throw fieldError('issueIdsOrKeys', 'issueIdsOrKeys is required: a list of 1 to 1000 issue ids or keys.');
  }
  if (refs.length > 1000) throw fieldError('issueIdsOrKeys', 'You can request the changelogs of at most 1000 issues.');
  let fieldIds: Set<string> | undefined;
  if (body.fieldIds !== undefined) {
    if (!Array.isArray(body.fieldIds) || !body.fieldIds.every((f) => typeof f === 'string')) throw fieldError('fieldIds', 'fieldIds must be a list of field ids.');
    if (body.fieldIds.length > 10) throw fieldError('fieldIds', 'You can filter by at most 10 field ids.');
    if (body.fieldIds.length > 0) fieldIds = new Set(body.fieldIds as string[]);
  }
  const maxResults = body.maxResults ?? 1000;
  if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 10000) {
    throw fieldError('maxResults', 'maxResults must be between 1 and 10000.');
  }
  if (body.nextPageToken !== undefined && typeof body.nextPageToken !== 'string') throw fieldError('nextPageToken', 'nextPageToken must be a string.');

  // Hidden and missing issues are left out, as for every read that lists issues.
  const issueIds = new Set<number>();
  for (const ref of refs as string[]) {
    const issue = ctx.state.findIssue(ref);
    if (issue && canSeeIssue(ctx.viewer, issue, ctx.catalog)) issueIds.add(issue.id);
  }
  const queryKey = JSON.stringify([[...issueIds].sort((a, b) => a - b), fieldIds ? [...fieldIds].sort() : null, ctx.accountId]);
  const offset = body.nextPageToken === undefined ? 0 : decodePageToken(body.nextPageToken, queryKey);

  // All histories, oldest first then smallest issue id, filtered to the wanted fields.
  const histories: ChangelogRec[] = [];
  for (const id of issueIds) {
    for (const c of ctx.core.store.changelogsOf(id)) {
      if (!fieldIds || c.items.some((i) => i.fieldId !== undefined && fieldIds.has(i.fieldId))) histories.push(c);
    }
  }
  histories.sort((a, b) => a.created - b.created || a.issueId - b.issueId || a.id - b.id);
  const page = histories.slice(offset, offset + maxResults);
  const grouped = new Map<number, ChangelogRec[]>();
  for (const c of page) {
    let list = grouped.get(c.issueId);
    if (!list) grouped.set(c.issueId, (list = []));
    list.push(c);
  }
  const more = offset + page.length < histories.length;
  return ok({
    issueChangeLogs: [...grouped].map(([issueId, list]) => ({
      issueId: String(issueId),
      changeHistories: list.map((c) => ctx.render.changelog(c, fieldIds)),
    })),
    ...(more ? { nextPageToken: encodePageToken(queryKey, offset + page.length) } : {}),
  });
}

export const changelogRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/changelog', handler: issueChangelog },
  { method: 'POST', template: '/rest/api/3/changelog/bulkfetch', handler: bulkFetch },
];
