// Single-item operations: get, set and delete of plain KVS keys, secrets and custom entities.
import { type EntitySchema, checkEntityValue, entitySchema } from './entities';
import { type KvsReply, keyConflict, keyNotFound } from './errors';
import { checkEntityKey, checkEntityName, checkKey, checkValue } from './limits';
import { type Body, itemReply, parseGetOptions, parseSetOptions, requireObject } from './requests';
import type { ItemRef, KvsStore, Space } from './store';

export interface OpContext {
  store: KvsStore;
  schemas: ReadonlyMap<string, EntitySchema>;
  now: number;
}

export interface Target {
  ref: ItemRef;
  /** The entity's schema when the target is a custom entity. */
  schema?: EntitySchema;
}

/** Which item a request means: a plain or secret key, or an entity's key (named by `entityName`). */
export function resolveTarget(ctx: OpContext, space: Space, item: Body, prefix = ''): Target {
  if (space === 'entity') {
    const name = checkEntityName(item.entityName, `${prefix}entityName`);
    const schema = entitySchema(ctx.schemas, name);
    return { ref: { space: 'entity', entity: name, key: checkEntityKey(item.key, `${prefix}key`) }, schema };
  }
  return { ref: { space, entity: '', key: checkKey(item.key, `${prefix}key`) } };
}

/** A value fit to store at the target: JSON limits, and the entity's attribute types. */
export function checkValueFor(target: Target, value: unknown, field: string): void {
  checkValue(value, field);
  if (target.schema) checkEntityValue(target.schema, value, field);
}

/** Batch and transaction items: an entity's key when they name an entity, else a plain key. */
export const mixedTarget = (ctx: OpContext, item: Body, prefix: string): Target =>
  resolveTarget(ctx, item.entityName === undefined ? 'kv' : 'entity', item, prefix);

export function getItem(ctx: OpContext, space: Space, rawBody: unknown): KvsReply {
  const body = requireObject(rawBody);
  const target = resolveTarget(ctx, space, body);
  const fields = parseGetOptions(body.options, 'options');
  const item = ctx.store.get(target.ref, ctx.now);
  if (!item) throw keyNotFound();
  return { status: 200, body: withEntityName(itemReply(item, fields), target) };
}

export function setItem(ctx: OpContext, space: Space, rawBody: unknown): KvsReply {
  const body = requireObject(rawBody);
  const target = resolveTarget(ctx, space, body);
  checkValueFor(target, body.value, 'value');
  const options = parseSetOptions(body.options, 'options', ctx.now);
  return ctx.store.atomically(() => {
    if (options.failIfExists && ctx.store.get(target.ref, ctx.now)) throw keyConflict(target.ref.key);
    const { previous, current } = ctx.store.put(target.ref, body.value, options.expireAt, ctx.now);
    if (options.returnValue === undefined) return { status: 204 };
    const returned = options.returnValue === 'LATEST' ? current : previous;
    // PREVIOUS of a key that did not exist: nothing to return, as the real service answers.
    if (!returned) return { status: 204 };
    return { status: 200, body: itemReply(returned, options.returnMetadataFields) };
  });
}

export function deleteItem(ctx: OpContext, space: Space, rawBody: unknown): KvsReply {
  const body = requireObject(rawBody);
  const target = resolveTarget(ctx, space, body);
  // A missing key answers KEY_NOT_FOUND, which the SDK swallows: delete is idempotent for the app.
  const existed = ctx.store.atomically(() => ctx.store.remove(target.ref, ctx.now));
  if (!existed) throw keyNotFound();
  return { status: 204 };
}

const withEntityName = (reply: Body, target: Target): Body =>
  target.schema ? { ...reply, entityName: target.schema.name } : reply;
