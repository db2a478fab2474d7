// The local Forge runtime's own contract, on a small fixture app: invocation shape, limits, scopes, queues.
import { join } from 'node:path';
import { createLocalForge, type LocalForge } from '../../local/forge/runtime';
import { FakeJira, issueUpdatedEvent, sampleIssue } from '../helpers/fake-jira';

const appRoot = join(__dirname, '../fixtures/runtime-app');
const call = (functionKey: string, payload: Record<string, unknown> = {}) => ({
  moduleKey: 'probe-panel',
  functionKey,
  payload,
  accountId: 'acc-engineer',
});

type Fixture = typeof import('../fixtures/runtime-app/src/index');
const fixture = (): Fixture => require(join(appRoot, 'src/index')) as Fixture;

describe('local Forge runtime', () => {
  let forge: LocalForge;
  const logs: string[] = [];
  let jira: FakeJira;

  beforeEach(() => {
    logs.length = 0;
    jira = new FakeJira([sampleIssue()]);
    forge = createLocalForge({ appRoot, db: ':memory:', jira, delayScale: 0, timeScale: 0.01, log: (l) => logs.push(l) });
  });
  afterEach(() => forge.close());

  it('invokes resolvers as Forge does: context, principal, remaining time, JSON round trip', async () => {
    const result = await forge.invokeResolver(call('whoAmI'));
    expect(result).toEqual({
      accountId: 'acc-engineer',
      moduleKey: 'probe-panel',
      remainingMs: expect.any(Number),
      when: '1970-01-01T00:00:00.000Z',
    });
    expect((result as { remainingMs: number }).remainingMs).toBeLessThanOrEqual(250);
  });

  it('stops a resolver at the 25 s limit (scaled) and says so', async () => {
    await expect(forge.invokeResolver(call('sleep', { ms: 400 }))).rejects.toThrow(
      "Function 'probe-resolver' (jira:issuePanel 'probe-panel') ran longer than the 25 s Forge allows.",
    );
  });

  it('refuses KVS without storage:app, naming the scope', async () => {
    await expect(forge.invokeResolver(call('writeKvs'))).rejects.toThrow(/Scope 'storage:app' is missing from permissions\.scopes/);
    expect(logs.join('\n')).toContain("Scope 'storage:app' is missing");
  });

  it('refuses a Jira call whose scope is not granted, naming scope and operation', async () => {
    const result = (await forge.invokeResolver(call('editProperty'))) as { status: number; body: { message: string } };
    expect(result.status).toBe(401);
    expect(result.body.message).toContain("Scope 'write:jira-work' is missing");
    expect(result.body.message).toContain('PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}');
    expect(jira.requests).toHaveLength(0);
  });

  it('rejects the invoke when a resolver throws', async () => {
    await expect(forge.invokeResolver(call('boom'))).rejects.toThrow('kaput');
  });

  it('delivers queue pushes to the consumer and retries a failed delivery', async () => {
    await forge.invokeResolver(call('enqueue', { n: 7 }));
    await forge.idle();
    expect(fixture().delivered).toEqual([
      { body: { n: 7 }, retryCount: 0 },
      { body: { n: 7 }, retryCount: 1 },
    ]);
  });

  it('runs a scheduled trigger with the scheduledTrigger request shape', async () => {
    await forge.runScheduledTrigger('probe-schedule');
    expect(fixture().scheduleRuns.at(-1)).toEqual({
      context: { cloudId: forge.cloudId, moduleKey: 'probe-schedule' },
      contextToken: expect.any(String),
    });
    await expect(forge.runScheduledTrigger('nope')).rejects.toThrow("No scheduledTrigger 'nope'");
  });

  it('has no user in a product trigger: asUser() fails with the SDK authentication error', async () => {
    await forge.deliverProductEvent(issueUpdatedEvent(sampleIssue()));
    expect(fixture().userCalls.at(-1)).toEqual({ status: 0, error: 'NEEDS_AUTHENTICATION_ERR' });
  });

  it('names a handler export that does not exist, and an unknown module', async () => {
    await expect(forge.runScheduledTrigger('broken-schedule')).rejects.toThrow(
      "Function 'missing-export': src/index does not export a function 'doesNotExist'.",
    );
    await expect(forge.invokeResolver({ ...call('x'), moduleKey: 'nope' })).rejects.toThrow("No UI module 'nope'");
  });

  it('refuses SDK calls made outside any invocation', async () => {
    const { kvs } = await import('@forge/kvs');
    await expect(kvs.get('x')).rejects.toThrow(/outside a function invocation/);
  });
});
