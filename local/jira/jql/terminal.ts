// One terminal clause (`field operator operand`) -> a predicate, per field kind.
import type { TerminalClause } from '@atlaskit/jql-ast';
import { collect, valueOnly } from './collect';
import { relation } from './comparisons';
import { compileDate } from './date-clauses';
import { resolveField } from './fields';
import { functionNotAllowed } from './functions';
import { compileIssueKey, compileParent } from './issue-keys';
import { foldedSet, isPositive, multiValued, singleValued } from './membership';
import type { Catalog, Compiled, OperandItem, Operator, Problems, ResolvedField, TerminalInput } from './model';
import { normaliseOperand } from './operands';
import { compileProperty } from './property-clauses';
import { compileText } from './text-clauses';
import type { JqlIssue } from './types';
import {
  resolveIssueType, resolvePriority, resolveProject, resolveStatus, resolveStatusCategory, resolveUser, type Resolved,
} from './value-resolvers';

const HISTORY_OPERATORS = new Set(['was', 'was not', 'was in', 'was not in', 'changed']);

/** NOT is pushed down to the operators, as Jira does, so `NOT assignee = x` behaves like `assignee != x`. */
const INVERSE: Record<Operator, Operator> = {
  '=': '!=', '!=': '=', '~': '!~', '!~': '~', '<': '>=', '>=': '<', '>': '<=', '<=': '>',
  in: 'not in', 'not in': 'in', is: 'is not', 'is not': 'is',
};

const EQ: Operator[] = ['=', '!=', 'in', 'not in', 'is', 'is not'];
const REL: Operator[] = ['<', '>', '<=', '>='];
const TEXT: Operator[] = ['~', '!~', 'is', 'is not'];

function allowedOperators(field: ResolvedField): Operator[] {
  switch (field.kind) {
    case 'issuekey': return ['=', '!=', 'in', 'not in', ...REL];
    case 'parent': return ['=', '!=', 'in', 'not in'];
    case 'priority': case 'date': return [...EQ, ...REL];
    case 'summary': case 'description': return TEXT;
    case 'text': return ['~'];
    case 'property':
      if (field.type === 'number' || field.type === 'date') return [...EQ, ...REL];
      if (field.type === 'text') return TEXT;
      return EQ;
    default: return EQ;
  }
}

export function compileTerminal(clause: TerminalClause, negated: boolean, catalog: Catalog, problems: Problems): Compiled | undefined {
  const resolved = resolveField(clause.field, catalog.ctx);
  if (!resolved.ok) return void problems.add(resolved.message);
  const field = resolved.field;
  const op = clause.operator;
  if (!op) return void problems.add(`Expecting operator for field '${field.name}'.`);
  if (HISTORY_OPERATORS.has(op.value)) {
    return void problems.add(`The operator '${op.value.toUpperCase()}' is not supported by this Jira emulator for field '${field.name}' (issue history is not emulated).`);
  }
  const written = op.value as Operator;
  if (!allowedOperators(field).includes(written)) {
    return void problems.add(`The operator '${written}' is not supported by the '${field.name}' field.`);
  }
  if (!clause.operand) return void problems.add(`Expecting either a value, list or function for field '${field.name}'.`);
  const operator = negated ? INVERSE[written] : written;
  const operand = normaliseOperand(clause.operand, written, field.name);
  if (!operand.ok) return void problems.add(operand.message);
  const input: TerminalInput = { field, operator, written, items: operand.items };
  switch (field.kind) {
    case 'issuekey': return compileIssueKey(input, catalog, problems);
    case 'parent': return compileParent(input, catalog, problems);
    case 'project': {
      const ids = collect(input, problems, (item) => valueOnly(item, field.name, (v) => resolveProject(v, field.name, catalog)));
      if (!ids) return undefined;
      const test = singleValued(operator, projectIdOf, ids.set, ids.includeEmpty);
      const hint = isPositive(operator) && operator !== 'is' && !ids.includeEmpty
        ? new Set([...ids.set].map((id) => catalog.projectsById.get(id)?.key ?? id)) : undefined;
      return { test, projectKeys: hint };
    }
    case 'status': return idField(input, problems, statusIdOf, (v) => resolveStatus(v, field.name, catalog));
    case 'statusCategory': return idField(input, problems, statusCategoryOf, (v) => resolveStatusCategory(v, field.name));
    case 'issuetype': return idField(input, problems, issueTypeOf, (v) => resolveIssueType(v, field.name, catalog));
    case 'priority': return compilePriority(input, catalog, problems);
    case 'user': {
      const ids = collect(input, problems, (item) => resolveUser(item, field.name, catalog, true));
      if (!ids) return undefined;
      return { test: singleValued(operator, field.canonical === 'assignee' ? assigneeOf : reporterOf, ids.set, ids.includeEmpty) };
    }
    case 'labels':
    case 'component': {
      const values = collect(input, problems, (item) => valueOnly(item, field.name, (v) => ({ ok: true, ids: [v.value] })));
      if (!values) return undefined;
      const read = field.kind === 'labels' ? labelsOf : componentsOf;
      return { test: multiValued(operator, read, foldedSet([...values.set]), values.includeEmpty) };
    }
    case 'resolution': return compileResolution(input, problems);
    case 'summary':
    case 'description':
    case 'text': return compileText(input, problems);
    case 'date': return compileDate(input, catalog, problems);
    case 'property': return compileProperty(input, field, catalog, problems);
  }
}

