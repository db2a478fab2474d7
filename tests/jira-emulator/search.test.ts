// search/jql and approximate-count: permission filtering first, nextPageToken paging, page caps, fields and
// properties limits, and JQL the emulator cannot evaluate answered with 400 (never a silently wrong result).
import type { JiraSeed, SeedIssue } from '../../local/jira/seed';
import { fixtureSeed, HOUR, iso, makeHarness, T0, USERS, type Harness } from './fixture';
import type { ErrorJson, IssueJson, SearchJson } from './wire';

/** The fixture plus `n` Globex issues, a third labelled `routine`, every fifth with a breached SLA property. */
function bigSeed(n: number): JiraSeed {
  const seed = fixtureSeed();
  const extra: SeedIssue[] = Array.from({ length: n }, (_, i) => ({
    key: `GLX-${i + 2}`,
    projectKey: 'GLX',
    issueTypeId: '10001',
    summary: `Request ${i + 2}`,
    reporterAccountId: USERS.globex,
    initial: { statusId: i % 2 === 0 ? '1' : '3', priorityId: String((i % 5) + 1), assigneeAccountId: null },
    labels: i % 3 === 0 ? ['routine'] : [],
    components: [],
    created: iso(T0 - (i + 1) * HOUR),
    history: [],
    comments: [],
    worklogs: [],
    properties: i % 5 === 0 ? { serviceSla: { breached: 'true', customer: 'GLX' } } : {},
  }));
  return { ...seed, issues: [...seed.issues, ...extra] };
}

let h: Harness;
beforeAll(() => {
  h = makeHarness({ seed: bigSeed(300) });
});

const get = (query: Record<string, string | number>, who: 'agent' | 'app' | 'acme' | 'globex' = 'agent') =>
  h.call<SearchJson & ErrorJson>('GET', `/rest/api/3/search/jql?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`, who);
const post = (body: unknown, who: 'agent' | 'app' | 'acme' = 'agent') => h.call<SearchJson & ErrorJson>('POST', '/rest/api/3/search/jql', who, body);
const keysOf = (r: SearchJson) => r.issues.map((i) => i.key);

describe('paging', () => {
  it('walks every match once with nextPageToken; the last page has no token and isLast', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await get({ jql: 'project = GLX ORDER BY created DESC', fields: 'key', maxResults: 64, ...(token ? { nextPageToken: token } : {}) });
      expect(res.status).toBe(200);
      pages++;
      seen.push(...keysOf(res.json));
      token = res.json.nextPageToken;
      expect(res.json.isLast).toBe(token === undefined);
    } while (token);
    expect(pages).toBe(5);
    expect(seen.length).toBe(301);
    expect(new Set(seen).size).toBe(301);
    expect(seen[0]).toBe('GLX-1');
  });

  it('defaults to 50 ids per page; rich pages hold at most 100; id/key-only pages up to 5000', async () => {
    const ids = await get({ jql: 'project = GLX' });
    expect(ids.json.issues.length).toBe(50);
    expect(ids.json.issues[0]).toEqual({ id: expect.any(String) });
    const rich = await get({ jql: 'project = GLX', fields: 'summary,status', maxResults: 500 });
    expect(rich.json.issues.length).toBe(100);
    expect(rich.json.nextPageToken).toEqual(expect.any(String));
    const withProps = await get({ jql: 'project = GLX', properties: 'serviceSla', maxResults: 500 });
    expect(withProps.json.issues.length).toBe(100);
    const keysOnly = await get({ jql: 'project = GLX', fields: 'key', maxResults: 5000 });
    expect(keysOnly.json.issues.length).toBe(301);
    expect(keysOnly.json.isLast).toBe(true);
  });

  it('refuses maxResults outside 1..5000, a token from another query, and a forged token', async () => {
    for (const maxResults of [0, 5001, -3]) {
      const res = await get({ jql: 'project = GLX', maxResults });
      expect(res.status).toBe(400);
      expect(res.json.errorMessages).toEqual(['The max results parameter has to be between 1 and 5,000.']);
    }
    expect((await get({ jql: 'project = GLX', maxResults: 'ten' })).status).toBe(400);
    const first = await get({ jql: 'project = GLX', maxResults: 10 });
    expect((await get({ jql: 'project = ACME', nextPageToken: first.json.nextPageToken ?? '' })).status).toBe(400);
    expect((await get({ jql: 'project = GLX', nextPageToken: 'not-a-token' })).status).toBe(400);
    // A token is bound to the caller too: another user cannot continue it.
    expect((await get({ jql: 'project = GLX', nextPageToken: first.json.nextPageToken ?? '' }, 'globex')).status).toBe(400);
  });

  it('POST takes the same parameters in the body and validates them naming the field', async () => {
    const res = await post({ jql: 'project = GLX AND labels = routine ORDER BY key ASC', fields: ['summary'], maxResults: 5, expand: 'names' });
    expect(res.status).toBe(200);
    // Keys sort by project, then numerically (as Jira does), not as text.
    expect(keysOf(res.json)).toEqual(['GLX-2', 'GLX-5', 'GLX-8', 'GLX-11', 'GLX-14']);
    expect(res.json.names).toEqual({ summary: 'Summary' });
    const next = await post({ jql: 'project = GLX AND labels = routine ORDER BY key ASC', fields: ['summary'], maxResults: 5, nextPageToken: res.json.nextPageToken });
    expect(keysOf(next.json)[0]).toBe('GLX-17');
    expect(Object.keys((await post({ jql: 'project = GLX', fields: 'summary' })).json.errors)).toEqual(['fields']);
    expect(Object.keys((await post({ jql: 7 })).json.errors)).toEqual(['jql']);
    expect(Object.keys((await post({ jql: 'project = GLX', maxResults: '5' })).json.errors)).toEqual(['maxResults']);
  });
});

