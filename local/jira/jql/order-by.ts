// ORDER BY -> one comparator. Directions default to the field's own order as in Jira (created, updated, resolved and
// priority descending, everything else ascending); an empty value sorts after every value in ascending order and
// before them in descending order; ties fall back to the issue key, ascending, so paging is stable.
import type { OrderBy } from '@atlaskit/jql-ast';
import { resolveField } from './fields';
import { compareKeys } from './issue-keys';
import type { Catalog, Problems, ResolvedField } from './model';
import { asDate, asNumber, asString, asText, firstValue, readPropertyPath } from './property-values';
import type { CompiledJql, JqlIssue } from './types';

type Comparator = (a: JqlIssue, b: JqlIssue) => number;
type Direction = 'asc' | 'desc';

/** Jira's /search/jql limit. */
export const MAX_ORDER_BY_FIELDS = 7;

/** Jira's order when the query has none: newest key first. */
export const DEFAULT_ORDER: CompiledJql['orderBy'] = [{ field: 'key', direction: 'desc' }];

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export interface CompiledOrder { compare: Comparator; orderBy: CompiledJql['orderBy'] }

export function compileOrderBy(orderBy: OrderBy | undefined, catalog: Catalog, problems: Problems): CompiledOrder | undefined {
  const fields = orderBy?.fields ?? [];
  if (fields.length > MAX_ORDER_BY_FIELDS) {
    problems.add(`The ORDER BY clause can contain at most ${MAX_ORDER_BY_FIELDS} fields; it has ${fields.length}.`);
    return undefined;
  }
  const parts: { compare: Comparator; sign: number }[] = [];
  const described: CompiledJql['orderBy'] = [];
  for (const entry of fields) {
    const resolved = resolveField(entry.field, catalog.ctx);
    if (!resolved.ok) {
      problems.add(resolved.message);
      continue;
    }
    const compare = fieldComparator(resolved.field, catalog, problems);
    if (compare === undefined) continue;
    const written = entry.direction?.value;
    const direction: Direction = written === 'ASC' ? 'asc' : written === 'DESC' ? 'desc' : defaultDirection(resolved.field);
    parts.push({ compare, sign: direction === 'asc' ? 1 : -1 });
    described.push({ field: resolved.field.canonical, direction });
  }
  if (fields.length === 0) {
    parts.push({ compare: byKey, sign: -1 });
    described.push(...DEFAULT_ORDER);
  }
  return {
    orderBy: described,
    compare: (a, b) => {
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k] as { compare: Comparator; sign: number };
        const c = part.compare(a, b);
        if (c !== 0) return c * part.sign;
      }
      return byKey(a, b);
    },
  };
}

function defaultDirection(field: ResolvedField): Direction {
  return field.kind === 'date' || field.kind === 'priority' ? 'desc' : 'asc';
}

const byKey: Comparator = (a, b) => compareKeys(a.key, b.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Ascending comparison where `null`/`undefined` (EMPTY) counts as greater than any value. */
function nullsLast<T extends number | string>(a: T | null | undefined, b: T | null | undefined, compare: (x: T, y: T) => number): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  return compare(a, b);
}

/**
 * Sorting calls the comparator about 2 n log n times; keys that cost a lookup and a parse (issue properties) are
 * computed once per issue id and kept for the life of the compiled query (a Map by id is several times faster
 * than a WeakMap by object here). Compile again after an issue's properties change.
 */
function byCachedKey<T extends number | string>(key: (issue: JqlIssue) => T | undefined, compare: (x: T, y: T) => number): Comparator {
  const cache = new Map<string, T | null>();
  const get = (issue: JqlIssue): T | null => {
    let value = cache.get(issue.id);
    if (value === undefined) {
      value = key(issue) ?? null;
      cache.set(issue.id, value);
    }
    return value;
  };
  return (a, b) => nullsLast(get(a), get(b), compare);
}

const numeric = (x: number, y: number): number => x - y;
const codeUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Ranks from a list's order: statuses and issue types as the context lists them, projects by name. */
function rankMap(entries: readonly string[]): Map<string, number> {
  return new Map(entries.map((id, index) => [id, index]));
}

function fieldComparator(field: ResolvedField, catalog: Catalog, problems: Problems): Comparator | undefined {
  const ctx = catalog.ctx;
  switch (field.kind) {
    case 'issuekey': return byKey;
    case 'date': {
      if (field.canonical === 'created') return (a, b) => a.created - b.created;
      if (field.canonical === 'updated') return (a, b) => a.updated - b.updated;
      return (a, b) => nullsLast(a.resolved, b.resolved, numeric);
    }
    case 'priority': {
      // Ascending = least urgent first, so DESC (Jira's default) lists the highest priority first.
      const rank = catalog.prioritiesById;
      const urgency = (i: JqlIssue): number | undefined => {
        const r = rank.get(i.priorityId);
        return r === undefined ? undefined : -r;
      };
      return (a, b) => nullsLast(urgency(a), urgency(b), numeric);
    }
    case 'status': {
      const rank = rankMap(ctx.statuses.map((s) => s.id));
      return (a, b) => nullsLast(rank.get(a.statusId), rank.get(b.statusId), numeric);
    }
    case 'statusCategory': {
      const rank = rankMap(['new', 'indeterminate', 'done']);
      return (a, b) => nullsLast(rank.get(a.statusCategory), rank.get(b.statusCategory), numeric);
    }
    case 'issuetype': {
      const rank = rankMap(ctx.issueTypes.map((t) => t.name));
      return (a, b) => nullsLast(rank.get(a.issueTypeName), rank.get(b.issueTypeName), numeric)
        || collator.compare(a.issueTypeName, b.issueTypeName);
    }
    case 'project': {
      const byName = [...ctx.projects].sort((x, y) => collator.compare(x.name, y.name) || codeUnits(x.key, y.key));
      const rank = rankMap(byName.map((p) => p.id));
      return (a, b) => nullsLast(rank.get(a.projectId), rank.get(b.projectId), numeric) || codeUnits(a.projectKey, b.projectKey);
    }
    case 'user': {
      // People sort by display name; an id the context does not know sorts by the id itself.
      const names = new Map(ctx.users.map((u) => [u.accountId, u.displayName]));
      const read = field.canonical === 'assignee'
        ? (i: JqlIssue) => (i.assigneeAccountId === null ? null : names.get(i.assigneeAccountId) ?? i.assigneeAccountId)
        : (i: JqlIssue) => (i.reporterAccountId === '' ? null : names.get(i.reporterAccountId) ?? i.reporterAccountId);
      return (a, b) => nullsLast(read(a), read(b), collator.compare);
    }
    case 'summary': return (a, b) => collator.compare(a.summary, b.summary);
    case 'property': {
      const { propertyKey, path } = field;
      const read = (i: JqlIssue): unknown => readPropertyPath(i, propertyKey, path);
      switch (field.type) {
        case 'number': return byCachedKey((i) => firstValue(read(i), asNumber), numeric);
        case 'date': return byCachedKey((i) => firstValue(read(i), asDate), numeric);
        case 'text': return byCachedKey((i) => firstValue(read(i), asText), collator.compare);
        case 'string':
        case 'user': return byCachedKey((i) => firstValue(read(i), asString), codeUnits);
      }
      return undefined;
    }
    case 'text':
      problems.add(`Field '${field.name}' does not support sorting.`);
      return undefined;
    case 'labels':
    case 'component':
    case 'description':
    case 'resolution':
      problems.add(`Sorting by '${field.name}' is not supported by this Jira emulator.`);
      return undefined;
  }
}
