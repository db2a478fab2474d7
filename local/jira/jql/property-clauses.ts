// issue.property[key].path clauses (and their search aliases), by the type the manifest indexes them as.
import { collect, valueOnly } from './collect';
import { propertyPredicate } from './comparisons';
import { dateInstants } from './date-clauses';
import type { Catalog, Compiled, Problems, ResolvedField, TerminalInput } from './model';
import { asDate, asNumber, asString, asText, readPropertyPath, someValue } from './property-values';
import { textOperand } from './text-match';
import type { JqlIssue } from './types';
import { resolveUser } from './value-resolvers';

export function compileProperty(
  input: TerminalInput, field: Extract<ResolvedField, { kind: 'property' }>, catalog: Catalog, problems: Problems,
): Compiled | undefined {
  const { propertyKey, path } = field;
  const read = (issue: JqlIssue): unknown => readPropertyPath(issue, propertyKey, path);
  const op = input.operator;
  switch (field.type) {
    case 'date': {
      const dates = dateInstants(input, catalog, problems);
      return dates && { test: propertyPredicate(op, read, asDate, dates.values, dates.includeEmpty) };
    }
    case 'number': {
      const values = collect(input, problems, (item) => valueOnly(item, field.name, (v) => (
        Number.isFinite(Number(v.value)) && v.value.trim() !== ''
          ? { ok: true, ids: [v.value] }
          : { ok: false, message: `The value '${v.value}' for field '${field.name}' is not a valid number.` })));
      return values && { test: propertyPredicate(op, read, asNumber, [...values.set].map(Number), values.includeEmpty) };
    }
    case 'string':
    case 'user': {
      const values = collect(input, problems, (item) => (field.type === 'user'
        ? resolveUser(item, field.name, catalog, false)
        : valueOnly(item, field.name, (v) => ({ ok: true, ids: [v.value] }))));
      return values && { test: propertyPredicate(op, read, asString, [...values.set], values.includeEmpty) };
    }
    case 'text': {
      if (op === 'is' || op === 'is not') {
        return { test: propertyPredicate(op, read, asText, [], false) };
      }
      const matches = textOperand(input, field.name, problems);
      if (!matches) return undefined;
      const contains = (issue: JqlIssue): boolean => someValue(read(issue), asText, matches);
      const present = propertyPredicate('is not', read, asText, [], false);
      return { test: op === '~' ? contains : (issue) => present(issue) && !contains(issue) };
    }
  }
}
