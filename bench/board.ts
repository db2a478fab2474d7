// `npm run bench -- board`: the priority board for 5,000 open issues over 50 customers, with 150 ms of latency
// on every Jira call. Prints the resolver's time, its Jira calls and its KVS requests (budget: 5 Jira calls,
// 1.5 s). The site is built for the bench: 50 customers (the demo's six, copied), one project each, 100 open
// issues per project; the SLA read model is filled by the app's own backfill.
import { join } from 'node:path';
import { GROUPS, ISSUE_TYPES, PRIORITIES, STATUSES, TRANSITIONS } from '../local/demo/company';
import { generateDemo } from '../local/demo/generate';
import { defaultAnchor } from '../local/demo/seed-local';
import type { DemoCustomer } from '../local/demo/types';
import { startLocalHost } from '../local/host';
import type { JiraSeed, SeedIssue } from '../local/jira/seed';

const CUSTOMERS = 50;
const PER_CUSTOMER = 100;
const LATENCY_MS = 150;

function site(anchor: string): { jira: JiraSeed; customers: DemoCustomer[]; people: ReturnType<typeof generateDemo>['people'] } {
  const demo = generateDemo({ anchor, issues: 6, worklogs: 0 });
  const customers: DemoCustomer[] = [];
  const issues: SeedIssue[] = [];
  const now = Date.parse(anchor);
  for (let c = 0; c < CUSTOMERS; c++) {
    const base = demo.customers[c % demo.customers.length] as DemoCustomer;
    const key = `c${String(c).padStart(2, '0')}-${base.key}`;
    const project = `P${String(c).padStart(2, '0')}`;
    customers.push({ ...base, key, name: `${base.name} ${c}`, projectKeys: [project] });
    for (let i = 0; i < PER_CUSTOMER; i++) {
      issues.push({
        key: `${project}-${i + 1}`,
        projectKey: project,
        issueTypeId: ISSUE_TYPES[i % ISSUE_TYPES.length]?.id ?? '10001',
        summary: `Open work ${i + 1} of ${base.name}`,
        reporterAccountId: base.serviceManagerAccountId,
        initial: { statusId: '1', priorityId: String((i % 5) + 1), assigneeAccountId: null },
        labels: [],
        components: [],
        // Spread over the last 20 days, so clocks range from fresh to long breached.
        created: new Date(now - ((i * 4.8 + c) % 480) * 3_600_000).toISOString(),
        history: [],
        comments: [],
        worklogs: [],
      });
    }
  }
  const jira: JiraSeed = {
    ...demo.jira,
    statuses: STATUSES,
    transitions: TRANSITIONS,
    priorities: PRIORITIES,
    issueTypes: ISSUE_TYPES,
    projects: customers.map((c, i) => ({ id: String(20_000 + i), key: c.projectKeys[0] as string, name: c.name, leadAccountId: c.serviceManagerAccountId, browseGroups: [GROUPS.staff, GROUPS.customer(c.key)], components: [] })),
    issues,
  };
  return { jira, customers, people: demo.people };
}

async function main(): Promise<void> {
  const anchor = defaultAnchor();
  const { jira, customers, people } = site(anchor);
  let t = performance.now();
  const host = await startLocalHost({ appRoot: join(__dirname, '..'), port: 0, dbFile: ':memory:', company: { jira, anchor, people, customers }, schedules: false, delayScale: 0, log: () => {} });
  await host.forge.idle();
  console.log(`site of ${CUSTOMERS} customers and ${CUSTOMERS * PER_CUSTOMER} open issues seeded and backfilled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  try {
    host.jira.faults.inject({ latencyMs: LATENCY_MS });
    const runs: number[] = [];
    let calls: Record<string, number> = {};
    let kvs: Record<string, number> = {};
    let lanes = 0;
    let items = 0;
    for (let run = 0; run < 3; run++) {
      host.jira.resetCalls();
      host.forge.resetKvsCalls();
      t = performance.now();
      const answer = (await host.forge.invokeResolver({ moduleKey: 'service-board', functionKey: 'getBoard', accountId: '712020:sofia.brandt', payload: {} })) as {
        ok: boolean;
        data: { lanes: { items: unknown[] }[] };
        error?: { message: string };
      };
      runs.push(performance.now() - t);
      if (!answer.ok) throw new Error(answer.error?.message);
      calls = host.jira.calls();
      kvs = host.forge.kvsCalls();
      lanes = answer.data.lanes.length;
      items = answer.data.lanes.reduce((n, l) => n + l.items.length, 0);
    }
    const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    console.log(`getBoard as a service manager, ${LATENCY_MS} ms latency per Jira call (3 runs):`);
    console.log(`  lanes ${lanes}, items ${items}`);
    console.log(`  resolver time: ${runs.map((r) => `${(r / 1000).toFixed(2)} s`).join(', ')} (budget 1.5 s)`);
    console.log(`  Jira calls: ${total(calls)} (budget 5)  ${JSON.stringify(calls)}`);
    console.log(`  KVS requests: ${total(kvs)}  ${JSON.stringify(kvs)}`);
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
