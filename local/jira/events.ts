// Forge product event payloads (Atlassian's Jira events reference): a trimmed issue, the changelog of an update,
// and the comment or worklog as REST renders it. `atlassianId` is the acting user, absent for app calls.
import type { ProductEvent } from './backend';
import type { Core } from './core';
import type { ChangelogRec, CommentRec, IssueRec, WorklogRec } from './model';
import type { Json, JsonObject } from './render';

export interface Actor {
  accountId: string | null;
  fromApp: boolean;
}

function base(eventType: string, actor: Actor): ProductEvent {
  const e: ProductEvent = { eventType, selfGenerated: actor.fromApp };
  if (actor.accountId !== null) e.atlassianId = actor.accountId;
  return e;
}

/** The trimmed issue of event payloads: id, key and the documented subset of fields. */
export function eventIssue(core: Core, issue: IssueRec): JsonObject {
  const r = core.eventRenderer();
  const fields: JsonObject = {};
  for (const f of ['summary', 'issuetype', 'creator', 'created', 'project', 'reporter', 'assignee', 'updated', 'status']) {
    const v = r.fieldValue(issue, f);
    if (v !== undefined) fields[f] = v;
  }
  return { id: String(issue.id), key: issue.key, fields };
}

const associatedUsers = (accountId: string | null): JsonObject | undefined =>
  accountId === null ? undefined : { associatedUsers: [{ accountId }] };

export function issueCreated(core: Core, actor: Actor, issue: IssueRec): ProductEvent {
  const e = base('avi:jira:created:issue', actor);
  e.issue = eventIssue(core, issue);
  const users = associatedUsers(actor.accountId);
  if (users) e.associatedUsers = users;
  return e;
}

export function issueUpdated(core: Core, actor: Actor, issue: IssueRec, changelog: ChangelogRec, previousStatusId: string | null): ProductEvent {
  const e = base('avi:jira:updated:issue', actor);
  e.issue = eventIssue(core, issue);
  e.changelog = { id: String(changelog.id), items: changelog.items.map((i) => ({ ...i })) as Json };
  const users = associatedUsers(actor.accountId);
  if (users) e.associatedUsers = users;
  if (previousStatusId !== null && previousStatusId !== issue.statusId) {
    const statuses = core.state.catalog.statuses;
    const current = statuses.get(issue.statusId);
    const previous = statuses.get(previousStatusId);
    e.associatedStatuses = [current, previous].filter((s) => s !== undefined).map((s) => ({ id: s.id, name: s.name }));
  }
  return e;
}

export function issueCommented(core: Core, actor: Actor, issue: IssueRec, comment: CommentRec): ProductEvent {
  const e = base('avi:jira:commented:issue', actor);
  e.issue = eventIssue(core, issue);
  e.comment = core.eventRenderer().comment(comment);
  const users = associatedUsers(actor.accountId);
  if (users) e.associatedUsers = users;
  return e;
}

export function commentDeleted(core: Core, actor: Actor, issue: IssueRec, comment: CommentRec): ProductEvent {
  const e = base('avi:jira:deleted:comment', actor);
  e.issue = eventIssue(core, issue);
  e.comment = core.eventRenderer().comment(comment);
  return e;
}

export function worklogEvent(core: Core, actor: Actor, kind: 'created' | 'updated' | 'deleted', worklog: WorklogRec): ProductEvent {
  const e = base(`avi:jira:${kind}:worklog`, actor);
  e.worklog = core.eventRenderer().worklog(worklog);
  return e;
}

/**
 * Issue property events. The reference lists them without a payload table; this shape (entity and property key,
 * plus the value when set) is the emulator's reading and is marked as such in the docs of `local/jira`.
 */
export function issuePropertyEvent(core: Core, actor: Actor, kind: 'set' | 'deleted', issue: IssueRec, key: string, value?: unknown): ProductEvent {
  const e = base(`avi:jira:${kind}:issue-property`, actor);
  e.entityType = 'issue';
  e.entityId = String(issue.id);
  e.propertyKey = key;
  e.issue = { id: String(issue.id), key: issue.key };
  if (kind === 'set') e.property = { key, value: value as Json };
  return e;
}
