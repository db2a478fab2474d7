// The Jira emulator as harsh as Jira Cloud for billable hours (local/jira/README.md): the app's account follows
// permissions (projects without the app's role, group- and role-restricted worklogs), the worklog feeds may end a
// page inside a run of equal timestamps, and sub-tasks (parent, subtasks, Σ time spent, JQL `parent`).
import { openLocalDb, type LocalDb } from '../../local/db';
import { createJiraEmulator, type JiraEmulator, type JiraEmulatorOptions } from '../../local/jira';
import type { JiraRequest } from '../../local/jira/backend';
import type { JiraSeed, SeedIssue, SeedWorklog } from '../../local/jira/seed';
import { fixtureSeed, HOUR, INDEXED, iso, T0, USERS } from '../jira-emulator/fixture';

type Who = 'app' | keyof typeof USERS;
interface Answer<T> { status: number; json: T }
interface Feed { values: { worklogId: number; updatedTime: number }[]; since: number; until: number; lastPage: boolean; nextPage?: string; self: string }
interface Worklog { id: string; timeSpentSeconds: number; visibility?: { type: string; value: string; identifier: string } }
interface IssueLink { id: string; key: string; self: string; fields: Record<string, { id?: string; name?: string } | string> }
interface Issue { id: string; key: string; fields: Record<string, unknown> }
interface Errors { errorMessages: string[]; errors: Record<string, string> }

const MINUTE = 60_000;
const SUBTASK_TYPE = '10003';
/** Late enough that every seeded worklog is out of the feeds' left-out minute. */
const NOW = T0 + 48 * HOUR;

interface Site {
  db: LocalDb;
  jira: JiraEmulator;
  clock: { now: number };
  call<T>(method: string, path: string, who: Who, body?: unknown): Promise<Answer<T>>;
}

const opened: LocalDb[] = [];

function site(seed: JiraSeed, options: Partial<JiraEmulatorOptions> = {}): Site {
  const db = openLocalDb(':memory:');
  opened.push(db);
  const clock = { now: NOW };
  const jira = createJiraEmulator({ db, indexedProperties: INDEXED, baseUrl: 'http://jira.test', now: () => clock.now, ...options });
  jira.importSeed(seed);
  return {
    db,
    jira,
    clock,
    async call<T>(method: string, path: string, who: Who, body?: unknown) {
      const req: JiraRequest = {
        method,
        path,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        principal: who === 'app' ? { kind: 'app' } : { kind: 'user', accountId: USERS[who] },
        fromApp: who === 'app',
      };
      const res = await jira.handle(req);
      return { status: res.status, json: (res.body === '' ? undefined : JSON.parse(res.body)) as T };
    },
  };
}

afterAll(() => {
  for (const db of opened) db.close();
});

const q = encodeURIComponent;

function issue(partial: Partial<SeedIssue> & Pick<SeedIssue, 'key' | 'projectKey' | 'summary'>): SeedIssue {
  return {
    issueTypeId: '10001',
    reporterAccountId: USERS.agent,
    initial: { statusId: '1', priorityId: '3', assigneeAccountId: null },
    labels: [],
    components: [],
    created: iso(T0),
    history: [],
    comments: [],
    worklogs: [],
    ...partial,
  };
}

const work = (hours: number, seconds: number, extra: Partial<SeedWorklog> = {}): SeedWorklog => ({
  authorAccountId: USERS.engineer,
  started: iso(T0 + hours * HOUR),
  timeSpentSeconds: seconds,
  ...extra,
});

/**
 * The fixture site plus: a sub-task type; project HID whose scheme no longer grants the app's role (`appAccess:
 * false`); on ACME-5 one open worklog and worklogs restricted to the group msp-staff, the role Administrators and the
 * role Service Desk Team; ACME-6 and ACME-7, sub-tasks of ACME-5 (ACME-7 seeded before its parent).
 */
