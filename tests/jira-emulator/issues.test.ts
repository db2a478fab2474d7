// Issues: field selection, create/edit validation naming the field, transitions with resolution and changelog,
// changelog paging and bulk fetch, dates in the caller's zone.
import { adf, HOUR, makeHarness, T0, USERS, type Harness } from './fixture';
import type { ChangelogJson, ErrorJson, IssueJson, PageJson } from './wire';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});

const issue = async (key: string, query = '', who: 'agent' | 'acme' | 'app' | 'engineer' = 'agent') =>
  (await h.call<IssueJson>('GET', `/rest/api/3/issue/${key}${query}`, who)).json;

describe('get issue', () => {
  it('replays the seed history into current values, resolution and time spent', async () => {
    const i = await issue('ACME-1');
    expect(i.fields.status.name).toBe('Resolved');
    expect(i.fields.resolution?.name).toBe('Done');
    expect(i.fields.assignee?.accountId).toBe(USERS.engineer);
    expect(i.fields.timespent).toBe(9000);
    expect(i.fields.worklog.total).toBe(2);
    expect(i.fields.components.map((c) => c.name)).toEqual(['Network']);
  });

  it('writes dates in the caller’s time zone with Jira’s colon-less offset', async () => {
    expect((await issue('ACME-1', '?fields=created', 'agent')).fields.created).toBe('2026-03-02T09:00:00.000+0100');
    expect((await issue('ACME-1', '?fields=created', 'acme')).fields.created).toBe('2026-03-02T03:00:00.000-0500');
    expect((await issue('ACME-1', '?fields=created', 'engineer')).fields.created).toBe('2026-03-02T13:30:00.000+0530');
    expect((await issue('ACME-1', '?fields=created', 'app')).fields.created).toBe('2026-03-02T08:00:00.000+0000');
    expect((await issue('ACME-1', '?fields=resolutiondate', 'app')).fields.resolutiondate).toBe('2026-03-02T13:00:00.000+0000');
  });

  it('selects fields: a list, *navigable, exclusions, repeated parameters; unknown fields are ignored', async () => {
    expect(Object.keys((await issue('ACME-1', '?fields=summary,status,nonsense')).fields).sort()).toEqual(['status', 'summary']);
    expect(Object.keys((await issue('ACME-1', '?fields=summary&fields=labels')).fields).sort()).toEqual(['labels', 'summary']);
    const navigable = Object.keys((await issue('ACME-1', '?fields=*navigable')).fields);
    expect(navigable).toContain('summary');
    expect(navigable).not.toContain('comment');
    const allButComment = Object.keys((await issue('ACME-1', '?fields=*all,-comment')).fields);
    expect(allButComment).toContain('worklog');
    expect(allButComment).not.toContain('comment');
    expect(Object.keys((await issue('ACME-1', '?fields=-description')).fields)).not.toContain('description');
  });

  it('expand=changelog lists the most recent first; properties returns the asked keys', async () => {
    const i = await issue('ACME-1', '?fields=summary&expand=changelog&properties=serviceSla,missing');
    expect(i.changelog?.total).toBe(2);
    expect(i.changelog?.histories.map((x) => x.items.map((it) => it.field))).toEqual([['status', 'resolution'], ['assignee', 'status']]);
    expect(i.properties).toEqual({ serviceSla: { breached: 'false', customer: 'ACME' } });
    expect((await issue('ACME-1', '?fields=summary&properties=*all')).properties).toEqual({ serviceSla: { breached: 'false', customer: 'ACME' } });
  });

  it('finds issues by id as well as by key, case-insensitively', async () => {
    const byKey = await issue('ACME-2');
    expect((await issue(byKey.id)).key).toBe('ACME-2');
    expect((await issue('acme-2')).key).toBe('ACME-2');
  });
});

