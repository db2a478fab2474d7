// SLA tracking on the local runtime and the Jira emulator: the demo's issues carry the serviceSla property the
// engine gives their history, JQL finds breached issues by it, and it stays right whatever order and however
// often events arrive.
import type { LocalHost } from '../../local/host';
import { demoConfig } from '../../local/demo/config';
import { defaultAnchor } from '../../local/demo/seed-local';
import { generateDemo } from '../../local/demo/generate';
import type { JiraSeed, SeedIssue } from '../../local/jira/seed';
import type { SlaProperty } from '../../src/contract/sla';
import { evaluateSla, type Policy, type Timeline, type TimelineEvent } from '../../src/domain/sla';
import { startLocalHost } from '../../local/host';
import { jiraRest } from '../helpers/jira-rest';
import { join } from 'node:path';

const APP_ROOT = join(__dirname, '../..');

type Found = { issues: { id: string; key: string; properties?: { serviceSla?: SlaProperty } }[]; nextPageToken?: string };

async function searchAll(host: LocalHost, jql: string): Promise<Found['issues']> {
  const out: Found['issues'] = [];
  let token: string | undefined;
  do {
    const path = `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&maxResults=100&fields=key&properties=serviceSla${token ? `&nextPageToken=${encodeURIComponent(token)}` : ''}`;
    const res = await host.jira.handle({ method: 'GET', path, headers: { accept: 'application/json' }, principal: { kind: 'app' }, fromApp: false });
    expect(res.status).toBe(200);
    const page = JSON.parse(res.body) as Found;
    out.push(...page.issues);
    token = page.nextPageToken;
  } while (token);
  return out;
}

/** The test's own reading of a seeded issue's history, straight from the demo data (not through the app). */
function seedTimeline(issue: SeedIssue, seed: JiraSeed, agents: ReadonlySet<string>): Timeline {
  const statuses = new Map(seed.statuses.map((s) => [s.id, s]));
  const priorities = new Map(seed.priorities.map((p) => [p.id, p.name]));
  const first = statuses.get(issue.initial.statusId);
  if (!first) throw new Error(`unknown status ${issue.initial.statusId}`);
  const events: TimelineEvent[] = [
    { at: Date.parse(issue.created), type: 'created', status: first.name, statusCategory: first.category, priority: priorities.get(issue.initial.priorityId) ?? null },
  ];
  if (issue.initial.assigneeAccountId) events.push({ at: Date.parse(issue.created), type: 'assigned', to: issue.initial.assigneeAccountId });
  type Stamped = { at: number; order: number; event: TimelineEvent };
  const later: Stamped[] = [];
  issue.history.forEach((change, i) => {
    const at = Date.parse(change.at);
    for (const item of change.items) {
      if (item.field === 'status' && item.to) {
        const s = statuses.get(item.to);
        if (s) later.push({ at, order: i, event: { at, type: 'status', to: s.name, toCategory: s.category } });
      }
      if (item.field === 'priority') later.push({ at, order: i, event: { at, type: 'priority', to: item.to ? (priorities.get(item.to) ?? null) : null } });
      if (item.field === 'assignee') later.push({ at, order: i, event: { at, type: 'assigned', to: item.to } });
    }
  });
  issue.comments.forEach((c, i) => {
    const at = Date.parse(c.at);
    later.push({ at, order: 100_000 + i, event: { at, type: 'comment', author: agents.has(c.authorAccountId) ? 'agent' : 'customer', public: !c.internal } });
  });
  later.sort((a, b) => a.at - b.at || a.order - b.order);
  return [...events, ...later.map((l) => l.event)];
}

