// Every emulator answer the app and the host page use, validated against Atlassian's OpenAPI document.
import type { ProductEvent } from '../../local/jira/backend';
import { adf, makeHarness, T0, USERS, type Harness, type Who } from './fixture';
import { OpenApiValidator, validateIssueFields } from './openapi-validator';
import type { ChangelogJson, CommentJson, ErrorJson, IssueJson, NamedJson, PageJson, PermissionsJson, SearchJson, StatusJson, UserJson, WorklogJson, FeedJson } from './wire';

const v = new OpenApiValidator();
let h: Harness;
const events: ProductEvent[] = [];

beforeAll(() => {
  h = makeHarness();
  h.jira.onEvent((e) => events.push(e));
});

/** Calls the emulator, expects `status`, and validates the body against the operation's response schema. */
async function check<T = unknown>(method: string, template: string, path: string, who: Who, status: number, body?: unknown): Promise<T> {
  const res = await h.call<T>(method, path, who, body);
  expect({ path, status: res.status, body: res.status === status ? undefined : res.json }).toEqual({ path, status, body: undefined });
  if (v.responseSchema(method, template, status)) {
    expect(v.validateResponse(method, template, status, res.json)).toEqual([]);
  } else {
    expect(res.json).toBeUndefined();
  }
  return res.json;
}

function checkIssueBean(issue: IssueJson, where: string): void {
  expect(v.validateComponent('IssueBean', issue)).toEqual([]);
  if (issue.fields) expect(validateIssueFields(v, issue.fields, where)).toEqual([]);
}

const q = encodeURIComponent;