function billingSeed(): JiraSeed {
  const seed = fixtureSeed();
  seed.issueTypes.push({ id: SUBTASK_TYPE, name: 'Sub-task', subtask: true });
  seed.projects.push({ id: '10002', key: 'HID', name: 'Hidden from the app', leadAccountId: USERS.agent, browseGroups: ['msp-staff'], components: [], appAccess: false });
  seed.issues.push(
    issue({ key: 'ACME-7', projectKey: 'ACME', issueTypeId: SUBTASK_TYPE, parentKey: 'ACME-5', summary: 'Replace the switch', worklogs: [work(12, 900)] }),
    issue({
      key: 'ACME-5',
      projectKey: 'ACME',
      summary: 'Office network rebuild',
      worklogs: [
        work(10, 3600),
        work(11, 1800, { visibility: { type: 'group', value: 'msp-staff' } }),
        work(12, 600, { visibility: { type: 'role', value: 'Administrators' } }),
        work(13, 300, { visibility: { type: 'role', value: 'Service Desk Team' } }),
      ],
    }),
    issue({ key: 'ACME-6', projectKey: 'ACME', issueTypeId: SUBTASK_TYPE, parentKey: 'ACME-5', summary: 'Pull new cables', worklogs: [work(14, 1200)] }),
    issue({ key: 'HID-1', projectKey: 'HID', summary: 'Internal audit', worklogs: [work(15, 7200)] }),
  );
  return seed;
}

/** Every id of the updated feed from `since` = 0, following `nextPage` as given. */
async function followFeed(s: Site, who: Who, kind: 'updated' | 'deleted' = 'updated'): Promise<{ ids: number[]; pages: Feed[] }> {
  const pages: Feed[] = [];
  let path = `/rest/api/3/worklog/${kind}?since=0`;
  for (;;) {
    const page = await s.call<Feed>('GET', path, who);
    expect(page.status).toBe(200);
    pages.push(page.json);
    if (page.json.lastPage) break;
    path = (page.json.nextPage as string).replace('http://jira.test', '');
  }
  return { ids: pages.flatMap((p) => p.values.map((v) => v.worklogId)), pages };
}

async function worklogIdsOf(s: Site, key: string, who: Who): Promise<string[]> {
  const page = await s.call<{ worklogs: Worklog[]; total: number }>('GET', `/rest/api/3/issue/${key}/worklog`, who);
  expect(page.status).toBe(200);
  return page.json.worklogs.map((w) => w.id);
}

