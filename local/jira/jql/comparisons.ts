// Predicates over ordered values (dates, numbers, strings of issue properties) for every supported operator.
// Single-valued system dates and multi-valued property values share the same rules: != and NOT IN need a value.
import type { Operator, Predicate } from './model';
import { someValue, type Extract } from './property-values';
import type { JqlIssue } from './types';

export function relation<T extends number | string>(op: Operator, bound: T): (value: T) => boolean {
  switch (op) {
    case '<': return (v) => v < bound;
    case '<=': return (v) => v <= bound;
    case '>': return (v) => v > bound;
    case '>=': return (v) => v >= bound;
    default: return (v) => v === bound;
  }
}

/** A nullable single value per issue (created/updated/resolved). */
export function scalarPredicate(
  op: Operator, read: (issue: JqlIssue) => number | null, values: readonly number[], includeEmpty: boolean,
): Predicate {
  if (op === 'is') return (issue) => read(issue) === null;
  if (op === 'is not') return (issue) => read(issue) !== null;
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    const test = relation(op, values[0] ?? Number.NaN);
    return (issue) => {
      const v = read(issue);
      return v !== null && test(v);
    };
  }
  const set = new Set(values);
  if (op === '=' || op === 'in') {
    return (issue) => {
      const v = read(issue);
      return v === null ? includeEmpty : set.has(v);
    };
  }
  return (issue) => {
    const v = read(issue);
    return v !== null && !set.has(v);
  };
}

/** Values read from an issue property (zero, one or many per issue). */
export function propertyPredicate<T extends number | string>(
  op: Operator, read: (issue: JqlIssue) => unknown, extract: Extract<T>, values: readonly T[], includeEmpty: boolean,
): Predicate {
  const present = (): boolean => true;
  const hasValue = (issue: JqlIssue): boolean => someValue(read(issue), extract, present);
  if (op === 'is') return (issue) => !hasValue(issue);
  if (op === 'is not') return hasValue;
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    const first = values[0];
    if (first === undefined) return () => false;
    const test = relation(op, first);
    return (issue) => someValue(read(issue), extract, test);
  }
  const set = new Set<T>(values);
  const inSet = (v: T): boolean => set.has(v);
  if (op === '=' || op === 'in') {
    return (issue) => {
      const raw = read(issue);
      return someValue(raw, extract, inSet) || (includeEmpty && !someValue(raw, extract, present));
    };
  }
  return (issue) => {
    const raw = read(issue);
    return someValue(raw, extract, present) && !someValue(raw, extract, inSet);
  };
}
