// Months counted in the background: after each worklog sync (this month and the last, the one being invoiced)
// and on request for a month too large to count inside a resolver. A count keeps each customer's figures and
// live lines, so the page shows a large month, and closes it, without reading all its worklogs again. The
// board's lane health reads this month's billable hours from it.
import { monthOf } from '../../domain/contracts';
import type { BillingStore } from '../../store/billing-store';
import { buildMonthReport, type ReportDeps } from './month-report';
import { summariesOf } from './summaries';

/** The months a sync counts: this one and the last (UTC months). */
export function monthsToCount(now: number): string[] {
  const current = monthOf(now, 'UTC');
  return [monthOf(current.from - 1, 'UTC').label, current.label];
}

/** A count older than this is redone (when read, or by the next sync) though no worklog changed: the terms may have. */
export const RECOUNT_AFTER_MS = 15 * 60_000;

/**
 * Whether a month's count still stands: it began after the worklog copy last changed, and is recent. A sync that
 * changes nothing then costs no Jira search.
 */
export async function countIsCurrent(deps: Pick<ReportDeps, 'billing' | 'worklogs' | 'now'>, month: string): Promise<boolean> {
  const count = await deps.billing.monthCount(month);
  if (!count) return false;
  const at = Date.parse(count.computedAt);
  return at > (await deps.worklogs.changedAt()) && deps.now() - at <= RECOUNT_AFTER_MS;
}

export async function countMonth(deps: ReportDeps, month: string): Promise<void> {
  // Stamped with its start: a worklog changed while it counts makes the next sync count again.
  const startedAt = deps.now();
  const report = await buildMonthReport(deps, month);
  const summaries = new Map(summariesOf(report).map((s) => [s.customerKey, s]));
  const keys = new Set([...report.live.keys(), ...report.notVisible.keys()]);
  await deps.billing.saveMonthCount(month, {
    computedAt: new Date(startedAt).toISOString(),
    lineCount: [...report.live.values()].reduce((n, l) => n + l.length, 0),
    customers: [...keys].map((key) => ({ key, summary: summaries.get(key) ?? null, notVisible: report.notVisible.get(key) ?? [], lines: report.live.get(key) ?? [] })),
  });
}

/** This month's billable seconds per customer, as last counted (the board's lane health). */
export function hoursUsed(billing: Pick<BillingStore, 'monthCount'>) {
  return {
    async usedThisMonth(now: number): Promise<ReadonlyMap<string, number> | null> {
      const count = await billing.monthCount(monthOf(now, 'UTC').label);
      if (!count) return null;
      return new Map(count.customers.flatMap((c) => (c.summary ? [[c.key, c.summary.billableSeconds] as [string, number]] : [])));
    },
  };
}