describe("the app's account follows permissions", () => {
  let s: Site;
  /** ACME-5's worklogs by what restricts them, read as an admin who sees them all. */
  let ids: { open: string; group: string; admins: string; team: string };
  let hiddenWorklog: string;

  beforeAll(async () => {
    s = site(billingSeed());
    const all = (await s.call<{ worklogs: Worklog[] }>('GET', '/rest/api/3/issue/ACME-5/worklog', 'admin')).json.worklogs;
    const by = (seconds: number) => (all.find((w) => w.timeSpentSeconds === seconds) as Worklog).id;
    ids = { open: by(3600), group: by(1800), admins: by(600), team: by(300) };
    hiddenWorklog = (await worklogIdsOf(s, 'HID-1', 'admin'))[0] as string;
  });

  it('does not see a project without its role: the issue is 404 and missing from search, bulk fetch and projects', async () => {
    expect((await s.call('GET', '/rest/api/3/issue/HID-1', 'admin')).status).toBe(200);
    expect((await s.call('GET', '/rest/api/3/issue/HID-1', 'app')).status).toBe(404);
    expect((await s.call('GET', '/rest/api/3/issue/HID-1/worklog', 'app')).status).toBe(404);
    expect((await s.call('GET', `/rest/api/3/issue/HID-1/worklog/${hiddenWorklog}`, 'app')).status).toBe(404);

    const search = (jql: string, who: Who) => s.call<{ issues: { id: string; key: string }[] } & Errors>('GET', `/rest/api/3/search/jql?jql=${q(jql)}&fields=key&maxResults=100`, who);
    const everything = 'created >= "2020-01-01" ORDER BY key ASC';
    expect((await search(everything, 'admin')).json.issues.map((i) => i.key)).toContain('HID-1');
    const asApp = (await search(everything, 'app')).json.issues.map((i) => i.key);
    expect(asApp).toContain('ACME-5');
    expect(asApp).not.toContain('HID-1');
    // As for a user without browse permission, the project and its keys do not exist for JQL.
    expect((await search('project = HID', 'app')).status).toBe(400);
    expect((await search('key = HID-1', 'app')).status).toBe(400);
    const count = await s.call<{ count: number }>('POST', '/rest/api/3/search/approximate-count', 'app', { jql: 'project in (ACME, GLX)' });
    expect(count.json.count).toBe(7);

    const bulk = await s.call<{ issues: Issue[] }>('POST', '/rest/api/3/issue/bulkfetch', 'app', { issueIdsOrKeys: ['HID-1', 'ACME-5'], fields: ['summary'] });
    expect(bulk.json.issues.map((i) => i.key)).toEqual(['ACME-5']);
    const projects = await s.call<{ values: { key: string }[] }>('GET', '/rest/api/3/project/search', 'app');
    expect(projects.json.values.map((p) => p.key)).not.toContain('HID');
    expect((await s.call('GET', '/rest/api/3/project/HID', 'app')).status).toBe(404);
    expect((await s.call('GET', '/rest/api/3/mypermissions?projectKey=HID&permissions=BROWSE_PROJECTS', 'app')).status).toBe(404);
    const create = await s.call<Errors>('POST', '/rest/api/3/issue', 'app', { fields: { project: { key: 'HID' }, issuetype: { id: '10001' }, summary: 'x' } });
    expect([create.status, Object.keys(create.json.errors)]).toEqual([400, ['project']]);
    // Elsewhere the app keeps every project permission, and its global permissions.
    const perms = await s.call<{ permissions: Record<string, { havePermission: boolean }> }>('GET', '/rest/api/3/mypermissions?projectKey=ACME&permissions=EDIT_ISSUES,DELETE_ALL_WORKLOGS,ADMINISTER', 'app');
    expect(Object.values(perms.json.permissions).map((p) => p.havePermission)).toEqual([true, true, true]);
  });

  it("leaves the project's worklogs out of worklog/updated and worklog/list, but lists their deletion", async () => {
    expect((await followFeed(s, 'admin')).ids).toContain(Number(hiddenWorklog));
    expect((await followFeed(s, 'app')).ids).not.toContain(Number(hiddenWorklog));
    const list = (who: Who) => s.call<Worklog[]>('POST', '/rest/api/3/worklog/list', who, { ids: [Number(hiddenWorklog), Number(ids.open)] });
    expect((await list('admin')).json.map((w) => w.id)).toEqual([hiddenWorklog, ids.open]);
    expect((await list('app')).json.map((w) => w.id)).toEqual([ids.open]);

    // worklog/deleted needs only access to Jira (app-access-rule exempt): the id shows up for the app as well.
    const other = site(billingSeed());
    expect((await other.call('DELETE', `/rest/api/3/issue/HID-1/worklog/${hiddenWorklog}`, 'admin')).status).toBe(204);
    other.clock.now += MINUTE + 1;
    expect((await followFeed(other, 'app', 'deleted')).ids).toEqual([Number(hiddenWorklog)]);
  });

  it('does not see a worklog restricted to a group it is not in, while timespent still counts it', async () => {
    expect(await worklogIdsOf(s, 'ACME-5', 'agent')).toContain(ids.group); // agent is in msp-staff
    const visible = await worklogIdsOf(s, 'ACME-5', 'app');
    expect(visible).toContain(ids.open);
    expect(visible).not.toContain(ids.group);
    expect((await s.call('GET', `/rest/api/3/issue/ACME-5/worklog/${ids.group}`, 'app')).status).toBe(404);

    const feed = (await followFeed(s, 'app')).ids;
    expect(feed).toContain(Number(ids.open));
    expect(feed).not.toContain(Number(ids.group));
    const listed = await s.call<Worklog[]>('POST', '/rest/api/3/worklog/list', 'app', { ids: [Number(ids.group), Number(ids.open)] });
    expect(listed.json.map((w) => w.id)).toEqual([ids.open]);

    const got = await s.call<Issue>('GET', '/rest/api/3/issue/ACME-5?fields=worklog,timespent', 'app');
    const embedded = got.json.fields.worklog as { total: number; worklogs: Worklog[] };
    expect(embedded.worklogs.map((w) => w.id)).not.toContain(ids.group);
    expect(embedded.total).toBe(2); // the open one and the Service Desk Team one
    // The issue's time spent is the sum of every worklog: 3600 + 1800 + 600 + 300.
    expect(got.json.fields.timespent).toBe(6300);
  });

  it('sees a group-restricted worklog when appGroups includes the group', async () => {
    const member = site(billingSeed(), { appGroups: ['msp-staff'] });
    expect(await worklogIdsOf(member, 'ACME-5', 'app')).toContain(ids.group);
    expect((await followFeed(member, 'app')).ids).toContain(Number(ids.group));
    const listed = await member.call<Worklog[]>('POST', '/rest/api/3/worklog/list', 'app', { ids: [Number(ids.group)] });
    expect(listed.json.map((w) => [w.id, w.visibility?.type, w.visibility?.value])).toEqual([[ids.group, 'group', 'msp-staff']]);
    // Still not a member of the Administrators role, and still no access to HID.
    expect(await worklogIdsOf(member, 'ACME-5', 'app')).not.toContain(ids.admins);
    expect((await member.call('GET', '/rest/api/3/issue/HID-1', 'app')).status).toBe(404);
  });

  it('does not see a worklog restricted to the Administrators role, but sees Service Desk Team ones and internal comments', async () => {
    expect(await worklogIdsOf(s, 'ACME-5', 'admin')).toContain(ids.admins);
    const visible = await worklogIdsOf(s, 'ACME-5', 'app');
    expect(visible).not.toContain(ids.admins);
    expect(visible).toContain(ids.team);
    expect((await followFeed(s, 'app')).ids).not.toContain(Number(ids.admins));
    expect((await s.call<Worklog[]>('POST', '/rest/api/3/worklog/list', 'app', { ids: [Number(ids.admins), Number(ids.team)] })).json.map((w) => w.id)).toEqual([ids.team]);
    const team = (await s.call<Worklog>('GET', `/rest/api/3/issue/ACME-5/worklog/${ids.team}`, 'app')).json;
    expect(team.visibility).toEqual({ type: 'role', value: 'Service Desk Team', identifier: '10100' });
    // JSM internal comments are restricted to Service Desk Team: the app still reads them.
    const comments = await s.call<{ comments: { jsdPublic: boolean }[] }>('GET', '/rest/api/3/issue/ACME-1/comment', 'app');
    expect(comments.json.comments.map((c) => c.jsdPublic)).toEqual([true, false]);
  });

  it('does not see a worklog that a user restricts over REST to a group the app is not in', async () => {
    const w = await s.call<Worklog>('POST', '/rest/api/3/issue/GLX-1/worklog', 'agent', { timeSpentSeconds: 600, visibility: { type: 'group', value: 'msp-staff' } });
    expect(w.status).toBe(201);
    expect(await worklogIdsOf(s, 'GLX-1', 'app')).not.toContain(w.json.id);
    expect(await worklogIdsOf(s, 'GLX-1', 'agent')).toContain(w.json.id);
  });
});

