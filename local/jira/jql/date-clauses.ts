// created, updated and resolved clauses: operands resolved to instants once, compared per issue.
import { resolveOperands } from './collect';
import { scalarPredicate } from './comparisons';
import { dateFromFunction, dateFromLiteral } from './dates';
import { functionNotAllowed, isDateFunction } from './functions';
import type { Catalog, Compiled, Problems, TerminalInput } from './model';
import type { JqlIssue } from './types';

/** Each value, EMPTY aside, as an instant: literals and date functions in the user's zone. */
export function dateInstants(input: TerminalInput, catalog: Catalog, problems: Problems): { values: number[]; includeEmpty: boolean } | undefined {
  return resolveOperands(input, problems, (item) => {
    const r = item.kind === 'value' ? dateFromLiteral(item.value, input.field.name, catalog.ctx)
      : isDateFunction(item.name) ? dateFromFunction(item.name, item.args, catalog.ctx)
        : { ok: false as const, message: functionNotAllowed(item.name, input.field.name) };
    return r.ok ? { ok: true, value: r.instant } : r;
  });
}

/** A date literal is one instant (a date alone is local midnight), so `created = "2026-11-01"` only matches issues created exactly then. */
export function compileDate(input: TerminalInput, catalog: Catalog, problems: Problems): Compiled | undefined {
  const dates = dateInstants(input, catalog, problems);
  if (!dates) return undefined;
  const canonical = input.field.kind === 'date' ? input.field.canonical : 'created';
  const read = canonical === 'created' ? (i: JqlIssue) => i.created
    : canonical === 'updated' ? (i: JqlIssue) => i.updated : (i: JqlIssue) => i.resolved;
  return { test: scalarPredicate(input.operator, read, dates.values, dates.includeEmpty) };
}
