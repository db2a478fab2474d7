// Query order, cursors and conditions of the local KVS compared with a plain in-test model: paging
// through a query with any page size must return exactly the model's items, each once, in order.
import fc from 'fast-check';
import type { EntityDefinition } from '../../local/forge/kvs';
import { makeKvs, type TestKvs } from './fixtures';

const ENTITY: EntityDefinition = {
  name: 'prop-item',
  attributes: {
    group: { type: 'string' },
    rank: { type: 'integer' },
    score: { type: 'float' },
    label: { type: 'string' },
    flag: { type: 'boolean' },
    tags: { type: 'any' },
  },
  indexes: ['rank', { name: 'by-group-label', range: ['label'], partition: ['group'] }, { name: 'by-flag-score', range: ['score'], partition: ['flag'] }],
};

type Attr = 'group' | 'rank' | 'score' | 'label' | 'flag' | 'tags';
type Value = Partial<Record<Attr, unknown>>;
interface Item {
  key: string;
  value: Value;
  ttlSeconds: number | null;
}
type Scalar = string | number | boolean;
interface Cond {
  condition: string;
  values: Scalar[];
}
interface Query {
  index: 'by-key' | 'rank' | 'by-group-label' | 'by-flag-score';
  partition: Scalar[];
  sort: 'ASC' | 'DESC';
  range?: Cond;
  filters?: { op: 'and' | 'or'; items: Array<Cond & { property: Attr }> };
}

// ---- the model ---------------------------------------------------------------------------------

const utf8 = (s: string) => Buffer.from(s, 'utf8');
function modelCompare(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Buffer.compare(utf8(String(a)), utf8(String(b)));
}
const sameType = (a: unknown, b: unknown) => typeof a === typeof b && (typeof a === 'number' || typeof a === 'string');

function modelMatch(actual: unknown, { condition, values }: Cond): boolean {
  const [v0, v1] = values as [Scalar, Scalar];
  const contains = () =>
    (typeof actual === 'string' && typeof v0 === 'string' && actual.indexOf(v0) >= 0) || (Array.isArray(actual) && actual.includes(v0));
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual === v0;
    case 'NOT_EQUAL_TO':
      return actual !== v0;
    case 'CONTAINS':
      return contains();
    case 'NOT_CONTAINS':
      return !contains();
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.slice(0, String(v0).length) === String(v0);
    case 'BETWEEN':
      return sameType(actual, v0) && modelCompare(actual as Scalar, v0) >= 0 && modelCompare(actual as Scalar, v1) <= 0;
    case 'GREATER_THAN':
      return sameType(actual, v0) && modelCompare(actual as Scalar, v0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return sameType(actual, v0) && modelCompare(actual as Scalar, v0) >= 0;
    case 'LESS_THAN':
      return sameType(actual, v0) && modelCompare(actual as Scalar, v0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return sameType(actual, v0) && modelCompare(actual as Scalar, v0) <= 0;
  }
  throw new Error(`model has no condition ${condition}`);
}

const INDEX_SHAPE: Record<Query['index'], { range: Attr | 'key'; partition?: Attr }> = {
  'by-key': { range: 'key' },
  rank: { range: 'rank' },
  'by-group-label': { range: 'label', partition: 'group' },
  'by-flag-score': { range: 'score', partition: 'flag' },
};

function modelQuery(items: Item[], elapsedSeconds: number, q: Query): string[] {
  const shape = INDEX_SHAPE[q.index];
  const rangeOf = (item: Item) => (shape.range === 'key' ? item.key : item.value[shape.range]) as Scalar | undefined;
  const hits = items.filter((item) => {
    if (item.ttlSeconds !== null && item.ttlSeconds <= elapsedSeconds) return false;
    if (rangeOf(item) === undefined) return false;
    if (shape.partition && item.value[shape.partition] !== q.partition[0]) return false;
    if (q.range && !modelMatch(rangeOf(item), q.range)) return false;
    if (q.filters) {
      const test = (c: Cond & { property: Attr }) => modelMatch(item.value[c.property], c);
      if (!(q.filters.op === 'and' ? q.filters.items.every(test) : q.filters.items.some(test))) return false;
    }
    return true;
  });
  hits.sort((a, b) => modelCompare(rangeOf(a) as Scalar, rangeOf(b) as Scalar) || Buffer.compare(utf8(a.key), utf8(b.key)));
  if (q.sort === 'DESC') hits.reverse();
  return hits.map((item) => item.key);
}

// ---- generators --------------------------------------------------------------------------------

const keyArb = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '0', '1', ':', '-', '_', '#'), minLength: 1, maxLength: 4 });
// Letters whose UTF-16 order differs from their UTF-8 byte order (U+FFFD vs an emoji's surrogates).
const labelArb = fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'é', 'z', '\uFFFD', '😀'), maxLength: 3 });
const groupArb = fc.constantFrom('g1', 'g2');
const rankArb = fc.integer({ min: -3, max: 3 });
const scoreArb = fc.constantFrom(-2.5, -1, 0, 1e-100, 0.5, 1, 1.5, 3, 7.25);
const tagsArb = fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 2 });

