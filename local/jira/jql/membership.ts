// Predicates for =, !=, IN, NOT IN, IS and IS NOT, with Jira's rule that != and NOT IN never match an empty field
// (JQL `assignee != x` leaves out unassigned issues; write `OR assignee IS EMPTY` to include them).
import type { Operator, Predicate } from './model';
import type { JqlIssue } from './types';

export function isPositive(op: Operator): boolean {
  return op === '=' || op === 'in' || op === 'is';
}

/** A single-valued field read as an id (`null` = empty), tested against resolved ids. */
export function singleValued(
  op: Operator, read: (issue: JqlIssue) => string | null, ids: ReadonlySet<string>, includeEmpty: boolean,
): Predicate {
  if (op === 'is') return (issue) => read(issue) === null;
  if (op === 'is not') return (issue) => read(issue) !== null;
  if (!isPositive(op)) {
    return (issue) => {
      const v = read(issue);
      return v !== null && !ids.has(v);
    };
  }
  if (ids.size === 1) {
    const only = ids.values().next().value;
    return (issue) => {
      const v = read(issue);
      return v === null ? includeEmpty : v === only;
    };
  }
  return (issue) => {
    const v = read(issue);
    return v === null ? includeEmpty : ids.has(v);
  };
}

/** A multi-valued field (labels, components): = / IN match when any value matches; empty = no values. */
export function multiValued(
  op: Operator, read: (issue: JqlIssue) => readonly string[], matches: (value: string) => boolean, includeEmpty: boolean,
): Predicate {
  const any = (values: readonly string[]): boolean => {
    for (let k = 0; k < values.length; k++) if (matches(values[k] as string)) return true;
    return false;
  };
  if (op === 'is') return (issue) => read(issue).length === 0;
  if (op === 'is not') return (issue) => read(issue).length > 0;
  if (!isPositive(op)) {
    return (issue) => {
      const values = read(issue);
      return values.length > 0 && !any(values);
    };
  }
  return (issue) => {
    const values = read(issue);
    return values.length === 0 ? includeEmpty : any(values);
  };
}

/** Case-insensitive membership that only allocates for values that differ from the query by case. */
export function foldedSet(values: readonly string[]): (value: string) => boolean {
  const exact = new Set(values);
  const folded = new Set(values.map((v) => v.toLowerCase()));
  return (value) => exact.has(value) || folded.has(value) || (needsFolding(value) && folded.has(value.toLowerCase()));
}

function needsFolding(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}
