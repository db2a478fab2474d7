// Custom entities straight against handle(): declared types, name rules, index queries, filters, paging.
import type { EntityDefinition } from '../../local/forge/kvs';
import { errorOf, makeKvs, TICKET_SLA } from './fixtures';

const ENTITY = 'ticket-sla';
const sla = (issueKey: string, projectKey: string, breachAt: number, extra: Record<string, unknown> = {}) => ({
  issueKey,
  projectKey,
  breachAt,
  ...extra,
});

function seeded() {
  const kvs = makeKvs();
  const rows: Array<[string, Record<string, unknown>]> = [
    ['SUP-1', sla('SUP-1', 'SUP', 300, { score: 2.5, breached: false, tags: ['vip'] })],
    ['SUP-2', sla('SUP-2', 'SUP', 100, { score: -1, breached: true })],
    ['SUP-3', sla('SUP-3', 'SUP', 200, { score: 10, breached: true, tags: ['vip', 'night'] })],
    ['OPS-1', sla('OPS-1', 'OPS', 150, { score: 0 })],
    ['OPS-2', { issueKey: 'OPS-2', projectKey: 'OPS' }], // no breachAt: not in indexes ordered by it
  ];
  for (const [key, value] of rows) kvs.expectOk('entity/set', { entityName: ENTITY, key, value }, 204);
  return kvs;
}

const keysOf = (body: Record<string, unknown>) => (body.data as Array<{ key: string }>).map((d) => d.key);

describe('entity get / set / delete', () => {
  it('stores and returns an entity value; a missing one is 404 KEY_NOT_FOUND', () => {
    const kvs = makeKvs();
    const value = sla('SUP-9', 'SUP', 1, { breached: true, tags: { any: ['thing'] } });
    expect(kvs.call('entity/set', { entityName: ENTITY, key: 'SUP-9', value })).toEqual({ status: 204 });
    expect(kvs.expectOk('entity/get', { entityName: ENTITY, key: 'SUP-9' })).toMatchObject({ key: 'SUP-9', value });
    expect(kvs.call('entity/delete', { entityName: ENTITY, key: 'SUP-9' })).toEqual({ status: 204 });
    expect(errorOf(kvs.call('entity/get', { entityName: ENTITY, key: 'SUP-9' }))).toMatchObject({ status: 404, code: 'KEY_NOT_FOUND' });
    expect(errorOf(kvs.call('entity/delete', { entityName: ENTITY, key: 'SUP-9' }))).toMatchObject({ status: 404, code: 'KEY_NOT_FOUND' });
  });

  it('keeps entity keys apart from plain keys of the same name', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'SUP-1', value: 'plain' });
    kvs.call('entity/set', { entityName: ENTITY, key: 'SUP-1', value: { issueKey: 'SUP-1' } });
    expect(kvs.expectOk('get', { key: 'SUP-1' }).value).toBe('plain');
    expect(kvs.expectOk('entity/get', { entityName: ENTITY, key: 'SUP-1' }).value).toEqual({ issueKey: 'SUP-1' });
  });

  it.each([
    ['a string where an integer is declared', { breachAt: '100' }, 'value.breachAt', 'must be a 32-bit signed integer'],
    ['an integer beyond 32 bits (epoch milliseconds)', { breachAt: 1768467600000 }, 'value.breachAt', '32-bit'],
    ['a fraction where an integer is declared', { breachAt: 1.5 }, 'value.breachAt', '32-bit'],
    ['a number where a string is declared', { issueKey: 7 }, 'value.issueKey', 'must be a string'],
    ['a string where a boolean is declared', { breached: 'yes' }, 'value.breached', 'must be a boolean'],
    ['a float below 1E-130', { score: 1e-200 }, 'value.score', 'magnitude'],
    ['null for a typed attribute', { issueKey: null }, 'value.issueKey', 'got null'],
    ['an undeclared attribute', { owner: 'me' }, 'value.owner is not an attribute', 'declared: issueKey'],
  ])('rejects %s with 400 INVALID_ENTITY_VALUE naming the attribute', (_label, value, field, reason) => {
    const kvs = makeKvs();
    const error = errorOf(kvs.call('entity/set', { entityName: ENTITY, key: 'K', value }));
    expect(error).toMatchObject({ status: 400, code: 'INVALID_ENTITY_VALUE' });
    expect(error.message).toContain(field);
    expect(error.message).toContain(reason);
    expect(kvs.call('entity/get', { entityName: ENTITY, key: 'K' }).status).toBe(404);
  });

  it('rejects a value that is not an object', () => {
    const kvs = makeKvs();
    expect(errorOf(kvs.call('entity/set', { entityName: ENTITY, key: 'K', value: [1] }))).toMatchObject({
      code: 'INVALID_ENTITY_VALUE',
      message: expect.stringContaining('must be an object of attributes, got an array'),
    });
  });

  it.each([
    ['ab', 'ENTITY_TYPE_TOO_SHORT'],
    ['e'.repeat(61), 'ENTITY_TYPE_TOO_LARGE'],
    ['Ticket', 'INVALID_ENTITY_TYPE'],
    ['-ticket', 'INVALID_ENTITY_TYPE'],
    ['ticket.', 'INVALID_ENTITY_TYPE'],
    ['tick..et', 'INVALID_ENTITY_TYPE'],
  ])('rejects the entity name %j with 400 %s', (entityName, code) => {
    const kvs = makeKvs();
    expect(errorOf(kvs.call('entity/get', { entityName, key: 'K' }))).toMatchObject({ status: 400, code });
  });

  it('rejects an entity that manifest.yml does not declare, listing the declared ones', () => {
    const kvs = makeKvs();
    expect(errorOf(kvs.call('entity/set', { entityName: 'customer', key: 'K', value: {} }))).toMatchObject({
      status: 400,
      code: 'INVALID_ENTITY_TYPE',
      message: expect.stringContaining("entity 'customer' is not declared in manifest.yml app.storage.entities (declared: ticket-sla)"),
    });
  });

  it('rejects an empty entity key with EMPTY_KEY', () => {
    const kvs = makeKvs();
    expect(errorOf(kvs.call('entity/get', { entityName: ENTITY, key: '' }))).toMatchObject({ status: 400, code: 'EMPTY_KEY' });
  });
});

