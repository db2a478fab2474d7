// The KVS tables in the local SQLite database: one row per stored item, plain KVS, secrets and custom
// entities each in their own namespace. Expired rows are invisible and removed when met or swept.
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { LocalDb } from '../../db';

export type Space = 'kv' | 'secret' | 'entity';

export interface ItemRef {
  space: Space;
  /** Entity name, '' outside the entity space. */
  entity: string;
  key: string;
}

export interface StoredItem {
  key: string;
  value: unknown;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  expireAt: number | null;
}

export interface ItemRow {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS kvs_items (
  space TEXT NOT NULL,
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  expire_at INTEGER,
  PRIMARY KEY (space, entity, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kvs_items_expiry ON kvs_items (expire_at) WHERE expire_at IS NOT NULL;
`;

/** A live row: not expired at `now`. Used by every read. */
/** The SQLite name of an entity index's expression index (queries name it: without statistics SQLite would pick the primary key and sort). */
export function entityIndexName(entity: string, indexName: string, columns: string[]): string {
  return `kvs_ix_${createHash('sha1').update(JSON.stringify([entity, indexName, columns])).digest('hex').slice(0, 16)}`;
}

export const LIVE = '(expire_at IS NULL OR expire_at > @now)';

export const rowToItem = (row: ItemRow): StoredItem => ({
  key: row.key,
  value: JSON.parse(row.value) as unknown,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  expireAt: row.expire_at,
});

export class KvsStore {
  private readonly statements = new Map<string, Statement>();
  private readonly selectOne: Statement<[ItemRef & { now: number }], ItemRow>;
  private readonly upsert: Statement;
  private readonly deleteOne: Statement;
  private readonly deleteExpired: Statement;

  constructor(readonly db: LocalDb) {
    db.exec(SCHEMA);
    this.selectOne = db.prepare(
      `SELECT key, value, created_at, updated_at, expire_at FROM kvs_items
       WHERE space = @space AND entity = @entity AND key = @key`,
    );
    this.upsert = db.prepare(
      `INSERT INTO kvs_items (space, entity, key, value, created_at, updated_at, expire_at)
       VALUES (@space, @entity, @key, @value, @createdAt, @updatedAt, @expireAt)
       ON CONFLICT (space, entity, key) DO UPDATE SET
         value = excluded.value, created_at = excluded.created_at,
         updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
    );
    this.deleteOne = db.prepare(`DELETE FROM kvs_items WHERE space = @space AND entity = @entity AND key = @key`);
    this.deleteExpired = db.prepare(`DELETE FROM kvs_items WHERE expire_at IS NOT NULL AND expire_at <= @now`);
  }

  /** The live item, or undefined; an expired row met here is removed. */
  get(ref: ItemRef, now: number): StoredItem | undefined {
    const row = this.selectOne.get({ ...ref, now });
    if (!row) return undefined;
    if (row.expire_at !== null && row.expire_at <= now) {
      this.deleteOne.run(ref);
      return undefined;
    }
    return rowToItem(row);
  }

  /** Writes a value; creation time survives an overwrite of a live item. Returns the previous live item. */
  put(ref: ItemRef, value: unknown, expireAt: number | null, now: number): { previous?: StoredItem; current: StoredItem } {
    const previous = this.get(ref, now);
    const current: StoredItem = { key: ref.key, value, createdAt: previous?.createdAt ?? now, updatedAt: now, expireAt };
    this.upsert.run({ ...ref, value: JSON.stringify(value), createdAt: current.createdAt, updatedAt: now, expireAt });
    return previous ? { previous, current } : { current };
  }

  /** Deletes an item; true when a live item was there. */
  remove(ref: ItemRef, now: number): boolean {
    const existed = this.get(ref, now) !== undefined;
    this.deleteOne.run(ref);
    return existed;
  }

  purgeExpired(now: number): number {
    return this.deleteExpired.run({ now }).changes;
  }

  /** Runs `fn` atomically: everything it wrote is committed together or not at all. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Statements built from query shapes are prepared once and reused. */
  prepare<R>(sql: string): Statement<[Record<string, unknown>], R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Statement<[Record<string, unknown>], R>;
  }

  /**
   * An expression index for one entity index, so queries walk it in order instead of sorting.
   * `columns` are SQL expressions over `value`; names of entities and attributes were checked at start-up.
   */
  ensureIndex(entity: string, indexName: string, columns: string[]): void {
    this.db.exec(
      `CREATE INDEX IF NOT EXISTS ${entityIndexName(entity, indexName, columns)} ON kvs_items (${[...columns, 'key'].join(', ')})
       WHERE space = 'entity' AND entity = '${entity}'`,
    );
  }
}
