// compileJql: parse, resolve and compile a JQL string into a predicate and a comparator, or Jira's 400 messages.
import type { Clause } from '@atlaskit/jql-ast';
import { buildCatalog } from './catalog';
import type { Catalog, Compiled, Predicate } from './model';
import { Problems } from './model';
import { compileOrderBy } from './order-by';
import { parseJql } from './parse';
import { compileTerminal } from './terminal';
import type { CompiledJql, JqlContext, JqlResult } from './types';
import { isValidTimeZone } from './zoned-time';

/** What `/search/jql` and `approximate-count` answer for a query without a search restriction. */
export const UNBOUNDED_JQL_MESSAGE = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

const matchAll: Predicate = () => true;

export function compileJql(jql: string, ctx: JqlContext): JqlResult {
  if (!isValidTimeZone(ctx.timeZone)) {
    return { ok: false, status: 400, errorMessages: [`The time zone '${ctx.timeZone}' is not a valid IANA time zone.`] };
  }
  const parsed = parseJql(jql);
  if (!parsed.ok) return { ok: false, status: 400, errorMessages: [parsed.message] };
  const catalog = buildCatalog(ctx);
  const problems = new Problems();
  const where = parsed.query?.where ?? undefined;
  const compiled = where ? compileClause(where, false, catalog, problems) : { test: matchAll };
  const order = compileOrderBy(parsed.query?.orderBy ?? undefined, catalog, problems);
  if (problems.messages.length > 0 || compiled === undefined || order === undefined) {
    return { ok: false, status: 400, errorMessages: problems.messages.length > 0 ? problems.messages : ['Error in the JQL Query.'] };
  }
  const hints: CompiledJql['hints'] = {};
  if (compiled.projectKeys) hints.projectKeys = [...compiled.projectKeys].sort();
  if (compiled.issueKeys) hints.issueKeys = [...compiled.issueKeys].sort();
  const query: CompiledJql = {
    matches: compiled.test,
    compare: order.compare,
    orderBy: order.orderBy,
    bounded: where !== undefined,
  };
  if (hints.projectKeys || hints.issueKeys) query.hints = hints;
  return { ok: true, query };
}

/** `negated` carries NOT down to the terminal clauses (De Morgan), where it inverts the operator. */
function compileClause(clause: Clause, negated: boolean, catalog: Catalog, problems: Problems): Compiled | undefined {
  switch (clause.clauseType) {
    case 'not':
      return compileClause(clause.clause, !negated, catalog, problems);
    case 'terminal':
      return compileTerminal(clause, negated, catalog, problems);
    case 'compound': {
      // Compile every child, even after a failure, so that all errors are reported together as Jira does.
      const parts = clause.clauses.map((c) => compileClause(c, negated, catalog, problems));
      const compiled = parts.filter((p): p is Compiled => p !== undefined);
      if (compiled.length !== parts.length) return undefined;
      const isAnd = (clause.operator.value === 'and') !== negated;
      return isAnd ? allOf(compiled) : anyOf(compiled);
    }
  }
}

function allOf(parts: Compiled[]): Compiled {
  const tests = parts.map((p) => p.test);
  let test: Predicate;
  if (tests.length === 2) {
    const [a, b] = tests as [Predicate, Predicate];
    test = (issue) => a(issue) && b(issue);
  } else {
    test = (issue) => {
      for (let k = 0; k < tests.length; k++) if (!(tests[k] as Predicate)(issue)) return false;
      return true;
    };
  }
  return { test, projectKeys: intersect(parts.map((p) => p.projectKeys)), issueKeys: intersect(parts.map((p) => p.issueKeys)) };
}

function anyOf(parts: Compiled[]): Compiled {
  const tests = parts.map((p) => p.test);
  let test: Predicate;
  if (tests.length === 2) {
    const [a, b] = tests as [Predicate, Predicate];
    test = (issue) => a(issue) || b(issue);
  } else {
    test = (issue) => {
      for (let k = 0; k < tests.length; k++) if ((tests[k] as Predicate)(issue)) return true;
      return false;
    };
  }
  return { test, projectKeys: union(parts.map((p) => p.projectKeys)), issueKeys: union(parts.map((p) => p.issueKeys)) };
}

/** Under AND, any child's limit holds; several limits intersect. */
function intersect(sets: (ReadonlySet<string> | undefined)[]): ReadonlySet<string> | undefined {
  let result: Set<string> | undefined;
  for (const s of sets) {
    if (s === undefined) continue;
    result = result === undefined ? new Set(s) : new Set([...result].filter((v) => s.has(v)));
  }
  return result;
}

/** Under OR, a limit holds only when every branch has one. */
function union(sets: (ReadonlySet<string> | undefined)[]): ReadonlySet<string> | undefined {
  const result = new Set<string>();
  for (const s of sets) {
    if (s === undefined) return undefined;
    s.forEach((v) => result.add(v));
  }
  return result;
}
