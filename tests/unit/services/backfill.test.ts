// The backfill's steps over plain in-memory parts: each step stops when its time runs short and hands on its
// position; a step that fails (Jira away, or the function killed) is run again from the position it was given,
// and the run still covers every issue; a newer run supersedes an older one.
import { JiraUnavailable } from '../../../src/jira/errors';
import { runBackfillStep, startBackfill, type BackfillDeps, type BackfillStep } from '../../../src/services/sla/backfill';
import type { BackfillState, BackfillStore } from '../../../src/store/backfill-store';

function memoryStore(): BackfillStore & { pages: Map<string, string[]> } {
  let state: BackfillState | null = null;
  const pages = new Map<string, string[]>();
  return {
    pages,
    state: async () => (state ? { ...state } : null),
    saveState: async (s) => void (state = { ...s }),
    savePage: async (runId, page, ids) => void pages.set(`${runId}:${page}`, [...ids]),
    page: async (runId, page) => pages.get(`${runId}:${page}`) ?? [],
    deletePages: async (runId, count) => {
      for (let p = 0; p < count; p++) pages.delete(`${runId}:${p}`);
    },
  };
}

function world(issueCount: number, stepBudget: number) {
  const ids = Array.from({ length: issueCount }, (_, i) => String(10_000 + i));
  const recomputed: string[] = [];
  let clock = Date.parse('2026-12-01T10:00:00Z');
  let budget = stepBudget;
  let failOn: string | null = null;
  const store = memoryStore();
  const deps: BackfillDeps = {
    store,
    searchIssueIds: async () => ids,
    async recompute(issueId) {
      if (issueId === failOn) {
        failOn = null;
        throw new JiraUnavailable({ operation: 'getIssue', what: `issue ${issueId}`, actor: 'app' }, { attempts: 4, stoppedBy: 'retries' }, { status: 503 });
      }
      recomputed.push(issueId);
      budget--;
      return { outcome: 'written' };
    },
    now: () => (clock += 1000),
    // Each recompute costs a share of the step's time: the step hands on when too little is left.
    timeLeft: () => (budget > 0 ? 60_000 : 0),
  };
  return {
    ids,
    recomputed,
    deps,
    store,
    newStep: () => (budget = stepBudget),
    failAt: (issueId: string) => (failOn = issueId),
  };
}

async function runToEnd(w: ReturnType<typeof world>, first: BackfillStep): Promise<number> {
  let step: BackfillStep | null = first;
  let steps = 0;
  while (step) {
    w.newStep();
    steps++;
    try {
      step = await runBackfillStep(w.deps, step);
    } catch {
      // The queue runs the same step again.
    }
    if (steps > 1000) throw new Error('the backfill does not end');
  }
  return steps;
}

describe('SLA backfill', () => {
  it('covers every issue in steps that each stop before their time is up, across id pages', async () => {
    const w = world(4500, 700);
    const first = await startBackfill(w.deps, 'installed');
    const steps = await runToEnd(w, first);
    expect(new Set(w.recomputed).size).toBe(4500);
    expect(steps).toBeGreaterThanOrEqual(7);
    const state = await w.store.state();
    expect(state).toMatchObject({ reason: 'installed', total: 4500, done: 4500, failed: 0, finishedAt: expect.any(String) });
    expect(w.store.pages.size).toBe(0);
  });

  it('resumes from the position it was given after a failed step, recomputing at most that step again', async () => {
    const w = world(300, 100);
    w.failAt('10150');
    const first = await startBackfill(w.deps, 'calendar saved');
    await runToEnd(w, first);
    expect(new Set(w.recomputed).size).toBe(300);
    // Only the issues of the failed step before the failure were done twice (recomputing is idempotent).
    expect(w.recomputed.length - 300).toBeLessThanOrEqual(100);
    expect((await w.store.state())?.done).toBe(300);
  });

  it('stops an older run when a newer one starts', async () => {
    const w = world(500, 100);
    const old = await startBackfill(w.deps, 'calendar saved');
    w.newStep();
    const next = await runBackfillStep(w.deps, old);
    const newer = await startBackfill(w.deps, 'policy saved');
    w.newStep();
    expect(next && (await runBackfillStep(w.deps, next))).toBeNull();
    await runToEnd(w, newer);
    expect((await w.store.state())).toMatchObject({ reason: 'policy saved', done: 500 });
  });
});
