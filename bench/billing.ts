// `npm run bench -- billing`: a month of 100,000 worklogs over 20,000 issues (50 customers, 400 issues each, five
// worklogs per issue), synchronised into the app's worklog copy from the feeds and exported as XLSX and CSV.
// Prints Jira calls (budget: 2 x ceil(worklogs / 1000) + ceil(issues / 100) + 10), time, and memory: the process's
// peak RSS while the export runs and its growth over the RSS before (the site and the app share this process).
import { join } from 'node:path';
import { GROUPS, ISSUE_TYPES, RESOLUTIONS, STATUS } from '../local/demo/company';
import { generateDemo } from '../local/demo/generate';
import type { DemoCustomer } from '../local/demo/types';
import { startLocalHost, type LocalHost } from '../local/host';
import type { JiraSeed, SeedIssue } from '../local/jira/seed';

const CUSTOMERS = 50;
const ISSUES_PER_CUSTOMER = Number(process.env.BENCH_ISSUES ?? 400);
const WORKLOGS_PER_ISSUE = 5;
/** A month over 90 days back: its issues are resolved, so the SLA backfill on install leaves them alone. */
const MONTH = '2026-07';
const ADMIN = '712020:morgan.keller';
const MODULE = 'service-board';

function site(): { jira: JiraSeed; customers: DemoCustomer[]; people: ReturnType<typeof generateDemo>['people']; anchor: string } {
  const anchor = new Date().toISOString();
  const demo = generateDemo({ anchor, issues: 6, worklogs: 0 });
  const engineers = demo.people.filter((p) => p.role === 'engineer').map((p) => p.accountId);
  const customers: DemoCustomer[] = [];
  const issues: SeedIssue[] = [];
  const done = RESOLUTIONS[0]?.id as string;
  for (let c = 0; c < CUSTOMERS; c++) {
    const base = demo.customers[c % demo.customers.length] as DemoCustomer;
    const project = `B${String(c).padStart(2, '0')}`;
    customers.push({ ...base, key: `c${String(c).padStart(2, '0')}-${base.key}`, name: `${base.name} ${c}`, projectKeys: [project] });
    for (let i = 0; i < ISSUES_PER_CUSTOMER; i++) {
      const n = c * ISSUES_PER_CUSTOMER + i;
      issues.push({
        key: `${project}-${i + 1}`,
        projectKey: project,
        issueTypeId: ISSUE_TYPES[i % ISSUE_TYPES.length]?.id ?? '10001',
        summary: `Work ${i + 1} for ${base.name}, "quoted", with commas`,
        reporterAccountId: base.serviceManagerAccountId,
        initial: { statusId: STATUS.open, priorityId: String((i % 5) + 1), assigneeAccountId: null },
        labels: i % 40 === 0 ? ['internal'] : [],
        components: [],
        created: `${MONTH}-01T06:00:00.000Z`,
        history: [{ at: `${MONTH}-31T12:00:00.000Z`, authorAccountId: base.serviceManagerAccountId, items: [{ field: 'status', from: STATUS.open, to: STATUS.closed }, { field: 'resolution', from: null, to: done }] }],
        comments: [],
        worklogs: Array.from({ length: WORKLOGS_PER_ISSUE }, (_, w) => ({
          authorAccountId: engineers[(n + w) % engineers.length] as string,
          started: new Date(Date.parse(`${MONTH}-02T07:00:00Z`) + ((n * 7 + w * 131) % (25 * 24 * 60)) * 60_000).toISOString(),
          timeSpentSeconds: 600 + ((n + w) % 12) * 300,
        })),
      });
    }
  }
  const jira: JiraSeed = {
    ...demo.jira,
    projects: customers.map((c, i) => ({ id: String(30_000 + i), key: c.projectKeys[0] as string, name: c.name, leadAccountId: c.serviceManagerAccountId, browseGroups: [GROUPS.staff, GROUPS.customer(c.key)], components: [] })),
    issues,
  };
  return { jira, customers, people: demo.people, anchor };
}

