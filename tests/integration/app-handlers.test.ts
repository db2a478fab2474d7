// The app's real handlers, run through the local Forge runtime with the unmodified @forge SDKs.
import { join } from 'node:path';
import { createLocalForge, type LocalForge } from '../../local/forge/runtime';
import { FakeJira, issueUpdatedEvent, sampleIssue } from '../helpers/fake-jira';

const appRoot = join(__dirname, '../..');
const panel = { moduleKey: 'service-issue-panel', functionKey: 'getIssuePanel' };

describe('app handlers on the local Forge runtime', () => {
  let forge: LocalForge;
  let jira: FakeJira;
  const issue = sampleIssue();

  beforeEach(() => {
    jira = new FakeJira([issue, sampleIssue({ id: '10002', key: 'ACME-7', projectKey: 'ACME', visibleTo: ['acc-other'] })]);
    forge = createLocalForge({ appRoot, db: ':memory:', jira, log: () => {} });
  });
  afterEach(() => forge.close());

  it('returns the issue as the viewing user sees it, and why it has no clocks', async () => {
    const result = await forge.invokeResolver({ ...panel, accountId: 'acc-engineer', payload: { issueKey: 'SUP-1' } });
    expect(result).toEqual({
      ok: true,
      data: {
        issue: {
          key: 'SUP-1',
          summary: 'Printer on fire',
          status: { name: 'In Progress', category: 'indeterminate' },
          priority: 'High',
          assignee: 'Erin Engineer',
          updated: '2026-11-20T09:15:00.000Z',
        },
        // No customer is configured on this fake site: the panel says so instead of showing clocks.
        sla: { status: 'noCustomer', customer: null, contract: null, clocks: [], evaluatedAt: expect.any(String), hours: null },
      },
    });
    // The resolver asked Jira as the user, not as the app.
    expect(jira.requests.map((r) => [r.method, r.path.split('?')[0], r.principal])).toEqual([
      ['GET', '/rest/api/3/issue/SUP-1', { kind: 'user', accountId: 'acc-engineer' }],
    ]);
  });

  it('publishes the serviceSla property when a product event arrives, by issue id, and only once for a duplicate', async () => {
    jira.emit(issueUpdatedEvent(issue));
    await forge.idle();
    expect(jira.properties.get(`${issue.id}/serviceSla`)).toEqual({ v: 1, tracked: 'false', untracked: 'noCustomer', breached: 'false', everBreached: 'false', metrics: {} });
    const writes = () => jira.requests.filter((r) => r.method === 'PUT').length;
    expect(writes()).toBe(1);
    jira.emit(issueUpdatedEvent(issue));
    await forge.idle();
    // Nothing changed, so nothing was written.
    expect(writes()).toBe(1);
  });

  it('ignores events the app caused itself (ignoreSelf)', async () => {
    const runs = await forge.deliverProductEvent(issueUpdatedEvent(issue, true));
    expect(runs).toEqual([]);
    const second = await forge.deliverProductEvent(issueUpdatedEvent(issue, false));
    expect(second).toEqual([{ trigger: 'issue-events', ok: true }]);
  });

  it('skips a malformed event without failing the trigger', async () => {
    const runs = await forge.deliverProductEvent({ eventType: 'avi:jira:updated:issue', selfGenerated: false, issue: { id: '1' } });
    expect(runs).toEqual([{ trigger: 'issue-events', ok: true }]);
  });

  it('answers a malformed payload with a typed error naming the field, not a stack trace', async () => {
    const missing = await forge.invokeResolver({ ...panel, accountId: 'acc-engineer', payload: {} });
    expect(missing).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'issueKey', message: expect.stringContaining('issueKey') } });
    const wrong = await forge.invokeResolver({ ...panel, accountId: 'acc-engineer', payload: { issueKey: 'not a key; DROP' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'issueKey' } });
    expect(JSON.stringify(wrong)).not.toMatch(/\bat .*\.ts:\d+/);
    expect(jira.requests).toHaveLength(0);
  });

  it('tells a user who cannot see the issue that it is not found, and reveals nothing stored', async () => {
    const result = await forge.invokeResolver({ ...panel, accountId: 'acc-engineer', payload: { issueKey: 'ACME-7' } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Issue ACME-7 does not exist or you do not have permission to see it.' },
    });
  });

  it('rides out Jira rate limiting through the gateway, honouring Retry-After', async () => {
    jira.failNext({ status: 429, retryAfter: '0' }, { status: 503 });
    const result = await forge.invokeResolver({ ...panel, accountId: 'acc-engineer', payload: { issueKey: 'SUP-1' } });
    expect(result).toMatchObject({ ok: true, data: { issue: { key: 'SUP-1' } } });
    expect(jira.requests).toHaveLength(3);
  });

  it('gives up after bounded retries with a clear, stack-free message', async () => {
    jira.failNext(...Array.from({ length: 4 }, () => ({ status: 429, retryAfter: '0' })));
    const result = await forge.invokeResolver({ ...panel, accountId: 'acc-engineer', payload: { issueKey: 'SUP-1' } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'UPSTREAM', message: 'Jira is not answering right now. Please try again in a moment.' },
    });
    expect(jira.requests).toHaveLength(4);
  });
});
