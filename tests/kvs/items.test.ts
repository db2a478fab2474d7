// The single-item protocol (get/set/delete, secrets, TTL, metadata, key policy) straight against handle().
import { errorOf, makeKvs } from './fixtures';

describe('KVS get / set / delete', () => {
  it('stores a value with 204 and an empty body, and returns it with 200 {key, value}', () => {
    const kvs = makeKvs();
    expect(kvs.call('set', { key: 'sweep:state', value: { runs: 3 } })).toEqual({ status: 204 });
    expect(kvs.call('get', { key: 'sweep:state' })).toEqual({ status: 200, body: { key: 'sweep:state', value: { runs: 3 } } });
  });

  it('answers 404 KEY_NOT_FOUND for a missing key on get and delete (the SDK turns both into undefined)', () => {
    const kvs = makeKvs();
    expect(errorOf(kvs.call('get', { key: 'nothing' }))).toMatchObject({ status: 404, code: 'KEY_NOT_FOUND' });
    expect(errorOf(kvs.call('delete', { key: 'nothing' }))).toMatchObject({ status: 404, code: 'KEY_NOT_FOUND' });
  });

  it('deletes a key with 204', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'a', value: 1 });
    expect(kvs.call('delete', { key: 'a' })).toEqual({ status: 204 });
    expect(kvs.call('get', { key: 'a' }).status).toBe(404);
  });

  it('keeps every JSON type but null', () => {
    const kvs = makeKvs();
    for (const value of ['text', 0, -1.5, true, false, [1, 'two'], { nested: { deep: [true] } }, '', []]) {
      kvs.call('set', { key: 'v', value });
      expect(kvs.expectOk('get', { key: 'v' }).value).toEqual(value);
    }
  });

  it('accepts the body as JSON text too', () => {
    const kvs = makeKvs();
    expect(kvs.service.handle('/api/v1/set', JSON.stringify({ key: 'a', value: 'b' })).status).toBe(204);
    expect(errorOf(kvs.service.handle('/api/v1/get', '{not json'))).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers on the public REST path form as well', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'a', value: 1 });
    expect(kvs.service.handle('/forge/storage/kvs/v1/get', { key: 'a' })).toEqual({ status: 200, body: { key: 'a', value: 1 } });
  });

  it('turns a fault of its own into 500 INTERNAL_SERVER_ERROR with a message and no stack', () => {
    const kvs = makeKvs();
    kvs.db.close();
    const reply = kvs.call('get', { key: 'a' });
    expect(errorOf(reply)).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR', message: expect.stringMatching(/^local KVS failed: /) });
    expect(Object.keys(reply.body as object)).toEqual(['code', 'message']);
    expect(errorOf(reply).message).not.toContain('\n');
  });

  it('answers an unknown operation with 404 NOT_FOUND naming the path', () => {
    const kvs = makeKvs();
    expect(errorOf(kvs.service.handle('/api/v1/frobnicate', {}))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: expect.stringContaining('/api/v1/frobnicate'),
    });
  });
});

describe('metadata fields', () => {
  it('returns createdAt and updatedAt in epoch seconds; an overwrite keeps createdAt', () => {
    const kvs = makeKvs();
    const created = kvs.clock.now;
    kvs.call('set', { key: 'a', value: 1 });
    kvs.clock.now += 90_000;
    kvs.call('set', { key: 'a', value: 2 });
    const body = kvs.expectOk('get', { key: 'a', options: { metadataFields: ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] } });
    expect(body).toEqual({ key: 'a', value: 2, createdAt: created / 1000, updatedAt: created / 1000 + 90 });
  });

  it('returns expireTime in ISO-8601 for a value with a TTL, and only the fields asked for', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'lease', value: 'me', options: { ttl: { value: 2, unit: 'HOURS' } } });
    expect(kvs.expectOk('get', { key: 'lease', options: { metadataFields: ['EXPIRE_TIME'] } })).toEqual({
      key: 'lease',
      value: 'me',
      expireTime: '2026-01-15T11:00:00Z',
    });
  });

  it('rejects an unknown metadata field with 400 naming it', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'a', value: 1 });
    expect(errorOf(kvs.call('get', { key: 'a', options: { metadataFields: ['INVALID_METADATA_FIELD'] } }))).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      message: expect.stringContaining('INVALID_METADATA_FIELD'),
    });
  });
});

