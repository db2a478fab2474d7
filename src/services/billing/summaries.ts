// A customer's month in figures, from a month's report: the summaries the page and the exports show.
import { type CustomerMonthSummary, NO_CUSTOMER } from '../../contract/billing';
import { summariseCustomerMonth, type BillingCustomer } from '../../domain/billing';
import { NotFoundError } from '../errors';
import type { MonthReport } from './month-report';

const NO_CUSTOMER_ENTRY: BillingCustomer = { key: NO_CUSTOMER, name: 'No customer', timeZone: 'UTC' };

export function customerOf(report: MonthReport, key: string): BillingCustomer {
  if (key === NO_CUSTOMER) return NO_CUSTOMER_ENTRY;
  const customer = report.terms.customers.get(key);
  if (!customer) throw new NotFoundError(`There is no customer ${key}.`);
  return customer;
}

export function summaryOf(report: MonthReport, key: string): CustomerMonthSummary {
  const lines = report.lines.get(key) ?? [];
  const period = report.periods.get(key);
  const closedEvent = period?.snapshotId ? period.history.findLast((e) => e.action === 'closed') : undefined;
  return {
    ...summariseCustomerMonth(lines, customerOf(report, key), report.terms, report.month),
    notVisibleSeconds: (report.notVisible.get(key) ?? []).reduce((s, n) => s + n.seconds, 0),
    changedAfterClose: report.changedAfterClose.get(key)?.length ?? 0,
    closure: period?.snapshotId && closedEvent ? { closedAt: closedEvent.at, closedBy: closedEvent.by, lineCount: period.lineCount } : null,
  };
}

/** Customers with something to invoice or report this month: lines, a contract in force, or a closed month. */
export function summariesOf(report: MonthReport): CustomerMonthSummary[] {
  const keys = [...report.lines.keys(), ...report.notVisible.keys()];
  const out: CustomerMonthSummary[] = [];
  for (const key of new Set(keys)) {
    if (key === NO_CUSTOMER && (report.lines.get(key)?.length ?? 0) === 0 && !report.notVisible.has(key)) continue;
    const summary = summaryOf(report, key);
    if (summary.lineCount > 0 || summary.contractId !== null || summary.closure !== null || summary.notVisibleSeconds > 0) out.push(summary);
  }
  return sortSummaries(out);
}

/** Customers by name; hours without a customer last. */
export function sortSummaries(summaries: CustomerMonthSummary[]): CustomerMonthSummary[] {
  return summaries.sort((a, b) => Number(a.customerKey === NO_CUSTOMER) - Number(b.customerKey === NO_CUSTOMER) || a.customerName.localeCompare(b.customerName));
}