describe('create and edit', () => {
  const create = (fields: Record<string, unknown>, who: 'agent' | 'app' = 'agent') => h.call<ErrorJson & { key: string; id: string; self: string }>('POST', '/rest/api/3/issue', who, { fields });

  it('creates with defaults (Open, Medium, reporter = caller) and the next key of the project', async () => {
    const res = await create({ project: { id: '10000' }, issuetype: { id: '10001' }, summary: 'Badge reader broken' });
    expect(res.status).toBe(201);
    expect(res.json.key).toBe('ACME-4');
    expect(res.json.self).toBe(`http://jira.test/rest/api/3/issue/${res.json.id}`);
    const i = await issue('ACME-4');
    expect([i.fields.status.name, i.fields.priority.name, i.fields.reporter.accountId, i.fields.assignee]).toEqual(['Open', 'Medium', USERS.agent, null]);
    expect(i.fields.created).toBe(i.fields.updated);
  });

  it('an app-created issue is reported by the app’s bot account', async () => {
    const res = await create({ project: { key: 'GLX' }, issuetype: { id: '10001' }, summary: 'Monthly check' }, 'app');
    const i = await issue(res.json.key);
    expect(i.fields.reporter).toMatchObject({ accountType: 'app', displayName: 'Service Manager for Jira' });
  });

  it.each([
    [{ issuetype: { id: '10001' }, summary: 'x' }, 'project'],
    [{ project: { key: 'NOPE' }, issuetype: { id: '10001' }, summary: 'x' }, 'project'],
    [{ project: { key: 'ACME' }, summary: 'x' }, 'issuetype'],
    [{ project: { key: 'ACME' }, issuetype: { id: '10001' } }, 'summary'],
    [{ project: { key: 'ACME' }, issuetype: { id: '10001' }, summary: '' }, 'summary'],
    [{ project: { key: 'ACME' }, issuetype: { id: '10001' }, summary: 'x', priority: { name: 'Urgent' } }, 'priority'],
    [{ project: { key: 'ACME' }, issuetype: { id: '10001' }, summary: 'x', assignee: { accountId: 'ghost' } }, 'assignee'],
    [{ project: { key: 'ACME' }, issuetype: { id: '10001' }, summary: 'x', labels: ['two words'] }, 'labels'],
    [{ project: { key: 'ACME' }, issuetype: { id: '10001' }, summary: 'x', components: [{ name: 'Servers' }] }, 'components'],
    [{ project: { key: 'ACME' }, issuetype: { id: '10001' }, summary: 'x', description: 'plain text' }, 'description'],
    [{ project: { key: 'ACME' }, issuetype: { id: '10001' }, summary: 'x', status: { id: '5' } }, 'status'],
  ])('rejects %j with a 400 naming %s', async (fields, field) => {
    const res = await create(fields);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.errors)).toEqual([field]);
  });

  it('a customer cannot create in another customer’s project', async () => {
    const res = await h.call<ErrorJson>('POST', '/rest/api/3/issue', 'acme', { fields: { project: { key: 'GLX' }, issuetype: { id: '10001' }, summary: 'x' } });
    expect(res.status).toBe(400);
    expect(res.json.errors.project).toBe('Specify a valid project ID or key');
  });

  it('malformed bodies are Jira’s generic 400', async () => {
    for (const body of ['{"fields": ', '', '[1,2]']) {
      const res = await h.call<ErrorJson>('POST', '/rest/api/3/issue', 'agent', body);
      expect(res.status).toBe(400);
      expect(res.json.errorMessages).toEqual(['Invalid request payload. Refer to the REST API documentation and try again.']);
    }
  });

  it('edits fields and update operations, writing one changelog entry with every change', async () => {
    h.clock.now = T0 + 50 * HOUR;
    const res = await h.call('PUT', '/rest/api/3/issue/ACME-3', 'agent', {
      fields: { summary: 'Mailbox quota exceeded', assignee: { accountId: USERS.engineer }, description: adf('Grow to 50 GB') },
      update: { labels: [{ remove: 'quota' }, { add: 'storage' }], components: [{ add: { name: 'Email' } }], priority: [{ set: { id: '2' } }] },
    });
    expect(res.status).toBe(204);
    const i = await issue('ACME-3', '?expand=changelog', 'app');
    expect(i.fields.summary).toBe('Mailbox quota exceeded');
    expect(i.fields.labels).toEqual(['email', 'storage']);
    expect(i.fields.updated).toBe('2026-03-04T10:00:00.000+0000');
    const latest = i.changelog?.histories[0] as ChangelogJson;
    expect(latest.author?.accountId).toBe(USERS.agent);
    expect(latest.items.map((x) => [x.field, x.fromString, x.toString])).toEqual([
      ['summary', 'Mailbox quota', 'Mailbox quota exceeded'],
      ['assignee', null, 'Eve Engineer'],
      ['description', null, 'Grow to 50 GB'],
      ['labels', 'email quota', 'email storage'],
      ['Component', null, 'Email'],
      ['priority', 'Medium', 'High'],
    ]);
  });

  it('unassigns with PUT assignee null and with fields.assignee null', async () => {
    expect((await h.call('PUT', '/rest/api/3/issue/ACME-2/assignee', 'agent', { accountId: null })).status).toBe(204);
    expect((await issue('ACME-2')).fields.assignee).toBeNull();
    await h.call('PUT', '/rest/api/3/issue/ACME-2', 'agent', { fields: { assignee: { accountId: USERS.agent } } });
    await h.call('PUT', '/rest/api/3/issue/ACME-2', 'agent', { fields: { assignee: null } });
    expect((await issue('ACME-2')).fields.assignee).toBeNull();
  });

  it('returnIssue=true answers 200 with the edited issue', async () => {
    const res = await h.call<IssueJson>('PUT', '/rest/api/3/issue/ACME-2?returnIssue=true', 'agent', { fields: { summary: 'Laptop for Bob (urgent)' } });
    expect(res.status).toBe(200);
    expect(res.json.fields.summary).toBe('Laptop for Bob (urgent)');
  });
});

