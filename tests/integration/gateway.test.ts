// The Jira gateway (src/jira) as a resolver runs it: the local Forge runtime, the unmodified @forge SDKs and the
// Jira emulator with fault injection. Rate limits and outages within the time limit are ridden out; beyond it
// the caller gets the typed retry-exhausted error in time; 400/401/403/404 each have their class and words.
import { join } from 'node:path';
import { createLocalForge, type LocalForge } from '../../local/forge/runtime';
import type { SeedIssue } from '../../local/jira/seed';
import type { GatewayProbe, StepResult } from '../fixtures/gateway-app/src/index';
import { fixtureSeed, HOUR, iso, makeHarness, T0, USERS, type Harness } from '../jira-emulator/fixture';

const appRoot = join(__dirname, '../fixtures/gateway-app');

interface ProbeAnswer {
  results: StepResult[];
  calls: Record<string, number>;
  retries: Record<string, number>;
  elapsedMs: number;
}

/** ACME-4: 130 status changes, more than the 100 Jira embeds with expand=changelog. */
const LONG_HISTORY = 130;
function longIssue(): SeedIssue {
  return {
    key: 'ACME-4',
    projectKey: 'ACME',
    issueTypeId: '10002',
    summary: 'Flapping link',
    created: iso(T0),
    reporterAccountId: USERS.acme,
    initial: { statusId: '1', priorityId: '3', assigneeAccountId: USERS.engineer },
    labels: [],
    components: [],
    history: Array.from({ length: LONG_HISTORY }, (_, i) => ({
      at: iso(T0 + (i + 1) * 60_000),
      authorAccountId: USERS.agent,
      items: [{ field: 'status', from: i % 2 === 0 ? '1' : '3', to: i % 2 === 0 ? '3' : '1' }],
    })),
    comments: [],
    worklogs: [],
  };
}

/** Short waits, so the tests run in well under a second of back-off. */
const FAST = { baseDelayMs: 20, maxWaitMs: 2_000 };

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const value = <T>(result: StepResult | undefined): T => {
  if (!result?.ok) throw new Error(`expected a value, got ${JSON.stringify(result)}`);
  return result.value as T;
};