const valueArb: fc.Arbitrary<Value> = fc.record(
  { group: groupArb, rank: rankArb, score: scoreArb, label: labelArb, flag: fc.boolean(), tags: tagsArb },
  { requiredKeys: [] },
);

const itemsArb = fc.uniqueArray(keyArb, { maxLength: 45 }).chain((keys) =>
  fc.tuple(...keys.map((key) => fc.record({ key: fc.constant(key), value: valueArb, ttlSeconds: fc.option(fc.integer({ min: 1, max: 3 })) }))),
);

const scalarFor = (attr: Attr | 'key'): fc.Arbitrary<Scalar> => {
  switch (attr) {
    case 'key':
      return keyArb;
    case 'label':
      return labelArb;
    case 'group':
      return groupArb;
    case 'rank':
      return rankArb;
    case 'score':
      return scoreArb;
    case 'flag':
      return fc.boolean();
    case 'tags':
      return fc.constantFrom('x', 'y');
  }
};

const rangeArb = (attr: Attr | 'key'): fc.Arbitrary<Cond> => {
  const v = scalarFor(attr);
  const ops = ['EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO'];
  const single = fc.record({ condition: fc.constantFrom(...ops), values: v.map((x) => [x]) });
  const between = fc.record({ condition: fc.constant('BETWEEN'), values: fc.tuple(v, v) });
  const strings = attr === 'key' || attr === 'label';
  return strings ? fc.oneof(single, between, fc.record({ condition: fc.constant('BEGINS_WITH'), values: v.map((x) => [x]) })) : fc.oneof(single, between);
};

const ATTRS: Attr[] = ['group', 'rank', 'score', 'label', 'flag', 'tags'];
const filterArb: fc.Arbitrary<Cond & { property: Attr }> = fc.constantFrom(...ATTRS).chain((property) => {
  const v = scalarFor(property);
  const orderable = property === 'flag' || property === 'tags' ? [] : ['GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO'];
  const conds: Array<fc.Arbitrary<Cond>> = [
    fc.record({ condition: fc.constantFrom('EQUAL_TO', 'NOT_EQUAL_TO'), values: v.map((x) => [x]) }),
    fc.record({ condition: fc.constantFrom('EXISTS', 'NOT_EXISTS'), values: fc.constant([true]) }),
    fc.record({ condition: fc.constantFrom('CONTAINS', 'NOT_CONTAINS'), values: fc.constantFrom('x', 'a', 'é', 'g').map((x) => [x]) }),
  ];
  if (orderable.length > 0) {
    conds.push(fc.record({ condition: fc.constantFrom(...orderable, 'BEGINS_WITH'), values: v.map((x) => [x]) }));
    conds.push(fc.record({ condition: fc.constant('BETWEEN'), values: fc.tuple(v, v).map((pair): Scalar[] => pair) }));
  }
  return fc.oneof(...conds).map((c) => ({ ...c, property }));
});

const queryArb: fc.Arbitrary<Query> = fc.constantFrom<Query['index']>('by-key', 'rank', 'by-group-label', 'by-flag-score').chain((index) => {
  const shape = INDEX_SHAPE[index];
  return fc.record(
    {
      index: fc.constant(index),
      partition: shape.partition ? scalarFor(shape.partition).map((p) => [p]) : fc.constant([]),
      sort: fc.constantFrom<Query['sort']>('ASC', 'DESC'),
      range: rangeArb(shape.range),
      filters: fc.record({ op: fc.constantFrom<'and' | 'or'>('and', 'or'), items: fc.array(filterArb, { minLength: 1, maxLength: 3 }) }),
    },
    { requiredKeys: ['index', 'partition', 'sort'] },
  );
});

// ---- driving the service -----------------------------------------------------------------------

function load(items: Item[], elapsedSeconds: number): TestKvs {
  const kvs = makeKvs([ENTITY]);
  for (const item of items) {
    const options = item.ttlSeconds === null ? undefined : { ttl: { value: item.ttlSeconds, unit: 'SECONDS' } };
    kvs.expectOk('entity/set', { entityName: ENTITY.name, key: item.key, value: item.value, options }, 204);
    // The same items as plain keys, for the key-prefix query.
    kvs.expectOk('set', { key: item.key, value: item.value, options }, 204);
  }
  kvs.clock.now += elapsedSeconds * 1000;
  return kvs;
}

