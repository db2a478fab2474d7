// Listing queries: `kvs.query()` over plain keys, and `kvs.entity(e).query()` over an entity index.
// Both page in index order (range value, then key; numbers numerically, strings by UTF-8 bytes) with
// keyset cursors, so paging with any page size returns every live item once.
import {
  type Condition,
  type FilterGroup,
  matchesGroup,
  parseCondition,
  parseFilterGroup,
  RANGE_CONDITIONS,
  type RangeConditionName,
} from './conditions';
import { decodeCursor, encodeCursor } from './cursor';
import { type EntityIndex, type EntitySchema, entitySchema, type IndexAttribute, typeProblem } from './entities';
import { badRequest, type KvsReply } from './errors';
import type { OpContext } from './items';
import { checkEntityName, LIMITS } from './limits';
import { type Body, itemReply, type MetadataField, parseGetOptions, requireObject } from './requests';
import { entityIndexName, type ItemRow, type KvsStore, LIVE, rowToItem } from './store';

interface RangedRow extends ItemRow {
  rv: string | number | null;
}

function parseLimit(value: unknown, code: string): number {
  if (value === undefined) return LIMITS.queryDefaultLimit;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > LIMITS.queryMaxLimit) {
    throw badRequest(`limit must be an integer from 1 to ${LIMITS.queryMaxLimit}, got ${JSON.stringify(value)}`, code);
  }
  return value;
}

/** `/api/v1/query`: plain keys only (never secrets or entities), optionally under one key prefix. */
export function queryKeys(ctx: OpContext, rawBody: unknown): KvsReply {
  const body = requireObject(rawBody);
  const limit = parseLimit(body.limit, 'BAD_REQUEST');
  const fields = parseGetOptions(body.options, 'options');
  const prefix = parseKeyWhere(body.where);
  const after = body.after === undefined ? undefined : decodeCursor(body.after, 'kv', 'after').key;
  const rows = ctx.store
    .prepare<ItemRow>(
      `SELECT key, value, created_at, updated_at, expire_at FROM kvs_items
       WHERE space = 'kv' AND entity = '' AND key >= @from AND ${LIVE} ${after === undefined ? '' : 'AND key > @after'}
       ORDER BY key LIMIT @take`,
    )
    .all({ from: prefix, after, now: ctx.now, take: limit + 1 });
  // Keys sharing a prefix are contiguous in key order: the matches are a leading run of the rows.
  const matching = rows.filter((row) => row.key.startsWith(prefix));
  return page(matching, limit, fields, (last) => encodeCursor({ scope: 'kv', key: last.key }));
}

function parseKeyWhere(where: unknown): string {
  if (where === undefined) return '';
  if (!Array.isArray(where) || where.length > 1) throw badRequest('where must be an array of at most one condition');
  if (where.length === 0) return '';
  const clause = requireObject(where[0], 'where[0]');
  if (clause.property !== 'key') throw badRequest(`where[0].property must be 'key', got ${JSON.stringify(clause.property)}`);
  const condition = parseCondition(clause, 'where[0]', ['BEGINS_WITH'] as const);
  return String(condition.values[0]);
}

