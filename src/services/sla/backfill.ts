// Use case: recompute every issue a configuration change (or the installation) may affect: open issues and
// issues resolved in the last 90 days. It runs as queued steps that each stop before their time is up and hand
// the position to the next step, so a timeout or a crash resumes where it stopped (recomputing is idempotent).
import { JiraError } from '../../jira/errors';
import type { BackfillState, BackfillStore } from '../../store/backfill-store';
import { IDS_PER_PAGE } from '../../store/backfill-store';
import type { Recomputed } from './recompute';

/** The issues a backfill covers. */
export const BACKFILL_JQL = 'resolution = Unresolved OR resolved >= -90d ORDER BY created ASC';

/** A queued step: which run, and where in its id pages it continues. */
export interface BackfillStep {
  kind: 'backfill';
  runId: string;
  page: number;
  index: number;
}

export interface BackfillDeps {
  store: BackfillStore;
  searchIssueIds(jql: string): Promise<string[]>;
  recompute(issueId: string): Promise<Recomputed>;
  now(): number;
  /** Milliseconds left in this invocation. */
  timeLeft(): number;
}

/** Leaves this much of the invocation for the last recompute and the hand-over. */
const RESERVE_MS = 30_000;

/** Starts a run (superseding any running one) and answers its first step. */
export async function startBackfill(deps: BackfillDeps, reason: string): Promise<BackfillStep> {
  const runId = `r${deps.now().toString(36)}`;
  const ids = await deps.searchIssueIds(BACKFILL_JQL);
  const pages = Math.ceil(ids.length / IDS_PER_PAGE);
  for (let page = 0; page < pages; page++) await deps.store.savePage(runId, page, ids.slice(page * IDS_PER_PAGE, (page + 1) * IDS_PER_PAGE));
  const previous = await deps.store.state();
  await deps.store.saveState({
    runId,
    reason,
    startedAt: new Date(deps.now()).toISOString(),
    finishedAt: null,
    total: ids.length,
    done: 0,
    failed: 0,
    pages,
  });
  if (previous && previous.runId !== runId) await deps.store.deletePages(previous.runId, previous.pages);
  return { kind: 'backfill', runId, page: 0, index: 0 };
}

/** Works from `step` until the time runs short; answers the next step, or null when the run is done or superseded. */
export async function runBackfillStep(deps: BackfillDeps, step: BackfillStep): Promise<BackfillStep | null> {
  let state = await deps.store.state();
  if (!state || state.runId !== step.runId || state.finishedAt) return null;
  let { page, index } = step;
  let ids = await deps.store.page(step.runId, page);
  while (page < state.pages) {
    if (index >= ids.length) {
      page++;
      index = 0;
      ids = page < state.pages ? await deps.store.page(step.runId, page) : [];
      continue;
    }
    if (deps.timeLeft() < RESERVE_MS) break;
    const failed = await recomputeSafely(deps, ids[index] as string);
    index++;
    state = { ...state, done: Math.min(state.total, page * IDS_PER_PAGE + index), failed: state.failed + (failed ? 1 : 0) };
    // Progress is saved every 25 issues and at the end of a step, for the admin page.
    if (index % 25 === 0) await deps.store.saveState(state);
  }
  if (page >= state.pages) {
    await deps.store.saveState({ ...state, done: state.total, finishedAt: new Date(deps.now()).toISOString() });
    await deps.store.deletePages(state.runId, state.pages);
    return null;
  }
  await deps.store.saveState(state);
  return { kind: 'backfill', runId: step.runId, page, index };
}

/** True when the issue could not be recomputed for a reason retrying will not fix; transient failures throw. */
async function recomputeSafely(deps: BackfillDeps, issueId: string): Promise<boolean> {
  try {
    await deps.recompute(issueId);
    return false;
  } catch (error) {
    // Jira busy or away: the step fails and the queue runs it again later, from the saved position.
    if (error instanceof JiraError && error.retryable) throw error;
    console.warn(`sla backfill: issue ${issueId} skipped: ${error instanceof Error ? error.message : String(error)}`);
    return true;
  }
}

export type { BackfillState };