describe('worklog feed pages may end inside a run of equal timestamps (worklogFeedPageSize: 5)', () => {
  /** One issue whose 12 worklogs were recorded at the given instants, in this order. */
  function feedSeed(recorded: number[]): JiraSeed {
    const seed = fixtureSeed();
    seed.issues = [issue({ key: 'ACME-1', projectKey: 'ACME', summary: 'Twelve worklogs', worklogs: recorded.map((at, i) => work(i, 60, { created: iso(at) })) })];
    return seed;
  }

  /** A careful client: after each page it asks again from `until - 1` and drops ids it has seen. */
  async function rereadFromUntilMinusOne(s: Site): Promise<number[]> {
    const seen = new Set<number>();
    let since = 0;
    for (let guard = 0; guard < 50; guard++) {
      const page = (await s.call<Feed>('GET', `/rest/api/3/worklog/updated?since=${since}`, 'app')).json;
      const fresh = page.values.filter((v) => !seen.has(v.worklogId));
      for (const v of page.values) seen.add(v.worklogId);
      if (page.lastPage) break;
      // Step back a millisecond to read the rest of the run the page ended in; step on when that brought nothing new.
      since = fresh.length > 0 ? page.until - 1 : page.until;
    }
    return [...seen];
  }

  it('12 worklogs in runs of 3 equal milliseconds: naive nextPage loses the runs cut at page ends, until - 1 recovers all', async () => {
    const runs = [T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE];
    const s = site(feedSeed(runs.flatMap((t) => [t, t, t])), { worklogFeedPageSize: 5 });
    const naive = await followFeed(s, 'app');
    // Pages hold exactly 5: run 1 and two of run 2 (until = run 2), then run 3 and two of run 4 ...
    expect(naive.pages.map((p) => p.values.length)).toEqual([5, 5, 0]);
    expect(naive.pages[0]?.until).toBe(runs[1]);
    expect(naive.pages[0]?.nextPage).toBe(`http://jira.test/rest/api/3/worklog/updated?since=${runs[1]}`);
    expect(naive.pages[0]?.lastPage).toBe(false);
    expect(naive.pages[2]?.lastPage).toBe(true);
    // ... so `since = until` skips the third worklog of runs 2 and 4.
    expect(naive.ids.length).toBe(10);
    expect(new Set(naive.ids).size).toBe(10);

    const careful = await rereadFromUntilMinusOne(s);
    expect(careful.length).toBe(12);
    const all = (await s.call<{ worklogs: Worklog[] }>('GET', '/rest/api/3/issue/ACME-1/worklog', 'app')).json.worklogs.map((w) => Number(w.id));
    expect([...careful].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
  });

  it('12 worklogs in one millisecond: nextPage loses 7, and no millisecond cursor gets past a run longer than a page', async () => {
    const s = site(feedSeed(Array.from({ length: 12 }, () => T0)), { worklogFeedPageSize: 5 });
    const naive = await followFeed(s, 'app');
    expect(naive.pages.map((p) => [p.values.length, p.until, p.lastPage])).toEqual([[5, T0, false], [0, T0, true]]);
    expect(naive.ids.length).toBe(5);
    // Re-reading from until - 1 returns the same first five (ordered by time, then id) every time.
    const again = (await s.call<Feed>('GET', `/rest/api/3/worklog/updated?since=${T0 - 1}`, 'app')).json;
    expect(again.values.map((v) => v.worklogId)).toEqual(naive.ids);
    expect(await rereadFromUntilMinusOne(s)).toEqual(naive.ids);
    // Only the per-issue endpoint finds all twelve.
    expect((await worklogIdsOf(s, 'ACME-1', 'app')).length).toBe(12);
  });

  it('the deleted feed pages the same way, and the default page is 1000', async () => {
    const s = site(feedSeed(Array.from({ length: 12 }, (_, i) => T0 + i * MINUTE)), { worklogFeedPageSize: 5 });
    const all = await worklogIdsOf(s, 'ACME-1', 'admin');
    // Two runs of three deletions, one millisecond apart.
    for (const [i, id] of all.slice(0, 6).entries()) {
      if (i === 3) s.clock.now += 1;
      expect((await s.call('DELETE', `/rest/api/3/issue/ACME-1/worklog/${id}`, 'admin')).status).toBe(204);
    }
    s.clock.now += MINUTE + 1;
    const deleted = await followFeed(s, 'app', 'deleted');
    expect(deleted.pages.map((p) => [p.values.length, p.until])).toEqual([[5, NOW + 1], [0, NOW + 1]]);
    expect(deleted.ids).toEqual(all.slice(0, 5).map(Number)); // the sixth, cut off with its run, is never listed

    const wide = site(feedSeed(Array.from({ length: 12 }, () => T0)));
    expect((await followFeed(wide, 'app')).pages.map((p) => p.values.length)).toEqual([12]);
    expect(() => site(feedSeed([T0]), { worklogFeedPageSize: 0 })).toThrow(/worklogFeedPageSize/);
  });
});

describe('sub-tasks', () => {
  let s: Site;
  let parentId: string;
  beforeAll(async () => {
    s = site(billingSeed());
    parentId = (await s.call<Issue>('GET', '/rest/api/3/issue/ACME-5?fields=summary', 'app')).json.id;
  });

  it('renders parent on a sub-task and subtasks on its parent, as Jira does', async () => {
    const child = await s.call<Issue>('GET', '/rest/api/3/issue/ACME-6?fields=parent,summary', 'app');
    const parent = child.json.fields.parent as IssueLink;
    expect(Object.keys(parent).sort()).toEqual(['fields', 'id', 'key', 'self']);
    expect([parent.id, parent.key, parent.self]).toEqual([parentId, 'ACME-5', `http://jira.test/rest/api/3/issue/${parentId}`]);
    expect(Object.keys(parent.fields).sort()).toEqual(['issuetype', 'priority', 'status', 'summary']);
    expect(parent.fields.summary).toBe('Office network rebuild');
    expect((parent.fields.status as { name: string }).name).toBe('Open');
    expect((parent.fields.issuetype as { name: string }).name).toBe('Service Request');

    // `parent` is navigable: search and bulk fetch return it with *navigable.
    const found = await s.call<{ issues: Issue[] }>('GET', `/rest/api/3/search/jql?jql=${q('key = ACME-6')}&fields=*navigable`, 'app');
    expect((found.json.issues[0]?.fields.parent as IssueLink).key).toBe('ACME-5');
    const fields = await s.call<{ id: string; navigable: boolean }[]>('GET', '/rest/api/3/field', 'app');
    expect(fields.json.find((f) => f.id === 'parent')?.navigable).toBe(true);

    const got = await s.call<Issue>('GET', '/rest/api/3/issue/ACME-5?fields=subtasks,parent,timespent,aggregatetimespent', 'app');
    const subtasks = got.json.fields.subtasks as IssueLink[];
    // ACME-7 was seeded before its parent and ACME-6 after: both are there, oldest first.
    expect(subtasks.map((x) => x.key)).toEqual(['ACME-7', 'ACME-6']);
    expect((subtasks[0]?.fields.issuetype as { name: string }).name).toBe('Sub-task');
    expect(got.json.fields.parent).toBeUndefined();
    // Σ Time Spent adds the sub-tasks' time (900 + 1200) to the issue's own 6300.
    expect([got.json.fields.timespent, got.json.fields.aggregatetimespent]).toEqual([6300, 8400]);
  });

  it('creates a sub-task with fields.parent by key or id, and refuses what Jira refuses', async () => {
    const create = (fields: Record<string, unknown>) =>
      s.call<Errors & { key: string }>('POST', '/rest/api/3/issue', 'agent', { fields: { project: { key: 'ACME' }, summary: 'Label the ports', ...fields } });
    const missing = await create({ issuetype: { id: SUBTASK_TYPE } });
    expect([missing.status, missing.json.errors]).toEqual([400, { issuetype: 'Issue type is a sub-task but parent issue key or id not specified.' }]);
    const notSubtask = await create({ issuetype: { id: '10001' }, parent: { key: 'ACME-5' } });
    expect([notSubtask.status, Object.keys(notSubtask.json.errors)]).toEqual([400, ['issuetype']]);
    const unknown = await create({ issuetype: { id: SUBTASK_TYPE }, parent: { key: 'ACME-999' } });
    expect([unknown.status, Object.keys(unknown.json.errors)]).toEqual([400, ['parent']]);
    const otherProject = await create({ issuetype: { id: SUBTASK_TYPE }, parent: { key: 'GLX-1' } });
    expect([otherProject.status, Object.keys(otherProject.json.errors)]).toEqual([400, ['parent']]);
    const ofSubtask = await create({ issuetype: { id: SUBTASK_TYPE }, parent: { key: 'ACME-6' } });
    expect([ofSubtask.status, Object.keys(ofSubtask.json.errors)]).toEqual([400, ['parent']]);
    expect((await create({ issuetype: { id: SUBTASK_TYPE }, parent: 'ACME-5' })).status).toBe(400);

    const byKey = await create({ issuetype: { id: SUBTASK_TYPE }, parent: { key: 'ACME-5' } });
    expect(byKey.status).toBe(201);
    const byId = await create({ issuetype: { name: 'Sub-task' }, parent: { id: parentId } });
    expect(byId.status).toBe(201);
    const child = await s.call<Issue>('GET', `/rest/api/3/issue/${byId.json.key}?fields=parent`, 'agent');
    expect((child.json.fields.parent as IssueLink).key).toBe('ACME-5');
    const subtasks = (await s.call<Issue>('GET', '/rest/api/3/issue/ACME-5?fields=subtasks', 'agent')).json.fields.subtasks as IssueLink[];
    expect(subtasks.map((x) => x.key)).toEqual(['ACME-7', 'ACME-6', byKey.json.key, byId.json.key]);
    // The parent is not editable afterwards.
    expect((await s.call('PUT', `/rest/api/3/issue/${byId.json.key}`, 'agent', { fields: { parent: { key: 'ACME-1' } } })).status).toBe(400);
  });

  it('finds sub-tasks with JQL parent =, parent in (...) by key or id, and parent !=', async () => {
    const keys = async (jql: string, who: Who = 'app') => {
      const res = await s.call<{ issues: { key: string }[] } & Errors>('GET', `/rest/api/3/search/jql?jql=${q(jql)}&fields=key&maxResults=100`, who);
      return res.status === 200 ? res.json.issues.map((i) => i.key).sort() : res.json.errorMessages;
    };
    const children = ['ACME-6', 'ACME-7', 'ACME-8', 'ACME-9']; // two seeded, two created by the previous test
    expect(await keys('parent = ACME-5')).toEqual(children);
    expect(await keys(`parent = ${parentId}`)).toEqual(children);
    expect(await keys(`parent in (ACME-1, ${parentId}) AND key != ACME-8`)).toEqual(['ACME-6', 'ACME-7', 'ACME-9']);
    expect(await keys('parent = ACME-1')).toEqual([]);
    expect(await keys('parent != ACME-1 AND project = ACME')).toEqual(children); // issues without a parent never match !=
    expect(await keys('parent not in (ACME-5) AND project = ACME')).toEqual([]);
    expect(await keys('parent = ACME-999')).toEqual(["An issue with key 'ACME-999' does not exist for field 'parent'."]);
    expect(await keys('parent is EMPTY')).toEqual(expect.arrayContaining([expect.stringMatching(/operator 'is' is not supported by the 'parent' field/)]));
    // A parent the caller cannot see does not exist for it.
    expect(await keys('parent = HID-1', 'app')).toEqual(["An issue with key 'HID-1' does not exist for field 'parent'."]);
  });

  it('refuses a seed whose parentKey breaks the rules, with a message naming the issue', () => {
    const attempt = (child: Partial<SeedIssue>) => {
      const seed = fixtureSeed();
      seed.issueTypes.push({ id: SUBTASK_TYPE, name: 'Sub-task', subtask: true });
      seed.issues.push(issue({ key: 'ACME-20', projectKey: 'ACME', summary: 'child', issueTypeId: SUBTASK_TYPE, ...child }));
      const db = openLocalDb(':memory:');
      opened.push(db);
      const jira = createJiraEmulator({ db, indexedProperties: INDEXED, baseUrl: 'http://jira.test' });
      return () => jira.importSeed(seed);
    };
    expect(attempt({ parentKey: 'ACME-1', issueTypeId: '10001' })).toThrow(/ACME-20.*not a sub-task type/);
    expect(attempt({ parentKey: 'GLX-1' })).toThrow(/ACME-20.*parent's project/);
    expect(attempt({ parentKey: 'ACME-404' })).toThrow(/ACME-20.*ACME-404/);
    expect(attempt({})).toThrow(/ACME-20.*needs a parentKey/);
    expect(attempt({ worklogs: [work(1, 60, { visibility: { type: 'role', value: 'Billing' } })], parentKey: 'ACME-1' })).toThrow(/ACME-20.*project role Billing/);
    expect(attempt({ parentKey: 'ACME-1' })).not.toThrow();
  });
});
