// Issue properties: list keys, get, set (<= 32 KiB value, <= 255 character key), delete.
import { type RequestContext, noContent, ok, type RouteResult } from '../context';
import { badRequest, JiraHttpError, notFound } from '../errors';
import { issuePropertyEvent } from '../events';
import type { Json } from '../render';
import type { Route } from '../router';

export const PROPERTY_VALUE_MAX_BYTES = 32_768;
export const PROPERTY_KEY_MAX = 255;

function propertyKey(ctx: RequestContext): string {
  const key = ctx.param('propertyKey');
  if (key.length > PROPERTY_KEY_MAX) throw badRequest(`The property key cannot be longer than ${PROPERTY_KEY_MAX} characters.`);
  if (key.trim() === '') throw badRequest('The property key cannot be empty.');
  return key;
}

function listKeys(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const base = `${ctx.core.baseUrl}/rest/api/3/issue/${issue.id}/properties`;
  return ok({ keys: [...issue.properties.keys()].sort().map((key) => ({ self: `${base}/${encodeURIComponent(key)}`, key })) });
}

function getProperty(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  const key = propertyKey(ctx);
  if (!issue.properties.has(key)) throw notFound(`The property with key '${key}' does not exist.`);
  return ok({ key, value: issue.properties.get(key) as Json });
}

function setProperty(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  ctx.requirePermission(ctx.projectOf(issue), 'EDIT_ISSUES', 'You do not have permission to edit issues in this project.');
  const key = propertyKey(ctx);
  const text = ctx.req.body ?? '';
  if (Buffer.byteLength(text, 'utf8') > PROPERTY_VALUE_MAX_BYTES) {
    throw badRequest(`The property value is too long. The maximum length is ${PROPERTY_VALUE_MAX_BYTES} characters.`);
  }
  const value = ctx.body();
  if (value === null || value === '') throw new JiraHttpError(400, ['The property value must be a valid, non-empty JSON blob.']);
  const core = ctx.core;
  const existed = issue.properties.has(key);
  const actor = ctx.actor;
  core.write((tx) => {
    core.store.putProperty(issue.id, key, value);
    const properties = new Map(issue.properties);
    properties.set(key, value);
    const next = { ...issue, properties };
    tx.after(() => core.state.putIssue(next));
    tx.emit(() => issuePropertyEvent(core, actor, 'set', next, key, value));
  });
  return { status: existed ? 200 : 201 };
}

function deleteProperty(ctx: RequestContext): RouteResult {
  const issue = ctx.issue();
  ctx.requirePermission(ctx.projectOf(issue), 'EDIT_ISSUES', 'You do not have permission to edit issues in this project.');
  const key = propertyKey(ctx);
  if (!issue.properties.has(key)) throw notFound(`The property with key '${key}' does not exist.`);
  const core = ctx.core;
  const actor = ctx.actor;
  core.write((tx) => {
    core.store.deleteProperty(issue.id, key);
    const properties = new Map(issue.properties);
    properties.delete(key);
    const next = { ...issue, properties };
    tx.after(() => core.state.putIssue(next));
    tx.emit(() => issuePropertyEvent(core, actor, 'deleted', next, key));
  });
  return noContent();
}

export const propertyRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/properties', handler: listKeys },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', handler: getProperty },
  { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', handler: setProperty },
  { method: 'DELETE', template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', handler: deleteProperty },
];
