// Retries of one Jira call: which answers are retried, how long it waits, and that it stops in time.
import { route } from '@forge/api';
import { JiraRateLimited, JiraUnavailable } from '../../../src/jira/errors';
import { defaultRetryPolicy, networkFailure, parseRetryAfter, requestJira, retryDelayMs, type RetryPolicy } from '../../../src/jira/request';
import { UpstreamError } from '../../../src/services/errors';
import { connectionReset, FakeClock, FakeJira, jiraError, reply } from './fakes';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const target = { operation: 'getIssue', what: 'issue SUP-1' };
const path = route`/rest/api/3/issue/SUP-1`;

describe('Retry-After', () => {
  it.each([
    ['2', 2000],
    ['0', 0],
    ['1.5', 1500],
    [' 120 ', 120_000],
  ])('delta-seconds %j is %i ms', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });

  it.each([
    ['Mon, 02 Mar 2026 09:00:30 GMT', 30_000], // IMF-fixdate
    ['Monday, 02-Mar-26 09:01:00 GMT', 60_000], // RFC 850
    ['Mon Mar  2 09:00:05 2026', 5_000], // asctime: no zone written, GMT meant
  ])('HTTP-date %j is the time until then', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });

  it('a date in the past means now', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it.each([[null], ['soon'], ['-1'], ['5s'], [''], ['2026-03-02'], ['Funday, 1 Mar']])('%j is not a Retry-After', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeNull();
  });
});

describe('retry delay', () => {
  const policy = (random: number) => ({ baseDelayMs: 500, maxWaitMs: 10_000, random: () => random });

  it('backs off exponentially from the base delay, with half of each wait random', () => {
    expect([0, 1, 2, 3].map((retry) => retryDelayMs(null, retry, policy(0)))).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map((retry) => retryDelayMs(null, retry, policy(0.999999)))).toEqual([499, 999, 1999, 3999]);
  });

  it('never waits longer than maxWaitMs without Retry-After', () => {
    expect(retryDelayMs(null, 10, policy(0.999999))).toBe(9999);
  });

  it('honours Retry-After: at least that long, plus up to a quarter of the base delay', () => {
    expect(retryDelayMs(2000, 0, policy(0))).toBe(2000);
    expect(retryDelayMs(2000, 3, policy(0.999999))).toBe(2124);
    expect(retryDelayMs(0, 0, policy(0.5))).toBe(62);
  });

  it('does not wait for a Retry-After beyond maxWaitMs (the call gives up instead)', () => {
    expect(retryDelayMs(120_000, 0, policy(0))).toBeNull();
  });
});

describe('network failures', () => {
  it.each([
    ['fetch failed, caused by ECONNRESET', connectionReset(), 'ECONNRESET'],
    ['ETIMEDOUT', Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), 'ETIMEDOUT'],
    ['a bare fetch failed', new TypeError('fetch failed'), 'fetch failed'],
    ["Forge's fetch error", Object.assign(new Error('boom'), { name: 'FUNCTION_FETCH_ERR' }), 'FUNCTION_FETCH_ERR'],
    ['a Forge proxy 503', Object.assign(new Error('Forge platform failed'), { name: 'PROXY_ERR', status: 503 }), 'PROXY_ERR 503'],
  ])('%s is retried (%#)', (_label, error, code) => {
    expect(networkFailure(error)).toBe(code);
  });

  it.each([
    ['NEEDS_AUTHENTICATION_ERR', Object.assign(new Error('Authentication Required'), { name: 'NEEDS_AUTHENTICATION_ERR', status: 401 })],
    ['a Forge proxy 500 (an expired invocation)', Object.assign(new Error('Forge platform failed'), { name: 'PROXY_ERR', status: 500 })],
    ['a bug', new Error("You must create your route using the 'route' export")],
    ['a thrown string', 'a string'],
  ])('%s is not retried', (_label, error) => {
    expect(networkFailure(error)).toBeNull();
  });
});