describe('SLA tracking', () => {
  describe('on the demo company', () => {
    let host: LocalHost;
    const anchor = defaultAnchor();
    const demo = generateDemo({ anchor });
    let started = 0;
    let settled = 0;

    beforeAll(async () => {
      started = Date.now();
      host = await startLocalHost({ appRoot: APP_ROOT, port: 0, dbFile: ':memory:', demo: { anchor }, schedules: false, delayScale: 0, log: () => {} });
      // The configuration import queued a backfill: let it run to the end.
      await host.forge.idle();
      settled = Date.now();
    }, 120_000);
    afterAll(async () => {
      await host?.close();
    });

    it('gives every open and recently resolved issue the property the engine gives its history', async () => {
      const config = demoConfig(demo.customers, anchor, anchor);
      const tracked = await searchAll(host, 'issue.property[serviceSla].tracked = "true"');
      expect(tracked.length).toBeGreaterThan(300);
      const agents = new Set(demo.jira.users.filter((u) => u.groups.includes('service-team')).map((u) => u.accountId));
      const byKey = new Map(demo.jira.issues.map((i) => [i.key, i]));
      let compared = 0;
      for (const found of tracked) {
        const property = found.properties?.serviceSla;
        const issue = byKey.get(found.key);
        if (!property || !issue) throw new Error(`${found.key}: no property or no seed`);
        const customer = demo.customers.find((c) => c.projectKeys.includes(issue.projectKey));
        const contract = config.contracts.find((c) => c.customerKey === customer?.key);
        const calendar = config.calendars.find((c) => c.id === contract?.calendarId);
        const version = config.policies.find((p) => p.id === contract?.policyId)?.versions[0];
        if (!customer || !contract || !calendar || !version) throw new Error(`${found.key}: no configuration`);
        expect({ key: found.key, customer: property.customer, contract: property.contract, policy: property.policy, version: property.policyVersion }).toEqual({
          key: found.key,
          customer: customer.key,
          contract: contract.id,
          policy: version.id,
          version: 1,
        });
        const policy: Policy = { metrics: version.metrics.map(({ calendarId: _c, pause, ...m }) => ({ ...m, ...(pause.length ? { pause } : {}) })) };
        const results = evaluateSla(policy, seedTimeline(issue, demo.jira, agents), Date.now(), { calendar });
        for (const [key, result] of Object.entries(results)) {
          const published = property.metrics[key];
          // A running clock that crossed its target while the test ran may differ in `breached`: skip that moment.
          if (result.state === 'running' && result.dueAt !== null && result.dueAt >= started && result.dueAt <= Date.now()) continue;
          expect({ key: found.key, metric: key, state: published?.state, cycles: published?.cycles, target: published?.targetMinutes, breached: published?.breached, due: published?.dueAt }).toEqual({
            key: found.key,
            metric: key,
            state: result.state,
            cycles: result.cycles,
            target: result.targetMinutes ?? undefined,
            breached: String(result.breached),
            due: result.state === 'running' && result.dueAt !== null ? new Date(result.dueAt).toISOString() : undefined,
          });
          // Stopped clocks are exact; running ones have moved on by the minutes the test took.
          const drift = result.state === 'running' ? Math.ceil((Date.now() - started) / 60_000) + 1 : 0;
          expect(Math.abs((published?.elapsedMinutes ?? -1) - result.elapsedMinutes)).toBeLessThanOrEqual(drift);
          compared++;
        }
      }
      expect(compared).toBe(tracked.length * 2);
      expect(settled - started).toBeLessThan(60_000);
    });

    it('reports the backfill to the admin page: every open and recently resolved issue, done', async () => {
      const answer = (await host.forge.invokeResolver({ moduleKey: 'service-admin-page', functionKey: 'getAdminConfig', accountId: '712020:morgan.keller', payload: {} })) as {
        data: { backfill: { reason: string; total: number; done: number; failed: number; finishedAt: string | null } | null };
      };
      const tracked = await searchAll(host, 'issue.property[serviceSla].tracked IS NOT EMPTY');
      expect(answer.data.backfill).toMatchObject({ reason: 'configuration imported', failed: 0, finishedAt: expect.any(String) });
      expect(answer.data.backfill?.done).toBe(answer.data.backfill?.total);
      expect(answer.data.backfill?.total).toBe(tracked.length);
    });

    it('finds exactly the breached issues with issue.property[serviceSla].breached = "true"', async () => {
      const all = await searchAll(host, 'issue.property[serviceSla].tracked = "true"');
      const expected = all.filter((i) => i.properties?.serviceSla?.breached === 'true').map((i) => i.key).sort();
      const breached = (await searchAll(host, 'issue.property[serviceSla].breached = "true"')).map((i) => i.key).sort();
      expect(expected.length).toBeGreaterThan(5);
      expect(breached).toEqual(expected);
      // And ordering by the next due instant works in JQL.
      const byDue = await searchAll(host, 'issue.property[serviceSla].nextDueAt IS NOT EMPTY ORDER BY issue.property[serviceSla].nextDueAt ASC');
      const dues = byDue.map((i) => i.properties?.serviceSla?.nextDueAt ?? '');
      expect(dues.length).toBeGreaterThan(0);
      expect([...dues].sort()).toEqual(dues);
    });
  });

  describe('a ticket through its life, with events delivered twice, out of order and against a busy Jira', () => {
    const CUSTOMER = 'qm:alpenbank:reto.huber';
    // Staff may comment on every project; the burst below spreads over several customers.
    const AGENT = '712020:lukas.meier';
    const anchor = defaultAnchor();

    // As harsh as Jira by default: some events twice and late, search a second behind writes, work logged in the changelog.
    const HARSH = { eventDelivery: { duplicateRate: 0.3, reorderWindowMs: 20, seed: 5 }, jiraOptions: { searchLagMs: 1000, worklogChangelog: true } };
    const start = (options: Parameters<typeof startLocalHost>[0] = {}) =>
      startLocalHost({ appRoot: APP_ROOT, port: 0, dbFile: ':memory:', demo: { anchor, issues: 60, worklogs: 100 }, schedules: false, delayScale: 0, log: () => {}, ...HARSH, ...options });

    const rest = jiraRest;
    const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    const property = async (host: LocalHost, key: string): Promise<SlaProperty> => {
      await host.forge.idle();
      const res = await rest(host, AGENT, 'GET', `/rest/api/3/issue/${key}/properties/serviceSla`);
      return res.value as SlaProperty;
    };
    const panelStates = async (host: LocalHost, key: string) => {
      const answer = (await host.forge.invokeResolver({ moduleKey: 'service-issue-panel', functionKey: 'getIssuePanel', accountId: AGENT, payload: { issueKey: key } })) as {
        ok: boolean;
        data: { sla: { clocks: { key: string; state: string; cycles: unknown[] }[] } };
      };
      return Object.fromEntries(answer.data.sla.clocks.map((c) => [c.key, `${c.state}/${c.cycles.length}`]));
    };
    const states = (p: SlaProperty) => Object.fromEntries(Object.entries(p.metrics).map(([k, m]) => [k, `${m.state}/${m.cycles}`]));

    /** The script, with what the clocks must say after each step (first response / resolution, state/cycles). */
    async function live(host: LocalHost): Promise<{ key: string; seen: Record<string, string>[] }> {
      const created = await rest(host, CUSTOMER, 'POST', '/rest/api/3/issue', {
        fields: { project: { key: 'ALP' }, issuetype: { name: 'Incident' }, summary: 'E-banking login fails for all users', priority: { name: 'High' } },
      });
      const key = String(created.key);
      const seen: Record<string, string>[] = [];
      const step = async (act: () => Promise<unknown>) => {
        await act();
        const p = await property(host, key);
        // The panel computes the clocks itself when asked; it must agree with the published property.
        expect(await panelStates(host, key)).toEqual(states(p));
        seen.push(states(p));
      };
      await step(async () => undefined);
      await step(() => rest(host, AGENT, 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('Looking at the logs.'), properties: [{ key: 'sd.public.comment', value: { internal: true } }] }));
      await step(() => rest(host, AGENT, 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('We are on it.') }));
      // Work logged: a worklog event (and, as in Jira, timespent and WorklogId changelog items) moves no clock.
      const started = new Date().toISOString().replace('Z', '+0000');
      await step(() => rest(host, AGENT, 'POST', `/rest/api/3/issue/${key}/worklog`, { timeSpentSeconds: 1800, started }));
      await step(() => rest(host, AGENT, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '31' } }));
      await step(() => rest(host, CUSTOMER, 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('Here is the screenshot.') }));
      await step(() => rest(host, AGENT, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '21' } }));
      await step(() => rest(host, AGENT, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '41' } }));
      await step(async () => {
        // The customer says it is back; the agent reopens it.
        await rest(host, CUSTOMER, 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('It happens again.') });
        await rest(host, AGENT, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '21' } });
      });
      await step(() => rest(host, AGENT, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '41' } }));
      return { key, seen };
    }

    const EXPECTED = [
      { firstResponse: 'running/1', resolution: 'running/1' }, // raised by the customer
      { firstResponse: 'running/1', resolution: 'running/1' }, // an internal note is no response
      { firstResponse: 'met/1', resolution: 'running/1' }, // the public agent comment is
      { firstResponse: 'met/1', resolution: 'running/1' }, // work logged
      { firstResponse: 'met/1', resolution: 'paused/1' }, // waiting for the customer
      { firstResponse: 'met/1', resolution: 'paused/1' }, // the customer answers: still waiting until an agent moves it
      { firstResponse: 'met/1', resolution: 'running/1' }, // back in progress
      { firstResponse: 'met/1', resolution: 'met/1' }, // resolved
      { firstResponse: 'met/1', resolution: 'running/2' }, // reopened: a new cycle
      { firstResponse: 'met/1', resolution: 'met/2' }, // resolved again
    ];

    it('publishes what the engine says at each step, and the panel agrees', async () => {
      const host = await start();
      try {
        const { key, seen } = await live(host);
        expect(seen).toEqual(EXPECTED);
        // The panel counts the half hour logged this month against the contract's included hours.
        const panel = (await host.forge.invokeResolver({ moduleKey: 'service-issue-panel', functionKey: 'getIssuePanel', accountId: AGENT, payload: { issueKey: key } })) as {
          data: { sla: { hours: { loggedSeconds: number; includedHours: number } } };
        };
        expect(panel.data.sla.hours).toMatchObject({ loggedSeconds: 1800, includedHours: 80 });
      } finally {
        await host.close();
      }
    }, 60_000);

    it('gives the same property when every event arrives twice and out of order', async () => {
      const calm = await start({ eventDelivery: undefined, jiraOptions: undefined });
      // As harsh as Jira: events twice and out of order, search behind writes, work logged in the changelog.
      const harsh = await start({ eventDelivery: { duplicateRate: 1, reorderWindowMs: 40, seed: 11 }, jiraOptions: { searchLagMs: 5000, worklogChangelog: true } });
      try {
        const a = await live(calm);
        const b = await live(harsh);
        expect(b.seen).toEqual(EXPECTED);
        const final = (p: SlaProperty) => ({ ...p, metrics: Object.fromEntries(Object.entries(p.metrics).map(([k, m]) => [k, { ...m, elapsedMinutes: 0, remainingMinutes: 0 }])) });
        expect(final(await property(harsh, b.key))).toEqual(final(await property(calm, a.key)));
      } finally {
        await calm.close();
        await harsh.close();
      }
    }, 90_000);

    it('leaves every property right after a burst of 200 events against 30% 429s and 503s', async () => {
      const host = await start();
      const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        // Search lags a second behind the seeding.
        await new Promise((r) => setTimeout(r, 1100));
        const open = (await searchAll(host, 'resolution = Unresolved')).slice(0, 10);
        expect(open.length).toBeGreaterThan(0);
        // The app's reads of an issue and its property writes fail 30% of the time each way (the test's own comments do not).
        const appCalls = /^\/rest\/api\/3\/issue\/[^/]+(\/properties\/[^/?]+)?(\?.*)?$/;
        const busy = host.jira.faults.inject({ match: appCalls, status: 429, rate: 0.3, retryAfterSeconds: 0 });
        const down = host.jira.faults.inject({ match: appCalls, status: 503, rate: 0.3 });
        host.jira.resetCalls();
        for (let i = 0; i < 200; i++) {
          const issue = open[i % open.length] as (typeof open)[number];
          await rest(host, AGENT, 'POST', `/rest/api/3/issue/${issue.key}/comment`, { body: adf(`Update ${i}`) });
        }
        await host.forge.idle();
        busy.remove();
        down.remove();
        // The faults really were met: some calls were refused and retried.
        const reads = host.jira.calls()['GET /rest/api/3/issue/{issueIdOrKey}'] ?? 0;
        expect(reads).toBeGreaterThan(200);
        // Recomputes Jira could not serve within their retries waited on the queue and were done later.
        expect(warnings.mock.calls.some(([line]) => String(line).includes('queued'))).toBe(true);
        for (const issue of open) {
          const p = await property(host, issue.key);
          expect({ key: issue.key, states: states(p) }).toEqual({ key: issue.key, states: await panelStates(host, issue.key) });
          // Two hundred comments later every first response is met.
          expect(p.metrics.firstResponse?.state).toMatch(/^(met|breached)$/);
        }
      } finally {
        warnings.mockRestore();
        await host.close();
      }
    }, 120_000);
  });

  describe('the sweep', () => {
    const AGENT = '712020:lukas.meier';
    const ADMIN = '712020:morgan.keller';
    const SOFIA = '712020:sofia.brandt';
    let host: LocalHost;

    beforeAll(async () => {
      host = await startLocalHost({ appRoot: APP_ROOT, port: 0, dbFile: ':memory:', demo: { anchor: defaultAnchor(), issues: 40, worklogs: 60 }, schedules: false, delayScale: 0, log: () => {} });
      // A policy whose first response warns 0.6 s after an issue is raised (1% of a one-minute target).
      const admin = (name: string, payload: unknown) => host.forge.invokeResolver({ moduleKey: 'service-admin-page', functionKey: name, accountId: ADMIN, payload });
      const config = (await admin('getAdminConfig', {})) as { data: { policies: { id: string; meta: { revision: number }; latest: Record<string, unknown> & { metrics: Record<string, unknown>[] } }[] } };
      const platinum = config.data.policies.find((p) => p.id === 'platinum-sla');
      if (!platinum) throw new Error('no platinum policy');
      const { version: _v, savedAt: _a, savedBy: _b, ...draft } = platinum.latest;
      const metrics = draft.metrics.map((m) => (m.key === 'firstResponse' ? { ...m, targets: [{ minutes: 1 }], warnAtPercent: 1 } : m));
      const saved = (await admin('saveSlaPolicy', { policy: { ...draft, metrics }, expectedRevision: platinum.meta.revision })) as { ok: boolean };
      expect(saved.ok).toBe(true);
      await host.forge.idle();
    }, 60_000);
    afterAll(async () => {
      await host?.close();
    });

    const raise = async (summary: string): Promise<string> => {
      const created = await jiraRest(host, '712020:anna.schmid', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'ALP' }, issuetype: { name: 'Incident' }, summary, assignee: { accountId: AGENT } } });
      await host.forge.idle();
      return String(created.key);
    };
    const notified = (key: string) => host.jira.notifications().filter((n) => n.issueKey === key);

    it('announces a warning once, to the assignee and the service manager, from the index of next crossings', async () => {
      const key = await raise('Payment gateway slow');
      expect(notified(key)).toEqual([]);
      await new Promise((r) => setTimeout(r, 1200));
      host.jira.resetCalls();
      await host.forge.runScheduledTrigger('sla-sweep');
      const [first, ...rest] = notified(key);
      expect(rest).toEqual([]);
      expect(first).toMatchObject({ subject: `${key}: First response is close to its target`, fromApp: true });
      expect(first?.recipients.sort()).toEqual([AGENT, SOFIA].sort());
      // The sweep read only the issues that crossed something, not every issue.
      expect(host.jira.calls()['GET /rest/api/3/issue/{issueIdOrKey}']).toBeLessThanOrEqual(3);

      await host.forge.runScheduledTrigger('sla-sweep');
      expect(notified(key)).toHaveLength(1);
    });

    it('sends an announcement that failed on the next sweep, and only once', async () => {
      const key = await raise('VPN drops every few minutes');
      await new Promise((r) => setTimeout(r, 1200));
      const refused = host.jira.faults.inject({ match: /\/notify$/, status: 500, count: 1 });
      const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        await host.forge.runScheduledTrigger('sla-sweep');
        expect(warnings.mock.calls.some(([line]) => String(line).includes('left for the next run'))).toBe(true);
      } finally {
        warnings.mockRestore();
        refused.remove();
      }
      expect(notified(key)).toEqual([]);
      await host.forge.runScheduledTrigger('sla-sweep');
      await host.forge.runScheduledTrigger('sla-sweep');
      expect(notified(key)).toHaveLength(1);
    });
  });
});
