// Worklogs: per-issue paging and start filters, the embedded 20-entry cap, Jira's `started` format, the
// site-wide feeds (1000 per page, the last minute left out, `until`/`nextPage`), and `worklog/list`'s 1000 cap.
import type { ProductEvent } from '../../local/jira/backend';
import { adf, fixtureSeed, HOUR, iso, makeHarness, T0, USERS, type Harness } from './fixture';
import type { ChangelogJson, ErrorJson, FeedJson, IssueJson, WorklogJson } from './wire';
import type { JiraSeed } from '../../local/jira/seed';

type WorklogPage = { startAt: number; maxResults: number; total: number; worklogs: WorklogJson[] };
const MINUTE = 60_000;

/** The fixture plus GLX-2 with `n` worklogs, one per minute from T0 (recorded when they end). */
function seedWithWorklogs(n: number, sameTimestamp = false): JiraSeed {
  const seed = fixtureSeed();
  seed.issues.push({
    key: 'GLX-2',
    projectKey: 'GLX',
    issueTypeId: '10001',
    summary: 'Long-running migration',
    reporterAccountId: USERS.globex,
    initial: { statusId: '3', priorityId: '3', assigneeAccountId: USERS.engineer },
    labels: [],
    components: [],
    created: iso(T0),
    history: [],
    comments: [],
    worklogs: Array.from({ length: n }, (_, i) => ({
      authorAccountId: USERS.engineer,
      started: iso(T0 + i * MINUTE),
      timeSpentSeconds: 60,
      ...(sameTimestamp ? { created: iso(T0 + 10 * HOUR) } : {}),
    })),
  });
  return seed;
}

describe('per issue', () => {
  let h: Harness;
  beforeAll(() => {
    h = makeHarness({ seed: seedWithWorklogs(30) });
  });

  it('pages with startAt/maxResults and filters by start (after inclusive, before exclusive), oldest first', async () => {
    const all = await h.call<WorklogPage>('GET', '/rest/api/3/issue/GLX-2/worklog', 'agent');
    expect([all.json.total, all.json.maxResults, all.json.worklogs.length]).toEqual([30, 5000, 30]);
    const page = await h.call<WorklogPage>('GET', '/rest/api/3/issue/GLX-2/worklog?startAt=10&maxResults=5', 'agent');
    expect(page.json.worklogs.map((w) => w.started)).toEqual([10, 11, 12, 13, 14].map((i) => iso(T0 + i * MINUTE).replace('Z', '+0100').replace('T08', 'T09')));
    const window = await h.call<WorklogPage>('GET', `/rest/api/3/issue/GLX-2/worklog?startedAfter=${T0 + 5 * MINUTE}&startedBefore=${T0 + 8 * MINUTE}`, 'app');
    expect(window.json.total).toBe(3);
    expect(window.json.worklogs.map((w) => w.started)).toEqual([5, 6, 7].map((i) => iso(T0 + i * MINUTE).replace('Z', '+0000')));
  });

  it('embeds at most 20 worklogs in the issue, with the full total', async () => {
    const i = await h.call<IssueJson>('GET', '/rest/api/3/issue/GLX-2?fields=worklog', 'agent');
    expect([i.json.fields.worklog.total, i.json.fields.worklog.maxResults, i.json.fields.worklog.worklogs.length]).toEqual([30, 20, 20]);
  });

  it('validates bodies: Jira’s started format, a time spent, ADF comments, adjustEstimate', async () => {
    const post = (body: unknown, query = '') => h.call<ErrorJson>('POST', `/rest/api/3/issue/GLX-1/worklog${query}`, 'engineer', body);
    expect((await post({ timeSpentSeconds: 600, started: '2026-03-03T09:00:00Z' })).json.errors).toHaveProperty('started');
    expect((await post({ timeSpentSeconds: 600, started: '2026-03-03' })).json.errors).toHaveProperty('started');
    expect((await post({ started: '2026-03-03T09:00:00.000+0000' })).json.errors).toHaveProperty('timeLogged');
    expect((await post({ timeSpent: 'three hours' })).json.errors).toHaveProperty('timeLogged');
    expect((await post({ timeSpentSeconds: 600, comment: 'plain' })).json.errors).toHaveProperty('comment');
    expect((await post({ timeSpentSeconds: 600 }, '?adjustEstimate=sideways')).status).toBe(400);
    const ok = await h.call<WorklogJson>('POST', '/rest/api/3/issue/GLX-1/worklog?adjustEstimate=leave', 'engineer', { timeSpent: '1d 2h', started: '2026-03-03T09:00:00.000-0230' });
    expect(ok.status).toBe(201);
    expect([ok.json.timeSpentSeconds, ok.json.timeSpent, ok.json.started]).toEqual([36000, '1d 2h', '2026-03-03T17:00:00.000+0530']);
  });

  it('only the author (or an admin) edits or deletes a worklog', async () => {
    const w = await h.call<WorklogJson>('POST', '/rest/api/3/issue/GLX-1/worklog', 'engineer', { timeSpentSeconds: 600 });
    expect((await h.call('PUT', `/rest/api/3/issue/GLX-1/worklog/${w.json.id}`, 'agent', { timeSpentSeconds: 60 })).status).toBe(403);
    expect((await h.call('DELETE', `/rest/api/3/issue/GLX-1/worklog/${w.json.id}`, 'admin')).status).toBe(204);
    expect((await h.call('GET', `/rest/api/3/issue/GLX-1/worklog/${w.json.id}`, 'admin')).status).toBe(404);
    expect((await h.call('GET', '/rest/api/3/issue/ACME-1/worklog/99999', 'admin')).status).toBe(404);
  });
});

