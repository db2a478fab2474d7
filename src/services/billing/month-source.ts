// Where a month's report comes from: counted now when it is small enough for a resolver's time, else from the
// month's background count (month-count.ts), with each closed month's snapshot and what changed since. A large
// month not counted yet is queued for counting, and the caller is told to come back in a few minutes.
import { NO_CUSTOMER, type BillingLine, type CustomerMonthSummary } from '../../contract/billing';
import type { MonthCount } from '../../store/billing-store';
import { RefusedError } from '../errors';
import { RECOUNT_AFTER_MS } from './month-count';
import { billingTerms, buildMonthReport, MonthTooLarge, type MonthReport, type ReportDeps, withClosures } from './month-report';
import { sortSummaries, summariesOf, summaryOf } from './summaries';

export interface SourceDeps extends ReportDeps {
  /** The most worklogs a resolver counts itself; a larger month is read from its background count. */
  liveWorklogLimit: number;
  /** Asks for a month to be counted in the background. */
  queueCount(month: string): Promise<void>;
}

async function largeCount(deps: SourceDeps, month: string): Promise<MonthCount | null> {
  const count = await deps.billing.monthCount(month);
  if (count === null || count.lineCount <= deps.liveWorklogLimit) return null;
  if (deps.now() - Date.parse(count.computedAt) > RECOUNT_AFTER_MS) await deps.queueCount(month);
  return count;
}

async function countedReport(deps: SourceDeps, month: string, count: MonthCount, keys: readonly string[]): Promise<MonthReport> {
  const { terms, contracts } = await billingTerms(deps.config);
  const live = new Map<string, BillingLine[]>();
  for (const key of keys) live.set(key, await deps.billing.countedLines(count, key));
  const notVisible = new Map(count.customers.filter((c) => keys.includes(c.key) && c.notVisible.length > 0).map((c) => [c.key, c.notVisible]));
  return withClosures(deps, { month, terms, contracts, live, notVisible, figuresAt: count.computedAt });
}

async function liveReport(deps: SourceDeps, month: string): Promise<MonthReport> {
  try {
    return await buildMonthReport(deps, month, { maxWorklogs: deps.liveWorklogLimit });
  } catch (error) {
    if (!(error instanceof MonthTooLarge)) throw error;
    await deps.queueCount(month);
    throw new RefusedError(`${month} has more than ${deps.liveWorklogLimit.toLocaleString('en')} worklogs: they are being counted in the background, and the figures appear here within a few minutes.`);
  }
}

/** The month's report for one customer (or all): counted now, or from the background count of a large month. */
export async function reportFor(deps: SourceDeps, month: string, customerKey?: string): Promise<MonthReport> {
  const count = await largeCount(deps, month);
  if (!count) return liveReport(deps, month);
  return countedReport(deps, month, count, customerKey ? [customerKey] : count.customers.map((c) => c.key));
}

/**
 * Every customer's figures for the month. From a count, a customer's stored figures stand unless the month was
 * closed or reopened since (its closure is read now, and a closed month's figures are its snapshot's).
 */
export async function overviewSummaries(deps: SourceDeps, month: string): Promise<{ customers: CustomerMonthSummary[]; figuresAt: string | null }> {
  const count = await largeCount(deps, month);
  if (!count) return { customers: summariesOf(await liveReport(deps, month)), figuresAt: null };
  const customers: CustomerMonthSummary[] = [];
  for (const c of count.customers) {
    const period = c.key === NO_CUSTOMER ? null : await deps.billing.period(c.key, month);
    if (!period?.snapshotId && !c.summary?.closure) {
      if (c.summary) customers.push(c.summary);
      continue;
    }
    customers.push(summaryOf(await countedReport(deps, month, count, [c.key]), c.key));
  }
  return { customers: sortSummaries(customers), figuresAt: count.computedAt };
}
