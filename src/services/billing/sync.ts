// Keeps the app's copy of Jira's worklogs: the site-wide feeds from their cursors (the bulk path), one worklog
// from its event (the fast path), and one issue's worklogs of a month (reconciliation, for what the feeds
// cannot tell: worklogs moved between issues, restricted ones, a feed that skipped a run of equal times).
import type { JiraGateway } from '../../jira/gateway';
import { WORKLOG_LIST_MAX } from '../../jira/worklogs';
import type { WorklogStore, WorklogSyncState } from '../../store/worklog-store';

export interface SyncDeps {
  jira: Pick<JiraGateway, 'worklogsUpdatedSince' | 'worklogsDeletedSince' | 'worklogsByIds' | 'getWorklog' | 'issueWorklogs'>;
  worklogs: WorklogStore;
  now: () => number;
  /** Milliseconds left in this invocation. */
  timeLeft: () => number;
}

export interface SyncReport {
  state: WorklogSyncState;
  /** False when time ran out before the feeds' last pages; the next run goes on from the cursors. */
  complete: boolean;
  stored: number;
  removed: number;
}

/** Stop taking another page with less time than this left (two Jira calls, 80 KVS batches, and the last recount). */
const PAGE_RESERVE_MS = 60_000;
/** Recount and save the cursors once this many issues await their totals. */
const FLUSH_ISSUES = 2_000;

/**
 * The cursor after a page. Jira's `since` is exclusive and a page may end inside a run of worklogs changed in
 * the same millisecond, so the next read starts one millisecond before the page's youngest item (what is read
 * twice is stored once). Only when a whole page is that one millisecond does the cursor move past it: the
 * reconciliation of the month catches what that skips.
 */
export function nextCursor(since: number, page: { until: number; lastPage: boolean }): number {
  if (page.lastPage) return Math.max(since, page.until);
  return page.until - 1 > since ? page.until - 1 : page.until;
}

export async function syncWorklogs(deps: SyncDeps): Promise<SyncReport> {
  const state = await deps.worklogs.syncState();
  let stored = 0;
  let removed = 0;
  let complete = true;
  // Issues whose totals are due, recounted once each before the cursors that passed them are saved: a run cut short
  // loses nothing, and an issue changed on many pages is recounted once per flush, not once per page.
  const touched = new Set<string>();
  const flush = async () => {
    await deps.worklogs.recount(touched);
    touched.clear();
    await deps.worklogs.saveSyncState(state);
  };

  for (;;) {
    if (deps.timeLeft() < PAGE_RESERVE_MS) {
      complete = false;
      break;
    }
    const page = await deps.jira.worklogsUpdatedSince(state.updatedSince);
    const ids = [...new Set(page.values.map((v) => v.worklogId))];
    for (let i = 0; i < ids.length; i += WORKLOG_LIST_MAX) {
      // Worklogs deleted since the feed listed them are absent here; the deleted feed removes them.
      const worklogs = await deps.jira.worklogsByIds(ids.slice(i, i + WORKLOG_LIST_MAX));
      for (const issueId of await deps.worklogs.upsert(worklogs)) touched.add(issueId);
      stored += worklogs.length;
    }
    state.updatedSince = nextCursor(state.updatedSince, page);
    if (touched.size >= FLUSH_ISSUES) await flush();
    if (page.lastPage) break;
  }

  for (;;) {
    if (!complete || deps.timeLeft() < PAGE_RESERVE_MS) {
      complete = false;
      break;
    }
    const page = await deps.jira.worklogsDeletedSince(state.deletedSince);
    const ids = [...new Set(page.values.map((v) => v.worklogId))];
    for (const issueId of await deps.worklogs.remove(ids)) touched.add(issueId);
    removed += ids.length;
    state.deletedSince = nextCursor(state.deletedSince, page);
    if (touched.size >= FLUSH_ISSUES) await flush();
    if (page.lastPage) break;
  }

  if (complete) state.lastSyncedAt = new Date(deps.now()).toISOString();
  await flush();
  return { state, complete, stored, removed };
}

/** The fast path: a worklog event names one worklog; Jira's current state of it is stored (or its absence). */
export async function syncWorklogEvent(deps: SyncDeps, kind: 'created' | 'updated' | 'deleted', issueId: string, worklogId: string): Promise<void> {
  let touched: Set<string>;
  if (kind === 'deleted') {
    touched = await deps.worklogs.remove([worklogId]);
  } else {
    const worklog = await deps.jira.getWorklog(issueId, worklogId);
    // Gone or hidden from the app by now: the feeds decide (never delete without the deleted feed or a 404 of the issue's list).
    if (!worklog) return;
    touched = await deps.worklogs.upsert([worklog]);
  }
  await deps.worklogs.recount(touched);
}

/** A deleted issue's worklogs leave the copy with it (Jira deletes them too). */
export async function forgetIssue(deps: Pick<SyncDeps, 'worklogs'>, issueId: string): Promise<void> {
  const held = await deps.worklogs.ofIssue(issueId);
  if (held.length === 0) return;
  await deps.worklogs.remove(held.map((w) => w.id));
  await deps.worklogs.recount([issueId]);
}

/**
 * Makes the copy of an issue's worklogs started in `[from, to)` what Jira answers now: adds what is missing,
 * updates what changed; a held worklog Jira no longer lists there is read by id: stored again where it moved,
 * dropped when Jira does not return it at all (deleted, or hidden from the app: then Jira's time tracking
 * still counts it and the report shows it as not visible). Answers false when the app cannot see the issue.
 */
export async function reconcileIssue(deps: SyncDeps, issueId: string, from: number, to: number): Promise<boolean> {
  const fresh = await deps.jira.issueWorklogs(issueId, from, to);
  if (fresh === null) return false;
  const listed = new Set(fresh.map((w) => w.id));
  const missing = (await deps.worklogs.ofIssue(issueId, from, to)).filter((w) => !listed.has(w.id)).map((w) => w.id);
  const touched = await deps.worklogs.upsert(fresh);
  touched.add(issueId);
  for (let i = 0; i < missing.length; i += WORKLOG_LIST_MAX) {
    const ids = missing.slice(i, i + WORKLOG_LIST_MAX);
    const elsewhere = await deps.jira.worklogsByIds(ids);
    for (const id of await deps.worklogs.upsert(elsewhere)) touched.add(id);
    // Neither on the issue nor readable by id: deleted (or hidden from the app now). Jira's deleted feed would
    // say the first; either way it no longer counts for this issue.
    const found = new Set(elsewhere.map((w) => w.id));
    const gone = ids.filter((id) => !found.has(id));
    if (gone.length > 0) await deps.worklogs.remove(gone);
  }
  await deps.worklogs.recount(touched);
  return true;
}