describe('worklog/updated and worklog/deleted', () => {
  it('pages 1000 at a time, oldest first, and the cursor (until -> since) visits each worklog once', async () => {
    const h = makeHarness({ seed: seedWithWorklogs(2500), now: T0 + 100 * HOUR });
    const seen: number[] = [];
    let since = 0;
    let pages = 0;
    for (;;) {
      const page = await h.call<FeedJson>('GET', `/rest/api/3/worklog/updated?since=${since}`, 'app');
      pages++;
      expect(page.json.values.length).toBeLessThanOrEqual(1000);
      const times = page.json.values.map((v) => v.updatedTime);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      seen.push(...page.json.values.map((v) => v.worklogId));
      if (page.json.lastPage) {
        expect(page.json.nextPage).toBeUndefined();
        break;
      }
      expect(page.json.until).toBe(times[times.length - 1]);
      expect(page.json.nextPage).toBe(`http://jira.test/rest/api/3/worklog/updated?since=${page.json.until}`);
      since = page.json.until;
    }
    expect(pages).toBe(3);
    expect(seen.length).toBe(2503);
    expect(new Set(seen).size).toBe(2503);
  });

  it('ends a page after 1000 items even inside a run of equal update times, as Jira documents only the page size', async () => {
    const h = makeHarness({ seed: seedWithWorklogs(1200, true), now: T0 + 100 * HOUR });
    const first = await h.call<FeedJson>('GET', '/rest/api/3/worklog/updated?since=0', 'app');
    // Three fixture worklogs, then the first 997 of the 1200 sharing one timestamp.
    expect(first.json.values.length).toBe(1000);
    expect(first.json.lastPage).toBe(false);
    expect(first.json.until).toBe(T0 + 10 * HOUR);
    // `since` is exclusive: continuing from `until` skips the rest of the run (a client must re-read it).
    const second = await h.call<FeedJson>('GET', `/rest/api/3/worklog/updated?since=${first.json.until}`, 'app');
    expect(second.json.values.every((v) => v.updatedTime > T0 + 10 * HOUR)).toBe(true);
  });

  it('leaves out the minute before the request', async () => {
    const h = makeHarness();
    h.clock.now = Date.parse('2026-03-05T12:00:00.000Z');
    const w = await h.call<WorklogJson>('POST', '/rest/api/3/issue/ACME-2/worklog', 'engineer', { timeSpentSeconds: 600 });
    const feed = (since = 0) => h.call<FeedJson>('GET', `/rest/api/3/worklog/updated?since=${since}`, 'app');
    expect((await feed()).json.values.map((v) => String(v.worklogId))).not.toContain(w.json.id);
    h.clock.now += 59_999;
    expect((await feed()).json.values.map((v) => String(v.worklogId))).not.toContain(w.json.id);
    h.clock.now += 2;
    const later = await feed();
    expect(later.json.values.map((v) => String(v.worklogId))).toContain(w.json.id);
    // `since` is exclusive: asking from the worklog's own update time does not return it again.
    expect((await feed(later.json.until)).json.values).toEqual([]);

    await h.call('DELETE', `/rest/api/3/issue/ACME-2/worklog/${w.json.id}`, 'engineer');
    const deletedAt = h.clock.now;
    expect((await h.call<FeedJson>('GET', '/rest/api/3/worklog/deleted?since=0', 'app')).json.values).toEqual([]);
    h.clock.now += 61_000;
    const deleted = await h.call<FeedJson>('GET', '/rest/api/3/worklog/deleted?since=0', 'app');
    expect(deleted.json.values).toEqual([{ worklogId: Number(w.json.id), updatedTime: deletedAt, properties: [] }]);
    expect((await feed()).json.values.map((v) => String(v.worklogId))).not.toContain(w.json.id);
  });
});

