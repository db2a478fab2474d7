// Billable hours on the local runtime with the demo company: the app's worklog copy (feeds, events,
// reconciliation) and the month's invoice, checked against sums this test computes itself from the emulator's
// seed; an issue with 6,000 worklogs; deletions; a worklog the app may not read; a change after close; exports.
import { join } from 'node:path';
import type { BillingCustomerMonth, BillingExportStatus, BillingOverview, CustomerMonthSummary } from '../../src/contract/billing';
import { generateDemo } from '../../local/demo/generate';
import { ISSUE_TYPES } from '../../local/demo/company';
import { startLocalHost, type LocalHost } from '../../local/host';
import type { SeedIssue, SeedWorklog } from '../../local/jira/seed';
import { jiraRest } from '../helpers/jira-rest';
import { ADMIN, caller, DEMO_ANCHOR, ENGINEER, ok } from './helpers/admin-host';

const MONTH = '2026-05';
const BILLING_MODULE = 'service-board';
const BULK_WORKLOGS = 6000;
const SUB_TASK = { id: '10006', name: 'Sub-task', subtask: true };

/** The local date of an instant in a zone, by Intl (independent of the app's calendar code). */
function localDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

function roundEntry(seconds: number, mode: string, minutes: number): number {
  if (mode === 'none') return seconds;
  const step = minutes * 60;
  const f = mode === 'up' ? Math.ceil : mode === 'down' ? Math.floor : (x: number) => Math.floor(x + 0.5);
  return f(seconds / step) * step;
}

