// Site-level reads: server info, users and groups, projects, priorities, statuses, issue types, resolutions,
// fields, permissions; and the removed `/search` endpoints, which answer 410 as Jira Cloud does.
import { type RequestContext, ok, type RouteResult } from '../context';
import { badRequest, JiraHttpError, notFound } from '../errors';
import { allFieldDefs } from '../fields';
import {
  canBrowseProject,
  groupId,
  hasGlobalPermission,
  hasProjectPermission,
  PERMISSION_BY_KEY,
  PERMISSIONS,
  visibleProjects,
} from '../permissions';
import type { JsonObject } from '../render';
import type { Route } from '../router';
import { APP_ACCOUNT_ID } from '../model';
import type { SeedUser } from '../seed';
import { knownGroups } from './comments';

function serverInfo(ctx: RequestContext): RouteResult {
  const now = ctx.core.now();
  return ok({
    baseUrl: ctx.core.baseUrl,
    displayUrl: ctx.core.baseUrl,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100283,
    buildDate: ctx.render.date(Date.UTC(2026, 0, 1)),
    serverTime: ctx.render.date(now),
    scmInfo: 'local-emulator',
    serverTitle: 'Jira (local emulator)',
    serverTimeZone: ctx.core.siteTimeZone,
  });
}

const expandOf = (ctx: RequestContext): Set<string> => new Set(ctx.queryList('expand'));

function myself(ctx: RequestContext): RouteResult {
  if (ctx.viewer.kind !== 'user') return ok({ ...ctx.render.appUser(), timeZone: ctx.core.siteTimeZone, locale: 'en_US' });
  return ok(ctx.render.user(ctx.viewer.user, expandOf(ctx)));
}

function getUser(ctx: RequestContext): RouteResult {
  const accountId = ctx.query('accountId');
  if (accountId === undefined) throw badRequest('The accountId query parameter needs to be provided.');
  if (accountId === APP_ACCOUNT_ID) return ok(ctx.render.appUser());
  const u = ctx.catalog.users.get(accountId);
  if (!u) throw notFound(`Specified user does not exist or you do not have required permissions`);
  return ok(ctx.render.user(u, expandOf(ctx)));
}

function searchUsers(ctx: RequestContext): RouteResult {
  const query = ctx.query('query');
  const accountId = ctx.query('accountId');
  if (query === undefined && accountId === undefined) throw badRequest('One of the query parameters query or accountId is required.');
  const { startAt, maxResults } = ctx.paging(50);
  const q = query?.toLowerCase();
  const users = [...ctx.catalog.users.values()].filter(
    (u) =>
      (accountId === undefined || u.accountId === accountId) &&
      (q === undefined || u.displayName.toLowerCase().includes(q) || u.emailAddress.toLowerCase().startsWith(q)),
  );
  return ok(users.slice(startAt, startAt + Math.min(maxResults, 1000)).map((u) => ctx.render.user(u, new Set())));
}

function bulkUsers(ctx: RequestContext): RouteResult {
  const ids = ctx.url.searchParams.getAll('accountId');
  if (ids.length === 0) throw badRequest('At least one accountId is required.');
  const { startAt, maxResults } = ctx.paging(10);
  const users = ids.map((id) => ctx.catalog.users.get(id)).filter((u): u is SeedUser => u !== undefined);
  const page = users.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= users.length;
  return ok({
    self: `${ctx.core.baseUrl}/rest/api/3/user/bulk?${ctx.url.searchParams.toString()}`,
    maxResults,
    startAt,
    total: users.length,
    isLast,
    values: page.map((u) => ctx.render.user(u, new Set())),
  });
}

function userGroups(ctx: RequestContext): RouteResult {
  const accountId = ctx.query('accountId');
  if (accountId === undefined) throw badRequest('The accountId query parameter needs to be provided.');
  const u = ctx.catalog.users.get(accountId);
  if (!u) throw notFound('Specified user does not exist or you do not have required permissions');
  return ok([...u.groups].sort().map((g) => ({ name: g, groupId: groupId(g), self: `${ctx.core.baseUrl}/rest/api/3/group?groupId=${groupId(g)}` })));
}

function groupPicker(ctx: RequestContext): RouteResult {
  const q = (ctx.query('query') ?? '').toLowerCase();
  const max = ctx.intQuery('maxResults', 20);
  const all = [...knownGroups(ctx)].sort().filter((g) => g.toLowerCase().includes(q));
  const shown = all.slice(0, max);
  return ok({
    header: `Showing ${shown.length} of ${all.length} matching groups`,
    total: all.length,
    groups: shown.map((g) => ({ name: g, html: g, groupId: groupId(g), labels: [] })),
  });
}