describe('worklog/list', () => {
  it('returns the visible worklogs for at most 1000 ids, in the order asked', async () => {
    const h = makeHarness({ seed: seedWithWorklogs(1100), now: T0 + 100 * HOUR });
    const ids: number[] = [];
    for (let since = 0; ; ) {
      const page = await h.call<FeedJson>('GET', `/rest/api/3/worklog/updated?since=${since}`, 'app');
      ids.push(...page.json.values.map((v) => v.worklogId));
      if (page.json.lastPage) break;
      since = page.json.until;
    }
    const listed = await h.call<WorklogJson[]>('POST', '/rest/api/3/worklog/list', 'app', { ids });
    expect(listed.json.length).toBe(1000);
    expect(listed.json.map((w) => Number(w.id))).toEqual(ids.slice(0, 1000));
    const withProps = await h.call<(WorklogJson & { properties: unknown[] })[]>('POST', '/rest/api/3/worklog/list?expand=properties', 'app', { ids: ids.slice(0, 2) });
    expect(withProps.json.map((w) => w.properties)).toEqual([[], []]);
    expect((await h.call<ErrorJson>('POST', '/rest/api/3/worklog/list', 'app', { ids: [1, 1] })).json.errors).toHaveProperty('ids');
    expect((await h.call<ErrorJson>('POST', '/rest/api/3/worklog/list', 'app', { ids: ['1'] })).json.errors).toHaveProperty('ids');
    expect((await h.call<ErrorJson>('POST', '/rest/api/3/worklog/list', 'app', {})).json.errors).toHaveProperty('ids');
  });
});