/** Pages through a query; checks every page but the last is full and carries a cursor. */
function pageThrough(kvs: TestKvs, op: string, request: Record<string, unknown>, limit: number, cursorField: string): string[] {
  const keys: string[] = [];
  let cursor: unknown;
  for (let pages = 0; pages < 1000; pages++) {
    const body = kvs.expectOk(op, { ...request, limit, ...(cursor === undefined ? {} : { [cursorField]: cursor }) });
    const data = body.data as Array<{ key: string }>;
    cursor = body.cursor;
    keys.push(...data.map((d) => d.key));
    if (cursor === undefined) return keys;
    expect(data).toHaveLength(limit);
  }
  throw new Error('paging did not end');
}

const entityRequest = (q: Query) => ({
  entityName: ENTITY.name,
  indexName: q.index,
  ...(q.partition.length > 0 ? { partition: q.partition } : {}),
  sort: q.sort,
  ...(q.range ? { range: q.range } : {}),
  ...(q.filters ? { filters: { [q.filters.op]: q.filters.items } } : {}),
});

describe('entity queries against the model', () => {
  it('return exactly the model items in order, whatever the page size', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 0, max: 4 }), queryArb, fc.integer({ min: 1, max: 100 }), (items, elapsed, query, limit) => {
        const kvs = load(items, elapsed);
        expect(pageThrough(kvs, 'entity/query', entityRequest(query), limit, 'cursor')).toEqual(modelQuery(items, elapsed, query));
      }),
      { numRuns: 300 },
    );
  });

  it('page through a fixed set of 150 entities with every page size from 1 to 100, each item once', () => {
    const items: Item[] = Array.from({ length: 150 }, (_, i) => ({
      key: `k${String((i * 37) % 150).padStart(3, '0')}`,
      value: { group: i % 2 ? 'g1' : 'g2', rank: (i * 7) % 5, label: ['b', 'a', 'é', '😀', '\uFFFD'][i % 5] as string, score: ((i % 9) - 4) / 2, flag: i % 3 === 0 },
      ttlSeconds: i % 10 === 0 ? 1 : null,
    }));
    const kvs = load(items, 2);
    const queries: Query[] = [
      { index: 'by-key', partition: [], sort: 'ASC' },
      { index: 'rank', partition: [], sort: 'DESC' },
      { index: 'by-group-label', partition: ['g1'], sort: 'ASC' },
      { index: 'by-flag-score', partition: [false], sort: 'DESC', filters: { op: 'or', items: [{ property: 'rank', condition: 'LESS_THAN', values: [2] }] } },
    ];
    for (const query of queries) {
      const expected = modelQuery(items, 2, query);
      expect(new Set(expected).size).toBe(expected.length);
      for (let limit = 1; limit <= 100; limit++) {
        expect(pageThrough(kvs, 'entity/query', entityRequest(query), limit, 'cursor')).toEqual(expected);
      }
    }
  });
});

describe('key queries against the model', () => {
  it('list live plain keys with a prefix in key byte order, whatever the page size', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 0, max: 4 }), fc.option(keyArb.map((k) => k.slice(0, 2))), fc.integer({ min: 1, max: 100 }), (items, elapsed, prefix, limit) => {
        const kvs = load(items, elapsed);
        const where = prefix === null ? {} : { where: [{ property: 'key', condition: 'BEGINS_WITH', values: [prefix] }] };
        const expected = items
          .filter((i) => (i.ttlSeconds === null || i.ttlSeconds > elapsed) && (prefix === null || i.key.startsWith(prefix)))
          .map((i) => i.key)
          .sort((a, b) => Buffer.compare(utf8(a), utf8(b)));
        expect(pageThrough(kvs, 'query', where, limit, 'after')).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('transaction conditions against the model', () => {
  it('a check passes exactly when the model says its conditions hold', () => {
    fc.assert(
      fc.property(fc.option(valueArb), fc.constantFrom<'and' | 'or'>('and', 'or'), fc.array(filterArb, { minLength: 1, maxLength: 3 }), (value, op, conds) => {
        const kvs = makeKvs([ENTITY]);
        if (value !== null) kvs.expectOk('entity/set', { entityName: ENTITY.name, key: 'k', value }, 204);
        const reply = kvs.call('transaction', {
          set: [{ key: 'marker', value: 1 }],
          check: [{ key: 'k', entityName: ENTITY.name, conditions: { [op]: conds } }],
        });
        const test = (c: Cond & { property: Attr }) => modelMatch(value?.[c.property], c);
        const holds = op === 'and' ? conds.every(test) : conds.some(test);
        expect(reply.status).toBe(holds ? 204 : 409);
        expect(kvs.call('get', { key: 'marker' }).status).toBe(holds ? 200 : 404);
      }),
      { numRuns: 300 },
    );
  });
});