describe('entity queries', () => {
  it('orders a partitioned index by its range attribute and skips entities without it', () => {
    const kvs = seeded();
    const asc = kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'by-project-breach', partition: ['SUP'] });
    expect(keysOf(asc)).toEqual(['SUP-2', 'SUP-3', 'SUP-1']);
    expect(asc.cursor).toBeUndefined();
    const desc = kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'by-project-breach', partition: ['OPS'], sort: 'DESC' });
    expect(keysOf(desc)).toEqual(['OPS-1']);
  });

  it('orders floats numerically, negatives first', () => {
    const kvs = seeded();
    expect(keysOf(kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'by-score' }))).toEqual(['SUP-2', 'OPS-1', 'SUP-1', 'SUP-3']);
  });

  it('partitions by a boolean attribute', () => {
    const kvs = seeded();
    const body = kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'by-breached', partition: [true] });
    expect(keysOf(body)).toEqual(['SUP-2', 'SUP-3']);
  });

  it('queries the built-in by-key index with a key range, and a plain index named after its attribute', () => {
    const kvs = seeded();
    const byKey = kvs.expectOk('entity/query', {
      entityName: ENTITY,
      indexName: 'by-key',
      range: { condition: 'BEGINS_WITH', values: ['SUP'] },
      sort: 'DESC',
    });
    expect(keysOf(byKey)).toEqual(['SUP-3', 'SUP-2', 'SUP-1']);
    const plain = kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'issueKey', range: { condition: 'EQUAL_TO', values: ['OPS-2'] } });
    expect(keysOf(plain)).toEqual(['OPS-2']);
  });

  it.each([
    [{ condition: 'BETWEEN', values: [150, 300] }, ['SUP-3', 'SUP-1']],
    [{ condition: 'GREATER_THAN', values: [200] }, ['SUP-1']],
    [{ condition: 'GREATER_THAN_EQUAL_TO', values: [200] }, ['SUP-3', 'SUP-1']],
    [{ condition: 'LESS_THAN', values: [200] }, ['SUP-2']],
    [{ condition: 'LESS_THAN_EQUAL_TO', values: [200] }, ['SUP-2', 'SUP-3']],
    [{ condition: 'EQUAL_TO', values: [300] }, ['SUP-1']],
  ])('applies the range %j', (range, keys) => {
    const kvs = seeded();
    expect(keysOf(kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'by-project-breach', partition: ['SUP'], range }))).toEqual(keys);
  });

  it('applies and/or filters to the index order', () => {
    const kvs = seeded();
    const query = (filters: unknown) => keysOf(kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'by-key', filters }));
    expect(query({ and: [{ property: 'tags', condition: 'CONTAINS', values: ['vip'] }] })).toEqual(['SUP-1', 'SUP-3']);
    expect(query({ and: [{ property: 'breachAt', condition: 'NOT_EXISTS', values: [true] }] })).toEqual(['OPS-2']);
    expect(
      query({
        or: [
          { property: 'score', condition: 'GREATER_THAN', values: [5] },
          { property: 'issueKey', condition: 'BEGINS_WITH', values: ['OPS'] },
        ],
      }),
    ).toEqual(['OPS-1', 'OPS-2', 'SUP-3']);
    expect(query({ and: [{ property: 'projectKey', condition: 'NOT_EQUAL_TO', values: ['SUP'] }] })).toEqual(['OPS-1', 'OPS-2']);
  });

  it('fills pages after filtering and pages on with the cursor', () => {
    const kvs = seeded();
    const filters = { and: [{ property: 'projectKey', condition: 'EQUAL_TO', values: ['SUP'] }] };
    const first = kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'by-key', filters, limit: 2 });
    expect(keysOf(first)).toEqual(['SUP-1', 'SUP-2']);
    const second = kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'by-key', filters, limit: 2, cursor: first.cursor });
    expect(keysOf(second)).toEqual(['SUP-3']);
    expect(second.cursor).toBeUndefined();
  });

  it('returns the metadata asked for in options.metadataFields', () => {
    const kvs = makeKvs();
    kvs.call('entity/set', { entityName: ENTITY, key: 'K', value: { issueKey: 'K' }, options: { ttl: { value: 1, unit: 'DAYS' } } });
    const body = kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'by-key', options: { metadataFields: ['EXPIRE_TIME'] } });
    expect(body.data).toEqual([{ key: 'K', value: { issueKey: 'K' }, expireTime: '2026-01-16T09:00:00Z' }]);
  });

  it.each([
    ['an unknown index', { indexName: 'by-owner' }, 'INVALID_ENTITY_INDEX', 'indexes: by-key, issueKey, by-project-breach'],
    ['a partitioned index without partition', { indexName: 'by-project-breach' }, 'BAD_REQUEST', 'partitioned by projectKey'],
    ['a partition of the wrong type', { indexName: 'by-project-breach', partition: [5] }, 'BAD_REQUEST', 'partition[0] (attribute projectKey) must be a string'],
    ['a partition on an unpartitioned index', { indexName: 'by-score', partition: ['x'] }, 'BAD_REQUEST', 'has no partition'],
    ['limit 0', { indexName: 'by-key', limit: 0 }, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 'from 1 to 100'],
    ['limit 101', { indexName: 'by-key', limit: 101 }, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 'got 101'],
    ['an unknown sort', { indexName: 'by-key', sort: 'UP' }, 'BAD_REQUEST', 'sort must be ASC or DESC'],
    ['a range value of the wrong type', { indexName: 'by-score', range: { condition: 'GREATER_THAN', values: ['1'] } }, 'BAD_REQUEST', 'range.values[0] must be a number'],
    ['BEGINS_WITH on a number index', { indexName: 'by-score', range: { condition: 'BEGINS_WITH', values: ['1'] } }, 'BAD_REQUEST', 'BEGINS_WITH needs a string attribute'],
    ['CONTAINS as a range', { indexName: 'by-key', range: { condition: 'CONTAINS', values: ['1'] } }, 'BAD_REQUEST', 'range.condition must be one of'],
    ['BETWEEN with one value', { indexName: 'by-score', range: { condition: 'BETWEEN', values: [1] } }, 'INSUFFICIENT_FILTER_VALUES', 'needs 2 value(s)'],
    ['both and and or', { indexName: 'by-key', filters: { and: [], or: [] } }, 'INVALID_FILTER_OPERATORS_COMBINATION', 'both "and" and "or"'],
    ['an empty filter list', { indexName: 'by-key', filters: { and: [] } }, 'EMPTY_FILTER_OPERATOR', 'filters.and'],
    ['a filter on an undeclared attribute', { indexName: 'by-key', filters: { or: [{ property: 'owner', condition: 'EXISTS', values: [true] }] } }, 'BAD_REQUEST', 'filters.or[0].property "owner"'],
    ['a cursor that is not one', { indexName: 'by-key', cursor: 'bogus' }, 'BAD_REQUEST', 'not a cursor'],
  ])('rejects %s with 400 %s', (_label, query, code, text) => {
    const kvs = seeded();
    const error = errorOf(kvs.call('entity/query', { entityName: ENTITY, ...query }));
    expect(error).toMatchObject({ status: 400, code });
    expect(error.message).toContain(text);
  });

  it('rejects a cursor taken from another index or sort order', () => {
    const kvs = seeded();
    const page = kvs.expectOk('entity/query', { entityName: ENTITY, indexName: 'by-score', limit: 1 });
    const error = errorOf(kvs.call('entity/query', { entityName: ENTITY, indexName: 'by-score', sort: 'DESC', cursor: page.cursor }));
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining('ticket-sla/by-score/ASC, not ticket-sla/by-score/DESC') });
  });
});

describe('entity declarations', () => {
  const base = (over: Partial<EntityDefinition>): EntityDefinition => ({ ...TICKET_SLA, ...over });
  it.each([
    ['an index on an undeclared attribute', base({ indexes: ['owner'] }), "'owner' is not an attribute of entity 'ticket-sla'"],
    ['a second by-key index', base({ indexes: [{ name: 'by-key', range: ['issueKey'] }] }), "index name 'by-key' is reserved"],
    ['an unknown attribute type', base({ attributes: { issueKey: { type: 'date' } } }), 'attributes.issueKey.type must be one of'],
    ['an index ranging over two attributes', base({ indexes: [{ name: 'two', range: ['issueKey', 'projectKey'] }] }), 'range must name exactly one attribute'],
    ['a bad entity name', base({ name: 'Bad Name' }), "app.storage.entities[0].name 'Bad Name'"],
  ])('refuse to start with %s', (_label, definition, message) => {
    expect(() => makeKvs([definition])).toThrow(message);
  });

  it('refuse an entity declared twice', () => {
    expect(() => makeKvs([TICKET_SLA, TICKET_SLA])).toThrow("entity 'ticket-sla' is declared twice");
  });
});
