// `GET|POST /search/jql` (nextPageToken paging, fields, properties, expand) and `POST /search/approximate-count`.
// The caller's browse permission filters issues before JQL sees them; JQL the engine cannot evaluate is a 400.
import { type RequestContext, ok, type RouteResult } from '../context';
import { badRequest, fieldError, JiraHttpError } from '../errors';
import { allFieldDefs, selectFields } from '../fields';
import { compileJql, UNBOUNDED_JQL_MESSAGE } from '../jql';
import type { CompiledJql } from '../jql/types';
import { jqlContext } from '../jql-snapshot';
import type { IssueRec } from '../model';
import { decodePageToken, encodePageToken } from '../page-token';
import { canBrowseProject, canSeeIssue, visibleProjects } from '../permissions';
import type { JsonObject } from '../render';
import type { Route } from '../router';

/** Page caps: `id`/`key`-only requests get up to 5000 per page; richer requests 100 (Jira "may return fewer"). */
export const SEARCH_MAX_RESULTS = 5000;
export const SEARCH_RICH_PAGE = 100;
export const SEARCH_MAX_PROPERTIES = 5;

interface SearchParams {
  jql: string;
  nextPageToken?: string;
  maxResults: number;
  fields: string[];
  properties: string[];
  expand: Set<string>;
  /** Issue ids evaluated on their current state even while search lags behind writes (at most 50). */
  reconcile: Set<number>;
}

export const RECONCILE_MAX = 50;

function fromQuery(ctx: RequestContext): SearchParams {
  const reconcile = ctx.queryList('reconcileIssues');
  if (reconcile.length > RECONCILE_MAX) throw badRequest('reconcileIssues accepts at most 50 issue ids.');
  const bad = reconcile.find((id) => !/^\d+$/.test(id));
  if (bad !== undefined) throw badRequest(`The value '${bad}' is not valid for the parameter 'reconcileIssues'. It must be an issue id.`);
  return {
    reconcile: new Set(reconcile.map(Number)),
    jql: ctx.query('jql') ?? '',
    nextPageToken: ctx.query('nextPageToken'),
    maxResults: ctx.intQuery('maxResults', 50),
    fields: ctx.url.searchParams.getAll('fields'),
    properties: ctx.queryList('properties'),
    expand: new Set(ctx.queryList('expand')),
  };
}

const stringList = (v: unknown, field: string): string[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw fieldError(field, `${field} must be a list of strings.`);
  return v as string[];
};

function fromBody(ctx: RequestContext): SearchParams {
  const body = ctx.objectBody();
  if (body.jql !== undefined && typeof body.jql !== 'string') throw fieldError('jql', 'jql must be a string.');
  if (body.nextPageToken !== undefined && body.nextPageToken !== null && typeof body.nextPageToken !== 'string') throw fieldError('nextPageToken', 'nextPageToken must be a string.');
  if (body.maxResults !== undefined && (typeof body.maxResults !== 'number' || !Number.isInteger(body.maxResults))) throw fieldError('maxResults', 'maxResults must be an integer.');
  if (body.expand !== undefined && typeof body.expand !== 'string') throw fieldError('expand', 'expand must be a comma-separated string.');
  if (body.reconcileIssues !== undefined) {
    if (!Array.isArray(body.reconcileIssues) || !body.reconcileIssues.every((x) => Number.isInteger(x))) throw fieldError('reconcileIssues', 'reconcileIssues must be a list of issue ids.');
    if (body.reconcileIssues.length > RECONCILE_MAX) throw fieldError('reconcileIssues', 'reconcileIssues accepts at most 50 issue ids.');
  }
  return {
    reconcile: new Set((body.reconcileIssues as number[] | undefined) ?? []),
    jql: (body.jql as string | undefined) ?? '',
    nextPageToken: (body.nextPageToken as string | null | undefined) ?? undefined,
    maxResults: (body.maxResults as number | undefined) ?? 50,
    fields: stringList(body.fields, 'fields'),
    properties: stringList(body.properties, 'properties').flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p.length > 0),
    expand: new Set(((body.expand as string | undefined) ?? '').split(',').map((e) => e.trim()).filter((e) => e.length > 0)),
  };
}

/** Compiles JQL for this caller; 400 with Jira's messages when it is invalid, unsupported or unbounded. */
function compile(ctx: RequestContext, jql: string): CompiledJql {
  const context = jqlContext(ctx.catalog, ctx.viewer, ctx.core.now(), ctx.timeZone, ctx.core.indexedProperties, (key) => {
    const issue = ctx.state.findIssue(key);
    return issue !== undefined && canSeeIssue(ctx.viewer, issue, ctx.catalog);
  });
  const result = compileJql(jql, context);
  if (!result.ok) throw new JiraHttpError(400, result.errorMessages);
  const bounded = result.query.bounded ?? !/^\s*(order\s+by\b[\s\S]*)?$/i.test(jql);
  if (!bounded) throw badRequest(UNBOUNDED_JQL_MESSAGE);
  return result.query;
}

/**
 * Issues the caller may browse that match, in ORDER BY order (ties broken by id, newest first, for stable paging).
 * While search lags behind writes, each issue is matched and sorted as the index sees it, except those named in
 * `reconcile`, which are evaluated on their current state.
 */
