// `npm run bench -- board`: the priority board for 5,000 open issues over 50 customers, with 150 ms of latency
// on every Jira call. Prints the resolver's time, its Jira calls and its KVS requests (budget: 5 Jira calls,
// 1.5 s). The site is built for the bench: 50 customers (the demo's six, copied), one project each, 100 open
// issues per project; the SLA read model is filled by the app's own backfill.
import { join } from 'node:path';
import { defaultAnchor } from '../local/demo/seed-local';
import { startLocalHost } from '../local/host';
import { openWorkSite } from '../tests/helpers/open-work-site';

const CUSTOMERS = 50;
const PER_CUSTOMER = 100;
const LATENCY_MS = 150;

async function main(): Promise<void> {
  const anchor = defaultAnchor();
  const { jira, customers, people } = openWorkSite(anchor, CUSTOMERS, PER_CUSTOMER);
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
