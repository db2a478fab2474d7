// Right-hand sides: values, EMPTY, functions and lists, normalised and checked against the operator.
import type { Operand } from '@atlaskit/jql-ast';
import { literalValue, isQuoted } from './literal';
import type { OperandItem, Operator } from './model';

export type OperandResult = { ok: true; items: OperandItem[] } | { ok: false; message: string };

function item(operand: Operand): OperandItem[] {
  switch (operand.operandType) {
    case 'value':
      return [{ kind: 'value', value: literalValue(operand.text), quoted: isQuoted(operand.text) }];
    case 'keyword':
      return [{ kind: 'empty' }];
    case 'function':
      return [{
        kind: 'function',
        name: literalValue(operand.function.text),
        args: operand.arguments.map((a) => literalValue(a.text)),
      }];
    case 'list':
      return operand.values.flatMap(item);
  }
}

/** How an operand is shown in messages, close to how Jira echoes it. */
export function describeItems(items: OperandItem[]): string {
  return items.map(describeItem).join(', ');
}

export function describeItem(i: OperandItem): string {
  if (i.kind === 'value') return i.value;
  if (i.kind === 'empty') return 'EMPTY';
  return `${i.name}(${i.args.join(', ')})`;
}

const LIST_OPERATORS = new Set<Operator>(['in', 'not in']);

/** Normalises the operand and enforces Jira's list / non-list / EMPTY rules for the operator. */
export function normaliseOperand(operand: Operand, operator: Operator, fieldName: string): OperandResult {
  const items = item(operand);
  const isList = operand.operandType === 'list';
  if (LIST_OPERATORS.has(operator)) {
    if (!isList && operand.operandType !== 'function') {
      return { ok: false, message: `Operator '${operator}' does not support the non-list value '${describeItems(items)}' for field '${fieldName}'.` };
    }
  } else if (isList) {
    return { ok: false, message: `Operator '${operator}' does not support the list value '(${describeItems(items)})' for field '${fieldName}'.` };
  }
  if (operator === 'is' || operator === 'is not') {
    const first = items[0];
    if (first === undefined || first.kind !== 'empty') {
      return { ok: false, message: `Operator '${operator}' only supports the EMPTY value for field '${fieldName}', not '${describeItems(items)}'.` };
    }
  }
  if (['<', '>', '<=', '>=', '~', '!~'].includes(operator) && items.some((i) => i.kind === 'empty')) {
    return { ok: false, message: `Operator '${operator}' does not support searching for EMPTY for field '${fieldName}'.` };
  }
  return { ok: true, items };
}
