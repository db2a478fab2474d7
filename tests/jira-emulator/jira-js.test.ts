// An independent Jira client (jira.js, generated from Atlassian's API) drives the emulator over real HTTP with
// Basic auth: create, transition, comment, worklogs, property, and JQL search paged with nextPageToken.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Version3Client } from 'jira.js';
import type { SearchAndReconcileResults } from 'jira.js/version3/models';
import { createJiraHttpHandler } from '../../local/jira/http';
import { fixtureSeed, makeHarness, type Harness } from './fixture';
import type { JiraSeed, SeedIssue } from '../../local/jira/seed';

let h: Harness;
let server: Server;
let client: Version3Client;
let customer: Version3Client;

/** The fixture plus 45 more Globex issues, so searches span several pages. */
function seedWithMoreIssues(): JiraSeed {
  const seed = fixtureSeed();
  const base = Date.parse('2026-02-01T09:00:00.000Z');
  const extra: SeedIssue[] = Array.from({ length: 45 }, (_, i) => ({
    key: `GLX-${i + 2}`,
    projectKey: 'GLX',
    issueTypeId: '10001',
    summary: `Routine request ${i + 2}`,
    reporterAccountId: 'acc-globex-contact',
    initial: { statusId: '1', priorityId: '3', assigneeAccountId: null },
    labels: i % 3 === 0 ? ['routine'] : [],
    components: [],
    created: new Date(base + i * 3_600_000).toISOString(),
    history: [],
    comments: [],
    worklogs: [],
  }));
  return { ...seed, issues: [...seed.issues, ...extra] };
}

beforeAll(async () => {
  h = makeHarness({ seed: seedWithMoreIssues(), now: Date.parse('2026-03-10T12:00:00.000Z') });
  const handler = createJiraHttpHandler(h.jira);
  server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new Version3Client({ host, authentication: { basic: { email: 'sam@msp.example', apiToken: 'any-token' } } });
  customer = new Version3Client({ host, authentication: { basic: { email: 'alice@acme.example', apiToken: 'x' } } });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  h.db.close();
});

describe('jira.js against the emulator', () => {
  it('creates an issue, transitions it, comments, logs and lists work, sets a property', async () => {
    const me = await client.myself.getCurrentUser();
    expect(me.accountId).toBe('acc-agent');

    const created = await client.issues.createIssue({
      fields: {
        project: { key: 'ACME' },
        issuetype: { id: '10002' },
        summary: 'Mail relay rejects attachments',
        description: 'Since the update, attachments over 5 MB bounce.',
        labels: ['email'],
      },
    });
    expect(created.key).toMatch(/^ACME-\d+$/);

    const transitions = await client.issues.getTransitions({ issueIdOrKey: created.key });
    const start = transitions.transitions?.find((t) => t.name === 'Start progress');
    expect(start?.id).toBe('11');
    await client.issues.doTransition({ issueIdOrKey: created.key, transition: { id: '11' } });
    await client.issues.doTransition({ issueIdOrKey: created.key, transition: { id: '31' } });

    const comment = await client.issueComments.addComment({ issueIdOrKey: created.key, comment: 'Raised the size limit to 25 MB.' });
    expect(comment.jsdPublic).toBe(true);

    const started = ['2026-03-09T09:00:00.000+0100', '2026-03-09T14:00:00.000+0100', '2026-03-10T10:00:00.000+0100'];
    for (const s of started) {
      await client.issueWorklogs.addWorklog({ issueIdOrKey: created.key, timeSpentSeconds: 1800, started: s, comment: 'Relay config' });
    }
    const all = await client.issueWorklogs.getIssueWorklog({ issueIdOrKey: created.key });
    expect(all.total).toBe(3);
    const fromSecond = await client.issueWorklogs.getIssueWorklog({ issueIdOrKey: created.key, startedAfter: Date.parse('2026-03-09T14:00:00.000+01:00') });
    expect(fromSecond.worklogs?.map((w) => w.started)).toEqual(['2026-03-09T13:00:00.000+0000', '2026-03-10T09:00:00.000+0000'].map((utc) => shiftToZurich(utc)));
    const page = await client.issueWorklogs.getIssueWorklog({ issueIdOrKey: created.key, startAt: 1, maxResults: 1 });
    expect(page.worklogs?.length).toBe(1);

    await client.issueProperties.setIssueProperty({ issueIdOrKey: created.key, propertyKey: 'serviceSla', propertyValue: { breached: 'true', customer: 'ACME' } });
    const prop = await client.issueProperties.getIssueProperty({ issueIdOrKey: created.key, propertyKey: 'serviceSla' });
    expect(prop.value).toEqual({ breached: 'true', customer: 'ACME' });

    const issue = await client.issues.getIssue({ issueIdOrKey: created.key, expand: 'changelog', properties: ['serviceSla'] });
    expect(issue.fields.status.name).toBe('Resolved');
    expect(issue.fields.resolution?.name).toBe('Done');
    expect(issue.fields.timespent).toBe(5400);
    expect(issue.changelog?.histories?.[0]?.items?.map((i) => i.field)).toEqual(['status', 'resolution']);

    const found = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql: 'issue.property[serviceSla].breached = "true" AND project = ACME',
      fields: ['summary'],
    });
    expect(found.issues?.map((i) => i.key)).toContain(created.key);
  });

  it('searches with JQL across pages with nextPageToken (GET and POST) and counts', async () => {
    const jql = 'project = GLX ORDER BY created ASC';
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      // jira.js's model lacks `isLast` (the OpenAPI document has it): read it through a widened type.
      const page: SearchAndReconcileResults & { isLast?: boolean } = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
        jql,
        maxResults: 10,
        fields: ['summary', 'status'],
        nextPageToken: token,
      });
      pages++;
      keys.push(...(page.issues ?? []).map((i) => i.key as string));
      token = page.nextPageToken ?? undefined;
      expect(page.isLast).toBe(token === undefined);
    } while (token);
    expect(pages).toBe(5);
    expect(keys.length).toBe(46);
    expect(new Set(keys).size).toBe(46);
    expect(keys.slice(0, 3)).toEqual(['GLX-2', 'GLX-3', 'GLX-4']);

    const viaPost: string[] = [];
    token = undefined;
    do {
      const page: SearchAndReconcileResults = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql, maxResults: 20, fields: ['key'], nextPageToken: token });
      viaPost.push(...(page.issues ?? []).map((i) => i.key as string));
      token = page.nextPageToken ?? undefined;
    } while (token);
    expect(viaPost).toEqual(keys);

    const count = await client.issueSearch.countIssues({ jql: 'project = GLX AND labels = routine' });
    expect(count.count).toBe(15);
  });

  it('applies the Basic-auth user’s permissions and answers Jira errors', async () => {
    await expect(customer.issues.getIssue({ issueIdOrKey: 'GLX-1' })).rejects.toMatchObject({ status: 404 });
    const mine = await customer.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project = ACME OR reporter = currentUser()', fields: ['key'], maxResults: 100 });
    expect((mine.issues ?? []).every((i) => (i.key as string).startsWith('ACME-'))).toBe(true);
    await expect(
      client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project = GLX AND summary ~~ "x"' }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

/** The Basic-auth user (Sam) lives in Europe/Zurich, so Jira writes instants with +0100 in March. */
function shiftToZurich(utc: string): string {
  const ms = Date.parse(utc.replace('+0000', 'Z')) + 3_600_000;
  return new Date(ms).toISOString().replace('Z', '+0100');
}
