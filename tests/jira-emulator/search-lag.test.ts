// searchLagMs: JQL search sees each issue as it was `searchLagMs` ago (fields and properties), a new issue not at all,
// unless the request names it in reconcileIssues (GET and POST); the emulator's clock moves the index forward.
import { makeHarness, type Harness } from './fixture';
import type { ErrorJson, IssueJson, SearchJson } from './wire';

const LAG = 30_000;
let h: Harness;
let ids: Record<string, string>;

beforeEach(async () => {
  h = makeHarness({ searchLagMs: LAG });
  ids = {};
  for (const key of ['ACME-1', 'ACME-2', 'ACME-3', 'GLX-1']) ids[key] = (await h.call<IssueJson>('GET', `/rest/api/3/issue/${key}?fields=summary`, 'app')).json.id;
});

const keys = (r: { json: SearchJson }) => r.json.issues.map((i) => i.key);

/** GET search/jql for keys, optionally reconciling issue ids. */
function get(jql: string, reconcile: string[] = []) {
  const q = new URLSearchParams({ jql, fields: 'key' });
  if (reconcile.length > 0) q.set('reconcileIssues', reconcile.join(','));
  return h.call<SearchJson>('GET', `/rest/api/3/search/jql?${q.toString()}`, 'app');
}
const post = (jql: string, reconcile?: number[]) =>
  h.call<SearchJson>('POST', '/rest/api/3/search/jql', 'app', { jql, fields: ['key', 'priority'], ...(reconcile ? { reconcileIssues: reconcile } : {}) });
const setPriority = (key: string, name: string) => h.call('PUT', `/rest/api/3/issue/${key}`, 'agent', { fields: { priority: { name } } });

describe('an edited issue', () => {
  it('is found by its old value, not its new one, until the lag has passed', async () => {
    expect((await setPriority('ACME-2', 'Highest')).status).toBe(204);
    expect(keys(await get('project = ACME AND priority = Low'))).toEqual(['ACME-2']);
    expect(keys(await get('project = ACME AND priority = Highest'))).toEqual([]);
    // Reads by key are consistent: only search lags.
    expect((await h.call<IssueJson>('GET', '/rest/api/3/issue/ACME-2?fields=priority', 'agent')).json.fields.priority.name).toBe('Highest');

    h.clock.now += LAG - 1;
    expect(keys(await get('project = ACME AND priority = Highest'))).toEqual([]);
    h.clock.now += 1;
    expect(keys(await get('project = ACME AND priority = Highest'))).toEqual(['ACME-2']);
    expect(keys(await get('project = ACME AND priority = Low'))).toEqual([]);
  });

  it('is evaluated on its current state when named in reconcileIssues (GET query and POST body)', async () => {
    await setPriority('ACME-2', 'Highest');
    expect(keys(await get('project = ACME AND priority = Highest', [ids['ACME-2'] as string]))).toEqual(['ACME-2']);
    expect(keys(await get('project = ACME AND priority = Low', [ids['ACME-2'] as string, ids['GLX-1'] as string]))).toEqual([]);
    const body = await post('project = ACME AND priority = Highest', [Number(ids['ACME-2'])]);
    expect(keys(body)).toEqual(['ACME-2']);
    // Other issues stay as indexed: reconciling one issue does not catch up another.
    await setPriority('ACME-3', 'Highest');
    expect(keys(await post('project = ACME AND priority = Highest ORDER BY key', [Number(ids['ACME-2'])]))).toEqual(['ACME-2']);
  });

  it('matches on the indexed state but is returned with its current fields', async () => {
    await setPriority('ACME-2', 'Highest');
    const found = await post('project = ACME AND priority = Low');
    expect(found.json.issues.map((i) => [i.key, i.fields.priority.name])).toEqual([['ACME-2', 'Highest']]);
  });

  it('shows each write once its own lag has passed (several writes within the lag)', async () => {
    await setPriority('ACME-2', 'High');
    h.clock.now += 10_000;
    await setPriority('ACME-2', 'Highest');
    const priorityOf = async () => {
      for (const name of ['Low', 'High', 'Highest']) if (keys(await get(`key = ACME-2 AND priority = ${name}`)).length > 0) return name;
      return 'none';
    };
    expect(await priorityOf()).toBe('Low');
    h.clock.now += LAG - 10_000;
    expect(await priorityOf()).toBe('High');
    h.clock.now += 10_000;
    expect(await priorityOf()).toBe('Highest');
  });

  it('sorts by the indexed state', async () => {
    // ORDER BY priority DESC: ACME-1 (High) before ACME-2 (Low); ACME-2 now Highest, but the index does not know.
    await setPriority('ACME-2', 'Highest');
    expect(keys(await get('project = ACME AND key in (ACME-1, ACME-2) ORDER BY priority DESC'))).toEqual(['ACME-1', 'ACME-2']);
    h.clock.now += LAG;
    expect(keys(await get('project = ACME AND key in (ACME-1, ACME-2) ORDER BY priority DESC'))).toEqual(['ACME-2', 'ACME-1']);
  });
});