function idField(
  input: TerminalInput, problems: Problems, read: (issue: JqlIssue) => string | null,
  resolve: (item: Extract<OperandItem, { kind: 'value' }>) => Resolved,
): Compiled | undefined {
  const ids = collect(input, problems, (item) => valueOnly(item, input.field.name, resolve));
  return ids && { test: singleValued(input.operator, read, ids.set, ids.includeEmpty) };
}

// Readers are module-level so compiled predicates share them instead of creating closures per query.
const projectIdOf = (i: JqlIssue): string => i.projectId;
const statusIdOf = (i: JqlIssue): string => i.statusId;
const statusCategoryOf = (i: JqlIssue): string => i.statusCategory;
const issueTypeOf = (i: JqlIssue): string => i.issueTypeName;
const priorityIdOf = (i: JqlIssue): string => i.priorityId;
const assigneeOf = (i: JqlIssue): string | null => i.assigneeAccountId;
const reporterOf = (i: JqlIssue): string | null => (i.reporterAccountId === '' ? null : i.reporterAccountId);
const labelsOf = (i: JqlIssue): readonly string[] => i.labels;
const componentsOf = (i: JqlIssue): readonly string[] => i.components;
const resolutionOf = (i: JqlIssue): string | null => (i.resolved === null ? null : 'resolved');

/** Priorities are ordered as ctx.priorities lists them, highest first: `priority > Medium` means more urgent. */
function compilePriority(input: TerminalInput, catalog: Catalog, problems: Problems): Compiled | undefined {
  const ids = collect(input, problems, (item) => valueOnly(item, input.field.name, (v) => resolvePriority(v, input.field.name, catalog)));
  if (!ids) return undefined;
  const op = input.operator;
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    const ranks = [...ids.set].map((id) => catalog.prioritiesById.get(id) ?? Number.NaN);
    const bound = Math.min(...ranks);
    // A higher priority has a lower rank, so the comparison flips.
    const flipped: Operator = op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : '<=';
    const test = relation(flipped, bound);
    const rankOf = catalog.prioritiesById;
    return {
      test: (issue) => {
        const rank = rankOf.get(issue.priorityId);
        return rank !== undefined && test(rank);
      },
    };
  }
  return { test: singleValued(op, priorityIdOf, ids.set, ids.includeEmpty) };
}

/**
 * Snapshots carry no resolution name, only the resolved instant, so `resolution = Unresolved` / `IS EMPTY` (and their
 * negations) are searchable and any named resolution is a 400 rather than a guess.
 */
function compileResolution(input: TerminalInput, problems: Problems): Compiled | undefined {
  let ok = true;
  for (const item of input.items) {
    if (item.kind === 'value' && item.value.trim().toLowerCase() === 'unresolved') continue;
    if (item.kind === 'empty') continue;
    ok = false;
    problems.add(item.kind === 'function'
      ? functionNotAllowed(item.name, input.field.name)
      : `The value '${item.value}' for field '${input.field.name}' is not supported by this Jira emulator: issues carry no resolution name, so only 'Unresolved' and EMPTY can be searched.`);
  }
  return ok ? { test: singleValued(input.operator, resolutionOf, new Set(), true) } : undefined;
}