describe('fields, properties and expansions', () => {
  it('returns the asked properties (at most 5) and the changelog', async () => {
    const res = await get({ jql: 'key = ACME-1', fields: 'summary', properties: 'serviceSla', expand: 'changelog' });
    const issue = res.json.issues[0] as IssueJson;
    expect(issue.properties).toEqual({ serviceSla: { breached: 'false', customer: 'ACME' } });
    expect(issue.changelog?.total).toBe(2);
    const six = await get({ jql: 'project = ACME', properties: 'a,b,c,d,e,f' });
    expect(six.status).toBe(400);
  });

  it('sees writes at once (read-after-write)', async () => {
    const before = await get({ jql: 'project = ACME AND summary ~ "gigabit"', fields: 'key' });
    expect(before.json.issues).toEqual([]);
    await h.call('PUT', '/rest/api/3/issue/ACME-2', 'agent', { fields: { summary: 'Gigabit switch for Bob' } });
    const after = await get({ jql: 'project = ACME AND summary ~ "gigabit"', fields: 'key' });
    expect(keysOf(after.json)).toEqual(['ACME-2']);
    await h.call('PUT', '/rest/api/3/issue/GLX-5/properties/serviceSla', 'app', { breached: 'true' });
    const count = await h.call<{ count: number }>('POST', '/rest/api/3/search/approximate-count', 'agent', { jql: 'issue.property[serviceSla].breached = "true" AND project = GLX' });
    expect(count.json.count).toBe(62);
  });
});

describe('JQL the emulator cannot answer truthfully is a 400', () => {
  it.each([
    ['an unbounded query', 'ORDER BY created DESC'],
    ['an empty query', ''],
    ['a syntax error', 'project = GLX AND ('],
    ['an unknown field', 'project = GLX AND flavour = sweet'],
    ['a custom field', 'project = GLX AND cf[10010] = "x"'],
    ['an unsupported function', 'project = GLX AND sprint in openSprints()'],
    ['history operators', 'project = GLX AND status WAS "Open"'],
  ])('%s', async (_what, jql) => {
    const res = await get({ jql });
    expect(res.status).toBe(400);
    expect(res.json.errorMessages.length).toBeGreaterThan(0);
    const count = await h.call<ErrorJson>('POST', '/rest/api/3/search/approximate-count', 'agent', { jql });
    expect(count.status).toBe(400);
  });
});
