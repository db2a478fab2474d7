// Query values -> the ids the issue snapshots carry. Jira accepts an id, a key (projects) or a name, case-insensitively;
// a value that names nothing is a 400 ("The value 'X' does not exist for the field 'project'.").
import { functionNotAllowed, isCurrentUser } from './functions';
import type { Catalog, OperandItem } from './model';
import type { StatusCategoryKey } from './types';

/** Resolved ids, or a message for the 400. */
export type Resolved = { ok: true; ids: string[] } | { ok: false; message: string };

type ValueItem = Extract<OperandItem, { kind: 'value' }>;

export function doesNotExist(value: string, fieldName: string): Resolved {
  return { ok: false, message: `The value '${value}' does not exist for the field '${fieldName}'.` };
}

function isNumeric(value: string): boolean {
  return /^\d+$/.test(value);
}

export function resolveProject(item: ValueItem, fieldName: string, catalog: Catalog): Resolved {
  const v = item.value.trim();
  const byId = isNumeric(v) ? catalog.projectsById.get(v) : undefined;
  if (byId) return { ok: true, ids: [byId.id] };
  const byKey = catalog.projectsByKey.get(v.toUpperCase());
  if (byKey) return { ok: true, ids: [byKey.id] };
  const byName = catalog.projectsByName.get(v.toLowerCase());
  if (byName) return { ok: true, ids: byName.map((p) => p.id) };
  return doesNotExist(item.value, fieldName);
}

export function resolveStatus(item: ValueItem, fieldName: string, catalog: Catalog): Resolved {
  const v = item.value.trim();
  const byName = catalog.statusesByName.get(v.toLowerCase());
  // Unquoted numbers are ids first, quoted ones names first (as Jira resolves them).
  if (isNumeric(v) && catalog.statusesById.has(v) && !(item.quoted && byName)) return { ok: true, ids: [v] };
  if (byName) return { ok: true, ids: byName };
  return doesNotExist(item.value, fieldName);
}

export function resolvePriority(item: ValueItem, fieldName: string, catalog: Catalog): Resolved {
  const v = item.value.trim();
  const byName = catalog.prioritiesByName.get(v.toLowerCase());
  if (isNumeric(v) && catalog.prioritiesById.has(v) && !(item.quoted && byName)) return { ok: true, ids: [v] };
  if (byName) return { ok: true, ids: byName };
  return doesNotExist(item.value, fieldName);
}

/** Issue snapshots carry the type's name, so types resolve to names. */
export function resolveIssueType(item: ValueItem, fieldName: string, catalog: Catalog): Resolved {
  const v = item.value.trim();
  const byName = catalog.issueTypesByName.get(v.toLowerCase());
  const byId = isNumeric(v) ? catalog.issueTypesById.get(v) : undefined;
  if (byId !== undefined && !(item.quoted && byName)) return { ok: true, ids: [byId] };
  if (byName !== undefined) return { ok: true, ids: [byName] };
  return doesNotExist(item.value, fieldName);
}

/** Jira's status categories by key, display name and id (1 = "No Category", which no issue is in). */
const STATUS_CATEGORIES: Record<string, StatusCategoryKey | 'undefined'> = {
  new: 'new', 'to do': 'new', '2': 'new',
  indeterminate: 'indeterminate', 'in progress': 'indeterminate', '4': 'indeterminate',
  done: 'done', '3': 'done',
  undefined: 'undefined', 'no category': 'undefined', '1': 'undefined',
};

export function resolveStatusCategory(item: ValueItem, fieldName: string): Resolved {
  const category = STATUS_CATEGORIES[item.value.trim().toLowerCase()];
  return category === undefined ? doesNotExist(item.value, fieldName) : { ok: true, ids: [category] };
}

/**
 * Users by accountId, display name or email (Jira Cloud accepts all three; a name may match several people), and
 * currentUser(), which matches nobody for an anonymous search. `strict` = unknown values are a 400 (system fields);
 * for user-typed issue properties the raw value is kept, since stored ids need not be known users.
 */
export function resolveUser(item: Exclude<OperandItem, { kind: 'empty' }>, fieldName: string, catalog: Catalog, strict: boolean): Resolved {
  if (item.kind === 'function') {
    if (!isCurrentUser(item.name)) return { ok: false, message: functionNotAllowed(item.name, fieldName) };
    if (item.args.length > 0) {
      return { ok: false, message: `Function 'currentUser' expected '0' arguments but received '${item.args.length}'.` };
    }
    const current = catalog.ctx.currentAccountId;
    return { ok: true, ids: current === null ? [] : [current] };
  }
  const v = item.value.trim();
  if (catalog.usersById.has(v)) return { ok: true, ids: [v] };
  const byNameOrEmail = catalog.usersByNameOrEmail.get(v.toLowerCase());
  if (byNameOrEmail) return { ok: true, ids: [...new Set(byNameOrEmail)] };
  return strict ? doesNotExist(item.value, fieldName) : { ok: true, ids: [v] };
}