describe('set options', () => {
  it('returnValue LATEST answers 200 with the new value', () => {
    const kvs = makeKvs();
    const reply = kvs.call('set', {
      key: 'a',
      value: 'new',
      options: { keyPolicy: 'OVERRIDE', returnValue: 'LATEST', returnMetadataFields: ['UPDATED_AT'] },
    });
    expect(reply).toEqual({ status: 200, body: { key: 'a', value: 'new', updatedAt: kvs.clock.now / 1000 } });
  });

  it('returnValue PREVIOUS answers 204 when there was none, then 200 with the replaced value', () => {
    const kvs = makeKvs();
    const options = { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' };
    expect(kvs.call('set', { key: 'a', value: 1, options })).toEqual({ status: 204 });
    expect(kvs.call('set', { key: 'a', value: 2, options })).toEqual({ status: 200, body: { key: 'a', value: 1 } });
    expect(kvs.expectOk('get', { key: 'a' }).value).toBe(2);
  });

  it('keyPolicy FAIL_IF_EXISTS answers 409 KEY_CONFLICT on a live key and leaves it unchanged', () => {
    const kvs = makeKvs();
    const options = { keyPolicy: 'FAIL_IF_EXISTS' };
    expect(kvs.call('set', { key: 'lock', value: 'first', options }).status).toBe(204);
    expect(errorOf(kvs.call('set', { key: 'lock', value: 'second', options }))).toMatchObject({
      status: 409,
      code: 'KEY_CONFLICT',
      message: expect.stringContaining("'lock'"),
    });
    expect(kvs.expectOk('get', { key: 'lock' }).value).toBe('first');
  });

  it('keyPolicy FAIL_IF_EXISTS succeeds once the existing value has expired', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'lock', value: 'old', options: { ttl: { value: 30, unit: 'SECONDS' } } });
    kvs.clock.now += 30_000;
    expect(kvs.call('set', { key: 'lock', value: 'new', options: { keyPolicy: 'FAIL_IF_EXISTS' } }).status).toBe(204);
  });

  it.each([
    [{ keyPolicy: 'SOMETIMES' }, 'options.keyPolicy'],
    [{ returnValue: 'BOTH' }, 'options.returnValue'],
    [{ keyPolicy: 'FAIL_IF_EXISTS', returnValue: 'LATEST' }, 'options.returnValue needs keyPolicy OVERRIDE'],
    [{ ttl: { value: 0, unit: 'SECONDS' } }, 'options.ttl.value'],
    [{ ttl: { value: 1.5, unit: 'SECONDS' } }, 'options.ttl.value'],
    [{ ttl: { value: 5, unit: 'WEEKS' } }, 'options.ttl.unit'],
  ])('rejects options %j with 400 naming %s', (options, field) => {
    const kvs = makeKvs();
    const error = errorOf(kvs.call('set', { key: 'a', value: 1, options }));
    expect(error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(error.message).toContain(field);
    expect(kvs.call('get', { key: 'a' }).status).toBe(404);
  });
});

describe('TTL', () => {
  it('hides a value from get and query once its TTL has passed, and purges it', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'tmp:1', value: 1, options: { ttl: { value: 1, unit: 'MINUTES' } } });
    kvs.call('set', { key: 'tmp:2', value: 2 });
    kvs.clock.now += 59_999;
    expect(kvs.call('get', { key: 'tmp:1' }).status).toBe(200);
    kvs.clock.now += 1;
    expect(kvs.call('get', { key: 'tmp:1' }).status).toBe(404);
    expect(kvs.expectOk('query', {}).data).toEqual([{ key: 'tmp:2', value: 2 }]);
    const rows = kvs.db.prepare(`SELECT key FROM kvs_items WHERE space = 'kv'`).all();
    expect(rows).toEqual([{ key: 'tmp:2' }]);
  });

  it('a set without TTL makes a value permanent again', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'a', value: 1, options: { ttl: { value: 1, unit: 'SECONDS' } } });
    kvs.call('set', { key: 'a', value: 2 });
    kvs.clock.now += 86_400_000;
    expect(kvs.expectOk('get', { key: 'a' }).value).toBe(2);
  });

  it('sweeps expired rows nobody reads, at most once a minute of service time', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'gone', value: 1, options: { ttl: { value: 1, unit: 'SECONDS' } } });
    const count = () => kvs.db.prepare('SELECT count(*) AS n FROM kvs_items').get() as { n: number };
    kvs.clock.now += 30_000;
    kvs.call('set', { key: 'other', value: 1 });
    expect(count().n).toBe(2);
    kvs.clock.now += 30_000;
    kvs.call('set', { key: 'other', value: 2 });
    expect(count().n).toBe(1);
  });

  it('purgeExpired() removes every expired row at once', () => {
    const kvs = makeKvs();
    for (let i = 0; i < 5; i++) kvs.call('set', { key: `t${i}`, value: i, options: { ttl: { value: i + 1, unit: 'DAYS' } } });
    kvs.clock.now += 3 * 86_400_000;
    expect(kvs.service.purgeExpired()).toBe(3);
  });
});

