// Issues: create, get, edit, assign, transitions.
import { isAdfDoc } from '../adf';
import { type RequestContext, noContent, ok, type RouteResult } from '../context';
import { badRequest, fieldError, isRecord } from '../errors';
import { issueCreated, issueUpdated } from '../events';
import { allFieldDefs, selectFields } from '../fields';
import { IssueEditor } from '../issue-edit';
import type { Catalog, ChangelogRec, IssueRec, ProjectRec } from '../model';
import type { SeedIssueType } from '../seed';
import { canBrowseProject, canSeeIssue, hasProjectPermission } from '../permissions';
import type { Route } from '../router';
import type { Tx } from '../core';
import { addCommentInTx, parseCommentInput } from './comments';

/** Parses `expand` given as a comma list (or repeated). */
export const expandSet = (ctx: RequestContext): Set<string> => new Set(ctx.queryList('expand'));

/** Commits an edited issue: new snapshot, one changelog entry, `avi:jira:updated:issue`. Returns null when nothing changed. */
export function commitEdit(ctx: RequestContext, editor: IssueEditor, inTx?: (next: IssueRec, tx: Tx) => void): ChangelogRec | null {
  if (editor.items.length === 0 && !inTx) return null;
  const core = ctx.core;
  const actor = ctx.actor;
  return core.write((tx) => {
    const next = editor.next;
    const now = core.now();
    let changelog: ChangelogRec | null = null;
    if (editor.items.length > 0) {
      next.updated = now;
      changelog = { id: core.state.nextId('changelog'), issueId: next.id, created: now, authorId: ctx.authorId, items: editor.items };
      core.store.insertChangelog(changelog);
    }
    inTx?.(next, tx);
    core.store.updateIssue(next);
    tx.after(() => core.state.putIssue(next));
    if (changelog) {
      const c = changelog;
      tx.emit(() => issueUpdated(core, actor, next, c, editor.original.statusId));
    }
    return changelog;
  });
}

function createIssue(ctx: RequestContext): RouteResult {
  const body = ctx.objectBody();
  const fields = body.fields ?? {};
  if (!isRecord(fields)) throw fieldError('fields', 'fields must be an object.');
  const catalog = ctx.catalog;

  const projectRef = fields.project;
  const project = isRecord(projectRef)
    ? typeof projectRef.id === 'string'
      ? catalog.projects.get(projectRef.id)
      : typeof projectRef.key === 'string'
        ? catalog.projectsByKey.get(projectRef.key.toUpperCase())
        : undefined
    : undefined;
  if (!project || !canBrowseProject(ctx.viewer, project)) throw fieldError('project', 'Specify a valid project ID or key');
  if (!hasProjectPermission(ctx.viewer, project, 'CREATE_ISSUES')) {
    throw fieldError('project', 'You do not have permission to create issues in this project.');
  }
  const typeRef = fields.issuetype;
  const issueType = isRecord(typeRef)
    ? typeof typeRef.id === 'string'
      ? catalog.issueTypes.get(typeRef.id)
      : typeof typeRef.name === 'string'
        ? [...catalog.issueTypes.values()].find((t) => t.name === typeRef.name)
        : undefined
    : undefined;
  if (!issueType) throw fieldError('issuetype', 'Specify an issue type');
  const parent = parentOf(ctx, catalog, fields.parent, project, issueType);
  if (fields.summary === undefined) throw fieldError('summary', 'You must specify a summary of the issue.');
  if (body.properties !== undefined && !Array.isArray(body.properties)) throw fieldError('properties', 'properties must be a list of { key, value }.');

  const initial = [...catalog.statuses.values()].find((s) => s.category === 'new') ?? catalog.statuses.values().next().value;
  if (!initial) throw badRequest('The site has no statuses.');
  const priorities = [...catalog.priorities.values()];
  const defaultPriority = priorities.find((p) => p.name === 'Medium') ?? priorities[Math.floor(priorities.length / 2)];
  if (!defaultPriority) throw badRequest('The site has no priorities.');
  const now = ctx.core.now();
  const reporter = ctx.authorId;

  const draft: IssueRec = {
    id: 0,
    key: '',
    projectId: project.id,
    issueTypeId: issueType.id,
    summary: '',
    description: null,
    statusId: initial.id,
    priorityId: defaultPriority.id,
    resolutionId: null,
    resolutionDate: null,
    statusCategoryChangeDate: now,
    assigneeId: null,
    reporterId: reporter,
    creatorId: reporter,
    labels: [],
    components: [],
    created: now,
    updated: now,
    customFields: {},
    timeSpentSeconds: 0,
    properties: new Map(),
    ...(parent ? { parentId: parent.id } : {}),
  };
  const editor = new IssueEditor(catalog, draft);
  editor.applyFields(fields, true);
  if (body.update !== undefined) editor.applyUpdate(body.update);
  const issue = editor.next;
  for (const p of (body.properties as unknown[] | undefined) ?? []) {
    if (!isRecord(p) || typeof p.key !== 'string' || p.value === undefined) throw fieldError('properties', 'Each property needs a key and a value.');
    issue.properties.set(p.key, p.value);
  }
  const core = ctx.core;
  const actor = ctx.actor;
  core.write((tx) => {
    issue.id = core.state.nextId('issue');
    issue.key = `${project.key}-${core.state.nextIssueNumber(project.key)}`;
    core.store.insertIssue(issue);
    tx.after(() => core.state.putIssue(issue));
    tx.emit(() => issueCreated(core, actor, issue));
  });
  return ok({ id: String(issue.id), key: issue.key, self: `${core.baseUrl}/rest/api/3/issue/${issue.id}` }, 201);
}

