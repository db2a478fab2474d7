// A month too large to count inside a resolver (the limit is lowered here to 500 worklogs with the Forge
// environment variable the app reads): the page is told it is being counted, a background job counts it, and the
// page then shows the same figures a live count gives, from the count; closing such a month takes the counted
// lines, and a later change shows once the month is counted again.
import type { BillingCustomerMonth, BillingOverview } from '../../src/contract/billing';
import { queueBillingJob } from '../../src/jobs/billing-queue';
import type { LocalHost } from '../../local/host';
import { jiraRest } from '../helpers/jira-rest';
import { ADMIN, caller, ok, startDemoHost } from './helpers/admin-host';

const MONTH = '2026-05';
const MODULE = 'service-board';

describe('a month too large for a resolver', () => {
  let host: LocalHost;
  let admin: ReturnType<typeof caller>;
  const withLimit = async <T>(limit: string, run: () => Promise<T>): Promise<T> => {
    process.env.BILLING_LIVE_WORKLOG_LIMIT = limit;
    try {
      return await run();
    } finally {
      process.env.BILLING_LIVE_WORKLOG_LIMIT = '500';
    }
  };
  const live = <T>(run: () => Promise<T>) => withLimit('1000000', run);
  const count = async () => {
    await host.forge.withInvocation(() => queueBillingJob({ kind: 'count', month: MONTH }));
    await host.forge.idle();
  };

  beforeAll(async () => {
    process.env.BILLING_LIVE_WORKLOG_LIMIT = '500';
    host = await startDemoHost();
    await host.forge.idle();
    await host.forge.runScheduledTrigger('billing-sync');
    admin = caller(host, ADMIN, MODULE);
  }, 120_000);
  afterAll(async () => {
    delete process.env.BILLING_LIVE_WORKLOG_LIMIT;
    await host?.close();
  });

  it('says the month is being counted, then shows the figures a live count gives', async () => {
    const first = await admin('billingOverview', { month: MONTH });
    expect(first.ok ? 'answered' : first.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('being counted in the background') });
    await host.forge.idle();

    const counted: BillingOverview = ok(await admin('billingOverview', { month: MONTH }));
    expect(counted.figuresAt).not.toBeNull();
    const now: BillingOverview = await live(async () => ok(await admin('billingOverview', { month: MONTH })));
    expect(now.figuresAt).toBeNull();
    expect(counted.customers).toEqual(now.customers);
    expect(counted.customers.reduce((n, c) => n + c.lineCount, 0)).toBeGreaterThan(500);

    const key = counted.customers[0]?.customerKey as string;
    const detail: BillingCustomerMonth = ok(await admin('billingCustomerMonth', { month: MONTH, customerKey: key }));
    const liveDetail: BillingCustomerMonth = await live(async () => ok(await admin('billingCustomerMonth', { month: MONTH, customerKey: key })));
    expect({ ...detail, figuresAt: null }).toEqual(liveDetail);
  });

  it('closes a counted month with its counted lines, and lists a later change once counted again', async () => {
    const overview: BillingOverview = ok(await admin('billingOverview', { month: MONTH }));
    const customer = overview.customers.find((c) => c.lineCount > 0 && c.customerKey !== '_none');
    if (!customer) throw new Error('a customer with May worklogs');
    ok(await admin('billingCloseMonth', { month: MONTH, customerKey: customer.customerKey }));
    const closed: BillingOverview = ok(await admin('billingOverview', { month: MONTH }));
    const invoiced = closed.customers.find((c) => c.customerKey === customer.customerKey);
    expect(invoiced?.closure?.lineCount).toBe(customer.lineCount);

    // A worklog of that customer's month gets an hour longer in Jira.
    const detail: BillingCustomerMonth = ok(await admin('billingCustomerMonth', { month: MONTH, customerKey: customer.customerKey }));
    const issueKey = detail.issues[0]?.issueKey as string;
    const list = (await jiraRest(host, ADMIN, 'GET', `/rest/api/3/issue/${issueKey}/worklog`)) as { worklogs: { id: string; started: string; timeSpentSeconds: number }[] };
    const worklog = list.worklogs.find((w) => w.started.startsWith('2026-05-1')) ?? list.worklogs.find((w) => w.started.startsWith(MONTH));
    if (!worklog) throw new Error('a May worklog');
    await jiraRest(host, ADMIN, 'PUT', `/rest/api/3/issue/${issueKey}/worklog/${worklog.id}`, { timeSpentSeconds: worklog.timeSpentSeconds + 3600 });
    await host.forge.idle();
    await count();

    const after: BillingOverview = ok(await admin('billingOverview', { month: MONTH }));
    const still = after.customers.find((c) => c.customerKey === customer.customerKey);
    expect({ raw: still?.rawSeconds, amount: still?.amount, changed: still?.changedAfterClose }).toEqual({ raw: invoiced?.rawSeconds, amount: invoiced?.amount, changed: 1 });
    const changes: BillingCustomerMonth = ok(await admin('billingCustomerMonth', { month: MONTH, customerKey: customer.customerKey }));
    expect(changes.changedAfterClose).toEqual([expect.objectContaining({ worklogId: worklog.id, kind: 'changed', currentSeconds: worklog.timeSpentSeconds + 3600 })]);
  });
});