describe('secrets', () => {
  it('live in their own namespace: same key, different values, never listed by query', () => {
    const kvs = makeKvs();
    kvs.call('set', { key: 'token', value: 'plain' });
    kvs.call('secret/set', { key: 'token', value: 's3cret' });
    expect(kvs.expectOk('get', { key: 'token' }).value).toBe('plain');
    expect(kvs.expectOk('secret/get', { key: 'token' }).value).toBe('s3cret');
    expect(kvs.expectOk('query', {}).data).toEqual([{ key: 'token', value: 'plain' }]);
    expect(kvs.call('secret/delete', { key: 'token' }).status).toBe(204);
    expect(kvs.call('secret/get', { key: 'token' }).status).toBe(404);
    expect(kvs.expectOk('get', { key: 'token' }).value).toBe('plain');
  });
});

describe('key and value limits', () => {
  it.each([
    ['an empty key', 'KEY_TOO_SHORT', ''],
    ['a 501-character key', 'KEY_TOO_LONG', 'k'.repeat(501)],
    ['a slash', 'INVALID_KEY', 'a/b'],
    ['only spaces', 'INVALID_KEY', '   '],
    ['a non-ASCII letter', 'INVALID_KEY', 'ümlaut'],
  ])('rejects %s with 400 %s', (_label, code, key) => {
    const kvs = makeKvs();
    expect(errorOf(kvs.call('set', { key, value: 1 }))).toMatchObject({ status: 400, code });
  });

  it('accepts keys of 1 and 500 characters using every allowed character', () => {
    const kvs = makeKvs();
    expect(kvs.call('set', { key: 'x', value: 1 }).status).toBe(204);
    const long = 'aZ09:._-# '.repeat(50);
    expect(long).toHaveLength(500);
    expect(kvs.call('set', { key: long, value: 1 }).status).toBe(204);
  });

  it('rejects a non-string key with 400 naming the field', () => {
    const kvs = makeKvs();
    expect(errorOf(kvs.call('get', { key: 42 }))).toMatchObject({ status: 400, message: 'key must be a string' });
  });

  it('accepts a value of exactly 240 KiB as JSON and rejects one byte more with MAX_SIZE', () => {
    const kvs = makeKvs();
    const exact = 'x'.repeat(240 * 1024 - 2); // the JSON quotes are the other 2 bytes
    expect(kvs.call('set', { key: 'big', value: exact }).status).toBe(204);
    const error = errorOf(kvs.call('set', { key: 'big', value: `${exact}x` }));
    expect(error).toMatchObject({ status: 400, code: 'MAX_SIZE' });
    expect(error.message).toContain('245761 bytes');
  });

  it('accepts 32 levels of nesting and rejects 33 with MAX_DEPTH', () => {
    const kvs = makeKvs();
    const nest = (levels: number): unknown => (levels === 0 ? 1 : { n: nest(levels - 1) });
    expect(kvs.call('set', { key: 'deep', value: nest(32) }).status).toBe(204);
    expect(errorOf(kvs.call('set', { key: 'deep', value: [nest(32)] }))).toMatchObject({ status: 400, code: 'MAX_DEPTH' });
  });

  it('rejects a missing or null value with 400', () => {
    const kvs = makeKvs();
    expect(errorOf(kvs.call('set', { key: 'a' }))).toMatchObject({ status: 400, message: 'value is required' });
    expect(errorOf(kvs.call('set', { key: 'a', value: null }))).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });
});

describe('persistence', () => {
  it('a second service on the same database sees the data and creates nothing twice', () => {
    const first = makeKvs();
    first.call('set', { key: 'kept', value: 'yes' });
    const second = makeKvs(undefined, first.db);
    expect(second.expectOk('get', { key: 'kept' }).value).toBe('yes');
  });
});
