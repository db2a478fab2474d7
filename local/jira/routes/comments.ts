// Comments: ADF bodies, group/role visibility, JSM's internal flag (`sd.public.comment`) shown as `jsdPublic`.
import { type AdfDoc, isAdfDoc } from '../adf';
import { type RequestContext, noContent, ok, type RouteResult } from '../context';
import type { Tx } from '../core';
import { badRequest, fieldError, forbidden, isRecord, notFound } from '../errors';
import { commentDeleted, issueCommented } from '../events';
import type { CommentRec, IssueRec, Visibility } from '../model';
import { canSeeRestricted, groupId, hasProjectPermission, ROLE_BY_ID, ROLE_BY_NAME } from '../permissions';
import type { Route } from '../router';

/** Parses a `visibility` object; `field` names the error key Jira uses (`commentLevel` or `worklog`). */
export function parseVisibility(ctx: RequestContext, value: unknown, field: string): Visibility | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value) || (value.type !== 'group' && value.type !== 'role')) {
    throw fieldError(field, 'Visibility needs a type of group or role, and a value or identifier.');
  }
  const name = typeof value.value === 'string' ? value.value : undefined;
  const identifier = typeof value.identifier === 'string' ? value.identifier : undefined;
  if (value.type === 'role') {
    const role = (identifier !== undefined ? ROLE_BY_ID.get(identifier) : undefined) ?? (name !== undefined ? ROLE_BY_NAME.get(name.toLowerCase()) : undefined);
    if (!role) throw fieldError(field, `You are currently not a member of the project role: ${name ?? identifier ?? '?'}.`);
    return { type: 'role', value: role.name, identifier: role.id };
  }
  const groups = knownGroups(ctx);
  const group = name ?? [...groups].find((g) => groupId(g) === identifier);
  if (group === undefined || !groups.has(group)) throw fieldError(field, `Group: '${name ?? identifier ?? '?'}' does not exist.`);
  return { type: 'group', value: group, identifier: groupId(group) };
}

export function knownGroups(ctx: RequestContext): Set<string> {
  const groups = new Set<string>(ctx.catalog.adminGroups);
  for (const u of ctx.catalog.users.values()) for (const g of u.groups) groups.add(g);
  for (const p of ctx.catalog.projects.values()) for (const g of p.browseGroups) groups.add(g);
  for (const g of ctx.core.appGroups) groups.add(g);
  return groups;
}

export interface CommentInput { body: AdfDoc; visibility: Visibility | null; internal: boolean }

export function parseCommentInput(ctx: RequestContext, body: Record<string, unknown>): CommentInput {
  if (!isAdfDoc(body.body)) {
    throw fieldError('comment', 'Comment body is not valid! Operation value must be an Atlassian Document (see the Atlassian Document Format).');
  }
  const visibility = parseVisibility(ctx, body.visibility, 'commentLevel');
  let internal = false;
  if (body.properties !== undefined) {
    if (!Array.isArray(body.properties)) throw fieldError('properties', 'properties must be a list of { key, value }.');
    for (const p of body.properties) {
      if (!isRecord(p) || typeof p.key !== 'string') throw fieldError('properties', 'Each property needs a key and a value.');
      if (p.key === 'sd.public.comment' && isRecord(p.value) && p.value.internal === true) internal = true;
    }
  }
  return { body: body.body, visibility, internal };
}

/** Writes a new comment inside an open transaction and bumps the issue's `updated` (as Jira does). */
export function addCommentInTx(ctx: RequestContext, tx: Tx, issue: IssueRec, input: CommentInput): CommentRec {
  const core = ctx.core;
  const now = core.now();
  const author = ctx.authorId;
  const comment: CommentRec = {
    id: core.state.nextId('comment'),
    issueId: issue.id,
    authorId: author,
    updateAuthorId: author,
    body: input.body,
    created: now,
    updated: now,
    visibility: input.visibility,
    jsdPublic: !input.internal && input.visibility === null,
  };
  core.store.insertComment(comment);
  issue.updated = now;
  const actor = ctx.actor;
  tx.emit(() => issueCommented(core, actor, issue, comment));
  return comment;
}

