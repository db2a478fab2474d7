// This month's billable seconds per customer, counted after each worklog sync and read by the priority board's
// lane health (one KVS read instead of a month of worklogs). Months are UTC months here: the board shows a
// customer's use of the month, and a few hours at the month's edges do not change what it tells.
import { monthOf } from '../../domain/contracts';
import type { BillingStore } from '../../store/billing-store';
import { buildMonthReport, type ReportDeps } from './month-report';
import { summariesOf } from './views';

export const figuresMonth = (now: number): string => monthOf(now, 'UTC').label;

export async function countMonthFigures(deps: ReportDeps): Promise<void> {
  const month = figuresMonth(deps.now());
  const report = await buildMonthReport(deps, month);
  await deps.billing.saveMonthFigures(month, new Map(summariesOf(report).map((s) => [s.customerKey, s.billableSeconds])));
}

export function hoursUsed(billing: Pick<BillingStore, 'monthFigures'>) {
  return { usedThisMonth: (now: number) => billing.monthFigures(figuresMonth(now)) };
}
