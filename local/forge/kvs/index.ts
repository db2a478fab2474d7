// The local Forge KVS service: answers the `/api/v1/*` protocol of @forge/kvs from the embedded SQLite
// database. The runtime routes `__forge_fetch__({type: 'kvs'}, path, init)` here and turns the reply
// into a Response.
import type { LocalDb } from '../../db';
import { batchDelete, batchGet, batchSet } from './batch';
import { compileEntities, type EntityDefinition } from './entities';
import { KvsError, type KvsReply } from './errors';
import { deleteItem, getItem, type OpContext, setItem } from './items';
import { attributeSql, queryEntities, queryKeys } from './query';
import { KvsStore } from './store';
import { transact } from './transactions';

export type { AttributeType, EntityDefinition } from './entities';
export type { KvsReply } from './errors';

export interface KvsService {
  /** `path` as the SDK sends it (`/api/v1/get`, ...); `body` the parsed JSON request (or its text). */
  handle(path: string, body: unknown): KvsReply;
  /** Removes every expired value now (they are otherwise removed as they are met). */
  purgeExpired(): number;
}

export interface KvsServiceOptions {
  /** Epoch milliseconds; TTLs and timestamps use it (tests move it). */
  now?: () => number;
}

type Handler = (ctx: OpContext, body: unknown) => KvsReply;

const OPERATIONS: Record<string, Handler> = {
  get: (ctx, body) => getItem(ctx, 'kv', body),
  set: (ctx, body) => setItem(ctx, 'kv', body),
  delete: (ctx, body) => deleteItem(ctx, 'kv', body),
  query: queryKeys,
  'secret/get': (ctx, body) => getItem(ctx, 'secret', body),
  'secret/set': (ctx, body) => setItem(ctx, 'secret', body),
  'secret/delete': (ctx, body) => deleteItem(ctx, 'secret', body),
  'entity/get': (ctx, body) => getItem(ctx, 'entity', body),
  'entity/set': (ctx, body) => setItem(ctx, 'entity', body),
  'entity/delete': (ctx, body) => deleteItem(ctx, 'entity', body),
  'entity/query': queryEntities,
  transaction: transact,
  'batch/set': batchSet,
  'batch/get': batchGet,
  'batch/delete': batchDelete,
};

// The SDK's `/api/v1/<op>`; the public REST form `/forge/storage/kvs/v1/<op>` is accepted too.
const PATH = /^(?:\/api|\/forge\/storage\/kvs)\/v1\/([a-z/]+)$/;
/** Expired rows left behind are swept at most this often (service clock). */
const SWEEP_EVERY_MS = 60_000;

export function createKvsService(db: LocalDb, entities: readonly EntityDefinition[], options: KvsServiceOptions = {}): KvsService {
  const now = options.now ?? Date.now;
  const schemas = compileEntities(entities);
  const store = new KvsStore(db);
  for (const schema of schemas.values()) {
    for (const index of schema.indexes.values()) {
      if (index.range) store.ensureIndex(schema.name, index.name, [...index.partition, index.range].map(attributeSql));
    }
  }
  let lastSweep = Number.NEGATIVE_INFINITY;

  return {
    handle(path, body) {
      const operation = PATH.exec(path.split('?')[0] ?? '')?.[1];
      const handler = operation === undefined ? undefined : OPERATIONS[operation];
      if (!handler) {
        return { status: 404, body: { code: 'NOT_FOUND', message: `no KVS operation at ${path}` } };
      }
      try {
        const ctx: OpContext = { store, schemas, now: now() };
        if (ctx.now - lastSweep >= SWEEP_EVERY_MS) {
          lastSweep = ctx.now;
          store.purgeExpired(ctx.now);
        }
        return handler(ctx, parseBody(body));
      } catch (error) {
        if (error instanceof KvsError) return error.toReply();
        // A fault of the emulator itself: a clear 500, never a stack trace to the app.
        const message = error instanceof Error ? error.message : String(error);
        return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: `local KVS failed: ${message}` } };
      }
    },
    purgeExpired: () => store.purgeExpired(now()),
  };
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new KvsError(400, 'BAD_REQUEST', 'request body is not valid JSON');
  }
}
