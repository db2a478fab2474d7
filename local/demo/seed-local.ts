// Seeds the local host's database with a company (normally the demo company) and remembers who is who, for the
// user switcher.
import type { LocalDb } from '../db';
import type { JiraEmulator, JiraSeed } from '../jira';
import type { DemoArgs } from './cli-args';
import { generateDemo } from './generate';
import type { DemoCustomer, DemoPerson } from './types';

/** The company a local database holds, beyond its Jira data. */
export interface SeededCompany {
  /** The end of its history. */
  anchor: string;
  people: DemoPerson[];
  customers: DemoCustomer[];
}

const META_KEY = 'demo';

/** The host's own bookkeeping table (which company is seeded, whether its configuration was imported). */
export function ensureTable(db: LocalDb): void {
  db.exec('CREATE TABLE IF NOT EXISTS local_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
}

export function defaultAnchor(now: number = Date.now()): string {
  return new Date(Math.floor(now / 86_400_000) * 86_400_000).toISOString();
}

export function seedCompany(db: LocalDb, jira: JiraEmulator, seed: JiraSeed, company: SeededCompany): SeededCompany {
  ensureTable(db);
  // The emulator commits its own transaction (and mirrors it in memory), so it is not nested in ours.
  jira.importSeed(seed);
  db.prepare('INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)').run(META_KEY, JSON.stringify(company));
  return company;
}

/**
 * `anchor` (the end of the generated history, the demo's "now") defaults to the start of the current UTC day, so
 * the open tickets' SLA clocks are live when you look; pass `--anchor` for a history fixed in time.
 */
export function seedDemo(db: LocalDb, jira: JiraEmulator, options: DemoArgs): SeededCompany {
  const anchor = options.anchor ?? defaultAnchor();
  const demo = generateDemo({ seed: options.seed, anchor, issues: options.issues, worklogs: options.worklogs });
  return seedCompany(db, jira, demo.jira, { anchor, people: demo.people, customers: demo.customers });
}

export function loadSeededCompany(db: LocalDb): SeededCompany {
  ensureTable(db);
  const row = db.prepare('SELECT value FROM local_meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
  if (!row) throw new Error('The local database holds Jira data but no demo company: run `npm run demo:reset`.');
  return JSON.parse(row.value) as SeededCompany;
}

/** Drops the Jira data, the app's storage and the demo record, so the next start seeds afresh. */
export function clearLocalData(db: LocalDb, jira: JiraEmulator): void {
  ensureTable(db);
  const appTables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'kvs\\_%' ESCAPE '\\'")
    .all() as { name: string }[];
  jira.reset();
  db.transaction(() => {
    for (const { name } of appTables) db.prepare(`DELETE FROM "${name}"`).run();
    db.prepare('DELETE FROM local_meta').run();
  })();
}