describe('billable hours', () => {
  const demo = generateDemo({ anchor: DEMO_ANCHOR });
  const first = demo.customers[0];
  if (!first) throw new Error('the demo has customers');
  const bulkProject = first.projectKeys[0] as string;
  const bulkWorklogs: SeedWorklog[] = Array.from({ length: BULK_WORKLOGS }, (_, i) => ({
    authorAccountId: demo.people.find((p) => p.role === 'engineer')?.accountId as string,
    // 6,000 five-minute entries from 4 to 25 May, well inside the month in every zone.
    started: new Date(Date.parse('2026-05-04T06:00:00Z') + i * 300_000).toISOString(),
    timeSpentSeconds: 300,
    // Imported in one go: all 6,000 changed in the same millisecond, a run no feed page can get past.
    created: '2026-05-26T00:00:00.000Z',
  }));
  const bulkIssue: SeedIssue = {
    key: `${bulkProject}-9000`,
    projectKey: bulkProject,
    issueTypeId: ISSUE_TYPES[4]?.id as string,
    summary: 'Data-centre migration: hourly checks',
    reporterAccountId: first.serviceManagerAccountId,
    initial: { statusId: '3', priorityId: '3', assigneeAccountId: null },
    labels: [],
    components: [],
    created: '2026-05-01T08:00:00Z',
    history: [],
    comments: [],
    worklogs: bulkWorklogs,
  };
  // A sub-task of one of the fifth customer's issues, labelled so that its own fields match the sixth customer.
  const fifth = demo.customers[4];
  const sixth = demo.customers[5];
  if (!fifth || !sixth) throw new Error('the demo has six customers');
  const parentIssue = demo.jira.issues.find((i) => fifth.projectKeys.includes(i.projectKey)) as SeedIssue;
  const subTask: SeedIssue = {
    ...bulkIssue,
    key: `${parentIssue.projectKey}-9001`,
    projectKey: parentIssue.projectKey,
    issueTypeId: SUB_TASK.id,
    parentKey: parentIssue.key,
    summary: 'Sub-task: replace the firewall appliance',
    labels: ['route-elsewhere'],
    worklogs: [{ authorAccountId: bulkWorklogs[0]?.authorAccountId as string, started: '2026-05-12T09:00:00.000Z', timeSpentSeconds: 7200 }],
  };
  const seed = { ...demo.jira, issueTypes: [...demo.jira.issueTypes, SUB_TASK], issues: [...demo.jira.issues, bulkIssue, subTask] };
  let host: LocalHost;
  let admin: ReturnType<typeof caller>;

  beforeAll(async () => {
    host = await startLocalHost({
      appRoot: join(__dirname, '../..'),
      port: 0,
      dbFile: ':memory:',
      company: { anchor: DEMO_ANCHOR, customers: demo.customers, people: demo.people, jira: seed },
      // Small feed pages, so pages end inside runs of equal times all through the demo's worklogs.
      jiraOptions: { worklogFeedPageSize: 50 },
      schedules: false,
      delayScale: 0,
      log: () => {},
    });
    await host.forge.idle();
    await host.forge.runScheduledTrigger('billing-sync');
    admin = caller(host, ADMIN, BILLING_MODULE);
  }, 240_000);
  afterAll(async () => {
    await host?.close();
  });

  /** What the month should hold for each customer, computed from the seed and the demo's contract terms. */
  function expectedMonth(): Map<string, { raw: number; billable: number; amount: number; lines: number }> {
    const typeName = new Map(ISSUE_TYPES.map((t) => [t.id, t.name]));
    const out = new Map<string, { raw: number; billable: number; amount: number; lines: number }>();
    for (const customer of demo.customers) {
      const sums = { raw: 0, billable: 0, amount: 0, lines: 0 };
      const rate = customer.contract.hourlyRate * 100;
      for (const issue of seed.issues.filter((i) => customer.projectKeys.includes(i.projectKey))) {
        const nonBillable = issue.labels.some((l) => customer.contract.nonBillableLabels.includes(l));
        const issueRate = typeName.get(issue.issueTypeId) === 'Change' ? Math.round(rate * 1.25) : rate;
        for (const w of issue.worklogs) {
          if (!localDate(Date.parse(w.started), customer.timeZone).startsWith(MONTH)) continue;
          const billable = nonBillable ? 0 : roundEntry(w.timeSpentSeconds, customer.contract.rounding.mode, customer.contract.rounding.minutes);
          sums.raw += w.timeSpentSeconds;
          sums.billable += billable;
          sums.amount += Math.floor((billable * issueRate + 1800) / 3600);
          sums.lines += 1;
        }
      }
      out.set(customer.key, sums);
    }
    return out;
  }

  const overview = async (): Promise<BillingOverview> => ok(await admin('billingOverview', { month: MONTH }));
  const summaryOf = (view: BillingOverview, key: string): CustomerMonthSummary => {
    const found = view.customers.find((c) => c.customerKey === key);
    if (!found) throw new Error(`no summary for ${key}`);
    return found;
  };

  it("matches, for every demo customer, a sum of its month's worklogs computed from the emulator's own data", async () => {
    // The feeds could not list the run of 6,000 worklogs changed in one millisecond: the copy lacks most of them...
    const bulkId = String((await jiraRest(host, ADMIN, 'GET', `/rest/api/3/issue/${bulkIssue.key}?fields=summary`)).id);
    const held = () =>
      (host.db.prepare("SELECT count(*) AS n FROM kvs_items WHERE space = 'entity' AND entity = 'worklog' AND json_extract(value, '$.issueId') = ?").get(bulkId) as { n: number }).n;
    expect(held()).toBeLessThan(BULK_WORKLOGS);
    host.jira.resetCalls();
    const view = await overview();
    // ... until the report compared Jira's time tracking and read the issue's month in pages of 5,000.
    expect(held()).toBe(BULK_WORKLOGS);
    expect(host.jira.calls()['GET /rest/api/3/issue/{issueIdOrKey}/worklog']).toBe(2);
    const expected = expectedMonth();
    for (const customer of demo.customers) {
      const want = expected.get(customer.key);
      const got = summaryOf(view, customer.key);
      expect({ key: customer.key, raw: got.rawSeconds, billable: got.billableSeconds, amount: got.amount, lines: got.lineCount }).toEqual({
        key: customer.key,
        raw: want?.raw,
        billable: want?.billable,
        amount: want?.amount,
        lines: want?.lines,
      });
      expect(got.rawSeconds).toBeGreaterThan(0);
      expect(got.includedUsedSeconds + got.includedRemainingSeconds).toBe(got.includedSeconds);
    }
    expect(view.sync.lastSyncedAt).not.toBeNull();
  });

  it('counts an issue with 6,000 worklogs completely, though the feeds could not list them', async () => {
    host.jira.resetCalls();
    const month: BillingCustomerMonth = ok(await admin('billingCustomerMonth', { month: MONTH, customerKey: first.key }));
    // Its worklogs were already reconciled for the month before; a second report needs no per-issue read.
    expect(host.jira.calls()['GET /rest/api/3/issue/{issueIdOrKey}/worklog'] ?? 0).toBe(0);
    const node = month.issues.find((i) => i.issueKey === bulkIssue.key);
    expect(node?.rawSeconds).toBe(BULK_WORKLOGS * 300);
    expect(node?.people.flatMap((p) => p.days).reduce((s, d) => s + d.rawSeconds, 0)).toBe(BULK_WORKLOGS * 300);
  });

  it('drops a deleted worklog from the report', async () => {
    const issue = seed.issues.find((i) => i.projectKey === bulkProject && i.key !== bulkIssue.key && i.worklogs.some((w) => w.started.startsWith(MONTH)));
    if (!issue) throw new Error('the demo has a worklog in May');
    const before = summaryOf(await overview(), first.key);
    const list = (await jiraRest(host, ADMIN, 'GET', `/rest/api/3/issue/${issue.key}/worklog`)) as { worklogs: { id: string; started: string; timeSpentSeconds: number }[] };
    const victim = list.worklogs.find((w) => localDate(Date.parse(w.started), first.timeZone).startsWith(MONTH));
    if (!victim) throw new Error('a May worklog');
    await jiraRest(host, ADMIN, 'DELETE', `/rest/api/3/issue/${issue.key}/worklog/${victim.id}`);
    await host.forge.idle();
    const after = summaryOf(await overview(), first.key);
    expect(after.rawSeconds).toBe(before.rawSeconds - victim.timeSpentSeconds);
    expect(after.lineCount).toBe(before.lineCount - 1);
  });

  it("drops a deleted issue's worklogs with it", async () => {
    const customer = demo.customers[3];
    if (!customer) throw new Error('a fourth customer');
    const issue = seed.issues.find((i) => customer.projectKeys.includes(i.projectKey) && i.worklogs.some((w) => localDate(Date.parse(w.started), customer.timeZone).startsWith(MONTH)));
    if (!issue) throw new Error('an issue with May worklogs');
    const before = summaryOf(await overview(), customer.key);
    const seconds = issue.worklogs.filter((w) => localDate(Date.parse(w.started), customer.timeZone).startsWith(MONTH)).reduce((s, w) => s + w.timeSpentSeconds, 0);
    const id = String((await jiraRest(host, ADMIN, 'GET', `/rest/api/3/issue/${issue.key}?fields=summary`)).id);
    // The emulator does not delete issues; Jira's event for a deletion is delivered as Forge would.
    await host.forge.deliverProductEvent({ eventType: 'avi:jira:deleted:issue', selfGenerated: false, issue: { id, key: issue.key } });
    await host.forge.idle();
    const after = summaryOf(await overview(), customer.key);
    expect(after.rawSeconds).toBe(before.rawSeconds - seconds);
  });

  it('reports a worklog restricted to a group the app is not in as not visible to the app', async () => {
    const customer = demo.customers[1];
    if (!customer) throw new Error('a second customer');
    const issue = seed.issues.find((i) => customer.projectKeys.includes(i.projectKey) && i.worklogs.some((w) => w.started.startsWith(MONTH)));
    if (!issue) throw new Error('an issue with May worklogs');
    const before = summaryOf(await overview(), customer.key);
    await jiraRest(host, ADMIN, 'POST', `/rest/api/3/issue/${issue.key}/worklog`, {
      started: '2026-05-20T10:00:00.000+0000',
      timeSpentSeconds: 5400,
      visibility: { type: 'group', value: 'jira-admins' },
    });
    await host.forge.idle();
    await host.forge.runScheduledTrigger('billing-sync');
    const after = summaryOf(await overview(), customer.key);
    expect(after.rawSeconds).toBe(before.rawSeconds);
    expect(after.notVisibleSeconds).toBe(before.notVisibleSeconds + 5400);
    const detail: BillingCustomerMonth = ok(await admin('billingCustomerMonth', { month: MONTH, customerKey: customer.key }));
    expect(detail.notVisible).toContainEqual(expect.objectContaining({ issueKey: issue.key, seconds: 5400 }));
  });

  it('keeps a closed month as invoiced and lists a later change; reopening is an admin action that is recorded', async () => {
    const customer = demo.customers[2];
    if (!customer) throw new Error('a third customer');
    const closed = ok(await admin('billingCloseMonth', { month: MONTH, customerKey: customer.key }));
    expect(closed.action).toBe('closed');
    const invoiced = summaryOf(await overview(), customer.key);
    expect(invoiced.closure?.lineCount).toBe(invoiced.lineCount);
    const again = await admin('billingCloseMonth', { month: MONTH, customerKey: customer.key });
    expect(again.ok ? 'closed twice' : again.error.code).toBe('CONFLICT');

    const issue = seed.issues.find((i) => customer.projectKeys.includes(i.projectKey) && i.worklogs.some((w) => w.started.startsWith('2026-05-1')));
    if (!issue) throw new Error('an issue with May worklogs');
    const list = (await jiraRest(host, ADMIN, 'GET', `/rest/api/3/issue/${issue.key}/worklog`)) as { worklogs: { id: string; started: string; timeSpentSeconds: number }[] };
    const changed = list.worklogs.find((w) => w.started.startsWith('2026-05-1'));
    if (!changed) throw new Error('a mid-May worklog');
    await jiraRest(host, ADMIN, 'PUT', `/rest/api/3/issue/${issue.key}/worklog/${changed.id}`, { timeSpentSeconds: changed.timeSpentSeconds + 3600 });
    await host.forge.idle();

    const still = summaryOf(await overview(), customer.key);
    expect({ raw: still.rawSeconds, billable: still.billableSeconds, amount: still.amount }).toEqual({ raw: invoiced.rawSeconds, billable: invoiced.billableSeconds, amount: invoiced.amount });
    expect(still.changedAfterClose).toBe(1);
    const detail: BillingCustomerMonth = ok(await admin('billingCustomerMonth', { month: MONTH, customerKey: customer.key }));
    expect(detail.changedAfterClose).toEqual([
      { worklogId: changed.id, issueKey: issue.key, kind: 'changed', closedSeconds: changed.timeSpentSeconds, currentSeconds: changed.timeSpentSeconds + 3600 },
    ]);

    const engineer = caller(host, ENGINEER, BILLING_MODULE);
    const refused = await engineer('billingReopenMonth', { month: MONTH, customerKey: customer.key, reason: 'I want to' });
    expect(refused.ok ? 'reopened' : refused.error.code).toBe('FORBIDDEN');
    const noReason = await admin('billingReopenMonth', { month: MONTH, customerKey: customer.key, reason: ' ' });
    expect(noReason.ok ? 'reopened' : noReason.error.field).toBe('reason');
    ok(await admin('billingReopenMonth', { month: MONTH, customerKey: customer.key, reason: 'Credit note for ticket times' }));
    const reopened: BillingCustomerMonth = ok(await admin('billingCustomerMonth', { month: MONTH, customerKey: customer.key }));
    expect(reopened.history.map((e) => [e.action, e.by.accountId, e.reason])).toEqual([
      ['closed', ADMIN, null],
      ['reopened', ADMIN, 'Credit note for ticket times'],
    ]);
    expect(reopened.summary.rawSeconds).toBe(invoiced.rawSeconds + 3600);
    expect(reopened.changedAfterClose).toEqual([]);
  });

  it('refuses to close a month that has not ended', async () => {
    const now = new Date();
    const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const answer = await admin('billingCloseMonth', { month: current, customerKey: first.key });
    expect(answer.ok ? 'closed' : answer.error.code).toBe('CONFLICT');
  });

  it("shows this month's billable hours against the included hours in the board's lane, to the service team only", async () => {
    const issue = seed.issues.find((i) => first.projectKeys.includes(i.projectKey) && i.key !== bulkIssue.key);
    if (!issue) throw new Error('an issue of the first customer');
    const started = new Date(Date.now() - 3 * 3600_000).toISOString().replace('Z', '+0000');
    await jiraRest(host, ADMIN, 'POST', `/rest/api/3/issue/${issue.key}/worklog`, { started, timeSpentSeconds: 5400 });
    await host.forge.idle();
    await host.forge.runScheduledTrigger('billing-sync');
    const board = caller(host, first.serviceManagerAccountId, 'service-board');
    const lane = ok(await board('getBoard', { customerKey: first.key })).lanes[0];
    expect(lane?.health.hoursUsed).toBe(1.5);
    expect(lane?.health.includedHours).toBe(first.contract.includedHoursPerMonth);
    // A sync that changes nothing leaves the counts standing: no search of the month's issues.
    host.jira.resetCalls();
    await host.forge.runScheduledTrigger('billing-sync');
    expect(host.jira.calls()['POST /rest/api/3/search/jql'] ?? 0).toBe(0);
    const contact = first.contacts[0];
    if (!contact) throw new Error('a contact');
    const seen = ok(await caller(host, contact.accountId, 'service-board')('getBoard', {})).lanes;
    expect(seen.map((l) => l.health.hoursUsed)).toEqual(seen.map(() => null));
  });

  it("bills a sub-task's hours to its parent's customer, though its own fields match another", async () => {
    const matching = ok(await admin('getAdminConfig', {})).matching;
    const { meta, ...rules } = matching;
    // A rule before the project rules: the label names the sixth customer.
    ok(await caller(host, ADMIN)('saveMatchingRules', { matching: { rules: [{ id: 'route-label', customerKey: sixth.key, conditions: [{ field: 'label', values: ['route-elsewhere'] }] }, ...rules.rules] }, expectedRevision: meta.revision }));
    const own: BillingCustomerMonth = ok(await admin('billingCustomerMonth', { month: MONTH, customerKey: fifth.key }));
    expect(own.issues.find((i) => i.issueKey === subTask.key)?.rawSeconds).toBe(7200);
    const other: BillingCustomerMonth = ok(await admin('billingCustomerMonth', { month: MONTH, customerKey: sixth.key }));
    expect(other.issues.map((i) => i.issueKey)).not.toContain(subTask.key);
  });

  it('exports the month as CSV whose totals are the summary', async () => {
    const summary = summaryOf(await overview(), first.key);
    const started: BillingExportStatus = ok(await admin('billingStartExport', { month: MONTH, customerKey: first.key, format: 'csv' }));
    await host.forge.idle();
    const status: BillingExportStatus = ok(await admin('billingExportStatus', { exportId: started.exportId }));
    expect(status.state).toBe('done');
    const parts: Buffer[] = [];
    for (let i = 0; i < status.chunks; i++) parts.push(Buffer.from(ok(await admin('billingExportChunk', { exportId: started.exportId, index: i })).data, 'base64'));
    const text = Buffer.concat(parts).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows.length - 1).toBe(summary.lineCount);
  });
});
