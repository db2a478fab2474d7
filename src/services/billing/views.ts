// What the billing page shows: every customer's month, one customer's month in depth, and closing or
// reopening a customer's month (the invoice becomes a stored snapshot; later changes are listed beside it).
import { randomUUID } from 'node:crypto';
import {
  type BillingCustomerMonth,
  type BillingLine,
  type BillingOverview,
  type ClosureEvent,
  type WorklogSyncStatus,
} from '../../contract/billing';
import { burnOf, drillDown } from '../../domain/billing';
import { monthOf } from '../../domain/contracts';
import { PeriodStateChanged } from '../../store/billing-store';
import { NotFoundError, RefusedError } from '../errors';
import { type MonthReport, type ReportDeps } from './month-report';
import { overviewSummaries, reportFor, type SourceDeps } from './month-source';
import { customerOf, summaryOf } from './summaries';

/** Excluded lines shown on the page; the export has them all. */
const EXCLUDED_SHOWN = 500;

async function syncStatus(deps: ReportDeps): Promise<WorklogSyncStatus> {
  const state = await deps.worklogs.syncState();
  return { lastSyncedAt: state.lastSyncedAt, coveredUntil: state.updatedSince > 0 ? new Date(state.updatedSince).toISOString() : null };
}

export async function loadOverview(deps: SourceDeps, month: string): Promise<BillingOverview> {
  const { customers, figuresAt } = await overviewSummaries(deps, month);
  return { month, customers, figuresAt, sync: await syncStatus(deps) };
}

export async function loadCustomerMonth(deps: SourceDeps, month: string, key: string, mayReopen: boolean): Promise<BillingCustomerMonth> {
  const report = await reportFor(deps, month, key);
  customerOf(report, key);
  const lines = report.lines.get(key) ?? [];
  const excluded = lines.filter((l) => l.excluded !== null);
  return {
    month,
    summary: summaryOf(report, key),
    burn: burnOf(lines, month),
    issues: drillDown(lines),
    excluded: excluded.slice(0, EXCLUDED_SHOWN),
    excludedCount: excluded.length,
    notVisible: report.notVisible.get(key) ?? [],
    changedAfterClose: report.changedAfterClose.get(key) ?? [],
    history: report.periods.get(key)?.history ?? [],
    mayReopen,
    figuresAt: report.figuresAt,
  };
}

export interface Actor {
  accountId: string;
  displayName: string;
}

/** A month can be invoiced once it has ended where the customer is. */
function checkEnded(report: MonthReport, key: string, now: number): void {
  const zone = customerOf(report, key).timeZone;
  if (monthOf(now, zone).label <= report.month) throw new RefusedError(`${report.month} has not ended yet for ${customerOf(report, key).name}; it can be closed from the first of the next month.`);
}

export async function closeMonth(deps: SourceDeps, month: string, key: string, by: Actor): Promise<ClosureEvent> {
  const report = await reportFor(deps, month, key);
  checkEnded(report, key, deps.now());
  if (report.periods.get(key)?.snapshotId) throw new RefusedError(`${month} of ${customerOf(report, key).name} is already closed.`);
  const lines: BillingLine[] = report.lines.get(key) ?? [];
  const event: ClosureEvent = { action: 'closed', at: new Date(deps.now()).toISOString(), by, reason: null };
  try {
    await deps.billing.close(key, month, randomUUID(), lines, event);
  } catch (error) {
    if (error instanceof PeriodStateChanged) throw new RefusedError(`${month} of ${customerOf(report, key).name} was closed meanwhile.`);
    throw error;
  }
  return event;
}

export async function reopenMonth(deps: ReportDeps, month: string, key: string, reason: string, by: Actor): Promise<ClosureEvent> {
  const period = await deps.billing.period(key, month);
  const name = (await deps.config.getCustomer(key))?.record.name;
  if (!name) throw new NotFoundError(`There is no customer ${key}.`);
  if (!period?.snapshotId) throw new RefusedError(`${month} of ${name} is not closed.`);
  const event: ClosureEvent = { action: 'reopened', at: new Date(deps.now()).toISOString(), by, reason };
  try {
    await deps.billing.reopen(key, month, event);
  } catch (error) {
    if (error instanceof PeriodStateChanged) throw new RefusedError(`${month} of ${name} was reopened meanwhile.`);
    throw error;
  }
  return event;
}
