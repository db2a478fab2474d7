// Transactions and batch operations straight against handle().
import { errorOf, makeKvs } from './fixtures';

const ENTITY = 'ticket-sla';
const exists = (property: string) => ({ and: [{ property, condition: 'EXISTS', values: [true] }] });

function withTicket() {
  const kvs = makeKvs();
  kvs.expectOk('entity/set', { entityName: ENTITY, key: 'SUP-1', value: { issueKey: 'SUP-1', breachAt: 100 } }, 204);
  kvs.expectOk('set', { key: 'counter', value: 1 }, 204);
  return kvs;
}

const stored = (kvs: ReturnType<typeof makeKvs>) =>
  kvs.db.prepare(`SELECT space, entity, key, value FROM kvs_items ORDER BY space, entity, key`).all();

describe('transactions', () => {
  it('applies sets and deletes of plain keys and entities together, answering 204', () => {
    const kvs = withTicket();
    const reply = kvs.call('transaction', {
      set: [
        { key: 'counter', value: 2 },
        { key: 'SUP-2', value: { issueKey: 'SUP-2' }, entityName: ENTITY, options: { ttl: { value: 1, unit: 'HOURS' } } },
      ],
      delete: [{ key: 'SUP-1', entityName: ENTITY }, { key: 'never-existed' }],
    });
    expect(reply).toEqual({ status: 204 });
    expect(kvs.expectOk('get', { key: 'counter' }).value).toBe(2);
    expect(kvs.call('entity/get', { entityName: ENTITY, key: 'SUP-1' }).status).toBe(404);
    expect(kvs.expectOk('entity/get', { entityName: ENTITY, key: 'SUP-2', options: { metadataFields: ['EXPIRE_TIME'] } })).toMatchObject({
      expireTime: '2026-01-15T10:00:00Z',
    });
  });

  it('writes when every condition and check holds', () => {
    const kvs = withTicket();
    const reply = kvs.call('transaction', {
      set: [{ key: 'SUP-1', entityName: ENTITY, value: { issueKey: 'SUP-1', breachAt: 50 }, conditions: { and: [{ property: 'breachAt', condition: 'GREATER_THAN', values: [60] }] } }],
      check: [{ key: 'SUP-9', entityName: ENTITY, conditions: { and: [{ property: 'issueKey', condition: 'NOT_EXISTS', values: [true] }] } }],
    });
    expect(reply.status).toBe(204);
    expect(kvs.expectOk('entity/get', { entityName: ENTITY, key: 'SUP-1' }).value).toEqual({ issueKey: 'SUP-1', breachAt: 50 });
  });

  it.each([
    ['a set whose condition is false', { set: [{ key: 'SUP-1', entityName: ENTITY, value: { issueKey: 'x' }, conditions: exists('score') }] }, 'set of ticket-sla/SUP-1 (conditions not met)'],
    ['a delete whose entity does not exist', { delete: [{ key: 'SUP-7', entityName: ENTITY, conditions: exists('issueKey') }] }, 'delete of ticket-sla/SUP-7 (entity does not exist)'],
    ['a failing check', { check: [{ key: 'SUP-1', entityName: ENTITY, conditions: { or: [{ property: 'breachAt', condition: 'LESS_THAN', values: [100] }] } }] }, 'check of ticket-sla/SUP-1'],
  ])('rejects the whole transaction with 409 and writes nothing for %s', (_label, failing, message) => {
    const kvs = withTicket();
    const before = stored(kvs);
    const error = errorOf(
      kvs.call('transaction', {
        set: [{ key: 'counter', value: 99 }, ...((failing as { set?: unknown[] }).set ?? [])],
        delete: (failing as { delete?: unknown[] }).delete,
        check: (failing as { check?: unknown[] }).check,
      }),
    );
    expect(error).toMatchObject({ status: 409, code: 'CONDITION_CHECK_FAILED' });
    expect(error.message).toContain(message);
    expect(stored(kvs)).toEqual(before);
  });

  it('names every failed operation in the error body', () => {
    const kvs = withTicket();
    const reply = kvs.call('transaction', {
      check: [
        { key: 'SUP-1', entityName: ENTITY, conditions: exists('score') },
        { key: 'SUP-2', entityName: ENTITY, conditions: exists('issueKey') },
      ],
    });
    expect((reply.body as { failedOperations: unknown }).failedOperations).toEqual([
      { operation: 'check', entityName: ENTITY, key: 'SUP-1', reason: 'conditions not met' },
      { operation: 'check', entityName: ENTITY, key: 'SUP-2', reason: 'entity does not exist' },
    ]);
  });

  it('accepts 25 operations and rejects 26', () => {
    const kvs = makeKvs();
    const sets = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: i }));
    expect(kvs.call('transaction', { set: sets(20), delete: [{ key: 'x1' }, { key: 'x2' }], check: [] }).status).toBe(204);
    const error = errorOf(kvs.call('transaction', { set: sets(25), delete: [{ key: 'y' }] }));
    expect(error).toMatchObject({ status: 400, message: 'transaction has 26 operations; at most 25 are allowed' });
  });

  it.each([
    ['a key used twice', { set: [{ key: 'a', value: 1 }], delete: [{ key: 'a' }] }, 'delete[0] uses the key of set[0] again'],
    ['no operation', {}, 'transaction has no operations'],
    ['conditions on a plain key', { set: [{ key: 'a', value: 1, conditions: exists('x') }] }, 'set[0].conditions need an entityName'],
    ['a check without conditions', { check: [{ key: 'a', entityName: ENTITY }] }, 'check[0].conditions are required'],
    ['a check without entity', { check: [{ key: 'a', conditions: exists('x') }] }, 'check[0].entityName is required'],
    ['an invalid value in one set', { set: [{ key: 'a', value: 1 }, { key: 'b', entityName: ENTITY, value: { breachAt: 'soon' } }] }, 'set[1].value.breachAt'],
    ['an invalid key', { set: [{ key: 'ok', value: 1 }], delete: [{ key: 'bad/key' }] }, "delete[0].key 'bad/key'"],
    ['a condition on an undeclared attribute', { check: [{ key: 'a', entityName: ENTITY, conditions: exists('owner') }] }, 'check[0].conditions.and[0].property "owner"'],
  ])('rejects %s with 400 before writing anything', (_label, body, message) => {
    const kvs = withTicket();
    const before = stored(kvs);
    const error = errorOf(kvs.call('transaction', body));
    expect(error.status).toBe(400);
    expect(error.message).toContain(message);
    expect(stored(kvs)).toEqual(before);
  });

  it('lets the same key appear once as a plain key and once as an entity', () => {
    const kvs = makeKvs();
    expect(kvs.call('transaction', { set: [{ key: 'a', value: 1 }, { key: 'a', entityName: ENTITY, value: {} }] }).status).toBe(204);
  });
});