describe('transitions', () => {
  it('lists the transitions away from the current status', async () => {
    const res = await h.call<{ transitions: { id: string; to: { name: string } }[] }>('GET', '/rest/api/3/issue/ACME-1/transitions', 'agent');
    expect(res.json.transitions.map((t) => [t.id, t.to.name])).toEqual([['11', 'In Progress'], ['21', 'Waiting for customer'], ['41', 'Closed'], ['51', 'Open']]);
  });

  it('sets a chosen resolution on entering done, keeps it between done statuses, clears it on reopen', async () => {
    const t = (id: string, extra: Record<string, unknown> = {}) => h.call<ErrorJson>('POST', '/rest/api/3/issue/ACME-2/transitions', 'agent', { transition: { id }, ...extra });
    h.clock.now = T0 + 60 * HOUR;
    expect((await t('31', { fields: { resolution: { name: "Won't Do" } } })).status).toBe(204);
    let i = await issue('ACME-2', '', 'app');
    expect([i.fields.status.name, i.fields.resolution?.name, i.fields.resolutiondate]).toEqual(['Resolved', "Won't Do", '2026-03-04T20:00:00.000+0000']);
    expect(i.fields.statuscategorychangedate).toBe('2026-03-04T20:00:00.000+0000');
    await t('41');
    i = await issue('ACME-2', '', 'app');
    expect([i.fields.status.name, i.fields.resolution?.name]).toEqual(['Closed', "Won't Do"]);
    await t('51');
    i = await issue('ACME-2', '?expand=changelog', 'app');
    expect([i.fields.status.name, i.fields.resolution, i.fields.resolutiondate]).toEqual(['Open', null, null]);
    expect(i.changelog?.histories[0]?.items).toEqual([
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '6', fromString: 'Closed', to: '1', toString: 'Open' },
      { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: '10001', fromString: "Won't Do", to: null, toString: null },
    ]);
  });

  it('adds a comment given with the transition', async () => {
    await h.call('POST', '/rest/api/3/issue/ACME-2/transitions', 'agent', { transition: { id: '21' }, update: { comment: [{ add: { body: adf('Please confirm the model') } }] } });
    const i = await issue('ACME-2');
    expect(i.fields.status.name).toBe('Waiting for customer');
    expect(i.fields.comment.comments.map((c) => c.body)).toEqual([adf('Please confirm the model')]);
  });

  it('refuses missing, unknown and looping transitions', async () => {
    const t = (body: unknown) => h.call<ErrorJson>('POST', '/rest/api/3/issue/ACME-2/transitions', 'agent', body);
    expect((await t({})).json.errorMessages).toEqual(["Missing 'transition' identifier"]);
    expect((await t({ transition: { id: '99' } })).json.errorMessages).toEqual(["Transition id '99' is not valid for this issue."]);
    expect((await t({ transition: { id: '51' } })).status).toBe(400);
  });
});

