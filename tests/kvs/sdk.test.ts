// The real @forge/kvs client, unmodified, against the local KVS service.
import { inForge } from './harness';

type Sla = { issueKey?: string; projectKey?: string; breachAt?: number; score?: number; breached?: boolean; tags?: unknown };
const ENTITY = 'ticket-sla';

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; status: number; name: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; message: string; name: string; responseDetails: { status: number } };
    return { code: e.code, message: e.message, name: e.name, status: e.responseDetails.status };
  }
  throw new Error('expected the call to fail');
}

describe('@forge/kvs against the local service', () => {
  it('sends every call as {type: kvs} to /api/v1/*', inForge(async ({ sdk, calls }) => {
    await sdk.kvs.set('a', 1);
    expect(calls).toEqual([{ target: { type: 'kvs', provider: 'app', remote: 'kvs' }, path: '/api/v1/set' }]);
  }));

  it('sets, gets and deletes; a missing key reads as undefined and deletes quietly', inForge(async ({ sdk }) => {
    await sdk.kvs.set('sweep:state', { lastRunAt: 5, runs: 1 });
    expect(await sdk.kvs.get('sweep:state')).toEqual({ lastRunAt: 5, runs: 1 });
    await sdk.kvs.delete('sweep:state');
    expect(await sdk.kvs.get('sweep:state')).toBeUndefined();
    await expect(sdk.kvs.delete('sweep:state')).resolves.toBeUndefined();
  }));

  it('returns metadata when asked', inForge(async ({ sdk, clock }) => {
    await sdk.kvs.set('a', 'x', { ttl: { value: 10, unit: 'MINUTES' } });
    const { CREATED_AT, UPDATED_AT, EXPIRE_TIME } = sdk.MetadataField;
    expect(await sdk.kvs.get('a', { metadataFields: [CREATED_AT, UPDATED_AT, EXPIRE_TIME] })).toEqual({
      key: 'a',
      value: 'x',
      createdAt: clock.now / 1000,
      updatedAt: clock.now / 1000,
      expireTime: '2026-01-15T09:10:00Z',
    });
  }));

  it('honours returnValue and keyPolicy', inForge(async ({ sdk }) => {
    const previous = { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' } as const;
    expect(await sdk.kvs.set('a', 1, previous)).toBeUndefined();
    expect(await sdk.kvs.set('a', 2, previous)).toEqual({ key: 'a', value: 1 });
    expect(await sdk.kvs.set('a', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({ key: 'a', value: 3 });
    expect(await rejection(sdk.kvs.set('a', 4, { keyPolicy: 'FAIL_IF_EXISTS' }))).toMatchObject({
      name: 'ForgeKvsError',
      code: 'KEY_CONFLICT',
      status: 409,
    });
    expect(await sdk.kvs.get('a')).toBe(3);
  }));

  it('expires values by TTL', inForge(async ({ sdk, clock }) => {
    await sdk.kvs.set('lease', 'me', { ttl: { value: 30, unit: 'SECONDS' } });
    clock.now += 30_000;
    expect(await sdk.kvs.get('lease')).toBeUndefined();
  }));

  it('pages through a key-prefix query with cursors; getOne takes the first', inForge(async ({ sdk }) => {
    for (const key of ['job:3', 'job:1', 'other', 'job:2']) await sdk.kvs.set(key, key);
    const first = await sdk.kvs.query().where('key', sdk.WhereConditions.beginsWith('job:')).limit(2).getMany();
    expect(first.results.map((r) => r.key)).toEqual(['job:1', 'job:2']);
    const rest = await sdk.kvs
      .query()
      .where('key', sdk.WhereConditions.beginsWith('job:'))
      .limit(2)
      .cursor(first.nextCursor as string)
      .getMany();
    expect(rest).toEqual({ results: [{ key: 'job:3', value: 'job:3' }], nextCursor: undefined });
    expect(await sdk.kvs.query().getOne()).toEqual({ key: 'job:1', value: 'job:1' });
  }));

  it('keeps secrets apart', inForge(async ({ sdk }) => {
    await sdk.kvs.setSecret('token', 'hidden');
    expect(await sdk.kvs.get('token')).toBeUndefined();
    expect(await sdk.kvs.getSecret('token')).toBe('hidden');
    await sdk.kvs.deleteSecret('token');
    expect(await sdk.kvs.getSecret('token')).toBeUndefined();
  }));

  it('stores custom entities and queries an index with partition, range, filters, sort, limit and cursor', inForge(async ({ sdk }) => {
    const tickets = sdk.kvs.entity<Sla>(ENTITY);
    for (const [key, breachAt, breached] of [['SUP-1', 300, false], ['SUP-2', 100, true], ['SUP-3', 200, true], ['OPS-1', 150, true]] as const) {
      await tickets.set(key, { issueKey: key, projectKey: key.split('-')[0], breachAt, breached });
    }
    expect(await tickets.get('SUP-2')).toEqual({ issueKey: 'SUP-2', projectKey: 'SUP', breachAt: 100, breached: true });

    const query = () =>
      tickets
        .query()
        .index('by-project-breach', { partition: ['SUP'] })
        .where(sdk.WhereConditions.lessThanEqualTo(300))
        .filters(new sdk.Filter<Sla>().and('breached', sdk.FilterConditions.equalTo(true)))
        .sort(sdk.Sort.DESC)
        .limit(1);
    const first = await query().getMany();
    expect(first.results).toEqual([{ key: 'SUP-3', value: { issueKey: 'SUP-3', projectKey: 'SUP', breachAt: 200, breached: true } }]);
    const second = await query().cursor(first.nextCursor as string).getMany();
    expect(second.results.map((r) => r.key)).toEqual(['SUP-2']);
    expect(second.nextCursor).toBeUndefined();

    const byKey = await tickets.query().index('by-key').where(sdk.WhereConditions.beginsWith('OPS')).getOne();
    expect(byKey?.key).toBe('OPS-1');
    await tickets.delete('OPS-1');
    expect(await tickets.get('OPS-1')).toBeUndefined();
  }));

  it('rejects an entity value that breaks its declaration, naming the attribute', inForge(async ({ sdk }) => {
    const error = await rejection(sdk.kvs.entity<Sla>(ENTITY).set('SUP-1', { issueKey: 'SUP-1', breachAt: Date.UTC(2026, 0, 1) }));
    expect(error).toMatchObject({ code: 'INVALID_ENTITY_VALUE', status: 400 });
    expect(error.message).toContain('value.breachAt');
  }));

  it('rejects a query page over 100', inForge(async ({ sdk }) => {
    const error = await rejection(sdk.kvs.entity(ENTITY).query().index('by-key').limit(101).getMany());
    expect(error).toMatchObject({ code: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', status: 400 });
  }));

  it('commits a transaction with conditions, and rejects one whose check fails without writing', inForge(async ({ sdk }) => {
    const tickets = sdk.kvs.entity<Sla>(ENTITY);
    await tickets.set('SUP-1', { issueKey: 'SUP-1', breachAt: 100 });
    await sdk.kvs
      .transact()
      .set<Sla>('SUP-1', { issueKey: 'SUP-1', breachAt: 90 }, {
        entityName: ENTITY,
        conditions: new sdk.Filter<Sla>().and('breachAt', sdk.FilterConditions.equalTo(100)),
      })
      .set('counter', 1)
      .execute();
    expect(await tickets.get('SUP-1')).toEqual({ issueKey: 'SUP-1', breachAt: 90 });

    const error = await rejection(
      sdk.kvs
        .transact()
        .set('counter', 2)
        .delete('SUP-1', { entityName: ENTITY })
        .check('SUP-2', { entityName: ENTITY, conditions: new sdk.Filter<Sla>().and('issueKey', sdk.FilterConditions.exists()) })
        .execute(),
    );
    expect(error).toMatchObject({ code: 'CONDITION_CHECK_FAILED', status: 409 });
    expect(await sdk.kvs.get('counter')).toBe(1);
    expect(await tickets.get('SUP-1')).toEqual({ issueKey: 'SUP-1', breachAt: 90 });
  }));

  it('runs batch set, get and delete with per-item results', inForge(async ({ sdk }) => {
    const set = await sdk.kvs.batchSet<unknown>([
      { key: 'a', value: 1 },
      { key: 'SUP-1', value: { issueKey: 'SUP-1' }, entityName: ENTITY },
      { key: 'SUP-2', value: { issueKey: false }, entityName: ENTITY },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'a' }, { key: 'SUP-1', entityName: ENTITY }]);
    expect(set.failedKeys.map((f) => [f.key, f.error.code])).toEqual([['SUP-2', 'INVALID_ENTITY_VALUE']]);
    const got = await sdk.kvs.batchGet([{ key: 'a' }, { key: 'SUP-1', entityName: ENTITY }, { key: 'nope' }]);
    expect(got.successfulKeys).toEqual([
      { key: 'a', value: 1 },
      { key: 'SUP-1', entityName: ENTITY, value: { issueKey: 'SUP-1' } },
    ]);
    expect(got.failedKeys.map((f) => f.error.code)).toEqual(['KEY_NOT_FOUND']);
    const deleted = await sdk.kvs.batchDelete([{ key: 'a' }, { key: 'SUP-1', entityName: ENTITY }]);
    expect(deleted).toEqual({ successfulKeys: [{ key: 'a' }, { key: 'SUP-1', entityName: ENTITY }], failedKeys: [] });
  }));
});
