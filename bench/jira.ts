// `npm run bench -- jira [--issues N --worklogs N]`: the Jira emulator at the demo's benchmark scale.
// Prints generation and seed time, a JQL page of 100 issues with properties (as a service manager and as a
// customer contact), and memory.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalDb } from '../local/db';
import { parseDemoArgs } from '../local/demo/cli-args';
import { generateDemo } from '../local/demo/generate';
import { loadManifest } from '../local/forge/manifest';
import { createJiraEmulator } from '../local/jira';
import type { JiraPrincipal } from '../local/jira/backend';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const args = parseDemoArgs(process.argv.slice(2));
  const issues = args.issues ?? 20_000;
  const worklogs = args.worklogs ?? 200_000;
  const anchor = args.anchor ?? '2026-11-20T12:00:00Z';
  const dir = mkdtempSync(join(tmpdir(), 'bench-jira-'));
  const file = join(dir, 'local.db');
  try {
    let t = performance.now();
    const company = generateDemo({ seed: args.seed, anchor, issues, worklogs });
    const generateMs = performance.now() - t;

    const db = openLocalDb(file);
    const indexedProperties = loadManifest(join(__dirname, '..')).entityProperties.map((p) => ({ propertyKey: p.propertyKey, values: p.values }));
    const jira = createJiraEmulator({ db, indexedProperties, baseUrl: 'http://localhost:4010', now: () => Date.parse(anchor) });
    t = performance.now();
    jira.importSeed(company.jira);
    const seedMs = performance.now() - t;
    const afterSeed = process.memoryUsage();

    const manager = company.people.find((p) => p.role === 'service-manager');
    const contact = company.people.find((p) => p.role === 'customer');
    const project = company.customers[0]?.projectKeys[0];
    if (!manager || !contact || !project) throw new Error('the demo company has no service manager, contact or project');
    const as = (accountId: string): JiraPrincipal => ({ kind: 'user', accountId });

    const search = async (principal: JiraPrincipal, jql: string) => {
      const body = JSON.stringify({
        jql,
        maxResults: 100,
        fields: ['summary', 'status', 'priority', 'assignee', 'created', 'updated'],
        properties: ['serviceSla'],
      });
      const start = performance.now();
      const reply = await jira.handle({ method: 'POST', path: '/rest/api/3/search/jql', headers: { 'content-type': 'application/json' }, body, principal, fromApp: false });
      const elapsed = performance.now() - start;
      if (reply.status !== 200) throw new Error(`search answered ${reply.status}: ${reply.body}`);
      const page = JSON.parse(reply.body) as { issues: unknown[]; nextPageToken?: string };
      return { elapsed, count: page.issues.length, more: Boolean(page.nextPageToken) };
    };

    // Each run asks a different query (the day count varies), so no run is answered from the emulator's
    // result cache; the very first search also pays for loading the JQL parser.
    const queries: [string, JiraPrincipal, (days: number) => string][] = [
      ['manager: open work, by priority', as(manager.accountId), (d) => `statusCategory != Done AND created >= -${d}d ORDER BY priority DESC, created ASC`],
      [`manager: one project (${project}), recent`, as(manager.accountId), (d) => `project = ${project} AND created >= -${d}d ORDER BY created DESC`],
      ['contact: everything they may see', as(contact.accountId), (d) => `updated >= -${d}d ORDER BY updated DESC`],
    ];
    const first = await search(as(manager.accountId), 'statusCategory != Done ORDER BY created DESC');
    const rows: string[][] = [['first search after seeding', String(first.count), ms(first.elapsed), ms(first.elapsed)]];
    for (const [label, principal, jql] of queries) {
      const runs: number[] = [];
      let last = { count: 0, more: false };
      for (let i = 0; i < 15; i++) {
        const r = await search(principal, jql(60 + i));
        runs.push(r.elapsed);
        last = r;
      }
      rows.push([label, `${last.count}${last.more ? '+' : ''}`, ms(median(runs)), ms(Math.max(...runs))]);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const end = process.memoryUsage();

    console.log(`Jira emulator at demo scale: ${issues.toLocaleString('en-US')} issues, ${company.jira.issues.reduce((n, i) => n + i.worklogs.length, 0).toLocaleString('en-US')} worklogs`);
    console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, node ${process.version}\n`);
    console.log(`generate demo data   ${ms(generateMs)}`);
    console.log(`seed (importSeed)    ${ms(seedMs)}`);
    console.log(`database file        ${mib(statSync(file).size)}`);
    console.log(`memory after seed    rss ${mib(afterSeed.rss)}, heap ${mib(afterSeed.heapUsed)}`);
    console.log(`memory at end        rss ${mib(end.rss)}, heap ${mib(end.heapUsed)}\n`);
    console.log('JQL page of 100 with fields and properties (POST /rest/api/3/search/jql), 15 different queries each:');
    const widths = [0, 1, 2, 3].map((i) => Math.max(...[['query', 'issues', 'median', 'max'], ...rows].map((r) => r[i]?.length ?? 0)));
    for (const row of [['query', 'issues', 'median', 'max'], ...rows]) {
      console.log('  ' + row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '));
    }
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench jira failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
