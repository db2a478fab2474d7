// Browser-test plumbing: the local host with a small demo company on a free port, and Debian's Chromium
// through playwright-core (no browser download).
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { defaultAnchor } from '../../../local/demo/seed-local';
import { startLocalHost, type LocalHost } from '../../../local/host';
import type { JiraPrincipal } from '../../../local/jira';

export const APP_ROOT = join(__dirname, '../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the browser tests write their screenshots. */
export const SCREENSHOT_DIR = join(tmpdir(), 'jira-local-e2e');

/** The Custom UI must be built (`npm test` builds it before jest); say how when it is not. */
export function assertUiBuilt(): void {
  const index = join(APP_ROOT, 'static/dist/issue-panel/index.html');
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: build the Custom UI first with \`npm run build\` (npm test does it before jest).`);
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface TestHost {
  host: LocalHost;
  url: string;
  logs: string[];
}

/** A fixed anchor and seed: the same demo company every run. */
export async function startTestHost(): Promise<TestHost> {
  assertUiBuilt();
  const logs: string[] = [];
  const host = await startLocalHost({
    port: 0,
    dbFile: ':memory:',
    appRoot: APP_ROOT,
    demo: { seed: 7, anchor: '2026-03-10T12:00:00Z', issues: 40, worklogs: 120 },
    schedules: false,
    log: (line) => logs.push(line),
  });
  return { host, url: host.url, logs };
}

/** Reads the emulator as someone (the test's own view of the truth, not through the page). */
export async function jiraGet<T>(host: LocalHost, path: string, principal: JiraPrincipal = { kind: 'app' }): Promise<{ status: number; body: T }> {
  const res = await host.jira.handle({ method: 'GET', path, headers: { accept: 'application/json' }, principal, fromApp: false });
  return { status: res.status, body: (res.body === '' ? undefined : JSON.parse(res.body)) as T };
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(file: string): { width: number; height: number; bytes: number } {
  const buf = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), bytes: buf.length };
}

/**
 * The demo company with history up to today, its configuration imported and the SLA backfill done: every open
 * issue carries its SLA state and the board's read model (queues run at once); billing's worklog copy is synced
 * and this month counted.
 */
export async function startTrackedDemo(): Promise<LocalHost> {
  assertUiBuilt();
  const host = await startLocalHost({ appRoot: APP_ROOT, port: 0, dbFile: ':memory:', demo: { anchor: defaultAnchor() }, schedules: false, delayScale: 0, log: () => {} });
  await host.forge.idle();
  await host.forge.runScheduledTrigger('billing-sync');
  return host;
}
