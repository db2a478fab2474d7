// Batch set, get and delete: up to 25 independent items, each succeeding or failing on its own.
import { badRequest, type KvsReply, KvsError } from './errors';
import { checkValueFor, mixedTarget, type OpContext, type Target } from './items';
import { checkRequestSize, LIMITS } from './limits';
import { type Body, isRecord, itemReply, parseGetOptions, parseTtlOnlyOptions } from './requests';

interface FailedKey {
  key: string;
  entityName?: string;
  error: { code: string; message: string };
}

function parseItems(body: unknown, what: string): Body[] {
  if (!Array.isArray(body)) throw badRequest(`${what} body must be an array of items`);
  if (body.length === 0) throw badRequest(`${what} needs at least one item`);
  if (body.length > LIMITS.batchMaxItems) {
    throw badRequest(`${what} has ${body.length} items; at most ${LIMITS.batchMaxItems} are allowed`);
  }
  checkRequestSize(body, what);
  const seen = new Map<string, number>();
  return body.map((item, i) => {
    if (!isRecord(item)) throw badRequest(`[${i}] must be an object with a key`);
    const id = JSON.stringify([item.entityName ?? null, item.key]);
    const first = seen.get(id);
    if (first !== undefined) throw badRequest(`[${i}] repeats the key of [${first}]; each key once per batch`);
    seen.set(id, i);
    return item;
  });
}

const identity = (item: Body) => ({
  key: String(item.key),
  ...(item.entityName === undefined ? {} : { entityName: String(item.entityName) }),
});

/** Runs `check` per item; a KvsError becomes that item's failure, anything else is a real fault. */
function attempt<T>(item: Body, failed: FailedKey[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof KvsError)) throw error;
    failed.push({ ...identity(item), error: { code: error.code, message: error.message } });
    return undefined;
  }
}

export function batchSet(ctx: OpContext, body: unknown): KvsReply {
  const items = parseItems(body, 'batch set');
  const failedKeys: FailedKey[] = [];
  const writes: Array<{ item: Body; target: Target; expireAt: number | null }> = [];
  items.forEach((item, i) => {
    attempt(item, failedKeys, () => {
      const target = mixedTarget(ctx, item, `[${i}].`);
      checkValueFor(target, item.value, `[${i}].value`);
      writes.push({ item, target, expireAt: parseTtlOnlyOptions(item.options, `[${i}].options`, ctx.now) });
    });
  });
  ctx.store.atomically(() => writes.forEach((w) => ctx.store.put(w.target.ref, w.item.value, w.expireAt, ctx.now)));
  return { status: 200, body: { successfulKeys: writes.map((w) => identity(w.item)), failedKeys } };
}

/** Reads or removes each item inside one store transaction; an item's KvsError fails that item alone. */
function eachItem(ctx: OpContext, body: unknown, what: string, act: (item: Body, target: Target, i: number) => Body): KvsReply {
  const items = parseItems(body, what);
  const failedKeys: FailedKey[] = [];
  const successfulKeys: Body[] = [];
  ctx.store.atomically(() => {
    items.forEach((item, i) => {
      attempt(item, failedKeys, () => successfulKeys.push(act(item, mixedTarget(ctx, item, `[${i}].`), i)));
    });
  });
  return { status: 200, body: { successfulKeys, failedKeys } };
}

const notFound = () => new KvsError(404, 'KEY_NOT_FOUND', 'Key does not exist');

export function batchGet(ctx: OpContext, body: unknown): KvsReply {
  return eachItem(ctx, body, 'batch get', (item, target, i) => {
    const fields = parseGetOptions(item.options, `[${i}].options`);
    const found = ctx.store.get(target.ref, ctx.now);
    if (!found) throw notFound();
    return { ...identity(item), ...itemReply(found, fields) };
  });
}

export function batchDelete(ctx: OpContext, body: unknown): KvsReply {
  return eachItem(ctx, body, 'batch delete', (item, target) => {
    if (!ctx.store.remove(target.ref, ctx.now)) throw notFound();
    return identity(item);
  });
}