function matchingIds(ctx: RequestContext, jql: string, query: CompiledJql, reconcile: ReadonlySet<number> = new Set()): number[] {
  const now = ctx.core.now();
  const index = ctx.core.searchIndex;
  // A lagging index changes with the clock, not only with writes: such results are not cached.
  const lagging = index.enabled && index.lagging(now);
  const cacheKey = `${ctx.accountId ?? '(app)'}\u0000${ctx.timeZone}\u0000${jql}`;
  const cached = lagging ? undefined : ctx.core.searchCache.get(cacheKey, ctx.state.version);
  if (cached) return cached;
  const catalog = ctx.catalog;
  const snapshots = ctx.core.snapshots;
  let candidates: Iterable<IssueRec>;
  if (query.hints?.issueKeys) {
    candidates = query.hints.issueKeys.map((k) => ctx.state.findIssue(k)).filter((i): i is IssueRec => i !== undefined);
  } else {
    const projects = visibleProjects(ctx.viewer, catalog).filter((p) => !query.hints?.projectKeys || query.hints.projectKeys.includes(p.key));
    candidates = projects.flatMap((p) => [...(ctx.state.issuesByProject.get(p.id) ?? [])]);
  }
  const hits: { issue: IssueRec; snap: ReturnType<typeof snapshots.of> }[] = [];
  const seen = new Set<number>();
  for (const current of candidates) {
    if (seen.has(current.id)) continue;
    seen.add(current.id);
    const issue = lagging && !reconcile.has(current.id) ? index.indexed(current, now) : current;
    if (!issue) continue; // created within the lag: not in the index yet
    const project = catalog.projects.get(issue.projectId);
    if (!project || !canBrowseProject(ctx.viewer, project)) continue;
    const snap = snapshots.of(issue, catalog, ctx.state.issues);
    if (query.matches(snap)) hits.push({ issue, snap });
  }
  hits.sort((a, b) => query.compare(a.snap, b.snap) || b.issue.id - a.issue.id);
  const ids = hits.map((h) => h.issue.id);
  if (!lagging) ctx.core.searchCache.set(cacheKey, ctx.state.version, ids);
  return ids;
}

function search(ctx: RequestContext, p: SearchParams): RouteResult {
  if (p.maxResults < 1 || p.maxResults > SEARCH_MAX_RESULTS) throw badRequest('The max results parameter has to be between 1 and 5,000.');
  if (p.properties.length > SEARCH_MAX_PROPERTIES) throw badRequest(`At most ${SEARCH_MAX_PROPERTIES} issue properties can be requested.`);
  const query = compile(ctx, p.jql);
  const tokenKey = `${ctx.accountId ?? '(app)'}\u0000${p.jql}`;
  const offset = p.nextPageToken === undefined || p.nextPageToken === '' ? 0 : decodePageToken(p.nextPageToken, tokenKey);
  const ids = matchingIds(ctx, p.jql, query, p.reconcile);

  const defs = allFieldDefs(ctx.catalog.customFields.values());
  const selection = selectFields(p.fields, 'id', defs);
  const idOnly = !selection.full && p.properties.length === 0 && p.expand.size === 0;
  const keyOnly = selection.full && selection.fields.length === 0 && p.properties.length === 0 && p.expand.size === 0;
  const size = Math.min(p.maxResults, idOnly || keyOnly ? SEARCH_MAX_RESULTS : SEARCH_RICH_PAGE);
  const pageIds = ids.slice(offset, offset + size);
  const isLast = offset + pageIds.length >= ids.length;
  const fieldDefs = defs.map((d) => ({ id: d.id, name: d.name, schema: d.schema }));
  const issues = pageIds
    .map((id) => ctx.state.issues.get(id))
    .filter((i): i is IssueRec => i !== undefined)
    .map((issue) => ctx.render.issue(issue, selection, { properties: p.properties, expand: new Set([...p.expand].filter((e) => e === 'changelog' || e === 'transitions')) }));
  const out: JsonObject = { issues };
  if (!isLast) out.nextPageToken = encodePageToken(tokenKey, offset + pageIds.length);
  out.isLast = isLast;
  if (p.expand.has('names')) out.names = Object.fromEntries(fieldDefs.filter((f) => selection.fields.includes(f.id)).map((f) => [f.id, f.name]));
  if (p.expand.has('schema')) out.schema = Object.fromEntries(fieldDefs.filter((f) => selection.fields.includes(f.id)).map((f) => [f.id, f.schema]));
  return ok(out);
}

function approximateCount(ctx: RequestContext): RouteResult {
  const body = ctx.objectBody();
  if (body.jql !== undefined && typeof body.jql !== 'string') throw fieldError('jql', 'jql must be a string.');
  const jql = (body.jql as string | undefined) ?? '';
  const query = compile(ctx, jql);
  return ok({ count: matchingIds(ctx, jql, query).length });
}

export const searchRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/search/jql', handler: (ctx) => search(ctx, fromQuery(ctx)) },
  { method: 'POST', template: '/rest/api/3/search/jql', handler: (ctx) => search(ctx, fromBody(ctx)) },
  { method: 'POST', template: '/rest/api/3/search/approximate-count', handler: approximateCount },
];
