// Operand items -> resolved ids (or values), collecting one 400 message per value that fails.
import { functionNotAllowed } from './functions';
import type { OperandItem, Problems, TerminalInput } from './model';
import type { Resolved } from './value-resolvers';

export interface Collected { set: Set<string>; includeEmpty: boolean }

type ValueOrFunction = Exclude<OperandItem, { kind: 'empty' }>;

/**
 * Resolves every operand item (EMPTY aside) with `resolve`, reporting each one that fails; undefined when any
 * failed. `EMPTY` sets `includeEmpty`.
 */
export function resolveOperands<T>(
  input: TerminalInput,
  problems: Problems,
  resolve: (item: ValueOrFunction) => { ok: true; value: T } | { ok: false; message: string },
): { values: T[]; includeEmpty: boolean } | undefined {
  const values: T[] = [];
  let includeEmpty = false;
  let ok = true;
  for (const item of input.items) {
    if (item.kind === 'empty') {
      includeEmpty = true;
      continue;
    }
    const r = resolve(item);
    if (r.ok) values.push(r.value);
    else {
      problems.add(r.message);
      ok = false;
    }
  }
  return ok ? { values, includeEmpty } : undefined;
}

/** Resolves every operand item (EMPTY aside) to ids; reports each value that fails. */
export function collect(input: TerminalInput, problems: Problems, resolve: (item: ValueOrFunction) => Resolved): Collected | undefined {
  const resolved = resolveOperands(input, problems, (item) => {
    const r = resolve(item);
    return r.ok ? { ok: true, value: r.ids } : r;
  });
  return resolved && { set: new Set(resolved.values.flat()), includeEmpty: resolved.includeEmpty };
}

export function valueOnly(
  item: Exclude<OperandItem, { kind: 'empty' }>, fieldName: string, resolve: (item: Extract<OperandItem, { kind: 'value' }>) => Resolved,
): Resolved {
  return item.kind === 'function' ? { ok: false, message: functionNotAllowed(item.name, fieldName) } : resolve(item);
}
