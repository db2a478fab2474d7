// Conditions of entity queries (index range, filters) and of transaction operations: their checked
// form and their meaning. A missing attribute only satisfies NOT_EXISTS, NOT_EQUAL_TO and NOT_CONTAINS,
// so a condition on an entity that does not exist behaves as on one with no attributes.
import { badRequest } from './errors';
import type { EntitySchema } from './entities';
import { isRecord } from './requests';

export const RANGE_CONDITIONS = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
] as const;
export const FILTER_CONDITIONS = [
  ...RANGE_CONDITIONS,
  'CONTAINS',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
] as const;

export type RangeConditionName = (typeof RANGE_CONDITIONS)[number];
export type ConditionName = (typeof FILTER_CONDITIONS)[number];
export type Scalar = string | number | boolean;

export interface Condition<N extends ConditionName = ConditionName> {
  condition: N;
  values: Scalar[];
}
export interface PropertyCondition extends Condition {
  property: string;
}
export interface FilterGroup {
  operator: 'and' | 'or';
  items: PropertyCondition[];
}

const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Checks one `{condition, values}`; `allowed` tells an index range (7 conditions) from a filter (12). */
export function parseCondition<N extends ConditionName>(raw: unknown, field: string, allowed: readonly N[]): Condition<N> {
  if (!isRecord(raw)) throw badRequest(`${field} must be an object {condition, values}`);
  const name = raw.condition;
  if (typeof name !== 'string' || !(allowed as readonly string[]).includes(name)) {
    throw badRequest(`${field}.condition must be one of ${allowed.join(', ')}, got ${JSON.stringify(name)}`);
  }
  const condition = name as N;
  const values = raw.values;
  if (!Array.isArray(values)) throw badRequest(`${field}.values must be an array`);
  if (condition === 'EXISTS' || condition === 'NOT_EXISTS') return { condition, values: [true] };
  const wanted = condition === 'BETWEEN' ? 2 : 1;
  if (values.length < wanted) {
    throw badRequest(`${field}: ${condition} needs ${wanted} value(s), got ${values.length}`, 'INSUFFICIENT_FILTER_VALUES');
  }
  if (values.length > wanted) throw badRequest(`${field}: ${condition} takes ${wanted} value(s), got ${values.length}`);
  for (const [i, v] of values.entries()) {
    if (!isScalar(v) || (typeof v === 'number' && !Number.isFinite(v))) {
      throw badRequest(`${field}.values[${i}] must be a string, number or boolean`);
    }
    const wantsOrderable = condition !== 'EQUAL_TO' && condition !== 'NOT_EQUAL_TO';
    if (wantsOrderable && typeof v === 'boolean') throw badRequest(`${field}.values[${i}]: ${condition} takes a string or number`);
  }
  if (condition === 'BETWEEN' && typeof values[0] !== typeof values[1]) {
    throw badRequest(`${field}: BETWEEN needs two values of the same type`);
  }
  return { condition, values: values as Scalar[] };
}

/** Checks `{and: [...]}` or `{or: [...]}` whose properties are attributes of the entity. */
export function parseFilterGroup(raw: unknown, field: string, schema: EntitySchema): FilterGroup {
  if (!isRecord(raw)) throw badRequest(`${field} must be an object {and: [...]} or {or: [...]}`);
  const hasAnd = raw.and !== undefined;
  const hasOr = raw.or !== undefined;
  if (hasAnd && hasOr) {
    throw badRequest(`${field} has both "and" and "or"; use one at a level`, 'INVALID_FILTER_OPERATORS_COMBINATION');
  }
  const operator = hasOr ? 'or' : 'and';
  const list = raw[operator];
  if (!Array.isArray(list) || list.length === 0) {
    throw badRequest(`${field}.${operator} must be a non-empty array of conditions`, 'EMPTY_FILTER_OPERATOR');
  }
  const items = list.map((item, i): PropertyCondition => {
    const path = `${field}.${operator}[${i}]`;
    const property = isRecord(item) ? item.property : undefined;
    if (typeof property !== 'string' || !schema.attributes.has(property)) {
      throw badRequest(
        `${path}.property ${JSON.stringify(property)} is not an attribute of entity '${schema.name}' (declared: ${[...schema.attributes.keys()].join(', ')})`,
      );
    }
    return { property, ...parseCondition(item, path, FILTER_CONDITIONS) };
  });
  return { operator, items };
}

export function matchesGroup(value: Record<string, unknown> | undefined, group: FilterGroup): boolean {
  const test = (c: PropertyCondition) => matchesCondition(value?.[c.property], c);
  return group.operator === 'and' ? group.items.every(test) : group.items.some(test);
}

/** Whether an attribute value (undefined when absent) satisfies a condition. */
export function matchesCondition(actual: unknown, { condition, values }: Condition): boolean {
  const [a, b] = values;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual === a;
    case 'NOT_EQUAL_TO':
      return actual !== a;
    case 'CONTAINS':
      return contains(actual, a);
    case 'NOT_CONTAINS':
      return actual === undefined || !contains(actual, a);
    case 'BEGINS_WITH':
      return typeof actual === 'string' && a !== undefined && actual.startsWith(String(a));
    case 'BETWEEN':
      return compare(actual, a) >= 0 && compare(actual, b) <= 0 && comparable(actual, a);
    case 'GREATER_THAN':
      return comparable(actual, a) && compare(actual, a) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return comparable(actual, a) && compare(actual, a) >= 0;
    case 'LESS_THAN':
      return comparable(actual, a) && compare(actual, a) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return comparable(actual, a) && compare(actual, a) <= 0;
  }
}

function contains(actual: unknown, needle: Scalar | undefined): boolean {
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  if (Array.isArray(actual)) return actual.some((element) => element === needle);
  return false;
}

const comparable = (x: unknown, y: unknown) =>
  (typeof x === 'number' && typeof y === 'number') || (typeof x === 'string' && typeof y === 'string');

/** Numbers numerically, strings by code point (= UTF-8 bytes, SQLite's BINARY order); NaN when unlike. */
function compare(x: unknown, y: unknown): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return compareStrings(x, y);
  return Number.NaN;
}

/** Code point order of two strings (JS `<` compares UTF-16 units, which differs above U+D7FF). */
export function compareStrings(x: string, y: string): number {
  if (x === y) return 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(i);
    if (cx !== cy) return codePointRank(cx) - codePointRank(cy);
  }
  return x.length - y.length;
}

// Surrogates (U+D800..DFFF) encode code points above U+FFFF, so they rank after U+E000..FFFF.
const codePointRank = (unit: number) => (unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800);
