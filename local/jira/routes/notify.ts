// `POST /issue/{issueIdOrKey}/notify` ("Send notification for issue"): Jira queues an email; the emulator resolves
// the recipients as Jira would and records the notification (`jira.notifications()`), answering 204.
import { type RequestContext, noContent, type RouteResult } from '../context';
import { badRequest, fieldError, isRecord } from '../errors';
import type { IssueRec } from '../model';
import { canSeeIssue, groupId, hasGlobalPermission, hasProjectPermission, PERMISSION_BY_KEY, type PermissionDef, PERMISSIONS, viewerFor } from '../permissions';
import type { Route } from '../router';
import { knownGroups } from './comments';

/** Jira's answer when the request names nobody (reading of the reference's "the recipient is invalid" 400). */
export const NO_RECIPIENTS = 'No recipients were defined for notification.';
export const RECIPIENT_IS_CALLER = 'The recipient is the same as the calling user.';

type Body = Record<string, unknown>;

function optionalString(body: Body, field: string): string | null {
  const v = body[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw fieldError(field, `${field} must be a string.`);
  return v;
}

function optionalObject(body: Body, field: string): Body {
  const v = body[field];
  if (v === undefined || v === null) return {};
  if (!isRecord(v)) throw fieldError(field, `${field} must be an object.`);
  return v;
}

function flag(obj: Body, field: string, where: string): boolean {
  const v = obj[field];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw fieldError(`${where}.${field}`, `${where}.${field} must be true or false.`);
  return v;
}

function list(obj: Body, field: string, where: string): unknown[] {
  const v = obj[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw fieldError(`${where}.${field}`, `${where}.${field} must be a list.`);
  return v;
}

/** Group names from `groups: [{ name } | { groupId }]` and `groupIds: [id]`; an unknown group is a 400. */
function groupsOf(ctx: RequestContext, obj: Body, where: string): string[] {
  const known = knownGroups(ctx);
  const byId = (id: string) => [...known].find((g) => groupId(g) === id);
  const out: string[] = [];
  for (const g of list(obj, 'groups', where)) {
    const name = isRecord(g) && typeof g.name === 'string' ? g.name : undefined;
    const id = isRecord(g) && typeof g.groupId === 'string' ? g.groupId : undefined;
    const group = name !== undefined ? (known.has(name) ? name : undefined) : id !== undefined ? byId(id) : undefined;
    if (group === undefined) throw badRequest(`Group '${name ?? id ?? JSON.stringify(g)}' does not exist.`);
    out.push(group);
  }
  for (const id of list(obj, 'groupIds', where)) {
    const group = typeof id === 'string' ? byId(id) : undefined;
    if (group === undefined) throw badRequest(`Group with id '${String(id)}' does not exist.`);
    out.push(group);
  }
  return out;
}

/** Permission keys from `restrict.permissions: [{ key } | { id }]` (`BROWSE` is the old key of `BROWSE_PROJECTS`). */
function permissionsOf(restrict: Body): PermissionDef[] {
  return list(restrict, 'permissions', 'restrict').map((p) => {
    const key = isRecord(p) && typeof p.key === 'string' ? (p.key === 'BROWSE' ? 'BROWSE_PROJECTS' : p.key) : undefined;
    const id = isRecord(p) && typeof p.id === 'string' ? p.id : undefined;
    const def = key !== undefined ? PERMISSION_BY_KEY.get(key) : PERMISSIONS.find((d) => d.id === id);
    if (!def) throw badRequest(`Permission '${key ?? id ?? JSON.stringify(p)}' does not exist.`);
    return def;
  });
}

/** The people the request names, in order, without repeats (before `restrict` and visibility). */
function requested(ctx: RequestContext, issue: IssueRec, to: Body): string[] {
  const out = new Set<string>();
  if (flag(to, 'reporter', 'to')) out.add(issue.reporterId);
  if (flag(to, 'assignee', 'to')) {
    if (issue.assigneeId === null) throw badRequest(`The issue ${issue.key} is unassigned: it has no assignee to notify.`);
    out.add(issue.assigneeId);
  }
  // Watchers and voters are not emulated: asking for them names nobody.
  flag(to, 'watchers', 'to');
  flag(to, 'voters', 'to');
  for (const u of list(to, 'users', 'to')) {
    const accountId = isRecord(u) && typeof u.accountId === 'string' ? u.accountId : undefined;
    if (accountId === undefined) throw fieldError('to.users', 'Each user must be given as { "accountId": "..." }.');
    if (!ctx.catalog.users.has(accountId)) throw badRequest(`User with accountId '${accountId}' does not exist.`);
    out.add(accountId);
  }
  const groups = new Set(groupsOf(ctx, to, 'to'));
  for (const u of ctx.catalog.users.values()) if (u.groups.some((g) => groups.has(g))) out.add(u.accountId);
  return [...out];
}

function notify(ctx: RequestContext): RouteResult {
  const issue = ctx.issue(); // Browse Projects is all the reference asks of the caller; hidden issues are 404.
  const body = ctx.objectBody();
  const subject = optionalString(body, 'subject');
  const textBody = optionalString(body, 'textBody');
  const htmlBody = optionalString(body, 'htmlBody');
  const to = optionalObject(body, 'to');
  const restrict = optionalObject(body, 'restrict');
  const restrictGroups = new Set(groupsOf(ctx, restrict, 'restrict'));
  const restrictPermissions = permissionsOf(restrict);
  const project = ctx.projectOf(issue);

  const asked = requested(ctx, issue, to);
  const namesSomeone = asked.length > 0 || flag(to, 'watchers', 'to') || flag(to, 'voters', 'to');
  if (!namesSomeone) throw badRequest(NO_RECIPIENTS);
  const caller = ctx.accountId;
  if (caller !== null && asked.length === 1 && asked[0] === caller) throw badRequest(RECIPIENT_IS_CALLER);

  const recipients = asked.filter((accountId) => {
    if (accountId === caller) return false;
    const viewer = viewerFor({ kind: 'user', accountId }, ctx.catalog);
    if (viewer === null || viewer.kind !== 'user') return false; // inactive or unknown: no email
    if (!canSeeIssue(viewer, issue, ctx.catalog)) return false; // Jira mails only people who may see the issue
    if (restrictGroups.size > 0 && !viewer.user.groups.some((g) => restrictGroups.has(g))) return false;
    return restrictPermissions.every((p) => (p.type === 'GLOBAL' ? hasGlobalPermission(viewer, p.key) : hasProjectPermission(viewer, project, p.key)));
  });

  const core = ctx.core;
  core.write(() =>
    core.store.insertNotification({
      issueId: String(issue.id),
      issueKey: issue.key,
      recipients,
      subject: subject ?? `${issue.key}: ${issue.summary}`,
      textBody,
      htmlBody,
      requestedBy: caller,
      fromApp: ctx.req.fromApp,
      at: core.now(),
    }),
  );
  return noContent();
}

export const notifyRoutes: Route[] = [{ method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/notify', handler: notify }];