describe('the Jira gateway on the local runtime and the emulator', () => {
  let h: Harness;
  let forge: LocalForge;

  const start = (timeScale = 1) => {
    forge = createLocalForge({ appRoot, db: h.db, jira: h.jira, timeScale, log: () => {} });
  };
  const probe = (p: GatewayProbe, accountId: string = USERS.agent) =>
    forge.invokeResolver({ moduleKey: 'gateway-panel', functionKey: 'probe', accountId, payload: p }) as Promise<ProbeAnswer>;

  beforeEach(() => {
    const seed = fixtureSeed();
    seed.issues.push(longIssue());
    h = makeHarness({ seed });
    start();
  });
  afterEach(async () => {
    await forge.close();
    h.db.close();
  });

  it('rides out 30% of calls answered 429 or 503, well within the resolver budget', async () => {
    h.jira.faults.inject({ status: 429, rate: 0.3, retryAfterSeconds: 0 });
    h.jira.faults.inject({ match: /changelog|search|properties/, status: 503, rate: 0.3 });
    const answer = await probe({
      policy: FAST,
      steps: [
        { op: 'getIssueWithHistory', args: ['ACME-1'] },
        { op: 'getIssueHistory', args: ['ACME-4'] },
        { op: 'searchIssueIds', args: ['project = ACME ORDER BY key ASC'] },
        { op: 'searchIssues', args: ['project = ACME ORDER BY key ASC', ['summary', 'status'], ['serviceSla']] },
        { op: 'bulkFetchChangelogs', args: [['ACME-1', 'ACME-4'], ['status']] },
        { op: 'getIssueProperty', args: ['ACME-1', 'serviceSla'] },
        { op: 'listProjects' },
        { op: 'listStatuses' },
        { op: 'getIssue', args: ['GLX-1'] },
      ],
    });
    expect(answer.results.filter((r) => !r.ok)).toEqual([]);
    expect(sum(answer.retries)).toBeGreaterThanOrEqual(4);
    // Every request the gateway made reached the emulator: first attempts and retries.
    expect(sum(h.jira.calls())).toBe(sum(answer.calls) + sum(answer.retries));
    expect(answer.elapsedMs).toBeLessThan(5_000);

    const [withHistory, fullHistory, ids, issues, bulk, property] = answer.results;
    expect(value<{ key: string; changelogComplete: boolean }>(withHistory)).toMatchObject({ key: 'ACME-1', changelogComplete: true });
    expect(value<{ changes: unknown[] }>(fullHistory).changes).toHaveLength(LONG_HISTORY);
    expect(value<{ issues: { key: string }[] }>(ids).issues.map((i) => i.key)).toEqual(['ACME-1', 'ACME-2', 'ACME-3', 'ACME-4']);
    const searched = value<{ issues: { key: string; fields: { summary: string }; properties: Record<string, unknown> }[] }>(issues).issues;
    expect(searched[0]).toMatchObject({ key: 'ACME-1', fields: { summary: 'VPN is down for the whole office' }, properties: { serviceSla: { breached: 'false', customer: 'ACME' } } });
    const changelogs = value<{ changelogs: Record<string, unknown[]>; complete: boolean }>(bulk);
    expect(Object.values(changelogs.changelogs).map((c) => c.length).sort((a, b) => a - b)).toEqual([2, LONG_HISTORY]);
    expect(value(property)).toEqual({ key: 'serviceSla', value: { breached: 'false', customer: 'ACME' } });
  });

  it('gives the typed retry-exhausted error when Jira stays unavailable or rate-limited', async () => {
    h.jira.faults.inject({ match: 'GET /rest/api/3/issue/{issueIdOrKey}', status: 503, count: 4 });
    h.jira.faults.inject({ match: 'POST /rest/api/3/search/jql', status: 429, retryAfterSeconds: 0, count: 4 });
    const answer = await probe({ policy: FAST, steps: [{ op: 'getIssue', args: ['ACME-1'] }, { op: 'searchIssueIds', args: ['project = ACME'] }] });
    expect(answer.results).toEqual([
      {
        ok: false,
        error: {
          name: 'JiraUnavailable',
          code: 'JIRA_UNAVAILABLE',
          status: 503,
          operation: 'getIssue',
          message: 'Jira was unavailable for issue ACME-1 (503): gave up after 4 attempts.',
          upstream: true,
          retryable: true,
          attempts: 4,
          stoppedBy: 'retries',
        },
      },
      {
        ok: false,
        error: {
          name: 'JiraRateLimited',
          code: 'JIRA_RATE_LIMITED',
          status: 429,
          operation: 'searchIssueIds',
          message: 'Jira kept limiting the rate of requests for the issue search (429): gave up after 4 attempts; Jira asked to wait 0 s.',
          upstream: true,
          retryable: true,
          attempts: 4,
          stoppedBy: 'retries',
          retryAfterMs: 0,
        },
      },
    ]);
    expect(h.jira.calls()).toEqual({ 'GET /rest/api/3/issue/{issueIdOrKey}': 4, 'POST /rest/api/3/search/jql': 4 });
  });

  it('does not wait for a Retry-After beyond its limit: it says when to come back, for the caller to queue the work', async () => {
    h.jira.faults.inject({ match: 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', status: 429, retryAfterSeconds: 30 });
    const answer = await probe({ actor: 'app', policy: FAST, steps: [{ op: 'setIssueProperty', args: ['ACME-1', 'serviceSla', { breached: 'true' }] }] });
    expect(answer.results[0]).toMatchObject({ ok: false, error: { name: 'JiraRateLimited', attempts: 1, stoppedBy: 'wait', retryAfterMs: 30_000 } });
    expect(answer.elapsedMs).toBeLessThan(1_000);
  });

  it('stops retrying before the invocation runs out of time, and answers instead of being killed', async () => {
    await forge.close();
    start(0.08); // a 2 s resolver limit
    h.jira.faults.inject({ match: 'GET /rest/api/3/issue/{issueIdOrKey}', status: 503 });
    const answer = await probe({ policy: { maxRetries: 100, baseDelayMs: 100, maxWaitMs: 400, reserveMs: 300 }, steps: [{ op: 'getIssue', args: ['ACME-1'] }] });
    expect(answer.results[0]).toMatchObject({ ok: false, error: { name: 'JiraUnavailable', status: 503, stoppedBy: 'deadline', message: expect.stringContaining('to finish in time') } });
    const attempts = answer.results[0]?.ok === false ? (answer.results[0].error.attempts ?? 0) : 0;
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(attempts).toBeLessThan(20);
    expect(answer.elapsedMs).toBeLessThan(2_000);
  });

  it('gives 400, 401, 403 and 404 their own classes and plain words', async () => {
    const asCustomer = await probe(
      {
        steps: [
          { op: 'setIssueProperty', args: ['ACME-1', 'serviceSla', { breached: 'true' }] },
          { op: 'setIssueProperty', args: ['GLX-1', 'serviceSla', { breached: 'true' }] },
          { op: 'getIssue', args: ['GLX-1'] },
          { op: 'getIssueWithHistory', args: ['GLX-1'] },
          { op: 'getIssueProperty', args: ['GLX-1', 'serviceSla'] },
        ],
      },
      USERS.acme,
    );
    expect(asCustomer.results).toEqual([
      { ok: false, error: expect.objectContaining({ name: 'JiraForbidden', status: 403, message: 'Jira refused to let this user set property serviceSla on issue ACME-1 (403).' }) },
      { ok: false, error: expect.objectContaining({ name: 'JiraNotFound', status: 404, message: 'Jira found no property serviceSla of issue GLX-1, or hides it from this user (404).' }) },
      { ok: true, value: null },
      { ok: true, value: null },
      { ok: true, value: null },
    ]);

    const asAgent = await probe({
      steps: [
        { op: 'searchIssueIds', args: ['ORDER BY created DESC'] },
        { op: 'notifyIssue', args: ['ACME-1', { subject: 'Hello', textBody: 'To myself', to: { users: [{ accountId: USERS.agent }] } }] },
        { op: 'listStaffUsers' },
      ],
    });
    expect(asAgent.results).toEqual([
      {
        ok: false,
        error: expect.objectContaining({
          name: 'JiraBadRequest',
          code: 'JIRA_BAD_REQUEST',
          status: 400,
          message: 'Jira rejected the request for the issue search (400): Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
        }),
      },
      { ok: false, error: expect.objectContaining({ name: 'JiraBadRequest', message: 'Jira rejected the request for issue ACME-1 (400): The recipient is the same as the calling user.' }) },
      // The fixture app lacks read:jira-user.
      { ok: false, error: expect.objectContaining({ name: 'JiraUnauthorized', code: 'JIRA_UNAUTHORIZED', status: 401, message: 'Jira did not accept the credentials of this user for users (401).' }) },
    ]);
    // None of these is retried.
    expect(sum(asCustomer.retries) + sum(asAgent.retries)).toBe(0);
  });

  it('reads an issue and its history in one call, and pages only what Jira truncated', async () => {
    const answer = await probe({
      steps: [
        { op: 'getIssueWithHistory', args: ['ACME-1'] },
        { op: 'getIssueWithHistory', args: ['ACME-4'] },
        { op: 'getIssueHistory', args: ['ACME-4'] },
      ],
    });
    type History = { changes: { id: string; at: number }[]; comments: { public: boolean }[]; changelogComplete: boolean; changelogTotal: number; commentsComplete: boolean; updated: number };
    const [small, truncated, full] = answer.results.map((r) => value<History>(r));
    expect(small).toMatchObject({ changelogComplete: true, changelogTotal: 2, commentsComplete: true });
    expect(small?.changes.map((c) => c.at)).toEqual([T0 + HOUR, T0 + 5 * HOUR]);
    // Staff see the internal comment too.
    expect(small?.comments.map((c) => c.public)).toEqual([true, false]);
    expect(truncated).toMatchObject({ changelogComplete: false, changelogTotal: LONG_HISTORY });
    expect(truncated?.changes).toHaveLength(100);
    expect(full).toMatchObject({ changelogComplete: true, changelogTotal: LONG_HISTORY });
    // The embedded 100 are the latest, oldest first, the same entries as the tail of the paged read.
    expect(truncated?.changes).toEqual(full?.changes.slice(LONG_HISTORY - 100));
    expect(answer.calls).toEqual({ getIssueWithHistory: 2, getIssueHistory: 1, getChangelog: 2 });

    const customer = await probe({ steps: [{ op: 'getIssueWithHistory', args: ['ACME-1'] }] }, USERS.acme);
    expect(value<History>(customer.results[0]).comments.map((c) => c.public)).toEqual([true]);
  });

  it('writes and reads an issue property as the app, and refuses one over 32 KB without sending it', async () => {
    const answer = await probe({
      actor: 'app',
      steps: [
        { op: 'setIssueProperty', args: ['ACME-2', 'serviceSla', { breached: 'false', customer: 'ACME' }] },
        { op: 'setIssueProperty', args: ['ACME-2', 'serviceSla', { breached: 'true', customer: 'ACME' }] },
        { op: 'getIssueProperty', args: ['ACME-2', 'serviceSla'] },
        { op: 'setIssueProperty', args: ['ACME-2', 'serviceSla', { pad: 'x'.repeat(33_000) }] },
      ],
    });
    expect(answer.results.slice(0, 3)).toEqual([
      { ok: true, value: 'created' },
      { ok: true, value: 'updated' },
      { ok: true, value: { key: 'serviceSla', value: { breached: 'true', customer: 'ACME' } } },
    ]);
    expect(answer.results[3]).toMatchObject({
      ok: false,
      error: { name: 'JiraRequestRefused', code: 'JIRA_REQUEST_REFUSED', message: expect.stringMatching(/^Not sent to Jira: set property serviceSla on issue ACME-2 would be rejected\. The value is 33010 bytes/) },
    });
    expect(h.jira.calls()).toEqual({
      'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': 2,
      'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': 1,
    });
  });

  it('sends a notification to the assignee and named users as the app', async () => {
    const answer = await probe({
      actor: 'app',
      steps: [
        {
          op: 'notifyIssue',
          args: ['ACME-1', { subject: 'SLA breached: ACME-1', textBody: 'Time to resolution is over its target.', to: { assignee: true, users: [{ accountId: USERS.agent }] } }],
        },
      ],
    });
    expect(answer.results).toEqual([{ ok: true }]);
    expect(h.jira.notifications()).toEqual([
      expect.objectContaining({
        issueKey: 'ACME-1',
        recipients: [USERS.engineer, USERS.agent],
        subject: 'SLA breached: ACME-1',
        textBody: 'Time to resolution is over its target.',
        fromApp: true,
        requestedBy: null,
      }),
    ]);
  });
});
