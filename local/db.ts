// The one embedded database file behind the local host: KVS and the Jira emulator keep their tables here.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type LocalDb = Database.Database;

/** `FORGE_LOCAL_DB` moves the file; `:memory:` keeps everything in memory (tests). */
export function defaultDbFile(): string {
  return process.env.FORGE_LOCAL_DB ?? resolve(process.cwd(), '.data', 'local.db');
}

export function openLocalDb(file: string = defaultDbFile()): LocalDb {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new Database(file);
  // WAL + FULL sync: a write acknowledged to the app survives a killed process; transactions are atomic.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}