function listComments(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const { startAt, maxResults } = ctx.paging(100);
  const orderBy = ctx.query('orderBy') ?? 'created';
  if (!['created', '+created', '-created'].includes(orderBy)) throw badRequest(`The orderBy value '${orderBy}' is not valid. Use created, +created or -created.`);
  let comments = ctx.render.visibleComments(issue);
  if (orderBy === '-created') comments = comments.reverse();
  const page = comments.slice(startAt, startAt + maxResults);
  return ok({ startAt, maxResults, total: comments.length, comments: page.map((c) => ctx.render.comment(c)) });
}

function addComment(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  ctx.requirePermission(ctx.projectOf(issue), 'ADD_COMMENTS', 'You do not have the permission to comment on this issue.');
  const input = parseCommentInput(ctx, ctx.objectBody());
  const core = ctx.core;
  const comment = core.write((tx) => {
    const next = { ...issue };
    const c = addCommentInTx(ctx, tx, next, input);
    core.store.updateIssue(next);
    tx.after(() => core.state.putIssue(next));
    return c;
  });
  return ok(ctx.render.comment(comment), 201);
}

/** The comment, or 404 when it does not exist on this issue or is hidden from the caller. */
function visibleComment(ctx: RequestContext, issue: IssueRec): CommentRec {
  const id = ctx.param('id');
  const comment = /^\d+$/.test(id) ? ctx.core.store.comment(Number(id)) : undefined;
  if (!comment || comment.issueId !== issue.id || !canSeeRestricted(ctx.viewer, ctx.projectOf(issue), comment.visibility)) {
    throw notFound(`Can not find a comment for the id: ${id}.`);
  }
  return comment;
}

function getComment(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  return ok(ctx.render.comment(visibleComment(ctx, issue)));
}

function mayChange(ctx: RequestContext, issue: IssueRec, comment: CommentRec, verb: 'EDIT' | 'DELETE'): boolean {
  const project = ctx.projectOf(issue);
  if (hasProjectPermission(ctx.viewer, project, `${verb}_ALL_COMMENTS`)) return true;
  return comment.authorId === ctx.accountId && hasProjectPermission(ctx.viewer, project, `${verb}_OWN_COMMENTS`);
}

function updateComment(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const comment = visibleComment(ctx, issue);
  if (!mayChange(ctx, issue, comment, 'EDIT')) throw forbidden('You do not have the permission to edit this comment.');
  const body = ctx.objectBody();
  const input = parseCommentInput(ctx, body);
  const core = ctx.core;
  const now = core.now();
  const next: CommentRec = {
    ...comment,
    body: input.body,
    visibility: body.visibility === undefined ? comment.visibility : input.visibility,
    updateAuthorId: ctx.authorId,
    updated: now,
  };
  next.jsdPublic = input.internal ? false : body.properties === undefined && body.visibility === undefined ? comment.jsdPublic : next.visibility === null;
  const actor = ctx.actor;
  core.write((tx) => {
    core.store.updateComment(next);
    const nextIssue = { ...issue, updated: now };
    core.store.updateIssue(nextIssue);
    tx.after(() => core.state.putIssue(nextIssue));
    tx.emit(() => issueCommented(core, actor, nextIssue, next));
  });
  return ok(ctx.render.comment(next));
}

function deleteComment(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const comment = visibleComment(ctx, issue);
  if (!mayChange(ctx, issue, comment, 'DELETE')) throw forbidden('You do not have the permission to delete this comment.');
  const core = ctx.core;
  const actor = ctx.actor;
  core.write((tx) => {
    core.store.deleteComment(comment.id);
    tx.emit(() => commentDeleted(core, actor, issue, comment));
  });
  return noContent();
}

export const commentRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/comment', handler: listComments },
  { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/comment', handler: addComment },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', handler: getComment },
  { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', handler: updateComment },
  { method: 'DELETE', template: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', handler: deleteComment },
];
