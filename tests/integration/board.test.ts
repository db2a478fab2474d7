// The priority board's resolver on the demo company: lanes per customer from the SLA read model, ranked with
// breached work first; what each person sees is what Jira lets them browse.
import type { BoardView } from '../../src/contract/board';
import type { ResolverResult } from '../../src/contract/result';
import { defaultAnchor } from '../../local/demo/seed-local';
import { startLocalHost, type LocalHost } from '../../local/host';
import { jiraRest } from '../helpers/jira-rest';
import { join } from 'node:path';

const SOFIA = '712020:sofia.brandt';
const RETO = 'qm:alpenbank:reto.huber';

describe('priority board resolver', () => {
  let host: LocalHost;

  beforeAll(async () => {
    host = await startLocalHost({ appRoot: join(__dirname, '../..'), port: 0, dbFile: ':memory:', demo: { anchor: defaultAnchor() }, schedules: false, delayScale: 0, log: () => {} });
    await host.forge.idle();
  }, 60_000);
  afterAll(async () => {
    await host?.close();
  });

  const board = async (accountId: string, payload: Record<string, unknown> = {}): Promise<BoardView> => {
    const answer = (await host.forge.invokeResolver({ moduleKey: 'service-issue-panel', functionKey: 'getBoard', accountId, payload })) as ResolverResult<BoardView>;
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  };
  const openKeys = async (accountId: string, projects: string[]) => {
    const found = await jiraRest(host, accountId, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(`project in (${projects.join(',')}) AND resolution = Unresolved`)}&maxResults=1000&fields=key`);
    return (found.issues as { key: string }[]).map((i) => i.key).sort();
  };

  it("shows a service manager every customer's open work, breached first, within a few Jira calls", async () => {
    host.jira.resetCalls();
    const view = await board(SOFIA);
    const calls = Object.values(host.jira.calls()).reduce((a, b) => a + b, 0);
    expect(calls).toBeLessThanOrEqual(5);
    expect(view.viewer).toEqual({ kind: 'staff' });
    expect(view.lanes.map((l) => l.customer.key).sort()).toEqual(['alpenbank', 'hudson', 'liberty', 'lotus', 'matterhorn', 'saffron']);
    const alpenbank = view.lanes.find((l) => l.customer.key === 'alpenbank');
    expect(alpenbank?.items.map((i) => i.key).sort()).toEqual(await openKeys(SOFIA, ['ALP', 'ALPOPS']));
    for (const lane of view.lanes) {
      const pinned = lane.items.map((i) => i.score.pinned);
      // Breached work first: no unpinned item above a pinned one.
      expect(pinned.indexOf(false) === -1 || pinned.lastIndexOf(true) < pinned.indexOf(false)).toBe(true);
      expect(lane.health.breached).toBe(pinned.filter(Boolean).length);
      for (const item of lane.items) expect(item.score.reasons.length).toBeGreaterThan(0);
    }
    expect(view.next.length).toBeGreaterThan(0);
  });

  it('filters by my customers, one customer, SLA state and issue type', async () => {
    expect((await board(SOFIA, { mine: true })).lanes.map((l) => l.customer.key).sort()).toEqual(['alpenbank', 'matterhorn']);
    expect((await board(SOFIA, { customerKey: 'lotus' })).lanes.map((l) => l.customer.key)).toEqual(['lotus']);
    const breached = await board(SOFIA, { sla: 'breached' });
    for (const lane of breached.lanes) for (const item of lane.items) expect(item.score.pinned).toBe(true);
    const incidents = await board(SOFIA, { issueType: 'Incident' });
    for (const lane of incidents.lanes) for (const item of lane.items) expect(item.issueType).toBe('Incident');
    const bad = (await host.forge.invokeResolver({ moduleKey: 'service-issue-panel', functionKey: 'getBoard', accountId: SOFIA, payload: { sla: 'late' } })) as ResolverResult<BoardView>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'sla' } });
  });

  it("shows a customer's contact only their company's lane, and nothing of others even when asked for another customer", async () => {
    const own = await board(RETO);
    expect(own.viewer).toEqual({ kind: 'contact', customerKey: 'alpenbank' });
    expect(own.lanes.map((l) => l.customer.key)).toEqual(['alpenbank']);
    expect(own.next).toEqual([]);
    expect(own.lanes[0]?.items.map((i) => i.key).sort()).toEqual(await openKeys(RETO, ['ALP', 'ALPOPS']));
    const others = ['Hudson', 'Liberty', 'Lotus', 'Matterhorn', 'Saffron', 'HUD-', 'MTH-', 'LOT-', 'SAF-', 'LIB-'];
    for (const name of others) expect(JSON.stringify(own)).not.toContain(name);

    const asked = await board(RETO, { customerKey: 'hudson' });
    expect(asked.lanes).toEqual([]);
    for (const name of others) expect(JSON.stringify(asked)).not.toContain(name);
  });
});