describe('issue properties', () => {
  it('lag like fields: a property set is searchable after the lag, or at once when reconciled', async () => {
    const jql = 'issue.property[serviceSla].breached = "true" ORDER BY key';
    expect(keys(await get(jql))).toEqual(['ACME-3', 'GLX-1']);
    expect((await h.call('PUT', '/rest/api/3/issue/ACME-2/properties/serviceSla', 'app', { breached: 'true' })).status).toBe(201);
    expect((await h.call('DELETE', '/rest/api/3/issue/ACME-3/properties/serviceSla', 'app')).status).toBe(204);
    expect(keys(await get(jql))).toEqual(['ACME-3', 'GLX-1']);
    expect(keys(await get(jql, [ids['ACME-2'] as string, ids['ACME-3'] as string]))).toEqual(['ACME-2', 'GLX-1']);
    h.clock.now += LAG;
    expect(keys(await get(jql))).toEqual(['ACME-2', 'GLX-1']);
  });
});

describe('a new issue', () => {
  it('is not found at all within the lag (nor counted), unless reconciled', async () => {
    const created = await h.call<{ id: string; key: string }>('POST', '/rest/api/3/issue', 'agent', { fields: { project: { key: 'ACME' }, issuetype: { name: 'Incident' }, summary: 'Printer on fire' } });
    expect(created.status).toBe(201);
    expect(keys(await get('project = ACME ORDER BY key'))).toEqual(['ACME-1', 'ACME-2', 'ACME-3']);
    expect((await h.call<{ count: number }>('POST', '/rest/api/3/search/approximate-count', 'app', { jql: 'project = ACME' })).json.count).toBe(3);
    expect(keys(await get('project = ACME ORDER BY key', [created.json.id]))).toEqual(['ACME-1', 'ACME-2', 'ACME-3', created.json.key]);
    // A reconciled issue is still filtered by the JQL.
    expect(keys(await get('project = GLX', [created.json.id]))).toEqual(['GLX-1']);
    h.clock.now += LAG;
    expect(keys(await get('project = ACME ORDER BY key'))).toEqual(['ACME-1', 'ACME-2', 'ACME-3', created.json.key]);
    expect((await h.call<{ count: number }>('POST', '/rest/api/3/search/approximate-count', 'app', { jql: 'project = ACME' })).json.count).toBe(4);
  });

  it('worklog writes lag too (they change `updated`)', async () => {
    const before = keys(await get('updated >= -1h'));
    await h.call('POST', '/rest/api/3/issue/ACME-2/worklog', 'engineer', { timeSpentSeconds: 600 });
    expect(keys(await get('updated >= -1h'))).toEqual(before);
    h.clock.now += LAG;
    expect(keys(await get('updated >= -1h'))).toEqual([...before, 'ACME-2'].sort().reverse());
  });
});

describe('reconcileIssues is checked', () => {
  it('at most 50 ids; ids must be numbers', async () => {
    const many = Array.from({ length: 51 }, (_, i) => String(10000 + i));
    expect((await get('project = ACME', many)).status).toBe(400);
    expect((await h.call<ErrorJson>('POST', '/rest/api/3/search/jql', 'app', { jql: 'project = ACME', reconcileIssues: many.map(Number) })).json.errors).toHaveProperty('reconcileIssues');
    expect((await get('project = ACME', ['ACME-1'])).status).toBe(400);
    expect((await h.call<ErrorJson>('POST', '/rest/api/3/search/jql', 'app', { jql: 'project = ACME', reconcileIssues: ['10000'] })).status).toBe(400);
  });
});

it('without searchLagMs, search is read-after-write consistent (the default)', async () => {
  const consistent = makeHarness();
  await consistent.call('PUT', '/rest/api/3/issue/ACME-2', 'agent', { fields: { priority: { name: 'Highest' } } });
  const found = await consistent.call<SearchJson>('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = ACME AND priority = Highest')}&fields=key`, 'app');
  expect(keys(found)).toEqual(['ACME-2']);
});