describe('requestJira', () => {
  let clock: FakeClock;
  const send = (jira: FakeJira, overrides: Partial<RetryPolicy> = {}, onRetry?: (retry: number, reason: string, waitMs: number) => void) =>
    requestJira('user', path, { method: 'GET' }, { ...defaultRetryPolicy, ...clock.policy(overrides) }, { transport: jira.transport, target, onRetry });
  beforeEach(() => {
    clock = new FakeClock();
  });

  it('answers the first non-retryable status as it came, without waiting', async () => {
    for (const status of [200, 400, 403, 404, 500]) {
      const jira = new FakeJira(() => jiraError(status, ['x']));
      expect((await send(jira)).status).toBe(status);
      expect(jira.sent).toHaveLength(1);
    }
    expect(clock.sleeps).toEqual([]);
  });

  it('retries 429 after the Retry-After Jira gave, then answers', async () => {
    const jira = new FakeJira(() => reply(200, { ok: true })).script(jiraError(429, ['Rate limit exceeded.'], {}, { 'retry-after': '3' }));
    const retries: [number, string, number][] = [];
    const answer = await send(jira, {}, (...r) => retries.push(r));
    expect(answer).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect(clock.sleeps).toEqual([3000 + 62]);
    expect(retries).toEqual([[1, '429', 3062]]);
  });

  it('reads a Retry-After HTTP date against the injected clock', async () => {
    const at = new Date(clock.now + 4000).toUTCString();
    const jira = new FakeJira(() => reply(200, {})).script(jiraError(429, [], {}, { 'retry-after': at }));
    await send(jira, { random: () => 0 });
    expect(clock.sleeps).toEqual([4000]);
  });

  it('retries 502, 503, 504 and dropped connections with growing waits', async () => {
    const jira = new FakeJira(() => reply(200, {})).script(jiraError(502, []), jiraError(503, []), connectionReset(), jiraError(504, []));
    const answer = await send(jira, { maxRetries: 5, random: () => 0 });
    expect(answer.status).toBe(200);
    expect(jira.sent).toHaveLength(5);
    expect(clock.sleeps).toEqual([250, 500, 1000, 2000]);
  });

  it('gives up after maxRetries with JiraRateLimited, saying so in plain words', async () => {
    const jira = new FakeJira(() => jiraError(429, ['Rate limit exceeded.'], {}, { 'retry-after': '1' }));
    const error = (await send(jira).catch((e: unknown) => e)) as JiraRateLimited;
    expect(error).toBeInstanceOf(JiraRateLimited);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 429, operation: 'getIssue', attempts: 4, retryAfterMs: 1000, stoppedBy: 'retries', retryable: true, code: 'JIRA_RATE_LIMITED' });
    expect(error.name).toBe('JiraRateLimited');
    expect(error.message).toBe('Jira kept limiting the rate of requests for issue SUP-1 (429): gave up after 4 attempts; Jira asked to wait 1 s.');
    expect(jira.sent).toHaveLength(4);
  });

  it('gives up on a Retry-After longer than maxWaitMs at once, telling the caller when to come back', async () => {
    const jira = new FakeJira(() => jiraError(429, [], {}, { 'retry-after': '600' }));
    const error = (await send(jira).catch((e: unknown) => e)) as JiraRateLimited;
    expect(error).toMatchObject({ attempts: 1, retryAfterMs: 600_000, stoppedBy: 'wait' });
    expect(error.message).toBe('Jira kept limiting the rate of requests for issue SUP-1 (429): gave up after 1 attempt rather than wait that long; Jira asked to wait 600 s.');
    expect(clock.sleeps).toEqual([]);
  });

  it('never sleeps past the invocation deadline: stops early with the retry-exhausted error', async () => {
    const started = clock.now;
    const remaining = () => 3000 - (clock.now - started);
    const jira = new FakeJira(() => jiraError(503, ['Service unavailable.']));
    const error = (await send(jira, { maxRetries: 10, reserveMs: 500, remainingMs: remaining, random: () => 0 }).catch((e: unknown) => e)) as JiraUnavailable;
    expect(error).toBeInstanceOf(JiraUnavailable);
    // Waits 250, 500, 1000 (1750 used); the next 2000 would end past 3000 - 500.
    expect(clock.sleeps).toEqual([250, 500, 1000]);
    expect(error).toMatchObject({ status: 503, attempts: 4, stoppedBy: 'deadline' });
    expect(error.message).toBe('Jira was unavailable for issue SUP-1 (503): gave up after 4 attempts to finish in time.');
  });

  it('takes an absolute deadline on the injected clock as well', async () => {
    const jira = new FakeJira(() => jiraError(429, [], {}, { 'retry-after': '2' }));
    const error = (await send(jira, { deadlineMs: clock.now + 5000, reserveMs: 0, random: () => 0, maxRetries: 10 }).catch((e: unknown) => e)) as JiraRateLimited;
    expect(clock.sleeps).toEqual([2000, 2000]);
    expect(error).toMatchObject({ attempts: 3, stoppedBy: 'deadline' });
  });

  it('names the network error when the connection kept failing', async () => {
    const jira = new FakeJira(() => connectionReset());
    const error = (await send(jira).catch((e: unknown) => e)) as JiraUnavailable;
    expect(error).toMatchObject({ status: 0, attempts: 4, stoppedBy: 'retries' });
    expect(error.message).toBe('Could not reach Jira for issue SUP-1 (network error: ECONNRESET): gave up after 4 attempts.');
  });

  it('lets Forge platform errors and bugs through unchanged, without retrying', async () => {
    const needsAuth = Object.assign(new Error('Authentication Required'), { name: 'NEEDS_AUTHENTICATION_ERR', status: 401 });
    const jira = new FakeJira(() => needsAuth);
    await expect(send(jira)).rejects.toBe(needsAuth);
    expect(jira.sent).toHaveLength(1);
  });
});
