// Creates the demo company's app configuration through the app itself: the admin page's importConfig resolver,
// called as the demo's Jira admin on the local Forge runtime (never by writing storage directly).
import type { LocalDb } from '../db';
import type { LocalForge } from '../forge/runtime';
import { demoConfig } from './config';
import { ensureTable, type SeededCompany } from './seed-local';

const MARKER = 'demo-config';
const ADMIN_MODULE = 'service-admin-page';

/** Imports the demo configuration once per seeded company; later starts keep what admins changed. */
export async function seedDemoConfig(db: LocalDb, forge: LocalForge, company: SeededCompany): Promise<boolean> {
  ensureTable(db);
  if (db.prepare('SELECT 1 FROM local_meta WHERE key = ?').get(MARKER)) return false;
  const admin = company.people.find((p) => p.role === 'admin');
  if (!admin) throw new Error('the demo company has no Jira admin to create its configuration as');
  const backup = demoConfig(company.customers, company.anchor, new Date().toISOString());
  const result = (await forge.invokeResolver({ moduleKey: ADMIN_MODULE, functionKey: 'importConfig', accountId: admin.accountId, payload: { backup } })) as
    | { ok: true }
    | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`the demo configuration was refused: ${result.error.message}`);
  db.prepare('INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)').run(MARKER, new Date().toISOString());
  return true;
}