describe('changelogs', () => {
  it('pages the per-issue changelog oldest first', async () => {
    const page = await h.call<PageJson<ChangelogJson> & { nextPage?: string }>('GET', '/rest/api/3/issue/ACME-1/changelog?maxResults=1', 'agent');
    expect(page.json.values.map((v) => v.items[0]?.field)).toEqual(['assignee']);
    expect(page.json).toMatchObject({ total: 2, isLast: false, startAt: 0, maxResults: 1 });
    expect(page.json.nextPage).toContain('startAt=1');
    const second = await h.call<PageJson<ChangelogJson>>('GET', '/rest/api/3/issue/ACME-1/changelog?maxResults=1&startAt=1', 'agent');
    expect(second.json.isLast).toBe(true);
  });

  it('bulk fetch pages with nextPageToken, oldest first, filtered by field', async () => {
    await h.call('POST', '/rest/api/3/issue/GLX-1/transitions', 'agent', { transition: { id: '11' } });
    type Bulk = { issueChangeLogs: { issueId: string; changeHistories: ChangelogJson[] }[]; nextPageToken?: string };
    const first = await h.call<Bulk>('POST', '/rest/api/3/changelog/bulkfetch', 'app', { issueIdsOrKeys: ['GLX-1', 'ACME-1'], maxResults: 2 });
    expect(first.json.nextPageToken).toEqual(expect.any(String));
    const second = await h.call<Bulk>('POST', '/rest/api/3/changelog/bulkfetch', 'app', { issueIdsOrKeys: ['GLX-1', 'ACME-1'], maxResults: 2, nextPageToken: first.json.nextPageToken });
    expect(second.json.nextPageToken).toBeUndefined();
    const flat = [...first.json.issueChangeLogs, ...second.json.issueChangeLogs].flatMap((l) => l.changeHistories.map((c) => c.created));
    expect(flat).toEqual([...flat].sort());
    expect(flat.length).toBe(3);
    const statusOnly = await h.call<Bulk>('POST', '/rest/api/3/changelog/bulkfetch', 'app', { issueIdsOrKeys: ['ACME-1'], fieldIds: ['assignee'] });
    expect(statusOnly.json.issueChangeLogs[0]?.changeHistories.map((c) => c.items.map((i) => i.field))).toEqual([['assignee']]);
    const other = await h.call<ErrorJson>('POST', '/rest/api/3/changelog/bulkfetch', 'app', { issueIdsOrKeys: ['ACME-1'], nextPageToken: first.json.nextPageToken });
    expect(other.status).toBe(400);
    expect((await h.call<ErrorJson>('POST', '/rest/api/3/changelog/bulkfetch', 'app', { issueIdsOrKeys: [] })).json.errors).toHaveProperty('issueIdsOrKeys');
  });
});
