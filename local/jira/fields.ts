// The issue fields the emulator knows, and how `fields=` selections (`*all`, `*navigable`, `-x`) resolve.
import type { CustomFieldRec } from './model';

export interface FieldDef {
  id: string;
  name: string;
  navigable: boolean;
  orderable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema: { type: string; system?: string; custom?: string; customId?: number; items?: string };
}

const sys = (
  id: string,
  name: string,
  type: string,
  opts: { navigable?: boolean; items?: string; clauseNames?: string[]; orderable?: boolean } = {},
): FieldDef => ({
  id,
  name,
  navigable: opts.navigable ?? true,
  orderable: opts.orderable ?? true,
  searchable: true,
  clauseNames: opts.clauseNames ?? [id],
  schema: { type, system: id, ...(opts.items ? { items: opts.items } : {}) },
});

/** A `parent` or `subtasks` entry as Jira renders it: id, key, self and four fields. */
export const ISSUE_LINK_FIELDS = ['summary', 'status', 'priority', 'issuetype'] as const;

export const SYSTEM_FIELDS: FieldDef[] = [
  sys('summary', 'Summary', 'string'),
  sys('description', 'Description', 'string'),
  sys('issuetype', 'Issue Type', 'issuetype', { clauseNames: ['issuetype', 'type'] }),
  sys('project', 'Project', 'project'),
  sys('status', 'Status', 'status', { orderable: false }),
  sys('priority', 'Priority', 'priority'),
  sys('assignee', 'Assignee', 'user'),
  sys('reporter', 'Reporter', 'user'),
  sys('creator', 'Creator', 'user', { orderable: false }),
  sys('created', 'Created', 'datetime', { clauseNames: ['created', 'createdDate'], orderable: false }),
  sys('updated', 'Updated', 'datetime', { clauseNames: ['updated', 'updatedDate'], orderable: false }),
  sys('resolution', 'Resolution', 'resolution'),
  sys('resolutiondate', 'Resolved', 'datetime', { clauseNames: ['resolutiondate', 'resolved'], orderable: false }),
  sys('statuscategorychangedate', 'Status Category Changed', 'datetime', { orderable: false }),
  sys('labels', 'Labels', 'array', { items: 'string' }),
  sys('components', 'Components', 'array', { items: 'component', clauseNames: ['component'] }),
  // `parent` is rendered on sub-tasks only, `subtasks` on parents only (Jira sends `[]`; see README).
  sys('parent', 'Parent', 'issuelink'),
  sys('subtasks', 'Sub-tasks', 'array', { items: 'issuelinks', orderable: false }),
  sys('timespent', 'Time Spent', 'number', { orderable: false }),
  sys('aggregatetimespent', 'Σ Time Spent', 'number', { orderable: false }),
  sys('timetracking', 'Time tracking', 'timetracking', { navigable: false }),
  sys('comment', 'Comment', 'comments-page', { navigable: false }),
  sys('worklog', 'Log Work', 'array', { navigable: false, items: 'worklog' }),
  sys('lastViewed', 'Last Viewed', 'datetime', { orderable: false }),
];

export function customFieldDef(c: CustomFieldRec): FieldDef {
  const numericId = Number(c.id.replace(/^customfield_/, ''));
  return {
    id: c.id,
    name: c.name,
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [`cf[${numericId}]`, c.name],
    schema: {
      type: c.type,
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
      customId: numericId,
      ...(c.items ? { items: c.items } : {}),
    },
  };
}

export interface FieldSelection {
  /** Field ids to render under `fields`. */
  fields: string[];
  /** False when only `id` was asked for: the issue is then rendered as `{ id }` (search/jql's default). */
  full: boolean;
}

/**
 * Resolves `fields` parameters (each may hold a comma-separated list). `fallback` applies when none is given:
 * `*all` for get-issue, `*navigable` for bulk fetch, `id` for search/jql. A list of exclusions only (`-description`) starts from `*navigable`.
 */
export function selectFields(params: string[], fallback: '*all' | '*navigable' | 'id', known: FieldDef[]): FieldSelection {
  const tokens = params.flatMap((p) => p.split(',')).map((t) => t.trim()).filter((t) => t.length > 0);
  const effective = tokens.length > 0 ? tokens : [fallback];
  const include = new Set<string>();
  const exclude = new Set<string>();
  let onlyExclusions = true;
  let full = false;
  const byId = new Map(known.map((f) => [f.id, f]));
  for (const t of effective) {
    if (t.startsWith('-')) {
      exclude.add(t.slice(1));
      continue;
    }
    onlyExclusions = false;
    if (t === '*all') {
      for (const f of known) include.add(f.id);
      full = true;
    } else if (t === '*navigable') {
      for (const f of known) if (f.navigable) include.add(f.id);
      full = true;
    } else if (t === 'id') {
      // The id is always there; asking for it alone keeps the issue bare.
    } else {
      full = true;
      if (t === 'key') continue;
      if (byId.has(t)) include.add(t);
    }
  }
  if (onlyExclusions) {
    for (const f of known) if (f.navigable) include.add(f.id);
    full = true;
  }
  for (const x of exclude) include.delete(x);
  return { fields: known.map((f) => f.id).filter((id) => include.has(id)), full };
}

/** System fields plus the site's custom fields, in the order Jira lists them. */
export function allFieldDefs(customFields: Iterable<CustomFieldRec>): FieldDef[] {
  return [...SYSTEM_FIELDS, ...[...customFields].map(customFieldDef)];
}
