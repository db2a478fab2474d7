// `kvs.transact()`: up to 25 sets, deletes and checks, each key once, applied all together or not at
// all. Every condition is evaluated against the state before the transaction; one that fails rejects
// the whole transaction and nothing is written.
import { type FilterGroup, matchesGroup, parseFilterGroup } from './conditions';
import { badRequest, conditionFailed, type FailedCondition, type KvsReply } from './errors';
import { checkValueFor, mixedTarget, type OpContext, type Target } from './items';
import { checkRequestSize, LIMITS } from './limits';
import { type Body, isRecord, parseTtlOnlyOptions, requireObject } from './requests';

type Operation = 'set' | 'delete' | 'check';

interface PlannedOp {
  operation: Operation;
  target: Target;
  conditions?: FilterGroup;
  value?: unknown;
  expireAt: number | null;
}

function list(body: Body, operation: Operation): Body[] {
  const raw = body[operation];
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw badRequest(`${operation} must be an array`);
  return raw.map((item, i) => {
    if (!isRecord(item)) throw badRequest(`${operation}[${i}] must be an object`);
    return item;
  });
}

function plan(ctx: OpContext, operation: Operation, item: Body, i: number): PlannedOp {
  const at = `${operation}[${i}]`;
  if (operation === 'check' && item.entityName === undefined) throw badRequest(`${at}.entityName is required: checks apply to entities`);
  const target = mixedTarget(ctx, item, `${at}.`);
  let conditions: FilterGroup | undefined;
  if (item.conditions !== undefined) {
    if (!target.schema) throw badRequest(`${at}.conditions need an entityName: conditions apply to entity attributes`);
    conditions = parseFilterGroup(item.conditions, `${at}.conditions`, target.schema);
  } else if (operation === 'check') {
    throw badRequest(`${at}.conditions are required`);
  }
  if (operation !== 'set') return { operation, target, ...(conditions ? { conditions } : {}), expireAt: null };
  checkValueFor(target, item.value, `${at}.value`);
  return {
    operation,
    target,
    ...(conditions ? { conditions } : {}),
    value: item.value,
    expireAt: parseTtlOnlyOptions(item.options, `${at}.options`, ctx.now),
  };
}

export function transact(ctx: OpContext, rawBody: unknown): KvsReply {
  const body = requireObject(rawBody);
  const raw = { set: list(body, 'set'), delete: list(body, 'delete'), check: list(body, 'check') };
  const count = raw.set.length + raw.delete.length + raw.check.length;
  if (count === 0) throw badRequest('transaction has no operations: add a set, delete or check');
  if (count > LIMITS.transactionMaxOperations) {
    throw badRequest(`transaction has ${count} operations; at most ${LIMITS.transactionMaxOperations} are allowed`);
  }
  checkRequestSize(body, 'transaction');

  const ops: PlannedOp[] = [];
  const seen = new Map<string, string>();
  for (const operation of ['set', 'delete', 'check'] as const) {
    raw[operation].forEach((item, i) => {
      const op = plan(ctx, operation, item, i);
      const id = JSON.stringify([op.target.ref.space, op.target.ref.entity, op.target.ref.key]);
      const first = seen.get(id);
      if (first) throw badRequest(`${operation}[${i}] uses the key of ${first} again; each key once per transaction`);
      seen.set(id, `${operation}[${i}]`);
      ops.push(op);
    });
  }

  ctx.store.atomically(() => {
    const failed: FailedCondition[] = [];
    for (const op of ops) {
      if (!op.conditions) continue;
      const current = ctx.store.get(op.target.ref, ctx.now)?.value as Record<string, unknown> | undefined;
      if (!matchesGroup(current, op.conditions)) {
        failed.push({
          operation: op.operation,
          entityName: op.target.ref.entity,
          key: op.target.ref.key,
          reason: current === undefined ? 'entity does not exist' : 'conditions not met',
        });
      }
    }
    if (failed.length > 0) throw conditionFailed(failed);
    for (const op of ops) {
      if (op.operation === 'set') ctx.store.put(op.target.ref, op.value, op.expireAt, ctx.now);
      if (op.operation === 'delete') ctx.store.remove(op.target.ref, ctx.now);
    }
  });
  return { status: 204 };
}
