// The priority board's resolver on the demo company: lanes per customer from the SLA read model, ranked with
// breached work first; what each person sees is what Jira lets them browse.
import type { BoardView } from '../../src/contract/board';
import type { ResolverResult } from '../../src/contract/result';
import { defaultAnchor } from '../../local/demo/seed-local';
import { startLocalHost, type LocalHost } from '../../local/host';
import { jiraRest } from '../helpers/jira-rest';
import { join } from 'node:path';

const SOFIA = '712020:sofia.brandt';
const DANIEL = '712020:daniel.okafor';
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
    // Health: the contract's included hours, and this month's resolved issues with those that stayed within SLA.
    expect(alpenbank?.health.includedHours).toBe(80);
    for (const lane of view.lanes) expect(lane.health.thisMonth.withinSla).toBeLessThanOrEqual(lane.health.thisMonth.resolved);
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

  it("counts this month's resolved issues and those within SLA in the lane's health", async () => {
    const before = (await board(SOFIA, { customerKey: 'alpenbank' })).lanes[0]?.health.thisMonth;
    const created = await jiraRest(host, RETO, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'ALP' }, issuetype: { name: 'Incident' }, summary: 'Printer offline', priority: { name: 'Low' } } });
    await jiraRest(host, '712020:lukas.meier', 'POST', `/rest/api/3/issue/${String(created.key)}/comment`, { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fixed.' }] }] } });
    await jiraRest(host, '712020:lukas.meier', 'POST', `/rest/api/3/issue/${String(created.key)}/transitions`, { transition: { id: '41' } });
    await host.forge.idle();
    const after = (await board(SOFIA, { customerKey: 'alpenbank' })).lanes[0]?.health.thisMonth;
    expect(after).toEqual({ resolved: (before?.resolved ?? 0) + 1, withinSla: (before?.withinSla ?? 0) + 1 });
  });

  it('filters by my customers, one customer, SLA state and issue type', async () => {
    expect((await board(SOFIA, { mine: true })).lanes.map((l) => l.customer.key).sort()).toEqual(['alpenbank', 'matterhorn']);
    expect((await board(SOFIA, { customerKey: 'lotus' })).lanes.map((l) => l.customer.key)).toEqual(['lotus']);
    const breached = await board(SOFIA, { sla: 'breached' });
    for (const lane of breached.lanes) for (const item of lane.items) expect(item.score.pinned).toBe(true);
    const incidents = await board(SOFIA, { issueType: 'Incident' });
    for (const lane of incidents.lanes) for (const item of lane.items) expect(item.issueType).toBe('Incident');
    // The filters still offer everything else (a shared, filtered link must not narrow the choices).
    const everything = await board(SOFIA);
    expect(incidents.choices).toEqual(everything.choices);
    expect(incidents.choices.issueTypes.length).toBeGreaterThan(1);
    expect(incidents.choices.customers).toHaveLength(6);
    const assignees = new Set(everything.lanes.flatMap((l) => l.items.flatMap((i) => (i.assignee ? [i.assignee.accountId] : []))));
    for (const a of assignees) expect(incidents.choices.assignees.map((x) => x.accountId)).toContain(a);
    const bad = (await host.forge.invokeResolver({ moduleKey: 'service-issue-panel', functionKey: 'getBoard', accountId: SOFIA, payload: { sla: 'late' } })) as ResolverResult<BoardView>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'sla' } });
  });

  it("shows a customer's contact only their company's lane, and nothing of others even when asked for another customer", async () => {
    const own = await board(RETO);
    expect(own.viewer).toEqual({ kind: 'contact', customerKey: 'alpenbank' });
    expect(own.lanes.map((l) => l.customer.key)).toEqual(['alpenbank']);
    expect(own.next).toEqual([]);
    expect(own.choices.customers).toEqual([{ key: 'alpenbank', name: own.lanes[0]?.customer.name }]);
    expect(own.lanes[0]?.items.map((i) => i.key).sort()).toEqual(await openKeys(RETO, ['ALP', 'ALPOPS']));
    const others = ['Hudson', 'Liberty', 'Lotus', 'Matterhorn', 'Saffron', 'HUD-', 'MTH-', 'LOT-', 'SAF-', 'LIB-'];
    for (const name of others) expect(JSON.stringify(own)).not.toContain(name);

    const asked = await board(RETO, { customerKey: 'hudson' });
    expect(asked.lanes).toEqual([]);
    for (const name of others) expect(JSON.stringify(asked)).not.toContain(name);
  });

  describe('moving by hand', () => {
    const call = async <T>(accountId: string, name: string, payload: Record<string, unknown>): Promise<ResolverResult<T>> =>
      (await host.forge.invokeResolver({ moduleKey: 'service-board', functionKey: name, accountId, payload })) as ResolverResult<T>;
    type Lane = BoardView['lanes'][number];
    const lane = async (key: string) => (await board(SOFIA, { customerKey: key })).lanes[0] as Lane;
    const unpinned = (l: Lane) => l.items.filter((i) => !i.score.pinned);

    it('keeps an item where it was dropped, says who moved it, and can take the move back', async () => {
      // A lane with at least three items not pinned by a breach.
      const before = (await board(SOFIA)).lanes.find((l) => unpinned(l).length >= 3) as Lane;
      const items = unpinned(before);
      const key = before.customer.key;
      expect(items.length).toBeGreaterThanOrEqual(3);
      const last = items[items.length - 1] as Lane['items'][number];
      const first = items[0] as Lane['items'][number];
      const above = before.items[before.items.indexOf(first) - 1]?.issueId ?? null;
      const moved = await call<Lane>(SOFIA, 'moveBoardItem', { customerKey: key, issueId: last.issueId, after: above });
      if (!moved.ok) throw new Error(moved.error.message);
      const order = (l: Lane) => unpinned(l).map((i) => i.issueId);
      expect(order(moved.data)[0]).toBe(last.issueId);
      expect(moved.data.items.find((i) => i.issueId === last.issueId)?.moved).toMatchObject({ by: 'Sofia Brandt', undoable: true });
      // Kept: a fresh read gives the same order.
      expect(order(await lane(key))).toEqual(order(moved.data));

      const undone = await call<Lane>(SOFIA, 'undoBoardMove', { customerKey: key, issueId: last.issueId });
      if (!undone.ok) throw new Error(undone.error.message);
      expect(order(undone.data)).toEqual(order(before));
      expect(undone.data.items.find((i) => i.issueId === last.issueId)?.moved ?? null).toBeNull();
    });

    it('undoes a second move back to the first, which keeps its own mover', async () => {
      const l = (await board(SOFIA)).lanes.find((x) => unpinned(x).length >= 3) as Lane;
      const items = unpinned(l);
      const key = l.customer.key;
      const order = (x: Lane) => unpinned(x).map((i) => i.issueId);
      const target = items[items.length - 1] as Lane['items'][number];
      const top = l.items[l.items.indexOf(items[0] as Lane['items'][number]) - 1]?.issueId ?? null;
      const first = await call<Lane>(SOFIA, 'moveBoardItem', { customerKey: key, issueId: target.issueId, after: top });
      if (!first.ok) throw new Error(first.error.message);
      const firstMove = first.data.items.find((i) => i.issueId === target.issueId)?.moved;
      // Another service manager moves it again, below the next item.
      const second = await call<Lane>(DANIEL, 'moveBoardItem', { customerKey: key, issueId: target.issueId, after: order(first.data)[1] ?? null });
      if (!second.ok) throw new Error(second.error.message);
      expect(second.data.items.find((i) => i.issueId === target.issueId)?.moved?.by).toBe('Daniel Okafor');
      const undone = await call<Lane>(DANIEL, 'undoBoardMove', { customerKey: key, issueId: target.issueId });
      if (!undone.ok) throw new Error(undone.error.message);
      expect(order(undone.data)).toEqual(order(first.data));
      expect(undone.data.items.find((i) => i.issueId === target.issueId)?.moved).toEqual({ ...firstMove, undoable: true });
    });

    it('keeps both moves when two people rank the same lane at once', async () => {
      const l = (await board(SOFIA)).lanes.find((x) => unpinned(x).length >= 4) as Lane;
      const items = unpinned(l);
      const top = l.items[l.items.indexOf(items[0] as Lane['items'][number]) - 1]?.issueId ?? null;
      const a = items[items.length - 1] as Lane['items'][number];
      const b = items[items.length - 2] as Lane['items'][number];
      const [ra, rb] = await Promise.all([
        call<Lane>(SOFIA, 'moveBoardItem', { customerKey: l.customer.key, issueId: a.issueId, after: top }),
        call<Lane>('712020:daniel.okafor', 'moveBoardItem', { customerKey: l.customer.key, issueId: b.issueId, after: top }),
      ]);
      expect([ra.ok, rb.ok]).toEqual([true, true]);
      const after = unpinned(await lane(l.customer.key)).map((i) => i.issueId);
      // Both moved items are now above every item that was not moved.
      expect(new Set(after.slice(0, 2))).toEqual(new Set([a.issueId, b.issueId]));
    });

    it("refuses a customer's contact, and an issue the mover cannot see", async () => {
      const l = (await board(RETO)).lanes[0] as Lane;
      const item = l.items[0] as Lane['items'][number];
      const refused = await call<Lane>(RETO, 'moveBoardItem', { customerKey: 'alpenbank', issueId: item.issueId, after: null });
      expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the service team can change the order of the board.' } });
      const hudson = (await board(SOFIA, { customerKey: 'hudson' })).lanes[0]?.items[0];
      const stranger = await call<Lane>(RETO, 'undoBoardMove', { customerKey: 'hudson', issueId: hudson?.issueId ?? '1' });
      expect(stranger.ok).toBe(false);
      expect(JSON.stringify(stranger)).not.toContain('Hudson');
      const missing = await call<Lane>(SOFIA, 'moveBoardItem', { customerKey: 'alpenbank', issueId: '999999', after: null });
      expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });
});