type Answer<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

async function call<T>(host: LocalHost, functionKey: string, payload: unknown): Promise<T> {
  const answer = (await host.forge.invokeResolver({ moduleKey: MODULE, functionKey, accountId: ADMIN, payload })) as Answer<T>;
  if (!answer.ok) throw new Error(`${functionKey}: ${answer.error.message}`);
  return answer.data;
}

const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const { jira, customers, people, anchor } = site();
  const worklogs = CUSTOMERS * ISSUES_PER_CUSTOMER * WORKLOGS_PER_ISSUE;
  const issues = CUSTOMERS * ISSUES_PER_CUSTOMER;
  const budget = 2 * Math.ceil(worklogs / 1000) + Math.ceil(issues / 100) + 10;
  let t = performance.now();
  const host = await startLocalHost({ appRoot: join(__dirname, '..'), port: 0, dbFile: ':memory:', company: { jira, anchor, people, customers }, schedules: false, delayScale: 0, log: () => {} });
  await host.forge.idle();
  console.log(`site of ${issues} issues and ${worklogs} worklogs in ${MONTH} seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  try {
    host.jira.resetCalls();
    host.forge.resetKvsCalls();
    t = performance.now();
    await host.forge.runScheduledTrigger('billing-sync');
    const syncCalls = host.jira.calls();
    console.log(`worklog sync from the feeds: ${((performance.now() - t) / 1000).toFixed(1)} s, Jira calls ${total(syncCalls)} ${JSON.stringify(syncCalls)}, KVS requests ${total(host.forge.kvsCalls())}`);

    // The page: a month this large is not counted inside a resolver; the first look queues its count.
    t = performance.now();
    const first = (await host.forge.invokeResolver({ moduleKey: MODULE, functionKey: 'billingOverview', accountId: ADMIN, payload: { month: MONTH } })) as Answer<unknown>;
    console.log(`billingOverview, first look: ${((performance.now() - t) / 1000).toFixed(1)} s, ${first.ok ? 'answered' : `"${first.error.message}"`}`);
    host.jira.resetCalls();
    t = performance.now();
    await host.forge.idle();
    console.log(`  the month's background count: ${((performance.now() - t) / 1000).toFixed(1)} s, Jira calls ${total(host.jira.calls())}`);
    for (const [what, payload] of [['billingOverview', { month: MONTH }], ['billingCustomerMonth', { month: MONTH, customerKey: customers[0]?.key }]] as const) {
      host.forge.resetKvsCalls();
      t = performance.now();
      await call(host, what, payload);
      console.log(`  ${what} from the count: ${((performance.now() - t) / 1000).toFixed(2)} s, KVS requests ${total(host.forge.kvsCalls())}`);
    }

    for (const format of ['xlsx', 'csv'] as const) {
      host.jira.resetCalls();
      host.forge.resetKvsCalls();
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 25);
      t = performance.now();
      const started = await call<{ exportId: string }>(host, 'billingStartExport', { month: MONTH, format });
      await host.forge.idle();
      const seconds = (performance.now() - t) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const status = await call<{ state: string; bytes: number; chunks: number; message: string | null }>(host, 'billingExportStatus', { exportId: started.exportId });
      if (status.state !== 'done') throw new Error(`export ${status.state}: ${status.message ?? ''}`);
      const calls = host.jira.calls();
      const all = total(calls) + total(syncCalls);
      console.log(`export ${format.toUpperCase()} of the month (all customers): ${seconds.toFixed(1)} s, file ${(status.bytes / 1024 / 1024).toFixed(1)} MB in ${status.chunks} chunks`);
      console.log(`  Jira calls: export ${total(calls)} ${JSON.stringify(calls)}; with the sync ${all} (budget ${budget})`);
      console.log(`  KVS requests: ${total(host.forge.kvsCalls())}`);
      console.log(`  memory: peak RSS ${mb(peak)}, growth during the export ${mb(peak - before)} (budget 256 MB)`);
    }
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
