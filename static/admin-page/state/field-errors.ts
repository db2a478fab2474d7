// Where a resolver's INVALID_INPUT messages go on a form: each under the input its path names, the rest in a
// summary at the top. Paths are dotted with bracketed indexes (`customer.contacts[0].email`).
import type { ResolverError } from '@contract/result';

export interface FieldMessage {
  field: string;
  message: string;
}

export interface PlacedErrors {
  /** Message per known form path. */
  at: ReadonlyMap<string, string>;
  /** Messages whose path names no input on the form. */
  unplaced: FieldMessage[];
}

export const NO_ERRORS: PlacedErrors = { at: new Map(), unplaced: [] };

/** `customer.contacts.0.email` (zod's path joined by dots) and `customer.contacts[0].email` read the same. */
export function normalizePath(path: string): string {
  return path
    .split('.')
    .map((segment, i) => (i === 0 ? segment : /^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
    .join('');
}

function stripPathPrefix(message: string, paths: string[]): string {
  for (const path of paths) {
    if (message.startsWith(`${path}: `)) return message.slice(path.length + 2);
  }
  return message;
}

/** The field messages of an INVALID_INPUT answer, paths normalised and the repeated `path: ` prefix dropped. */
export function fieldMessages(error: ResolverError | null): FieldMessage[] {
  if (!error || error.code !== 'INVALID_INPUT') return [];
  const list = error.fields && error.fields.length > 0 ? error.fields : error.field ? [{ field: error.field, message: error.message }] : [];
  return list.map(({ field, message }) => {
    const normal = normalizePath(field);
    return { field: normal, message: stripPathPrefix(message, [field, normal]) };
  });
}

function covers(known: string, path: string): boolean {
  return path === known || path.startsWith(`${known}.`) || path.startsWith(`${known}[`);
}

/** Puts each message on the most specific known path that is the message's path or one of its parents. */
export function placeErrors(fields: FieldMessage[], known: readonly string[]): PlacedErrors {
  const at = new Map<string, string>();
  const unplaced: FieldMessage[] = [];
  for (const item of fields) {
    let target: string | null = null;
    for (const path of known) {
      if (covers(path, item.field) && (target === null || path.length > target.length)) target = path;
    }
    if (target === null) {
      unplaced.push(item);
      continue;
    }
    const before = at.get(target);
    at.set(target, before ? `${before} ${item.message}` : item.message);
  }
  return { at, unplaced };
}

/** Joins a base path and indexes: `path('customer', 'contacts', 0, 'email')` = `customer.contacts[0].email`. */
export function path(...segments: (string | number)[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
