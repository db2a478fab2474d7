// The harsh-Jira options through startLocalHost (jiraOptions, eventDelivery), and the notify endpoint as the app
// reaches it: through the local runtime's scope check (write:jira-work, from Atlassian's OpenAPI document).
import { join } from 'node:path';
import api, { route } from '@forge/api';
import { checkJiraScopes } from '../../local/forge/jira-scopes';
import { createLocalForge, type LocalForge } from '../../local/forge/runtime';
import { startLocalHost, type LocalHost } from '../../local/host';
import type { JiraRequest } from '../../local/jira/backend';
import { makeHarness, USERS } from '../jira-emulator/fixture';

const repoRoot = join(__dirname, '../..');

describe('startLocalHost options', () => {
  let host: LocalHost;
  let issue: { id: string; key: string };

  const asApp = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const req: JiraRequest = {
      method,
      path,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      principal: { kind: 'app' },
      fromApp: false,
    };
    const res = await host.jira.handle(req);
    return { status: res.status, json: (res.body === '' ? undefined : JSON.parse(res.body)) as T };
  };

  beforeAll(async () => {
    // The app's issue-events trigger logs worklog events (which carry no issue) as skipped; not this test's subject.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    host = await startLocalHost({
      appRoot: repoRoot,
      port: 0,
      dbFile: ':memory:',
      demo: { anchor: '2026-06-10T14:00:00Z' },
      schedules: false,
      delayScale: 0,
      log: () => {},
      jiraOptions: { searchLagMs: 10 * 60_000, worklogChangelog: true },
      eventDelivery: { duplicateRate: 1, seed: 5 },
    });
    const projects = await asApp<{ values: { key: string }[] }>('GET', '/rest/api/3/project/search');
    const key = projects.json.values[0]?.key as string;
    const found = await asApp<{ issues: { id: string; key: string }[] }>('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(`project = ${key} ORDER BY key ASC`)}&fields=key&maxResults=1`);
    issue = found.json.issues[0] as { id: string; key: string };
  });
  afterAll(async () => {
    await host.close();
    jest.restoreAllMocks();
  });

  it('jiraOptions.searchLagMs: an edit is not searchable yet, except through reconcileIssues', async () => {
    expect((await asApp('PUT', `/rest/api/3/issue/${issue.key}`, { fields: { summary: 'Zebra crossing lights flicker' } })).status).toBe(204);
    const jql = encodeURIComponent(`key = ${issue.key} AND summary ~ zebra`);
    expect((await asApp<{ issues: unknown[] }>('GET', `/rest/api/3/search/jql?jql=${jql}`)).json.issues).toEqual([]);
    expect((await asApp<{ issues: unknown[] }>('GET', `/rest/api/3/search/jql?jql=${jql}&reconcileIssues=${issue.id}`)).json.issues).toEqual([{ id: issue.id }]);
  });

  it('jiraOptions.worklogChangelog: logging work writes timespent and WorklogId', async () => {
    const w = await asApp<{ id: string }>('POST', `/rest/api/3/issue/${issue.key}/worklog`, { timeSpentSeconds: 900 });
    expect(w.status).toBe(201);
    const page = await asApp<{ values: { items: { field: string; to: string | null }[] }[] }>('GET', `/rest/api/3/issue/${issue.key}/changelog?maxResults=1000`);
    expect(page.json.values.at(-1)?.items).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'WorklogId', to: w.json.id })]));
  });

  it('eventDelivery: with duplicateRate 1 the runtime delivers each product event twice', async () => {
    await host.forge.idle();
    const spy = jest.spyOn(host.forge, 'deliverProductEvent');
    try {
      await asApp('PUT', `/rest/api/3/issue/${issue.key}`, { fields: { labels: ['harsh-delivery'] } });
      await host.forge.idle();
      const updates = spy.mock.calls.map(([e]) => e).filter((e) => e.eventType === 'avi:jira:updated:issue');
      expect(updates.length).toBe(2);
      expect(updates[0]).toEqual(updates[1]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('POST issue/{key}/notify from app code', () => {
  let forge: LocalForge | undefined;
  afterEach(async () => {
    await forge?.close();
    forge = undefined;
  });

  const body = { subject: 'SLA breached', textBody: 'ACME-1 breached its resolution time.', to: { reporter: true, users: [{ accountId: USERS.agent }] } };
  const send = (f: LocalForge) =>
    f.withInvocation(async () => {
      const res = await api.asApp().requestJira(route`/rest/api/3/issue/${'ACME-1'}/notify`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    });

  it('is in the scope table generated from the OpenAPI document: write:jira-work', () => {
    expect(checkJiraScopes('POST', '/rest/api/3/issue/ACME-1/notify', new Set(['read:jira-work']))).toEqual({
      operation: 'POST /rest/api/3/issue/{issueIdOrKey}/notify',
      missing: ['write:jira-work'],
    });
    expect(checkJiraScopes('POST', '/rest/api/3/issue/ACME-1/notify', new Set(['write:jira-work'])).missing).toEqual([]);
  });

  it('goes through with write:jira-work and is recorded for the test to read', async () => {
    const h = makeHarness();
    forge = createLocalForge({ appRoot: join(__dirname, '../jira-emulator/fixtures/event-app'), db: h.db, jira: h.jira, log: () => {} });
    expect(await send(forge)).toEqual({ status: 204, text: '' });
    expect(h.jira.notifications()).toEqual([expect.objectContaining({ issueKey: 'ACME-1', recipients: [USERS.acme, USERS.agent], subject: 'SLA breached', fromApp: true, requestedBy: null })]);
  });

  it('is refused, naming the scope, for an app without write:jira-work', async () => {
    const h = makeHarness();
    forge = createLocalForge({ appRoot: join(__dirname, '../fixtures/runtime-app'), db: h.db, jira: h.jira, log: () => {} });
    const res = await send(forge);
    expect(res.status).toBe(401);
    expect(res.text).toContain("Scope 'write:jira-work' is missing");
    expect(res.text).toContain('POST /rest/api/3/issue/{issueIdOrKey}/notify');
    expect(h.jira.notifications()).toEqual([]);
  });
});
