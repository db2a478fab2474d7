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
  /** True when it stopped for time; the issues left are still due and the next run takes them. */
  unfinished: boolean;
}

/** Leaves this much of the invocation for the last issue's writes. */
const RESERVE_MS = 20_000;

/** The id of a crossing: a clock crosses each threshold once per cycle. */
export const crossingId = (c: Crossing, cycles: number): string => `${c.metricKey}:${c.kind}:${cycles}`;

export async function runSlaSweep(deps: SweepDeps): Promise<SweepReport> {
  const report: SweepReport = { visited: 0, announced: 0, unfinished: false };
  let cursor: string | undefined;
  do {
    const page = await deps.sla.dueForSweep(deps.now, cursor);
    for (const issueId of page.issueIds) {
      if (deps.timeLeft() < RESERVE_MS) return { ...report, unfinished: true };
      report.announced += await sweepIssue(deps, issueId);
      report.visited++;
    }
    cursor = page.cursor;
  } while (cursor);
  return report;
}

async function sweepIssue(deps: SweepDeps, issueId: string): Promise<number> {
  const before = await deps.sla.get(issueId);
  if (!before) return 0;
  const passed = before.crossings.filter((c) => c.at <= deps.now);
  const result = await deps.recompute(issueId);
  if (result.outcome === 'gone' || !result.evaluation) return 0;
  const tracking = result.evaluation.tracking;
  let announced = 0;
  let record: IssueSlaRecord | null = (await deps.sla.get(issueId)) ?? null;
  for (const crossing of passed) {
    const cycles = result.evaluation.results?.[crossing.metricKey]?.cycles ?? 0;
    const id = crossingId(crossing, cycles);
    if (!record || record.announced.includes(id)) continue;
    // Marked before it is sent: a crash in between loses this one announcement rather than repeating it later.
    record = { ...record, announced: [...record.announced, id].slice(-50) };
    if ((await deps.sla.save(record)) !== 'saved') break;
    await deps.announce({
      issueId,
      issueKey: record.issueKey,
      crossing,
      metricName: result.evaluation.results?.[crossing.metricKey]?.name ?? crossing.metricKey,
      assigneeAccountId: result.issue?.assigneeAccountId ?? null,
      serviceManagerAccountId: tracking.tracked ? tracking.customer.serviceManagerAccountId : null,
    });
    announced++;
  }
  return announced;
}
