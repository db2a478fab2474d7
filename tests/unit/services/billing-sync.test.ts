// The worklog feeds as Jira documents them (1000 per page, `since` exclusive, a page may end inside a run of
// worklogs changed in the same millisecond), here with pages of 5: the sync must still hold every worklog,
// and drop the deleted ones, whatever the page boundaries.
import type { FeedPage, JiraWorklog } from '../../../src/jira/worklogs';
import { nextCursor, syncWorklogs, type SyncDeps } from '../../../src/services/billing/sync';
import { INITIAL_SYNC, type WorklogStore, type WorklogSyncState } from '../../../src/store/worklog-store';

const PAGE = 5;

function feedOf(items: { worklogId: string; time: number }[], since: number): FeedPage {
  const after = items.filter((i) => i.time > since).sort((a, b) => a.time - b.time || a.worklogId.localeCompare(b.worklogId));
  const values = after.slice(0, PAGE);
  return { values, until: values.at(-1)?.time ?? since, lastPage: after.length <= PAGE };
}

/** Jira as data: the worklogs it holds, when each changed, and the ids deleted when. */
function fakeJira(worklogs: JiraWorklog[], deleted: { worklogId: string; time: number }[]): SyncDeps['jira'] & { calls: number } {
  const byId = new Map(worklogs.map((w) => [w.id, w]));
  const jira = {
    calls: 0,
    async worklogsUpdatedSince(since: number) {
      jira.calls++;
      return feedOf(worklogs.map((w) => ({ worklogId: w.id, time: w.updated })), since);
    },
    async worklogsDeletedSince(since: number) {
      jira.calls++;
      return feedOf(deleted, since);
    },
    async worklogsByIds(ids: readonly string[]) {
      jira.calls++;
      return ids.map((id) => byId.get(id)).filter((w): w is JiraWorklog => w !== undefined && !deleted.some((d) => d.worklogId === w.id));
    },
    async getWorklog() {
      return null;
    },
    async issueWorklogs() {
      return [];
    },
  };
  return jira;
}

function memoryStore(): WorklogStore & { held: Map<string, JiraWorklog> } {
  const held = new Map<string, JiraWorklog>();
  let state: WorklogSyncState = { ...INITIAL_SYNC };
  return {
    held,
    async upsert(worklogs) {
      for (const w of worklogs) held.set(w.id, w);
      return new Set(worklogs.map((w) => w.issueId));
    },
    async remove(ids) {
      const issues = new Set<string>();
      for (const id of ids) {
        const w = held.get(id);
        if (w) issues.add(w.issueId);
        held.delete(id);
      }
      return issues;
    },
    async *startedBetween() {
      yield [...held.values()];
    },
    async ofIssue(issueId) {
      return [...held.values()].filter((w) => w.issueId === issueId);
    },
    async recount() {},
    async totals() {
      return new Map();
    },
    async changedAt() {
      return 0;
    },
    async syncState() {
      return { ...state };
    },
    async saveSyncState(s) {
      state = { ...s };
    },
  };
}

const worklog = (id: number, updated: number): JiraWorklog => ({
  id: String(id),
  issueId: String(100 + (id % 3)),
  authorAccountId: 'a',
  authorName: 'A',
  started: Date.UTC(2026, 10, 3),
  seconds: 600,
  updated,
});

describe('worklog sync from the feeds', () => {
  it('continues one millisecond before the youngest item, so a page ending inside a run loses nothing', () => {
    expect(nextCursor(100, { until: 200, lastPage: false })).toBe(199);
    expect(nextCursor(100, { until: 200, lastPage: true })).toBe(200);
    // A whole page in one millisecond: moving on is the only way forward.
    expect(nextCursor(199, { until: 200, lastPage: false })).toBe(200);
    expect(nextCursor(300, { until: 300, lastPage: true })).toBe(300);
  });

  it('holds every worklog when pages of 5 end inside runs of worklogs changed in the same millisecond', async () => {
    const worklogs = [
      worklog(1, 1000),
      worklog(2, 1000),
      worklog(3, 1500),
      ...Array.from({ length: 4 }, (_, i) => worklog(10 + i, 2000)),
      ...Array.from({ length: 3 }, (_, i) => worklog(20 + i, 2500)),
      worklog(40, 3000),
    ];
    // What a client continuing with since=until would get: the rest of the run is lost.
    const naive = new Set<string>();
    const changes = worklogs.map((w) => ({ worklogId: w.id, time: w.updated }));
    for (let page = feedOf(changes, 0); ; page = feedOf(changes, page.until)) {
      for (const v of page.values) naive.add(v.worklogId);
      if (page.lastPage) break;
    }
    expect(naive.size).toBeLessThan(worklogs.length);

    const store = memoryStore();
    const report = await syncWorklogs({ jira: fakeJira(worklogs, []), worklogs: store, now: () => 5000, timeLeft: () => 60_000 });
    expect([...store.held.keys()].sort()).toEqual(worklogs.map((w) => w.id).sort());
    expect(report.complete).toBe(true);
    expect(report.state.updatedSince).toBe(3000);
    expect(report.state.lastSyncedAt).toBe(new Date(5000).toISOString());
  });

  it('drops deleted worklogs, and the next run reads only what changed since its cursors', async () => {
    const worklogs = Array.from({ length: 8 }, (_, i) => worklog(i + 1, 1000 + i));
    const deleted = [{ worklogId: '3', time: 1500 }, { worklogId: '4', time: 1500 }];
    const store = memoryStore();
    const jira = fakeJira(worklogs, deleted);
    await syncWorklogs({ jira, worklogs: store, now: () => 5000, timeLeft: () => 60_000 });
    expect([...store.held.keys()].sort()).toEqual(['1', '2', '5', '6', '7', '8']);
    const before = jira.calls;
    await syncWorklogs({ jira, worklogs: store, now: () => 6000, timeLeft: () => 60_000 });
    // One empty page of each feed.
    expect(jira.calls - before).toBe(2);
  });

  it('stops before its time is up and goes on from the saved cursor', async () => {
    const worklogs = Array.from({ length: 20 }, (_, i) => worklog(i + 1, 1000 + i * 10));
    const store = memoryStore();
    let left = 3;
    const timeLeft = () => (left-- > 0 ? 60_000 : 0);
    const first = await syncWorklogs({ jira: fakeJira(worklogs, []), worklogs: store, now: () => 5000, timeLeft });
    expect(first.complete).toBe(false);
    expect(first.state.lastSyncedAt).toBeNull();
    expect(store.held.size).toBeLessThan(20);
    const second = await syncWorklogs({ jira: fakeJira(worklogs, []), worklogs: store, now: () => 6000, timeLeft: () => 60_000 });
    expect(second.complete).toBe(true);
    expect(store.held.size).toBe(20);
  });
});
