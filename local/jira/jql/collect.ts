// Operand items -> resolved ids (or values), collecting one 400 message per value that fails.
import { functionNotAllowed } from './functions';
import type { OperandItem, Problems, TerminalInput } from './model';
import type { Resolved } from './value-resolvers';

export interface Collected { set: Set<string>; includeEmpty: boolean }

/** Resolves every operand item (EMPTY aside) to ids; reports each value that fails. */
export function collect(
  input: TerminalInput, problems: Problems, resolve: (item: Exclude<OperandItem, { kind: 'empty' }>) => Resolved,
): Collected | undefined {
  const set = new Set<string>();
  let includeEmpty = false;
  let ok = true;
  for (const item of input.items) {
    if (item.kind === 'empty') {
      includeEmpty = true;
      continue;
    }
    const r = resolve(item);
    if (r.ok) r.ids.forEach((id) => set.add(id));
    else {
      problems.add(r.message);
      ok = false;
    }
  }
  return ok ? { set, includeEmpty } : undefined;
}

export function valueOnly(
  item: Exclude<OperandItem, { kind: 'empty' }>, fieldName: string, resolve: (item: Extract<OperandItem, { kind: 'value' }>) => Resolved,
): Resolved {
  return item.kind === 'function' ? { ok: false, message: functionNotAllowed(item.name, fieldName) } : resolve(item);
}
