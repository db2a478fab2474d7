// Each user sees only the projects their groups may browse: by get, search, count, changelog bulk fetch and the
// worklog feeds; restricted comments and worklogs stay hidden from those outside the group or role.
import { adf, makeHarness, type Harness } from './fixture';
import type { CommentJson, ErrorJson, FeedJson, IssueJson, PermissionsJson, SearchJson, WorklogJson } from './wire';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});

const search = (jql: string) => `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=key&maxResults=100`;
const keys = (r: SearchJson) => r.issues.map((i) => (i as { key: string }).key).sort();

describe('browse permission', () => {
  it('a customer contact cannot get, search or count another customer’s issues', async () => {
    const own = await h.call<IssueJson>('GET', '/rest/api/3/issue/ACME-1', 'acme');
    expect(own.status).toBe(200);
    const other = await h.call<ErrorJson>('GET', '/rest/api/3/issue/GLX-1', 'acme');
    expect(other.status).toBe(404);
    expect(other.json.errorMessages).toEqual(['Issue does not exist or you do not have permission to see it.']);
    // The same answer as for an issue that does not exist: nothing is learnt.
    const missing = await h.call<ErrorJson>('GET', '/rest/api/3/issue/ACME-999', 'acme');
    expect(missing.json).toEqual(other.json);
    expect(keys((await h.call<SearchJson>('GET', search('priority = Highest OR project = ACME'), 'acme')).json)).toEqual(['ACME-1', 'ACME-2', 'ACME-3']);
    expect(keys((await h.call<SearchJson>('GET', search('issue.property[serviceSla].breached = "true"'), 'acme')).json)).toEqual(['ACME-3']);
    const count = await h.call<{ count: number }>('POST', '/rest/api/3/search/approximate-count', 'acme', { jql: 'issue.property[serviceSla].breached = "true"' });
    expect(count.json.count).toBe(1);
    const staffCount = await h.call<{ count: number }>('POST', '/rest/api/3/search/approximate-count', 'agent', { jql: 'issue.property[serviceSla].breached = "true"' });
    expect(staffCount.json.count).toBe(2);
  });

  it('a project the caller cannot browse does not exist for JQL (400, as in Jira)', async () => {
    const res = await h.call<ErrorJson>('GET', search('project = GLX'), 'acme');
    expect(res.status).toBe(400);
    expect(res.json.errorMessages.join(' ')).toMatch(/GLX/);
  });

  it('hidden issues are left out of bulk changelogs, worklog feeds and worklog lists', async () => {
    h.clock.now += 60_000;
    const bulk = await h.call<{ issueChangeLogs: { issueId: string }[] }>('POST', '/rest/api/3/changelog/bulkfetch', 'globex', { issueIdsOrKeys: ['ACME-1', 'GLX-1'] });
    expect(bulk.status).toBe(200);
    expect(bulk.json.issueChangeLogs).toEqual([]);
    const feed = await h.call<FeedJson>('GET', '/rest/api/3/worklog/updated?since=0', 'globex');
    const all = await h.call<FeedJson>('GET', '/rest/api/3/worklog/updated?since=0', 'app');
    expect(feed.json.values.length).toBe(1);
    expect(all.json.values.length).toBe(3);
    const list = await h.call<WorklogJson[]>('POST', '/rest/api/3/worklog/list', 'globex', { ids: all.json.values.map((v) => v.worklogId) });
    expect(list.json.map((w) => Number(w.id))).toEqual(feed.json.values.map((v) => v.worklogId));
    const glx = await h.call<IssueJson>('GET', '/rest/api/3/issue/GLX-1?fields=summary', 'globex');
    expect(list.json.map((w) => w.issueId)).toEqual([glx.json.id]);
  });

  it('writes need the project permission: a customer may comment but not edit, log work or transition', async () => {
    expect((await h.call('POST', '/rest/api/3/issue/ACME-2/comment', 'acme', { body: adf('Any news?') })).status).toBe(201);
    expect((await h.call('PUT', '/rest/api/3/issue/ACME-2', 'acme', { fields: { summary: 'x' } })).status).toBe(403);
    expect((await h.call('POST', '/rest/api/3/issue/ACME-2/transitions', 'acme', { transition: { id: '31' } })).status).toBe(403);
    expect((await h.call('POST', '/rest/api/3/issue/ACME-2/worklog', 'acme', { timeSpentSeconds: 600 })).status).toBe(403);
    expect((await h.call('PUT', '/rest/api/3/issue/ACME-2/properties/x', 'acme', { a: 1 })).status).toBe(403);
    // A write to an issue the caller cannot see is a 404, never a 403 that would reveal it.
    expect((await h.call('PUT', '/rest/api/3/issue/GLX-1', 'acme', { fields: { summary: 'x' } })).status).toBe(404);
  });

  it('mypermissions reports per project and globally', async () => {
    const perms = (who: 'acme' | 'agent' | 'admin', query: string) =>
      h.call<PermissionsJson>('GET', `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES,WORK_ON_ISSUES,ADMINISTER${query}`, who);
    const acmeInAcme = (await perms('acme', '&projectKey=ACME')).json.permissions;
    expect([acmeInAcme.BROWSE_PROJECTS?.havePermission, acmeInAcme.EDIT_ISSUES?.havePermission, acmeInAcme.ADMINISTER?.havePermission]).toEqual([true, false, false]);
    expect((await perms('acme', '&projectKey=GLX')).status).toBe(404);
    const agent = (await perms('agent', '&issueKey=GLX-1')).json.permissions;
    expect([agent.EDIT_ISSUES?.havePermission, agent.WORK_ON_ISSUES?.havePermission, agent.ADMINISTER?.havePermission]).toEqual([true, true, false]);
    expect((await perms('admin', '')).json.permissions.ADMINISTER?.havePermission).toBe(true);
    expect((await h.call<ErrorJson>('GET', '/rest/api/3/mypermissions?permissions=FLY', 'agent')).status).toBe(400);
    expect((await h.call<ErrorJson>('GET', '/rest/api/3/mypermissions', 'agent')).status).toBe(400);
  });

  it('project search lists only browsable projects', async () => {
    const res = await h.call<{ values: { key: string }[]; total: number }>('GET', '/rest/api/3/project/search', 'globex');
    expect(res.json.values.map((p) => p.key)).toEqual(['GLX']);
    expect((await h.call('GET', '/rest/api/3/project/ACME', 'globex')).status).toBe(404);
  });

  it('anonymous and unknown callers get 401; the app sees everything', async () => {
    expect((await h.call('GET', '/rest/api/3/issue/ACME-1', 'anonymous')).status).toBe(401);
    const ghost = await h.jira.handle({ method: 'GET', path: '/rest/api/3/issue/ACME-1', headers: {}, principal: { kind: 'user', accountId: 'nobody' }, fromApp: false });
    expect(ghost.status).toBe(401);
    expect(keys((await h.call<SearchJson>('GET', search('project in (ACME, GLX)'), 'app')).json)).toEqual(['ACME-1', 'ACME-2', 'ACME-3', 'GLX-1']);
  });
});

