// Every write fires the Forge product event Jira would, with the documented payload shapes; `selfGenerated`
// follows `fromApp` (so the runtime can honour ignoreSelf) and `atlassianId` names the acting user.
import type { ProductEvent } from '../../local/jira/backend';
import { adf, makeHarness, USERS, type Harness } from './fixture';
import type { CommentJson, WorklogJson } from './wire';

let h: Harness;
let events: ProductEvent[];
beforeEach(() => {
  h = makeHarness();
  events = [];
  h.jira.onEvent((e) => events.push(e));
});

const only = (type: string) => {
  const matching = events.filter((e) => e.eventType === type);
  expect(matching.length).toBe(1);
  return matching[0] as ProductEvent & Record<string, unknown>;
};

describe('product events', () => {
  it('issue created: trimmed issue, the creator as atlassianId and associated user', async () => {
    const res = await h.call<{ id: string; key: string }>('POST', '/rest/api/3/issue', 'agent', { fields: { project: { key: 'ACME' }, issuetype: { name: 'Incident' }, summary: 'Disk full' } });
    const e = only('avi:jira:created:issue');
    expect(e).toMatchObject({
      eventType: 'avi:jira:created:issue',
      atlassianId: USERS.agent,
      selfGenerated: false,
      associatedUsers: { associatedUsers: [{ accountId: USERS.agent }] },
      issue: { id: res.json.id, key: res.json.key, fields: { summary: 'Disk full', status: { name: 'Open' }, project: { key: 'ACME' }, assignee: null } },
    });
    expect(Object.keys((e.issue as { fields: object }).fields).sort()).toEqual(['assignee', 'created', 'creator', 'issuetype', 'project', 'reporter', 'status', 'summary', 'updated']);
  });

  it('issue updated by a transition: changelog items and associated statuses (current, previous)', async () => {
    await h.call('POST', '/rest/api/3/issue/ACME-2/transitions', 'agent', { transition: { id: '31' } });
    const e = only('avi:jira:updated:issue');
    expect(e.changelog).toMatchObject({
      id: expect.any(String),
      items: [
        { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: 'Open', to: '5', toString: 'Resolved' },
        { field: 'resolution', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' },
      ],
    });
    expect(e.associatedStatuses).toEqual([{ id: '5', name: 'Resolved' }, { id: '1', name: 'Open' }]);
  });

  it('an edit without a status change has no associatedStatuses; a no-op edit fires nothing', async () => {
    await h.call('PUT', '/rest/api/3/issue/ACME-2', 'agent', { fields: { priority: { name: 'Highest' } } });
    const e = only('avi:jira:updated:issue');
    expect(e.associatedStatuses).toBeUndefined();
    expect((e.changelog as { items: unknown[] }).items).toEqual([{ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: '4', fromString: 'Low', to: '1', toString: 'Highest' }]);
    events = [];
    const again = await h.call('PUT', '/rest/api/3/issue/ACME-2', 'agent', { fields: { priority: { name: 'Highest' } } });
    expect(again.status).toBe(204);
    expect(events).toEqual([]);
  });

  it('app writes are selfGenerated and carry no atlassianId', async () => {
    await h.call('PUT', '/rest/api/3/issue/ACME-2/properties/serviceSla', 'app', { breached: 'true' });
    const e = only('avi:jira:set:issue-property');
    expect(e).toMatchObject({ selfGenerated: true, entityType: 'issue', propertyKey: 'serviceSla', issue: { key: 'ACME-2' }, property: { key: 'serviceSla', value: { breached: 'true' } } });
    expect('atlassianId' in e).toBe(false);
    await h.call('DELETE', '/rest/api/3/issue/ACME-2/properties/serviceSla', 'app');
    expect(only('avi:jira:deleted:issue-property')).toMatchObject({ selfGenerated: true, propertyKey: 'serviceSla' });
  });

  it('comments: commented:issue on create and edit, deleted:comment on delete', async () => {
    const c = await h.call<CommentJson>('POST', '/rest/api/3/issue/ACME-2/comment', 'acme', { body: adf('Hello') });
    expect(only('avi:jira:commented:issue')).toMatchObject({ atlassianId: USERS.acme, issue: { key: 'ACME-2' }, comment: { id: c.json.id, body: adf('Hello'), author: { accountId: USERS.acme } } });
    events = [];
    await h.call('PUT', `/rest/api/3/issue/ACME-2/comment/${c.json.id}`, 'acme', { body: adf('Hello again') });
    expect(only('avi:jira:commented:issue')).toMatchObject({ comment: { id: c.json.id, body: adf('Hello again') } });
    events = [];
    await h.call('DELETE', `/rest/api/3/issue/ACME-2/comment/${c.json.id}`, 'acme');
    expect(only('avi:jira:deleted:comment')).toMatchObject({ comment: { id: c.json.id }, issue: { key: 'ACME-2' } });
  });

  it('worklogs: created, updated and deleted carry the worklog only', async () => {
    const w = await h.call<WorklogJson>('POST', '/rest/api/3/issue/ACME-2/worklog', 'engineer', { timeSpent: '1h 30m', started: '2026-03-03T09:00:00.000+0530' });
    const created = only('avi:jira:created:worklog');
    expect(Object.keys(created).sort()).toEqual(['atlassianId', 'eventType', 'selfGenerated', 'worklog']);
    expect(created.worklog).toMatchObject({ id: w.json.id, issueId: w.json.issueId, timeSpentSeconds: 5400, timeSpent: '1h 30m', started: '2026-03-03T03:30:00.000+0000' });
    events = [];
    await h.call('PUT', `/rest/api/3/issue/ACME-2/worklog/${w.json.id}`, 'engineer', { timeSpentSeconds: 600 });
    expect(only('avi:jira:updated:worklog')).toMatchObject({ worklog: { id: w.json.id, timeSpentSeconds: 600 } });
    events = [];
    await h.call('DELETE', `/rest/api/3/issue/ACME-2/worklog/${w.json.id}`, 'engineer');
    expect(only('avi:jira:deleted:worklog')).toMatchObject({ worklog: { id: w.json.id } });
  });

  it('a failed write fires nothing; a throwing listener does not undo the write', async () => {
    const bad = await h.call('PUT', '/rest/api/3/issue/ACME-2', 'agent', { fields: { priority: { name: 'Urgent!' } } });
    expect(bad.status).toBe(400);
    expect(events).toEqual([]);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const off = h.jira.onEvent(() => {
      throw new Error('subscriber bug');
    });
    const ok = await h.call('PUT', '/rest/api/3/issue/ACME-2', 'agent', { fields: { summary: 'Renamed' } });
    off();
    errors.mockRestore();
    expect(ok.status).toBe(204);
    expect(events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue']);
    expect((await h.call<{ fields: { summary: string } }>('GET', '/rest/api/3/issue/ACME-2?fields=summary', 'agent')).json.fields.summary).toBe('Renamed');
  });
});
