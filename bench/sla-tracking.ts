// `npm run bench -- sla-tracking`: what SLA tracking costs.
// 1. Per product event: Jira calls and KVS requests of the real trigger, over comments on open demo issues.
// 2. The sweep: 20,000 issues in the index of next crossings, 200 of them due; its time, Jira calls and KVS
//    requests (it must visit the 200, not scan the 20,000).
import { join } from 'node:path';
import { defaultAnchor } from '../local/demo/seed-local';
import { kvs } from '@forge/kvs';
import { startLocalHost, type LocalHost } from '../local/host';
import { createSlaStore } from '../src/store/sla-store';
import { jiraRest } from '../tests/helpers/jira-rest';

const APP_ROOT = join(__dirname, '..');
const EVENTS = 200;
const INDEXED = 20_000;
const DUE = 200;

const sum = (counts: Record<string, number>, keep: (key: string) => boolean = () => true) =>
  Object.entries(counts).reduce((n, [k, v]) => (keep(k) ? n + v : n), 0);

const rest = jiraRest;

async function perEvent(host: LocalHost): Promise<void> {
  const open = (await rest(host, '712020:morgan.keller', 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('resolution = Unresolved')}&maxResults=100&fields=key`)).issues as { key: string }[];
  host.jira.resetCalls();
  host.forge.resetKvsCalls();
  const started = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    const issue = open[i % open.length] as { key: string };
    await rest(host, '712020:lukas.meier', 'POST', `/rest/api/3/issue/${issue.key}/comment`, {
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: `Update ${i}` }] }] },
    });
  }
  await host.forge.idle();
  const elapsed = performance.now() - started;
  const calls = host.jira.calls();
  const appCalls = sum(calls, (k) => !k.endsWith('/comment'));
  const kvsCounts = host.forge.kvsCalls();
  console.log(`per event (${EVENTS} comments on ${open.length} open issues, real trigger):`);
  console.log(`  Jira calls per event: ${(appCalls / EVENTS).toFixed(2)} (budget 3)  ${JSON.stringify(Object.fromEntries(Object.entries(calls).filter(([k]) => !k.endsWith('/comment'))))}`);
  console.log(`  KVS requests per event: ${(sum(kvsCounts) / EVENTS).toFixed(2)}  ${JSON.stringify(kvsCounts)}`);
  console.log(`  time per event: ${(elapsed / EVENTS).toFixed(1)} ms (emulator and runtime in one process)`);
}

async function sweep(host: LocalHost): Promise<void> {
  // The index as 20,000 tracked issues would leave it: 200 real issues crossed a threshold a minute ago, the
  // rest cross later. Written through the app's own store, inside an invocation.
  const ids = ((await rest(host, '712020:morgan.keller', 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project IS NOT EMPTY ORDER BY created DESC')}&maxResults=${DUE}&fields=key`)).issues as { id: string; key: string }[]);
  const now = Date.now();
  await host.forge.withInvocation(async () => {
    const store = createSlaStore();
    for (const issue of ids) {
      const record = await store.get(issue.id);
      const base = record ?? { issueId: issue.id, issueKey: issue.key, basisAt: 0, property: { v: 1, tracked: 'false', breached: 'false', everBreached: 'false', metrics: {} }, hash: '', crossings: [], announced: [] };
      await kvs.entity('issue-sla').set(issue.id, { issueId: issue.id, customerKey: '', basisAt: base.basisAt, nextCrossingAt: now - 60_000, data: { ...base, crossings: [{ metricKey: 'resolution', kind: 'warning', at: now - 60_000 }] } });
    }
    const filler = Array.from({ length: INDEXED - ids.length }, (_, i) => ({
      key: `bench-${i}`,
      value: { issueId: `bench-${i}`, customerKey: 'bench', basisAt: now, nextCrossingAt: now + 3_600_000 + i * 1000, data: {} },
      entityName: 'issue-sla',
    }));
    for (let i = 0; i < filler.length; i += 25) await kvs.batchSet(filler.slice(i, i + 25));
  });
  host.jira.resetCalls();
  host.forge.resetKvsCalls();
  const started = performance.now();
  await host.forge.runScheduledTrigger('sla-sweep');
  const elapsed = performance.now() - started;
  const calls = host.jira.calls();
  const kvsCounts = host.forge.kvsCalls();
  console.log(`sweep (${INDEXED.toLocaleString('en')} issues indexed, ${ids.length} due):`);
  console.log(`  time: ${(elapsed / 1000).toFixed(2)} s (limit 300 s)`);
  console.log(`  Jira calls: ${sum(calls)}  ${JSON.stringify(calls)}`);
  console.log(`  KVS requests: ${sum(kvsCounts)}  ${JSON.stringify(kvsCounts)}`);
  console.log(`  issue reads per due issue: ${((calls['GET /rest/api/3/issue/{issueIdOrKey}'] ?? 0) / ids.length).toFixed(2)} (none for the ${(INDEXED - ids.length).toLocaleString('en')} not due)`);
}

async function main(): Promise<void> {
  const t = performance.now();
  const host = await startLocalHost({ appRoot: APP_ROOT, port: 0, dbFile: ':memory:', demo: { anchor: defaultAnchor(), issues: 2000, worklogs: 4000 }, schedules: false, delayScale: 0, log: () => {} });
  await host.forge.idle();
  console.log(`demo of 2,000 issues seeded and backfilled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  try {
    await perEvent(host);
    await sweep(host);
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
