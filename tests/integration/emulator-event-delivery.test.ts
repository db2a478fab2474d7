// The local runtime's `eventDelivery` option: product events from the Jira emulator delivered as Forge may deliver
// them (at least once, in no guaranteed order), deterministically per seed; `idle()` waits for every held event.
import { join } from 'node:path';
import type { ProductEvent } from '../../local/jira/backend';
import { createLocalForge, type EventDeliveryOptions, type LocalForge } from '../../local/forge/runtime';
import { makeHarness, type Harness } from '../jira-emulator/fixture';

const appRoot = join(__dirname, '../jira-emulator/fixtures/event-app');
type Fixture = typeof import('../jira-emulator/fixtures/event-app/src/index');
const app = (): Fixture => require(join(appRoot, 'src/index')) as Fixture;

let h: Harness;
let forge: LocalForge | undefined;
let emitted: ProductEvent[];

function start(eventDelivery?: EventDeliveryOptions): LocalForge {
  h = makeHarness();
  emitted = [];
  h.jira.onEvent((e) => emitted.push(e));
  app().received.length = 0;
  app().worklogPayloads.length = 0;
  forge = createLocalForge({ appRoot, db: h.db, jira: h.jira, eventDelivery, log: () => {} });
  return forge;
}

afterEach(async () => {
  await forge?.close();
  forge = undefined;
});

/** One event per key: a priority change on each issue, in this order. */
async function burst(keys: string[]): Promise<string[]> {
  for (const [i, key] of keys.entries()) {
    const res = await h.call('PUT', `/rest/api/3/issue/${key}`, 'agent', { fields: { summary: `Burst ${i} on ${key}` } });
    expect(res.status).toBe(204);
  }
  return emitted.map((e) => (e.changelog as { id: string }).id);
}

const KEYS = ['ACME-1', 'ACME-2', 'ACME-3', 'GLX-1'];
const twelve = [...KEYS, ...KEYS, ...KEYS];
const arrivals = (trigger = 'issue-trigger') => app().received.filter((r) => r.trigger === trigger).map((r) => r.id);
const counts = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

it('by default every event reaches each subscribed trigger once, at once, in the emitted order', async () => {
  start();
  const ids = await burst(twelve);
  await forge?.idle();
  expect(arrivals()).toEqual(ids);
  expect(arrivals('issue-audit-trigger')).toEqual(ids);
});

it('duplicateRate 1: every trigger runs twice for every event, each time with its own copy of the payload', async () => {
  start({ duplicateRate: 1 });
  await h.call('POST', '/rest/api/3/issue', 'agent', { fields: { project: { key: 'ACME' }, issuetype: { name: 'Incident' }, summary: 'Disk full' } });
  await h.call('PUT', '/rest/api/3/issue/ACME-2', 'agent', { fields: { priority: { name: 'High' } } });
  await h.call('POST', '/rest/api/3/issue/ACME-2/worklog', 'engineer', { timeSpentSeconds: 600 });
  await forge?.idle();
  const byTrigger = counts(app().received.map((r) => `${r.trigger} ${r.eventType} ${r.id}`));
  expect([...byTrigger.values()]).toEqual([2, 2, 2, 2]);
  expect([...byTrigger.keys()].map((k) => k.split(' ').slice(0, 2).join(' ')).sort()).toEqual([
    'issue-audit-trigger avi:jira:updated:issue',
    'issue-trigger avi:jira:created:issue',
    'issue-trigger avi:jira:updated:issue',
    'worklog-trigger avi:jira:created:worklog',
  ]);
  expect(emitted.length).toBe(3);
  const [one, two] = app().worklogPayloads;
  expect(one).toEqual(two);
  expect(one).not.toBe(two);
});

it('reorderWindowMs: a burst arrives in another order than emitted, all of it, and idle() waits for the held events', async () => {
  start({ reorderWindowMs: 150, seed: 7 });
  const ids = await burst(twelve);
  expect(arrivals().length).toBeLessThan(ids.length); // some are still held back
  await forge?.idle();
  const arrived = arrivals();
  expect(arrived).not.toEqual(ids);
  expect([...arrived].sort()).toEqual([...ids].sort());
  expect([...arrivals('issue-audit-trigger')].sort()).toEqual([...ids].sort());
});

it('duplicates and reordering together: each event arrives once or twice, the same ones for the same seed', async () => {
  const run = async () => {
    start({ duplicateRate: 0.5, reorderWindowMs: 60, seed: 42 });
    const ids = await burst(twelve);
    await forge?.idle();
    const c = counts(arrivals());
    expect([...c.keys()].sort()).toEqual([...ids].sort());
    for (const n of c.values()) expect([1, 2]).toContain(n);
    const times = ids.map((id) => c.get(id));
    await forge?.close();
    forge = undefined;
    return times;
  };
  const first = await run();
  expect(first.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBeGreaterThan(12);
  expect(first).toContain(1);
  expect(await run()).toEqual(first);
});

it('close() delivers what is still held before it returns', async () => {
  const f = start({ reorderWindowMs: 100, seed: 3 });
  const ids = await burst(KEYS);
  forge = undefined;
  await f.close();
  expect([...arrivals()].sort()).toEqual([...ids].sort());
});

it('refuses nonsense settings', () => {
  expect(() => start({ duplicateRate: 2 })).toThrow(/duplicateRate must be between 0 and 1/);
  expect(() => start({ reorderWindowMs: -1 })).toThrow(/reorderWindowMs/);
});