function searchProjects(ctx: RequestContext): RouteResult {
  const { startAt, maxResults } = ctx.paging(50);
  const q = ctx.query('query')?.toLowerCase();
  const keys = new Set(ctx.queryList('keys').map((k) => k.toUpperCase()));
  const ids = new Set(ctx.queryList('id'));
  const orderBy = ctx.query('orderBy') ?? 'key';
  const projects = visibleProjects(ctx.viewer, ctx.catalog).filter(
    (p) =>
      (q === undefined || p.key.toLowerCase().includes(q) || p.name.toLowerCase().includes(q)) &&
      (keys.size === 0 || keys.has(p.key)) &&
      (ids.size === 0 || ids.has(p.id)),
  );
  const field = orderBy.replace(/^[+-]/, '');
  if (!['key', 'name', 'id', 'category', 'owner', 'issueCount', 'lastIssueUpdatedDate', 'archivedDate', 'deletedDate'].includes(field)) {
    throw badRequest(`The orderBy value '${orderBy}' is not valid.`);
  }
  const sortKey = (p: { key: string; name: string; id: string }) => (field === 'name' ? p.name : field === 'id' ? p.id.padStart(12, '0') : p.key);
  projects.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  if (orderBy.startsWith('-')) projects.reverse();
  const page = projects.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= projects.length;
  const self = `${ctx.core.baseUrl}/rest/api/3/project/search`;
  const full = ctx.queryList('expand').some((e) => e === 'lead' || e === 'issueTypes' || e === 'description');
  return ok({
    self: `${self}?startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast ? {} : { nextPage: `${self}?startAt=${startAt + page.length}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: projects.length,
    isLast,
    values: page.map((p) => ctx.render.project(p, full)),
  });
}

function getProject(ctx: RequestContext): RouteResult {
  const ref = ctx.param('projectIdOrKey');
  const p = ctx.state.findProject(ref);
  if (!p || !canBrowseProject(ctx.viewer, p)) throw notFound(`No project could be found with key '${ref}'.`);
  return ok(ctx.render.project(p, true));
}

const listPriorities = (ctx: RequestContext): RouteResult => ok([...ctx.catalog.priorities.values()].map((p) => ctx.render.priority(p)));
const listStatuses = (ctx: RequestContext): RouteResult => ok([...ctx.catalog.statuses.values()].map((s) => ctx.render.status(s)));
const listIssueTypes = (ctx: RequestContext): RouteResult => ok([...ctx.catalog.issueTypes.values()].map((t) => ctx.render.issueType(t)));
const listResolutions = (ctx: RequestContext): RouteResult => ok([...ctx.catalog.resolutions.values()].map((r) => ctx.render.resolution(r)));
const listStatusCategories = (ctx: RequestContext): RouteResult =>
  ok((['undefined', 'new', 'done', 'indeterminate'] as const).map((k) => ctx.render.statusCategory(k)));

function listFields(ctx: RequestContext): RouteResult {
  return ok(
    allFieldDefs(ctx.catalog.customFields.values()).map((f) => ({
      id: f.id,
      key: f.id,
      name: f.name,
      custom: f.schema.custom !== undefined,
      orderable: f.orderable,
      navigable: f.navigable,
      searchable: f.searchable,
      clauseNames: f.clauseNames,
      schema: f.schema as JsonObject,
    })),
  );
}

function myPermissions(ctx: RequestContext): RouteResult {
  const keys = ctx.queryList('permissions');
  if (keys.length === 0) throw badRequest('The permissions parameter is required.');
  for (const k of keys) if (!PERMISSION_BY_KEY.has(k)) throw badRequest(`Invalid permission key: ${k}.`);
  const catalog = ctx.catalog;
  const issueRef = ctx.query('issueId') ?? ctx.query('issueKey');
  const projectRef = ctx.query('projectId') ?? ctx.query('projectKey');
  let projects = [...catalog.projects.values()];
  if (issueRef !== undefined) {
    const issue = ctx.issue(issueRef);
    projects = [ctx.projectOf(issue)];
  } else if (projectRef !== undefined) {
    const p = ctx.state.findProject(projectRef);
    if (!p || !canBrowseProject(ctx.viewer, p)) throw new JiraHttpError(404, [`No project could be found with key '${projectRef}'.`]);
    projects = [p];
  }
  const permissions: JsonObject = {};
  for (const def of PERMISSIONS) {
    if (!keys.includes(def.key)) continue;
    const have =
      def.type === 'GLOBAL' ? hasGlobalPermission(ctx.viewer, def.key) : projects.some((p) => hasProjectPermission(ctx.viewer, p, def.key));
    permissions[def.key] = { id: def.id, key: def.key, name: def.name, type: def.type, description: def.description, havePermission: have };
  }
  return ok({ permissions });
}

const removedSearch = (): RouteResult => {
  throw new JiraHttpError(410, [
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  ]);
};

export const siteRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/serverInfo', handler: serverInfo, anonymous: true },
  { method: 'GET', template: '/rest/api/3/myself', handler: myself },
  { method: 'GET', template: '/rest/api/3/user', handler: getUser },
  { method: 'GET', template: '/rest/api/3/user/search', handler: searchUsers },
  { method: 'GET', template: '/rest/api/3/user/bulk', handler: bulkUsers },
  { method: 'GET', template: '/rest/api/3/user/groups', handler: userGroups },
  { method: 'GET', template: '/rest/api/3/groups/picker', handler: groupPicker },
  { method: 'GET', template: '/rest/api/3/project/search', handler: searchProjects },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', handler: getProject },
  { method: 'GET', template: '/rest/api/3/priority', handler: listPriorities },
  { method: 'GET', template: '/rest/api/3/status', handler: listStatuses },
  { method: 'GET', template: '/rest/api/3/statuscategory', handler: listStatusCategories },
  { method: 'GET', template: '/rest/api/3/issuetype', handler: listIssueTypes },
  { method: 'GET', template: '/rest/api/3/resolution', handler: listResolutions },
  { method: 'GET', template: '/rest/api/3/field', handler: listFields },
  { method: 'GET', template: '/rest/api/3/mypermissions', handler: myPermissions },
  { method: 'GET', template: '/rest/api/3/search', handler: removedSearch },
  { method: 'POST', template: '/rest/api/3/search', handler: removedSearch },
];