/**
 * The parent of a new issue (`fields.parent: { key } | { id }`): required for a sub-task type and refused for any
 * other (the emulator has no epics); it must be an issue the caller sees, of the same project, not a sub-task itself.
 */
function parentOf(ctx: RequestContext, catalog: Catalog, ref: unknown, project: ProjectRec, issueType: SeedIssueType): IssueRec | undefined {
  if (ref !== undefined && ref !== null && !isRecord(ref)) throw fieldError('parent', 'data was not an object');
  const idOrKey = !isRecord(ref)
    ? undefined
    : typeof ref.key === 'string' && ref.key !== ''
      ? ref.key
      : (typeof ref.id === 'string' && ref.id !== '') || typeof ref.id === 'number'
        ? String(ref.id)
        : undefined;
  if (idOrKey === undefined) {
    if (issueType.subtask) throw fieldError('issuetype', 'Issue type is a sub-task but parent issue key or id not specified.');
    return undefined;
  }
  const parent = ctx.state.findIssue(idOrKey);
  if (!parent || !canSeeIssue(ctx.viewer, parent, catalog)) throw fieldError('parent', 'Could not find issue by id or key.');
  if (!issueType.subtask) throw fieldError('issuetype', 'Issue type is not a sub-task but parent issue key or id specified.');
  if (parent.projectId !== project.id) throw fieldError('parent', 'The parent issue must be in the same project as the sub-task.');
  if (catalog.issueTypes.get(parent.issueTypeId)?.subtask) throw fieldError('parent', 'A sub-task cannot be the parent of another sub-task.');
  return parent;
}

function getIssue(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const defs = allFieldDefs(ctx.catalog.customFields.values());
  const selection = selectFields(ctx.url.searchParams.getAll('fields'), '*all', defs);
  const properties = ctx.queryList('properties');
  return ok(ctx.render.issue(issue, selection, { properties, expand: expandSet(ctx), fieldDefs: defs.map((d) => ({ id: d.id, name: d.name, schema: d.schema })) }));
}

function editIssue(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  ctx.requirePermission(ctx.projectOf(issue), 'EDIT_ISSUES', 'You do not have permission to edit issues in this project.');
  const body = ctx.objectBody();
  const editor = new IssueEditor(ctx.catalog, issue);
  if (body.fields !== undefined) {
    if (!isRecord(body.fields)) throw fieldError('fields', 'fields must be an object.');
    editor.applyFields(body.fields, false);
  }
  if (body.update !== undefined) editor.applyUpdate(body.update);
  commitEdit(ctx, editor);
  if (ctx.boolQuery('returnIssue', false)) {
    const defs = allFieldDefs(ctx.catalog.customFields.values());
    const fresh = ctx.issue();
    return ok(ctx.render.issue(fresh, selectFields([], '*all', defs), { expand: expandSet(ctx) }));
  }
  return noContent();
}

function assignIssue(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  ctx.requirePermission(ctx.projectOf(issue), 'ASSIGN_ISSUES', 'You do not have permission to assign issues in this project.');
  const body = ctx.body();
  if (!isRecord(body) || !('accountId' in body)) throw fieldError('accountId', 'Specify the accountId of the assignee, or null to unassign.');
  const editor = new IssueEditor(ctx.catalog, issue);
  editor.applyFields({ assignee: body.accountId === null ? null : { accountId: body.accountId } }, false);
  commitEdit(ctx, editor);
  return noContent();
}