describe('batch operations', () => {
  it('batch set writes the valid items and reports each invalid one with its code', () => {
    const kvs = makeKvs();
    const body = kvs.expectOk('batch/set', [
      { key: 'a', value: 1 },
      { key: 'SUP-1', entityName: ENTITY, value: { issueKey: 'SUP-1' }, options: { ttl: { value: 5, unit: 'MINUTES' } } },
      { key: 'SUP-2', entityName: ENTITY, value: { issueKey: 2 } },
      { key: 'bad key!', value: 1 },
    ]);
    expect(body.successfulKeys).toEqual([{ key: 'a' }, { key: 'SUP-1', entityName: ENTITY }]);
    expect(body.failedKeys).toEqual([
      { key: 'SUP-2', entityName: ENTITY, error: { code: 'INVALID_ENTITY_VALUE', message: expect.stringContaining('[2].value.issueKey') } },
      { key: 'bad key!', error: { code: 'INVALID_KEY', message: expect.stringContaining('[3].key') } },
    ]);
    expect(kvs.expectOk('entity/get', { entityName: ENTITY, key: 'SUP-1' }).value).toEqual({ issueKey: 'SUP-1' });
  });

  it('batch get returns found items with their metadata and reports missing ones as KEY_NOT_FOUND', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'a', value: 'A' });
    kvs.call('entity/set', { entityName: ENTITY, key: 'SUP-1', value: { issueKey: 'SUP-1' } });
    const body = kvs.expectOk('batch/get', [
      { key: 'a', options: { metadataFields: ['CREATED_AT'] } },
      { key: 'SUP-1', entityName: ENTITY },
      { key: 'missing' },
    ]);
    expect(body.successfulKeys).toEqual([
      { key: 'a', value: 'A', createdAt: kvs.clock.now / 1000 },
      { key: 'SUP-1', entityName: ENTITY, value: { issueKey: 'SUP-1' } },
    ]);
    expect(body.failedKeys).toEqual([{ key: 'missing', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }]);
  });

  it('batch delete removes what exists and reports the rest as KEY_NOT_FOUND', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'a', value: 1 });
    const body = kvs.expectOk('batch/delete', [{ key: 'a' }, { key: 'SUP-1', entityName: ENTITY }]);
    expect(body).toEqual({
      successfulKeys: [{ key: 'a' }],
      failedKeys: [{ key: 'SUP-1', entityName: ENTITY, error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }],
    });
    expect(kvs.call('get', { key: 'a' }).status).toBe(404);
  });

  it.each([
    ['26 items', Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i })), 'batch set has 26 items; at most 25 are allowed'],
    ['no items', [], 'batch set needs at least one item'],
    ['an object body', { key: 'a', value: 1 }, 'batch set body must be an array'],
    ['a repeated key', [{ key: 'a', value: 1 }, { key: 'a', value: 2 }], '[1] repeats the key of [0]'],
  ])('rejects a batch with %s', (_label, body, message) => {
    const kvs = makeKvs();
    expect(errorOf(kvs.call('batch/set', body))).toMatchObject({ status: 400, code: 'BAD_REQUEST', message: expect.stringContaining(message) });
    expect(kvs.call('get', { key: 'a' }).status).toBe(404);
  });
});
