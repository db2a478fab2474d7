// Fault injection (429 with Retry-After, 5xx, latency; for the next N calls or a share of calls) and call counting.
import { makeHarness, type Harness } from './fixture';
import type { ErrorJson } from './wire';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});

const ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';
const get = () => h.call<ErrorJson>('GET', '/rest/api/3/issue/ACME-1?fields=summary', 'agent');

describe('fault injection', () => {
  it('429 with Retry-After for the next N matching calls, then normal answers', async () => {
    h.jira.faults.inject({ match: ISSUE, status: 429, retryAfterSeconds: 7, count: 2 });
    const first = await get();
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('7');
    expect(first.headers['ratelimit-reason']).toBe('jira-burst-based');
    expect(first.json.errorMessages).toEqual(['Rate limit exceeded.']);
    expect((await get()).status).toBe(429);
    expect((await get()).status).toBe(200);
    expect(h.jira.faults.active()).toEqual([]);
  });

  it('only matching endpoints are faulted (key, path prefix or RegExp)', async () => {
    h.jira.faults.inject({ match: '/rest/api/3/search', status: 503 });
    expect((await get()).status).toBe(200);
    expect((await h.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = ACME')}`, 'agent')).status).toBe(503);
    h.jira.faults.clear();
    h.jira.faults.inject({ match: /worklog/, status: 500, count: 1 });
    expect((await h.call('GET', '/rest/api/3/issue/ACME-1/worklog', 'agent')).status).toBe(500);
    expect((await h.call('GET', '/rest/api/3/issue/ACME-1/worklog', 'agent')).status).toBe(200);
  });

  it('a rate faults that share of matching calls, deterministically', async () => {
    h.jira.faults.inject({ match: ISSUE, status: 502, rate: 0.25 });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await get()).status);
    expect(statuses.filter((s) => s === 502).length).toBe(3);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 502]);
  });

  it('latency delays the answer without changing it', async () => {
    h.jira.faults.inject({ match: ISSUE, latencyMs: 120 });
    const started = Date.now();
    const res = await get();
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('a faulted write changes nothing', async () => {
    h.jira.faults.inject({ match: 'PUT /rest/api/3/issue/{issueIdOrKey}', status: 500, count: 1 });
    expect((await h.call('PUT', '/rest/api/3/issue/ACME-2', 'agent', { fields: { summary: 'Changed' } })).status).toBe(500);
    const now = await h.call<{ fields: { summary: string } }>('GET', '/rest/api/3/issue/ACME-2?fields=summary', 'agent');
    expect(now.json.fields.summary).toBe('New laptop for Bob');
  });

  it('rejects nonsense rules with a clear message', () => {
    expect(() => h.jira.faults.inject({ status: 429, rate: 2 })).toThrow(/rate must be within 0..1/);
    expect(() => h.jira.faults.inject({ status: 429, count: -1 })).toThrow(/count must be a whole number/);
  });
});

describe('call counting', () => {
  it('counts calls per endpoint key, faulted ones included, and resets', async () => {
    h.jira.resetCalls();
    h.jira.faults.inject({ match: ISSUE, status: 429, count: 1 });
    await get();
    await get();
    await h.call('GET', '/rest/api/3/issue/ACME-2/worklog', 'agent');
    await h.call('GET', '/rest/api/3/nothing/here', 'agent');
    expect(h.jira.calls()).toEqual({
      [ISSUE]: 2,
      'GET /rest/api/3/issue/{issueIdOrKey}/worklog': 1,
      'GET /rest/api/3/nothing/here': 1,
    });
    h.jira.resetCalls();
    expect(h.jira.calls()).toEqual({});
  });
});
