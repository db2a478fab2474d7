// Checks of the request bodies' shared parts (options, TTL, metadata fields) and the shaping of replies.
import { badRequest } from './errors';
import type { StoredItem } from './store';

export type Body = Record<string, unknown>;
export type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

const METADATA_FIELDS: readonly MetadataField[] = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'];
const TTL_UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

export const isRecord = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

export function requireObject(body: unknown, field = 'request body'): Body {
  if (!isRecord(body)) throw badRequest(`${field} must be a JSON object`);
  return body;
}

export function optionalObject(value: unknown, field: string): Body | undefined {
  if (value === undefined) return undefined;
  return requireObject(value, field);
}

export function parseMetadataFields(value: unknown, field: string): MetadataField[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badRequest(`${field} must be an array`);
  return value.map((f, i) => {
    if (!METADATA_FIELDS.includes(f as MetadataField)) {
      throw badRequest(`${field}[${i}] must be one of ${METADATA_FIELDS.join(', ')}, got ${JSON.stringify(f)}`);
    }
    return f as MetadataField;
  });
}

/** `options.metadataFields` of a get, a query or a batch get item. */
export function parseGetOptions(options: unknown, field: string): MetadataField[] {
  const o = optionalObject(options, field);
  return parseMetadataFields(o?.metadataFields, `${field}.metadataFields`);
}

/** Absolute expiry (epoch ms) for `options.ttl`, or null when the value never expires. */
export function parseTtl(ttl: unknown, field: string, now: number): number | null {
  if (ttl === undefined) return null;
  const t = requireObject(ttl, field);
  const unit = t.unit;
  if (typeof unit !== 'string' || !(unit in TTL_UNIT_MS)) {
    throw badRequest(`${field}.unit must be one of SECONDS, MINUTES, HOURS, DAYS, got ${JSON.stringify(unit)}`);
  }
  const value = t.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw badRequest(`${field}.value must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return now + value * TTL_UNIT_MS[unit as keyof typeof TTL_UNIT_MS];
}

export interface SetOptions {
  expireAt: number | null;
  failIfExists: boolean;
  returnValue?: 'PREVIOUS' | 'LATEST';
  returnMetadataFields: MetadataField[];
}

/** `options` of kvs.set / setSecret / entity.set. */
export function parseSetOptions(options: unknown, field: string, now: number): SetOptions {
  const o = optionalObject(options, field) ?? {};
  const keyPolicy = o.keyPolicy ?? 'OVERRIDE';
  if (keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS') {
    throw badRequest(`${field}.keyPolicy must be OVERRIDE or FAIL_IF_EXISTS, got ${JSON.stringify(keyPolicy)}`);
  }
  const returnValue = o.returnValue;
  if (returnValue !== undefined && returnValue !== 'PREVIOUS' && returnValue !== 'LATEST') {
    throw badRequest(`${field}.returnValue must be PREVIOUS or LATEST, got ${JSON.stringify(returnValue)}`);
  }
  if (returnValue !== undefined && keyPolicy === 'FAIL_IF_EXISTS') {
    throw badRequest(`${field}.returnValue needs keyPolicy OVERRIDE`);
  }
  return {
    expireAt: parseTtl(o.ttl, `${field}.ttl`, now),
    failIfExists: keyPolicy === 'FAIL_IF_EXISTS',
    ...(returnValue === undefined ? {} : { returnValue }),
    returnMetadataFields: parseMetadataFields(o.returnMetadataFields, `${field}.returnMetadataFields`),
  };
}

/** Options allowed on transaction and batch writes: only a TTL. */
export function parseTtlOnlyOptions(options: unknown, field: string, now: number): number | null {
  const o = optionalObject(options, field);
  return parseTtl(o?.ttl, `${field}.ttl`, now);
}

/** `{key, value}` plus the metadata the caller asked for (times in epoch seconds, expiry in ISO-8601). */
export function itemReply(item: StoredItem, fields: readonly MetadataField[]): Body {
  const reply: Body = { key: item.key, value: item.value };
  if (fields.includes('CREATED_AT')) reply.createdAt = Math.floor(item.createdAt / 1000);
  if (fields.includes('UPDATED_AT')) reply.updatedAt = Math.floor(item.updatedAt / 1000);
  if (fields.includes('EXPIRE_TIME') && item.expireAt !== null) reply.expireTime = isoSeconds(item.expireAt);
  return reply;
}

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