function getTransitions(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const only = ctx.query('transitionId');
  const transitions = [...ctx.catalog.transitions.values()]
    .filter((t) => t.toStatusId !== issue.statusId)
    .filter((t) => only === undefined || t.id === only)
    .map((t) => ctx.render.transition(t));
  return ok({ expand: 'transitions', transitions });
}

function doTransition(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  ctx.requirePermission(ctx.projectOf(issue), 'TRANSITION_ISSUES', 'You do not have permission to transition this issue.');
  const body = ctx.objectBody();
  const t = body.transition;
  const id = isRecord(t) ? (typeof t.id === 'string' ? t.id : typeof t.id === 'number' ? String(t.id) : undefined) : undefined;
  if (id === undefined) throw badRequest("Missing 'transition' identifier");
  const transition = ctx.catalog.transitions.get(id);
  if (!transition || transition.toStatusId === issue.statusId) throw badRequest(`Transition id '${id}' is not valid for this issue.`);

  const editor = new IssueEditor(ctx.catalog, issue);
  const now = ctx.core.now();
  let resolutionId: string | undefined;
  const fields = body.fields;
  if (fields !== undefined) {
    if (!isRecord(fields)) throw fieldError('fields', 'fields must be an object.');
    const { resolution, ...rest } = fields;
    if (resolution !== undefined) {
      const r = isRecord(resolution)
        ? [...ctx.catalog.resolutions.values()].find((x) => x.id === resolution.id || x.name === resolution.name)
        : undefined;
      if (!r) throw fieldError('resolution', 'Specify a valid resolution (id or name).');
      resolutionId = r.id;
    }
    editor.applyFields(rest, false);
  }
  // A comment added with the transition (`update.comment[{add:{body}}]`) is written in the same transaction.
  let commentInput: ReturnType<typeof parseCommentInput> | undefined;
  if (body.update !== undefined) {
    if (!isRecord(body.update)) throw fieldError('update', 'update must be an object.');
    const { comment, ...rest } = body.update;
    if (comment !== undefined) {
      const add = Array.isArray(comment) && comment.length === 1 && isRecord(comment[0]) ? comment[0].add : undefined;
      if (!isRecord(add) || !isAdfDoc(add.body)) throw fieldError('comment', 'Comment body is not valid! Specify [{ "add": { "body": <ADF document> } }].');
      commentInput = parseCommentInput(ctx, add);
    }
    editor.applyUpdate(rest);
  }
  editor.setStatus(transition.toStatusId, now, resolutionId);
  const input = commentInput;
  commitEdit(ctx, editor, input ? (next, tx) => addCommentInTx(ctx, tx, next, input) : undefined);
  return noContent();
}

/** `POST /issue/bulkfetch`: up to 100 issues, ascending id; missing and hidden ones are left out silently. */
function bulkFetchIssues(ctx: RequestContext): RouteResult {
  const body = ctx.objectBody();
  const list = (field: string): string[] => {
    const v = body[field];
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw fieldError(field, `${field} must be a list of strings.`);
    return v as string[];
  };
  const refs = list('issueIdsOrKeys');
  if (refs.length === 0) throw fieldError('issueIdsOrKeys', 'issueIdsOrKeys is required: a list of 1 to 100 issue ids or keys.');
  if (refs.length > 100) throw fieldError('issueIdsOrKeys', 'You can request at most 100 issues.');
  const properties = list('properties');
  if (properties.length > 5) throw fieldError('properties', 'A maximum of 5 issue property keys can be specified.');
  const expand = new Set(list('expand'));
  const defs = allFieldDefs(ctx.catalog.customFields.values());
  const selection = selectFields(list('fields'), '*navigable', defs);
  const issues = new Map<number, IssueRec>();
  for (const ref of refs) {
    const issue = ctx.state.findIssue(ref);
    if (issue && canBrowseProject(ctx.viewer, ctx.projectOf(issue))) issues.set(issue.id, issue);
  }
  const fieldDefs = defs.map((d) => ({ id: d.id, name: d.name, schema: d.schema }));
  return ok({
    issues: [...issues.values()]
      .sort((a, b) => a.id - b.id)
      .map((i) => ctx.render.issue(i, selection, { properties, expand, fieldDefs, changelogLimit: 40 })),
    issueErrors: [],
  });
}

export const issueRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/issue/bulkfetch', handler: bulkFetchIssues },
  { method: 'POST', template: '/rest/api/3/issue', handler: createIssue },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', handler: getIssue },
  { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}', handler: editIssue },
  { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}/assignee', handler: assignIssue },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: getTransitions },
  { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: doTransition },
];
