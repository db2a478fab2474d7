// The documented limits of Forge hosted storage, enforced with the documented error codes.
import { badRequest } from './errors';

export const LIMITS = {
  keyMaxLength: 500,
  /** 240 KiB of serialised JSON per value. */
  valueMaxBytes: 240 * 1024,
  /** Object/array nesting allowed in a value (errors page: "maximum object depth (32)"). */
  valueMaxDepth: 32,
  queryDefaultLimit: 10,
  queryMaxLimit: 100,
  transactionMaxOperations: 25,
  batchMaxItems: 25,
  /** Transactions and batches: 4 MB of request payload. */
  requestMaxBytes: 4 * 1024 * 1024,
  entityNameMinLength: 3,
  entityNameMaxLength: 60,
} as const;

// Documented key regex /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/; `\s-#` there is three literals, not a range.
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/;
// Entity names as the manifest schema accepts them.
const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;

/** Plain KVS and secret keys. */
export function checkKey(key: unknown, field = 'key'): string {
  if (typeof key !== 'string') throw badRequest(`${field} must be a string`);
  if (key.length === 0) throw badRequest(`${field} is empty; a key needs at least 1 character`, 'KEY_TOO_SHORT');
  return checkKeyShape(key, field);
}

/** Custom entity keys: the same rules, with the entity store's code for an empty key. */
export function checkEntityKey(key: unknown, field = 'key'): string {
  if (typeof key !== 'string') throw badRequest(`${field} must be a string`);
  if (key.length === 0) throw badRequest(`${field} is empty; a key cannot be empty`, 'EMPTY_KEY');
  return checkKeyShape(key, field);
}

function checkKeyShape(key: string, field: string): string {
  if (key.length > LIMITS.keyMaxLength) {
    throw badRequest(`${field} has ${key.length} characters; at most ${LIMITS.keyMaxLength} are allowed`, 'KEY_TOO_LONG');
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest(
      `${field} '${key}' does not match /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/ (letters, digits, : . _ - # and spaces, not only spaces)`,
      'INVALID_KEY',
    );
  }
  return key;
}

/** A storable value: present, JSON, within size and depth. */
export function checkValue(value: unknown, field = 'value'): void {
  if (value === undefined) throw badRequest(`${field} is required`);
  if (value === null) throw badRequest(`${field} is null; store a string, number, boolean, array or object`);
  const depth = nestingDepth(value);
  if (depth > LIMITS.valueMaxDepth) {
    throw badRequest(`${field} is nested more than ${LIMITS.valueMaxDepth} levels deep (objects and arrays)`, 'MAX_DEPTH');
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > LIMITS.valueMaxBytes) {
    throw badRequest(`${field} is ${bytes} bytes as JSON; at most ${LIMITS.valueMaxBytes} (240 KiB) are allowed`, 'MAX_SIZE');
  }
}

/** Scalars are depth 0; each enclosing object or array adds one level. Stops counting past the limit. */
export function nestingDepth(value: unknown): number {
  let max = 0;
  // Iterative so a hostile deeply nested value cannot overflow the stack.
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    const here = depth + 1;
    if (here > max) max = here;
    if (here > LIMITS.valueMaxDepth + 1) return here; // already too deep: no need to walk further
    for (const child of Object.values(node)) stack.push([child, here]);
  }
  return max;
}

export function checkEntityName(name: unknown, field = 'entityName'): string {
  if (typeof name !== 'string') throw badRequest(`${field} must be a string`);
  if (name.length < LIMITS.entityNameMinLength) {
    throw badRequest(
      `${field} '${name}' has ${name.length} characters; at least ${LIMITS.entityNameMinLength} are needed`,
      'ENTITY_TYPE_TOO_SHORT',
    );
  }
  if (name.length > LIMITS.entityNameMaxLength) {
    throw badRequest(
      `${field} has ${name.length} characters; at most ${LIMITS.entityNameMaxLength} are allowed`,
      'ENTITY_TYPE_TOO_LARGE',
    );
  }
  if (!ENTITY_NAME_PATTERN.test(name)) {
    throw badRequest(
      `${field} '${name}' must use a-z 0-9 : - _ . only, not start with _ . or -, not end with . and have no '..'`,
      'INVALID_ENTITY_TYPE',
    );
  }
  return name;
}

/** Transactions and batches are limited by their serialised size. */
export function checkRequestSize(body: unknown, what: string): void {
  const bytes = Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8');
  if (bytes > LIMITS.requestMaxBytes) {
    throw badRequest(`${what} is ${bytes} bytes as JSON; at most 4 MB are allowed`);
  }
}
