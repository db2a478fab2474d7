// Use case: the scheduled sweep. It visits only the issues whose next warning or breach instant has passed (an
// index on that instant, never a scan of every issue), recomputes them, and announces each crossing once to
// the assignee and the customer's service manager.
import type { Crossing } from '../../domain/sla';
import type { IssueSlaRecord, SlaStore } from '../../store/sla-store';
import type { Recomputed } from './recompute';

export interface Announcement {
  issueId: string;
  issueKey: string;
  crossing: Crossing;
  metricName: string;
  assigneeAccountId: string | null;
  /** The service manager of the issue's customer, when one is named. */
  serviceManagerAccountId: string | null;
}

export interface SweepDeps {
  sla: SlaStore;
  recompute(issueId: string): Promise<Recomputed>;
  announce(announcement: Announcement): Promise<void>;
  now: number;
  /** Milliseconds left in this invocation: the sweep stops early and the next run continues. */
  timeLeft(): number;
}

export interface SweepReport {
  visited: number;
  announced: number;
  /** Issues that failed this time (Jira refused or was away); they stay due for the next run. */
  failed: number;
  /** True when it stopped for time; the issues left are still due and the next run takes them. */
  unfinished: boolean;
}

/** Leaves this much of the invocation for the last issue's writes. */
const RESERVE_MS = 20_000;

/** The id of a crossing: a clock crosses each threshold once per cycle. */
export const crossingId = (c: Crossing, cycles: number): string => `${c.metricKey}:${c.kind}:${cycles}`;

export async function runSlaSweep(deps: SweepDeps): Promise<SweepReport> {
  const report: SweepReport = { visited: 0, announced: 0, failed: 0, unfinished: false };
  let cursor: string | undefined;
  do {
    const page = await deps.sla.dueForSweep(deps.now, cursor);
    for (const issueId of page.issueIds) {
      if (deps.timeLeft() < RESERVE_MS) return { ...report, unfinished: true };
      report.visited++;
      try {
        report.announced += await sweepIssue(deps, issueId);
      } catch (error) {
        // One issue Jira will not serve now must not hold up the others.
        report.failed++;
        console.warn(`sla-sweep: issue ${issueId} left for the next run: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return report;
}

async function sweepIssue(deps: SweepDeps, issueId: string): Promise<number> {
  const result = await deps.recompute(issueId);
  const results = result.evaluation?.results;
  if (result.outcome === 'gone' || !result.evaluation || !results) return 0;
  const tracking = result.evaluation.tracking;
  // The record the recompute stored (or kept); read again only when another recompute got there first.
  let record = result.record ?? (await deps.sla.get(issueId));
  let announced = 0;
  // What the clocks say now decides what is due; `announced` makes each crossing of each cycle go out once.
  for (const [metricKey, clock] of Object.entries(results)) {
    if (clock.state !== 'running' || !(clock.warning || clock.breached)) continue;
    const crossing: Crossing = { metricKey, kind: clock.breached ? 'breach' : 'warning', at: deps.now };
    const id = crossingId(crossing, clock.cycles);
    if (!record || record.announced.includes(id)) continue;
    // Marked before it is sent, so no later sweep repeats it. A failed send takes the mark back and keeps the
    // issue due, so the next sweep tries again; only a crash between the mark and Jira's answer can lose one.
    const unmarked: IssueSlaRecord = record;
    record = { ...record, announced: [...record.announced, id].slice(-50) };
    if ((await deps.sla.save(record)) !== 'saved') break;
    try {
      await deps.announce({
        issueId,
        issueKey: record.issueKey,
        crossing,
        metricName: clock.name,
        assigneeAccountId: result.issue?.assigneeAccountId ?? null,
        serviceManagerAccountId: tracking.tracked ? tracking.customer.serviceManagerAccountId : null,
      });
    } catch (error) {
      await deps.sla.save({ ...unmarked, crossings: [crossing, ...unmarked.crossings] });
      throw error;
    }
    announced++;
  }
  return announced;
}
