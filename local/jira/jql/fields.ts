// Field names: Jira's system fields and aliases this engine evaluates, indexed issue properties (by path or
// searchAlias), and the fields Jira has but the emulator does not model (named, so a 400 says what is missing).
import type { Field } from '@atlaskit/jql-ast';
import { literalValue } from './literal';
import type { ResolvedField, SimpleKind } from './model';
import type { JqlContext } from './types';

type FieldSpec =
  | { kind: SimpleKind; canonical: string }
  | { kind: 'user'; canonical: 'assignee' | 'reporter' }
  | { kind: 'date'; canonical: 'created' | 'updated' | 'resolved' };

const SYSTEM_FIELDS: Record<string, FieldSpec> = {
  project: { kind: 'project', canonical: 'project' },
  key: { kind: 'issuekey', canonical: 'key' },
  issue: { kind: 'issuekey', canonical: 'key' },
  issuekey: { kind: 'issuekey', canonical: 'key' },
  id: { kind: 'issuekey', canonical: 'key' },
  status: { kind: 'status', canonical: 'status' },
  statuscategory: { kind: 'statusCategory', canonical: 'statusCategory' },
  priority: { kind: 'priority', canonical: 'priority' },
  assignee: { kind: 'user', canonical: 'assignee' },
  reporter: { kind: 'user', canonical: 'reporter' },
  labels: { kind: 'labels', canonical: 'labels' },
  component: { kind: 'component', canonical: 'component' },
  type: { kind: 'issuetype', canonical: 'issuetype' },
  issuetype: { kind: 'issuetype', canonical: 'issuetype' },
  summary: { kind: 'summary', canonical: 'summary' },
  description: { kind: 'description', canonical: 'description' },
  text: { kind: 'text', canonical: 'text' },
  created: { kind: 'date', canonical: 'created' },
  createddate: { kind: 'date', canonical: 'created' },
  updated: { kind: 'date', canonical: 'updated' },
  updateddate: { kind: 'date', canonical: 'updated' },
  resolved: { kind: 'date', canonical: 'resolved' },
  resolutiondate: { kind: 'date', canonical: 'resolved' },
  resolution: { kind: 'resolution', canonical: 'resolution' },
  parent: { kind: 'parent', canonical: 'parent' },
};

/** Jira fields the emulator's issue snapshots do not carry (lower case). */
const KNOWN_UNSUPPORTED_FIELDS = new Set([
  'affectedversion', 'approvals', 'attachments', 'category', 'comment', 'creator', 'due', 'duedate', 'environment',
  'epic link', 'filter', 'request', 'savedfilter', 'searchrequest', 'fixversion', 'hierarchylevel', 'issuelinktype',
  'lastviewed', 'level', 'organizations', 'originalestimate', 'timeoriginalestimate', 'parentproject',
  'remainingestimate', 'timeestimate', 'request-channel-type', 'request-last-activity-time', 'request type',
  'customer request type', 'sprint', 'statuscategorychangeddate', 'subtasks', 'team', 'timespent', 'voter', 'votes',
  'watcher', 'watchers', 'workratio', 'worklogauthor', 'worklogcomment', 'worklogdate', 'updatedby', 'development',
  'issuelink', 'rank', 'startdate', 'targetstart', 'targetend', 'duedatetime', 'resolutiondescription',
]);

const ENTITY_PROPERTY_FIELDS = new Set([
  'project.property', 'assignee.property', 'reporter.property', 'creator.property', 'voter.property',
  'watcher.property', 'user.property', 'component.property', 'version.property',
]);

export type FieldResolution = { ok: true; field: ResolvedField } | { ok: false; message: string };

function doesNotExist(name: string): FieldResolution {
  return { ok: false, message: `Field '${name}' does not exist or you do not have permission to view it.` };
}

/** Resolves a field of a clause or of ORDER BY. Field names are case-insensitive, as in Jira. */
export function resolveField(field: Field, ctx: JqlContext): FieldResolution {
  const written = literalValue(field.text);
  const lower = written.toLowerCase();
  if (lower === 'issue.property') return resolveIssueProperty(field, ctx);
  if (ENTITY_PROPERTY_FIELDS.has(lower)) {
    return {
      ok: false,
      message: `Field '${propertyDisplay(written, field)}' is not supported by this Jira emulator: only issue properties (issue.property[...]) can be searched.`,
    };
  }
  const spec = SYSTEM_FIELDS[lower];
  if (spec !== undefined) return { ok: true, field: { ...spec, name: written } };
  const alias = findAlias(lower, ctx);
  if (alias !== undefined) return { ok: true, field: { ...alias, name: written } };
  if (/^cf\[\d+\]$/.test(lower)) {
    return { ok: false, message: `Field '${written}' is not supported by this Jira emulator: custom fields are not emulated.` };
  }
  if (KNOWN_UNSUPPORTED_FIELDS.has(lower)) {
    return { ok: false, message: `Field '${written}' is not supported by this Jira emulator.` };
  }
  return doesNotExist(written);
}

function findAlias(lower: string, ctx: JqlContext): Omit<Extract<ResolvedField, { kind: 'property' }>, 'name'> | undefined {
  for (const property of ctx.indexedProperties) {
    for (const value of property.values) {
      if (value.searchAlias !== undefined && value.searchAlias.toLowerCase() === lower) {
        return {
          kind: 'property', canonical: value.searchAlias, propertyKey: property.propertyKey,
          path: splitPath(value.path), type: value.type,
        };
      }
    }
  }
  return undefined;
}

/** The dotted path after `[key]`, without the leading dot (the parser splits `."a".b` into pieces). */
function propertyPath(field: Field): string {
  const path = (field.properties?.[0]?.path ?? []).map((p) => literalValue(p.text)).join('');
  return path.replace(/^\./, '');
}

/** `entity.property[key].path` as written, for messages. */
function propertyDisplay(entity: string, field: Field): string {
  const property = field.properties?.[0];
  if (!property) return entity;
  const key = property.key ? literalValue(property.key.text) : '';
  const path = propertyPath(field);
  return `${entity}[${key}]${path === '' ? '' : `.${path}`}`;
}

function splitPath(path: string): string[] {
  return path.split('.').filter((s) => s !== '');
}

/** `issue.property[key].a.b`: only paths declared by a jira:entityProperty module are searchable, as in Jira. */
function resolveIssueProperty(field: Field, ctx: JqlContext): FieldResolution {
  const properties = field.properties ?? [];
  const property = properties[0];
  const keyText = property?.key ? literalValue(property.key.text) : '';
  const display = propertyDisplay('issue.property', field);
  if (properties.length !== 1 || keyText === '') return doesNotExist(display);
  const wanted = propertyPath(field);
  for (const indexed of ctx.indexedProperties) {
    if (indexed.propertyKey !== keyText) continue;
    for (const value of indexed.values) {
      if (value.path === wanted) {
        return {
          ok: true,
          field: {
            kind: 'property', name: display, canonical: `issue.property[${keyText}].${wanted}`,
            propertyKey: keyText, path: splitPath(wanted), type: value.type,
          },
        };
      }
    }
  }
  return doesNotExist(display);
}