describe('site reads', () => {
  it('serverInfo, myself, users and groups', async () => {
    await check('GET', '/rest/api/3/serverInfo', '/rest/api/3/serverInfo', 'anonymous', 200);
    const me = await check<UserJson>('GET', '/rest/api/3/myself', '/rest/api/3/myself?expand=groups,applicationRoles', 'agent', 200);
    expect(me).toMatchObject({ accountId: USERS.agent, timeZone: 'Europe/Zurich', locale: 'en_GB', groups: { size: 1, items: [{ name: 'msp-staff' }] } });
    await check('GET', '/rest/api/3/myself', '/rest/api/3/myself', 'app', 200);
    await check('GET', '/rest/api/3/user', `/rest/api/3/user?accountId=${USERS.acme}`, 'agent', 200);
    const found = await check<UserJson[]>('GET', '/rest/api/3/user/search', '/rest/api/3/user/search?query=alice', 'agent', 200);
    expect(found.map((u) => u.accountId)).toEqual([USERS.acme]);
    await check('GET', '/rest/api/3/user/bulk', `/rest/api/3/user/bulk?accountId=${USERS.acme}&accountId=${USERS.agent}`, 'app', 200);
    await check('GET', '/rest/api/3/user/groups', `/rest/api/3/user/groups?accountId=${USERS.admin}`, 'app', 200);
    await check('GET', '/rest/api/3/groups/picker', '/rest/api/3/groups/picker?query=msp', 'admin', 200);
  });

  it('projects, priorities, statuses, issue types, resolutions, fields, permissions', async () => {
    const page = await check<PageJson<NamedJson & { key: string }>>('GET', '/rest/api/3/project/search', '/rest/api/3/project/search?expand=lead,description', 'agent', 200);
    expect(page.values.map((p) => p.key)).toEqual(['ACME', 'GLX']);
    await check('GET', '/rest/api/3/project/{projectIdOrKey}', '/rest/api/3/project/ACME', 'acme', 200);
    await check('GET', '/rest/api/3/priority', '/rest/api/3/priority', 'agent', 200);
    const statuses = await check<StatusJson[]>('GET', '/rest/api/3/status', '/rest/api/3/status', 'agent', 200);
    expect(statuses.find((s) => s.id === '10001')?.statusCategory).toMatchObject({ id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' });
    await check('GET', '/rest/api/3/statuscategory', '/rest/api/3/statuscategory', 'agent', 200);
    await check('GET', '/rest/api/3/issuetype', '/rest/api/3/issuetype', 'agent', 200);
    await check('GET', '/rest/api/3/resolution', '/rest/api/3/resolution', 'agent', 200);
    await check('GET', '/rest/api/3/field', '/rest/api/3/field', 'agent', 200);
    const perms = await check<PermissionsJson>('GET', '/rest/api/3/mypermissions', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER&projectKey=ACME', 'acme', 200);
    expect(perms.permissions.BROWSE_PROJECTS?.havePermission).toBe(true);
    expect(perms.permissions.EDIT_ISSUES?.havePermission).toBe(false);
  });
});

describe('issues', () => {
  it('get with all fields, changelog, names, schema, transitions and properties', async () => {
    const issue = await check<IssueJson>(
      'GET',
      '/rest/api/3/issue/{issueIdOrKey}',
      '/rest/api/3/issue/ACME-1?expand=changelog,names,schema,transitions&properties=serviceSla',
      'agent',
      200,
    );
    checkIssueBean(issue, 'ACME-1');
    expect(issue.changelog?.histories.length).toBeGreaterThan(0);
    expect(issue.properties?.serviceSla).toEqual({ breached: 'false', customer: 'ACME' });
    const sparse = await check<IssueJson>('GET', '/rest/api/3/issue/{issueIdOrKey}', '/rest/api/3/issue/GLX-1?fields=summary,status,priority,assignee,updated', 'app', 200);
    expect(Object.keys(sparse.fields).sort()).toEqual(['assignee', 'priority', 'status', 'summary', 'updated']);
    checkIssueBean(sparse, 'GLX-1');
  });

  it('create, edit, assign, transitions', async () => {
    const created = await check<{ key: string }>('POST', '/rest/api/3/issue', '/rest/api/3/issue', 'agent', 201, {
      fields: { project: { key: 'ACME' }, issuetype: { id: '10002' }, summary: 'Printer offline', description: adf('Third floor'), labels: ['printer'], components: [{ name: 'Network' }], priority: { name: 'High' } },
    });
    await check('PUT', '/rest/api/3/issue/{issueIdOrKey}', `/rest/api/3/issue/${created.key}`, 'agent', 204, {
      fields: { summary: 'Printer offline (3rd floor)' },
      update: { labels: [{ add: 'hardware' }] },
    });
    await check('PUT', '/rest/api/3/issue/{issueIdOrKey}/assignee', `/rest/api/3/issue/${created.key}/assignee`, 'agent', 204, { accountId: USERS.engineer });
    const transitions = await check<{ transitions: NamedJson[] }>('GET', '/rest/api/3/issue/{issueIdOrKey}/transitions', `/rest/api/3/issue/${created.key}/transitions`, 'agent', 200);
    expect(transitions.transitions.map((t) => t.id)).toEqual(['11', '21', '31', '41']);
    await check('POST', '/rest/api/3/issue/{issueIdOrKey}/transitions', `/rest/api/3/issue/${created.key}/transitions`, 'agent', 204, { transition: { id: '31' } });
    const after = await check<IssueJson>('GET', '/rest/api/3/issue/{issueIdOrKey}', `/rest/api/3/issue/${created.key}`, 'agent', 200);
    checkIssueBean(after, created.key);
    expect(after.fields.resolution?.name).toBe('Done');
  });

  it('bulk fetch of issues: navigable fields by default, ascending id, hidden ones left out', async () => {
    const res = await check<{ issues: IssueJson[]; issueErrors: unknown[] }>('POST', '/rest/api/3/issue/bulkfetch', '/rest/api/3/issue/bulkfetch', 'acme', 200, {
      issueIdsOrKeys: ['ACME-3', 'GLX-1', 'ACME-1', 'NOPE-9'],
      properties: ['serviceSla'],
      expand: ['changelog'],
    });
    expect(res.issues.map((i) => i.key)).toEqual(['ACME-1', 'ACME-3']);
    expect(res.issues[0]?.fields).not.toHaveProperty('comment');
    expect(res.issues[0]?.changelog?.total).toBe(2);
    for (const issue of res.issues) checkIssueBean(issue, issue.key);
  });

  it('changelogs per issue and in bulk', async () => {
    const page = await check<PageJson<ChangelogJson>>('GET', '/rest/api/3/issue/{issueIdOrKey}/changelog', '/rest/api/3/issue/ACME-1/changelog', 'agent', 200);
    expect(page.values.length).toBe(2);
    const bulk = await check<{ issueChangeLogs: { changeHistories: ChangelogJson[] }[] }>('POST', '/rest/api/3/changelog/bulkfetch', '/rest/api/3/changelog/bulkfetch', 'app', 200, {
      issueIdsOrKeys: ['ACME-1', 'GLX-1'],
      fieldIds: ['status'],
    });
    expect(bulk.issueChangeLogs[0]?.changeHistories[0]?.items.every((i) => i.fieldId === 'status')).toBe(true);
  });
});

describe('comments, worklogs, properties', () => {
  it('comments: list, add public and internal, get, edit, delete', async () => {
    await check('GET', '/rest/api/3/issue/{issueIdOrKey}/comment', '/rest/api/3/issue/ACME-1/comment', 'agent', 200);
    const c = await check<CommentJson>('POST', '/rest/api/3/issue/{issueIdOrKey}/comment', '/rest/api/3/issue/ACME-2/comment', 'agent', 201, { body: adf('On it') });
    const internal = await check<CommentJson>('POST', '/rest/api/3/issue/{issueIdOrKey}/comment', '/rest/api/3/issue/ACME-2/comment', 'agent', 201, {
      body: adf('Internal note'),
      visibility: { type: 'role', value: 'Service Desk Team' },
    });
    expect(internal).toMatchObject({ jsdPublic: false, visibility: { type: 'role', value: 'Service Desk Team' } });
    await check('GET', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', `/rest/api/3/issue/ACME-2/comment/${c.id}`, 'acme', 200);
    await check('PUT', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', `/rest/api/3/issue/ACME-2/comment/${c.id}`, 'agent', 200, { body: adf('On it now') });
    await check('DELETE', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', `/rest/api/3/issue/ACME-2/comment/${c.id}`, 'agent', 204);
  });

  it('worklogs: per issue, add, get, edit, delete, feeds and list', async () => {
    await check('GET', '/rest/api/3/issue/{issueIdOrKey}/worklog', `/rest/api/3/issue/ACME-1/worklog?startedAfter=${T0}&expand=properties`, 'agent', 200);
    const w = await check<WorklogJson>('POST', '/rest/api/3/issue/{issueIdOrKey}/worklog', '/rest/api/3/issue/ACME-2/worklog?adjustEstimate=auto', 'engineer', 201, {
      timeSpentSeconds: 1800,
      started: '2026-03-03T09:00:00.000+0100',
      comment: adf('Imaging'),
    });
    await check('GET', '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}', `/rest/api/3/issue/ACME-2/worklog/${w.id}`, 'agent', 200);
    await check('PUT', '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}', `/rest/api/3/issue/ACME-2/worklog/${w.id}`, 'engineer', 200, { timeSpent: '1h' });
    await check('DELETE', '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}', `/rest/api/3/issue/ACME-2/worklog/${w.id}`, 'engineer', 204);
    h.clock.now += 2 * 60_000;
    const updated = await check<FeedJson>('GET', '/rest/api/3/worklog/updated', '/rest/api/3/worklog/updated?since=0', 'app', 200);
    expect(updated.values.length).toBe(3);
    const deleted = await check<FeedJson>('GET', '/rest/api/3/worklog/deleted', '/rest/api/3/worklog/deleted?since=0', 'app', 200);
    expect(deleted.values.map((d) => String(d.worklogId))).toEqual([w.id]);
    const list = await check<WorklogJson[]>('POST', '/rest/api/3/worklog/list', '/rest/api/3/worklog/list', 'app', 200, { ids: updated.values.map((x) => x.worklogId) });
    expect(list.length).toBe(3);
  });

  it('worklog history items (option worklogChangelog: timespent, WorklogId, WorklogTimeSpent) are ChangeDetails', async () => {
    const site = makeHarness({ worklogChangelog: true });
    const w = await site.call<WorklogJson>('POST', '/rest/api/3/issue/ACME-2/worklog', 'engineer', { timeSpentSeconds: 1800 });
    await site.call('PUT', `/rest/api/3/issue/ACME-2/worklog/${w.json.id}`, 'engineer', { timeSpentSeconds: 600 });
    await site.call('DELETE', `/rest/api/3/issue/ACME-2/worklog/${w.json.id}`, 'engineer');
    const template = '/rest/api/3/issue/{issueIdOrKey}/changelog';
    const page = await site.call<PageJson<ChangelogJson>>('GET', '/rest/api/3/issue/ACME-2/changelog', 'agent');
    expect(v.validateResponse('GET', template, 200, page.json)).toEqual([]);
    const fields = page.json.values.flatMap((c) => c.items.map((i) => i.field));
    expect(fields).toEqual(['timespent', 'WorklogId', 'timespent', 'WorklogId', 'timespent', 'WorklogId', 'WorklogTimeSpent']);
  });

  it('issue properties: keys, get, set, delete', async () => {
    await check('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', '/rest/api/3/issue/ACME-2/properties/serviceSla', 'app', 201, { breached: 'false' });
    await check('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', '/rest/api/3/issue/ACME-2/properties/serviceSla', 'app', 200, { breached: 'true' });
    await check('GET', '/rest/api/3/issue/{issueIdOrKey}/properties', '/rest/api/3/issue/ACME-2/properties', 'agent', 200);
    await check('GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', '/rest/api/3/issue/ACME-2/properties/serviceSla', 'agent', 200);
    await check('DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', '/rest/api/3/issue/ACME-2/properties/serviceSla', 'app', 204);
  });
});

describe('search', () => {
  it('search/jql GET and POST with fields, properties and expansions; approximate-count', async () => {
    const ids = await check<SearchJson>('GET', '/rest/api/3/search/jql', `/rest/api/3/search/jql?jql=${q('project = ACME')}`, 'agent', 200);
    expect(ids.issues[0]).toEqual({ id: expect.any(String) });
    const rich = await check<SearchJson>('GET', '/rest/api/3/search/jql', `/rest/api/3/search/jql?jql=${q('project in (ACME, GLX) ORDER BY key ASC')}&fields=*navigable,comment,worklog&properties=serviceSla&expand=names,schema,changelog&maxResults=2`, 'app', 200);
    expect(rich.nextPageToken).toEqual(expect.any(String));
    for (const issue of rich.issues) checkIssueBean(issue, issue.key);
    const post = await check<SearchJson>('POST', '/rest/api/3/search/jql', '/rest/api/3/search/jql', 'agent', 200, {
      jql: 'project = ACME',
      fields: ['summary', 'status', 'assignee', 'priority', 'updated', 'created', 'resolutiondate', 'labels', 'components', 'issuetype', 'reporter'],
      properties: ['serviceSla'],
      maxResults: 10,
    });
    for (const issue of post.issues) checkIssueBean(issue, issue.key);
    const count = await check<{ count: number }>('POST', '/rest/api/3/search/approximate-count', '/rest/api/3/search/approximate-count', 'agent', 200, { jql: 'project = ACME' });
    expect(count.count).toBe(post.issues.length);
  });
});

describe('send notification for issue', () => {
  const template = '/rest/api/3/issue/{issueIdOrKey}/notify';
  const bodies = [
    { subject: 'SLA breached', textBody: 'Resolution time exceeded.', htmlBody: '<p>Resolution time exceeded.</p>', to: { reporter: true, assignee: true } },
    { to: { users: [{ accountId: USERS.agent }], groups: [{ name: 'msp-staff' }], watchers: true, voters: false }, restrict: { groups: [{ name: 'msp-staff' }], permissions: [{ key: 'BROWSE' }] } },
  ];

  it('the request bodies the tests send are Notification objects; 204 has no body', async () => {
    for (const body of bodies) {
      expect(v.validateComponent('Notification', body)).toEqual([]);
      await check('POST', template, '/rest/api/3/issue/GLX-1/notify', 'app', 204, body);
    }
    expect(h.jira.notifications().length).toBe(bodies.length);
  });

  it('400 and 404 answers are ErrorCollections', async () => {
    for (const [path, who, status, body] of [
      ['/rest/api/3/issue/GLX-1/notify', 'app', 400, { subject: 'nobody' }],
      ['/rest/api/3/issue/GLX-1/notify', 'app', 400, { to: { users: [{ accountId: 'nobody' }] } }],
      ['/rest/api/3/issue/GLX-1/notify', 'acme', 404, bodies[0]],
    ] as const) {
      const res = await h.call<ErrorJson>('POST', path, who, body);
      expect(res.status).toBe(status);
      expect(v.validateComponent('ErrorCollection', res.json)).toEqual([]);
    }
  });
});

describe('errors have Jira’s ErrorCollection shape', () => {
  it.each([
    ['GET', '/rest/api/3/issue/NOPE-1', 'agent', 404],
    ['GET', '/rest/api/3/issue/GLX-1', 'acme', 404],
    ['GET', '/rest/api/3/myself', 'anonymous', 401],
    ['POST', '/rest/api/3/issue', 'agent', 400],
    ['GET', `/rest/api/3/search/jql?jql=${q('project = ACME AND nonsense ~~ 1')}`, 'agent', 400],
    ['GET', '/rest/api/3/search', 'agent', 410],
    ['GET', '/rest/api/3/nowhere', 'agent', 404],
    ['DELETE', '/rest/api/3/myself', 'agent', 405],
  ] as const)('%s %s as %s -> %d', async (method, path, who, status) => {
    const res = await h.call<ErrorJson>(method, path, who, method === 'POST' ? { fields: {} } : undefined);
    expect(res.status).toBe(status);
    expect(v.validateComponent('ErrorCollection', res.json)).toEqual([]);
    expect(res.json.errorMessages.length + Object.keys(res.json.errors).length).toBeGreaterThan(0);
  });
});

describe('product event payloads', () => {
  it('carry REST-shaped issues, comments, worklogs and changelog items', () => {
    const types = new Set(events.map((e) => e.eventType));
    for (const t of ['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:commented:issue', 'avi:jira:deleted:comment', 'avi:jira:created:worklog', 'avi:jira:updated:worklog', 'avi:jira:deleted:worklog', 'avi:jira:set:issue-property', 'avi:jira:deleted:issue-property']) {
      expect(types).toContain(t);
    }
    for (const e of events) {
      const issue = e.issue as { id: string; key: string; fields?: Record<string, unknown> } | undefined;
      if (issue?.fields) expect(validateIssueFields(v, issue.fields, `${e.eventType}.issue`)).toEqual([]);
      if (e.comment) expect(v.validateComponent('Comment', e.comment)).toEqual([]);
      if (e.worklog) expect(v.validateComponent('Worklog', e.worklog)).toEqual([]);
      const changelog = e.changelog as { items: unknown[] } | undefined;
      for (const item of changelog?.items ?? []) expect(v.validateComponent('ChangeDetails', item)).toEqual([]);
    }
  });
});

describe('the validator is strict enough to catch wrong shapes', () => {
  it('rejects wrong types, unknown properties where the document closes an object, and bad field values', async () => {
    const me = (await h.call<UserJson>('GET', '/rest/api/3/myself', 'agent')).json;
    expect(v.validateResponse('GET', '/rest/api/3/myself', 200, me)).toEqual([]);
    expect(v.validateResponse('GET', '/rest/api/3/myself', 200, { ...me, team: 'x' })).not.toEqual([]);
    expect(v.validateComponent('Worklog', { id: 10000, timeSpentSeconds: 60 })).not.toEqual([]);
    expect(v.validateResponse('GET', '/rest/api/3/search/jql', 200, { issues: [], isLast: true, total: 3 })).not.toEqual([]);
    expect(v.validateComponent('ChangedWorklogs', { values: [{ worklogId: '1', updatedTime: 1 }], lastPage: true })).not.toEqual([]);
    const status = { id: '1', name: 'Open', statusCategory: { id: 'two', key: 'new' } };
    expect(validateIssueFields(v, { status }, 'x')).not.toEqual([]);
    expect(validateIssueFields(v, { created: '2026-03-02T08:00:00Z' }, 'x')).not.toEqual([]);
    expect(validateIssueFields(v, { mystery: 1 }, 'x')).not.toEqual([]);
  });
});