/** `/api/v1/entity/query`. */
export function queryEntities(ctx: OpContext, rawBody: unknown): KvsReply {
  const body = requireObject(rawBody);
  const schema = entitySchema(ctx.schemas, checkEntityName(body.entityName));
  const index = schema.indexes.get(String(body.indexName));
  if (!index) {
    throw badRequest(
      `indexName ${JSON.stringify(body.indexName)} is not an index of entity '${schema.name}' (indexes: ${[...schema.indexes.keys()].join(', ')})`,
      'INVALID_ENTITY_INDEX',
    );
  }
  const sort = body.sort ?? 'ASC';
  if (sort !== 'ASC' && sort !== 'DESC') throw badRequest(`sort must be ASC or DESC, got ${JSON.stringify(sort)}`);
  const limit = parseLimit(body.limit, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
  const fields = parseGetOptions(body.options, 'options');
  const partition = parsePartition(body.partition, index);
  const range = body.range === undefined ? undefined : parseRange(body.range, index);
  const filters = body.filters === undefined ? undefined : parseFilterGroup(body.filters, 'filters', schema);
  const scope = `${schema.name}/${index.name}/${sort}`;
  const cursor = body.cursor === undefined ? undefined : decodeCursor(body.cursor, scope, 'cursor');

  const plan = planEntityQuery(schema, index, sort, partition, range, cursor !== undefined);
  const params: Record<string, unknown> = { now: ctx.now, ...plan.params };
  if (cursor) Object.assign(params, { ck: cursor.key, cr: cursor.range ?? null });
  const matches = collect(ctx.store, plan.sql, params, limit + 1, filters);
  return page(matches, limit, fields, (last) =>
    encodeCursor({ scope, key: last.key, ...(index.range && last.rv !== null ? { range: last.rv } : {}) }),
  );
}

function parsePartition(raw: unknown, index: EntityIndex): unknown[] {
  const wanted = index.partition;
  if (raw === undefined || (Array.isArray(raw) && raw.length === 0 && wanted.length === 0)) {
    if (wanted.length > 0) {
      throw badRequest(`index '${index.name}' is partitioned by ${names(wanted)}: give partition values for them`);
    }
    return [];
  }
  if (!Array.isArray(raw)) throw badRequest('partition must be an array');
  if (raw.length !== wanted.length) {
    throw badRequest(
      wanted.length === 0
        ? `index '${index.name}' has no partition; remove the partition values`
        : `index '${index.name}' is partitioned by ${names(wanted)}: give ${wanted.length} partition value(s), not ${raw.length}`,
    );
  }
  return raw.map((value, i) => {
    const attr = wanted[i] as IndexAttribute;
    const problem = typeProblem(attr.type, value) ?? (isScalar(value) ? undefined : 'must be a string, number or boolean');
    if (problem) throw badRequest(`partition[${i}] (attribute ${attr.name}) ${problem}, got ${JSON.stringify(value)}`);
    return value;
  });
}

function parseRange(raw: unknown, index: EntityIndex): Condition<RangeConditionName> {
  const condition = parseCondition(raw, 'range', RANGE_CONDITIONS);
  const attr: IndexAttribute = index.range ?? { name: 'key', type: 'string' };
  if (attr.type === 'any') throw badRequest(`range: index '${index.name}' orders by an 'any' attribute; use filters`);
  if (condition.condition === 'BEGINS_WITH' && attr.type !== 'string') {
    throw badRequest(`range: BEGINS_WITH needs a string attribute, and ${attr.name} is ${attr.type}`);
  }
  if (attr.type === 'boolean' && condition.condition !== 'EQUAL_TO') {
    throw badRequest(`range: attribute ${attr.name} is boolean; only EQUAL_TO applies`);
  }
  for (const [i, value] of condition.values.entries()) {
    const wanted = attr.type === 'integer' || attr.type === 'float' ? 'number' : attr.type;
    const fits = typeof value === wanted || (condition.condition === 'BEGINS_WITH' && typeof value === 'number');
    if (!fits) throw badRequest(`range.values[${i}] must be a ${wanted} (attribute ${attr.name} is ${attr.type}), got ${JSON.stringify(value)}`);
  }
  return condition;
}

interface Plan {
  sql: string;
  params: Record<string, unknown>;
}

/** SQL for one entity query shape; it matches the expression index made for the entity index. */
function planEntityQuery(
  schema: EntitySchema,
  index: EntityIndex,
  sort: 'ASC' | 'DESC',
  partition: unknown[],
  range: Condition<RangeConditionName> | undefined,
  hasCursor: boolean,
): Plan {
  const rv = index.range ? attributeSql(index.range) : 'key';
  const where = [`space = 'entity'`, `entity = '${schema.name}'`, LIVE];
  const params: Record<string, unknown> = {};
  index.partition.forEach((attr, i) => {
    where.push(`${attributeSql(attr)} = @p${i}`);
    params[`p${i}`] = sqlValue(attr, partition[i]);
  });
  if (index.range) where.push(`${rv} IS NOT NULL`); // an entity without the range attribute is not in the index
  if (range) {
    const attr = index.range ?? { name: 'key', type: 'string' as const };
    const values = range.values.map((v) => sqlValue(attr, range.condition === 'BEGINS_WITH' ? String(v) : v));
    values.forEach((v, i) => (params[`r${i}`] = v));
    const guard = attr.type === 'string' ? `typeof(${rv}) = 'text'` : attr.type === 'boolean' ? 'TRUE' : `typeof(${rv}) IN ('integer', 'real')`;
    where.push(guard, rangeSql(range.condition, rv));
  }
  if (hasCursor) {
    const after = sort === 'ASC' ? '>' : '<';
    // The plain bound lets the index seek to the cursor; the row value alone would walk from the range's start.
    where.push(index.range ? `${rv} ${after}= @cr AND (${rv}, key) ${after} (@cr, @ck)` : `key ${after} @ck`);
  }
  const order = index.range ? `${rv} ${sort}, key ${sort}` : `key ${sort}`;
  const source = index.range ? `kvs_items INDEXED BY ${entityIndexName(schema.name, index.name, [...index.partition, index.range].map(attributeSql))}` : 'kvs_items';
  return {
    sql: `SELECT key, value, created_at, updated_at, expire_at, ${rv} AS rv FROM ${source}
          WHERE ${where.join(' AND ')} ORDER BY ${order}`,
    params,
  };
}

function rangeSql(condition: RangeConditionName, rv: string): string {
  switch (condition) {
    case 'EQUAL_TO':
      return `${rv} = @r0`;
    case 'GREATER_THAN':
      return `${rv} > @r0`;
    case 'GREATER_THAN_EQUAL_TO':
      return `${rv} >= @r0`;
    case 'LESS_THAN':
      return `${rv} < @r0`;
    case 'LESS_THAN_EQUAL_TO':
      return `${rv} <= @r0`;
    case 'BETWEEN':
      return `${rv} BETWEEN @r0 AND @r1`;
    case 'BEGINS_WITH':
      // The lower bound lets the index seek; substr() keeps only real prefixes.
      return `${rv} >= @r0 AND substr(${rv}, 1, length(@r0)) = @r0`;
  }
}

/**
 * The SQL expression of an attribute inside the stored JSON. Booleans are compared through json_type()
 * ('false' < 'true'), since json_extract() would turn them into 0/1 and mix them up with numbers.
 */
export function attributeSql(attr: IndexAttribute): string {
  return attr.type === 'boolean' ? `json_type(value, '$.${attr.name}')` : `json_extract(value, '$.${attr.name}')`;
}

function sqlValue(attr: IndexAttribute, value: unknown): unknown {
  if (attr.type === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'boolean') throw badRequest(`attribute ${attr.name} is '${attr.type}'; booleans cannot be matched in an index on it`);
  return value;
}

/** Runs the query in index order and keeps rows passing the filters until `want` are found. */
function collect(store: KvsStore, sql: string, params: Record<string, unknown>, want: number, filters?: FilterGroup): RangedRow[] {
  const statement = store.prepare<RangedRow>(filters ? sql : `${sql} LIMIT ${want}`);
  if (!filters) return statement.all(params);
  const found: RangedRow[] = [];
  for (const row of statement.iterate(params)) {
    if (matchesGroup(JSON.parse(row.value) as Record<string, unknown>, filters)) found.push(row);
    if (found.length >= want) break;
  }
  return found;
}

function page<R extends ItemRow>(rows: R[], limit: number, fields: MetadataField[], cursorAfter: (last: R) => string): KvsReply {
  const shown = rows.slice(0, limit);
  const body: Body = { data: shown.map((row) => itemReply(rowToItem(row), fields)) };
  const last = shown[shown.length - 1];
  // A cursor only when more items follow, so the last page is the one without it.
  if (rows.length > limit && last) body.cursor = cursorAfter(last);
  return { status: 200, body };
}

const names = (attrs: IndexAttribute[]) => attrs.map((a) => a.name).join(', ');
const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