describe('restricted comments', () => {
  it('internal comments are hidden from customers and shown to staff', async () => {
    const forCustomer = await h.call<{ comments: CommentJson[]; total: number }>('GET', '/rest/api/3/issue/ACME-1/comment', 'acme');
    const forStaff = await h.call<{ comments: CommentJson[]; total: number }>('GET', '/rest/api/3/issue/ACME-1/comment', 'engineer');
    expect(forCustomer.json.total).toBe(1);
    expect(forStaff.json.total).toBe(2);
    const internal = forStaff.json.comments.find((c) => !c.jsdPublic);
    expect(internal?.visibility).toEqual({ type: 'role', value: 'Service Desk Team', identifier: '10100' });
    expect((await h.call('GET', `/rest/api/3/issue/ACME-1/comment/${internal?.id}`, 'acme')).status).toBe(404);
    const embedded = await h.call<IssueJson>('GET', '/rest/api/3/issue/ACME-1?fields=comment', 'acme');
    expect(embedded.json.fields.comment.total).toBe(1);
  });

  it('group-restricted comments are visible to the group only; unknown groups are a 400 naming the field', async () => {
    const added = await h.call<CommentJson>('POST', '/rest/api/3/issue/ACME-2/comment', 'admin', { body: adf('Admins only'), visibility: { type: 'group', value: 'jira-admins' } });
    expect(added.status).toBe(201);
    expect((await h.call('GET', `/rest/api/3/issue/ACME-2/comment/${added.json.id}`, 'agent')).status).toBe(404);
    expect((await h.call('GET', `/rest/api/3/issue/ACME-2/comment/${added.json.id}`, 'admin')).status).toBe(200);
    const bad = await h.call<ErrorJson>('POST', '/rest/api/3/issue/ACME-2/comment', 'agent', { body: adf('x'), visibility: { type: 'group', value: 'no-such-group' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors)).toEqual(['commentLevel']);
  });

  it('a JSM internal note (sd.public.comment) is not public', async () => {
    const added = await h.call<CommentJson>('POST', '/rest/api/3/issue/ACME-2/comment', 'agent', {
      body: adf('Note to self'),
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
    expect(added.json.jsdPublic).toBe(false);
  });
});