describe('issue history of worklog writes (option worklogChangelog)', () => {
  type ChangelogPage = { values: ChangelogJson[] };
  const lastHistory = async (h: Harness, key: string) => {
    const page = await h.call<ChangelogPage>('GET', `/rest/api/3/issue/${key}/changelog`, 'agent');
    return page.json.values[page.json.values.length - 1] as ChangelogJson;
  };
  const timespent = (from: string | null, to: string | null) => ({ field: 'timespent', fieldtype: 'jira', fieldId: 'timespent', from, fromString: from, to, toString: to });
  const worklogId = (from: string | null, to: string | null) => ({ field: 'WorklogId', fieldtype: 'jira', from, fromString: from, to, toString: to });

  it('logging, editing and deleting work write timespent (seconds) and WorklogId items, as Jira does', async () => {
    const h = makeHarness({ worklogChangelog: true });
    const events: ProductEvent[] = [];
    h.jira.onEvent((e) => events.push(e));
    // ACME-2 has no time logged yet: the first `timespent` item starts from null.
    const first = await h.call<WorklogJson>('POST', '/rest/api/3/issue/ACME-2/worklog', 'engineer', { timeSpentSeconds: 3600 });
    const added = await lastHistory(h, 'ACME-2');
    expect(added.items).toEqual([timespent(null, '3600'), worklogId(null, first.json.id)]);
    expect(added.items[1]).not.toHaveProperty('fieldId');
    expect(added.author?.accountId).toBe(USERS.engineer);

    const second = await h.call<WorklogJson>('POST', '/rest/api/3/issue/ACME-2/worklog', 'engineer', { timeSpentSeconds: 1800 });
    expect((await lastHistory(h, 'ACME-2')).items).toEqual([timespent('3600', '5400'), worklogId(null, second.json.id)]);

    await h.call('PUT', `/rest/api/3/issue/ACME-2/worklog/${first.json.id}`, 'engineer', { timeSpentSeconds: 7200 });
    expect((await lastHistory(h, 'ACME-2')).items).toEqual([timespent('5400', '9000'), worklogId(first.json.id, first.json.id)]);
    // An edit that leaves the time alone writes the WorklogId item only.
    await h.call('PUT', `/rest/api/3/issue/ACME-2/worklog/${first.json.id}`, 'engineer', { comment: adf('Imaging') });
    expect((await lastHistory(h, 'ACME-2')).items).toEqual([worklogId(first.json.id, first.json.id)]);

    await h.call('DELETE', `/rest/api/3/issue/ACME-2/worklog/${second.json.id}`, 'engineer');
    expect((await lastHistory(h, 'ACME-2')).items).toEqual([
      timespent('9000', '7200'),
      worklogId(second.json.id, null),
      { field: 'WorklogTimeSpent', fieldtype: 'jira', from: '1800', fromString: '1800', to: null, toString: null },
    ]);
    await h.call('DELETE', `/rest/api/3/issue/ACME-2/worklog/${first.json.id}`, 'engineer');
    expect((await lastHistory(h, 'ACME-2')).items[0]).toEqual(timespent('7200', null));

    // Jira's Forge events reference does not say that logging work fires avi:jira:updated:issue: the emulator does not.
    expect(new Set(events.map((e) => e.eventType))).toEqual(new Set(['avi:jira:created:worklog', 'avi:jira:updated:worklog', 'avi:jira:deleted:worklog']));
  });

  it('shows in expand=changelog and changelog/bulkfetch; a fieldIds filter keeps timespent and drops WorklogId', async () => {
    const h = makeHarness({ worklogChangelog: true });
    const w = await h.call<WorklogJson>('POST', '/rest/api/3/issue/ACME-1/worklog', 'app', { timeSpentSeconds: 600 });
    const issue = await h.call<IssueJson>('GET', '/rest/api/3/issue/ACME-1?expand=changelog&fields=timespent', 'agent');
    expect(issue.json.fields.timespent).toBe(9600);
    expect(issue.json.changelog?.histories[0]?.items).toEqual([timespent('9000', '9600'), worklogId(null, w.json.id)]);
    expect(issue.json.changelog?.histories[0]?.author?.accountType).toBe('app');
    const bulk = await h.call<{ issueChangeLogs: { changeHistories: ChangelogJson[] }[] }>('POST', '/rest/api/3/changelog/bulkfetch', 'app', {
      issueIdsOrKeys: ['ACME-1'],
      fieldIds: ['timespent'],
    });
    const histories = bulk.json.issueChangeLogs[0]?.changeHistories ?? [];
    expect(histories.map((c) => c.items)).toEqual([[timespent('9000', '9600')]]);
  });

  it('is off by default: worklog writes leave the changelog alone', async () => {
    const h = makeHarness();
    const before = (await h.call<{ total: number }>('GET', '/rest/api/3/issue/ACME-2/changelog', 'agent')).json.total;
    const w = await h.call<WorklogJson>('POST', '/rest/api/3/issue/ACME-2/worklog', 'engineer', { timeSpentSeconds: 600 });
    await h.call('DELETE', `/rest/api/3/issue/ACME-2/worklog/${w.json.id}`, 'engineer');
    expect((await h.call<{ total: number }>('GET', '/rest/api/3/issue/ACME-2/changelog', 'agent')).json.total).toBe(before);
  });
});
